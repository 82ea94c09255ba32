"""States said with no verb and no "I'm", as people write them in chat: "No pets anymore",
"Back in Glasgow for good", "Off sugar since the new year", "Tea drinker these days",
"Huge Arsenal fan since I was six", "RIP Bubbles", "Born in Kraków". Read by
:func:`engram.pipeline.rules._fragments.subjectless`, which puts other fragments in the
facts' form.

>>> verbless("No pets anymore"), verbless("Night owl, always have been")
('No longer has pets', 'Has always been a night owl')
>>> verbless("Off to the shops") is None, verbless("No worries") is None
(True, True)
>>> held_for("Vegan now, six months in")
'Vegan now'
"""

from __future__ import annotations

import re

from engram.pipeline.rules._rewrite import article
from engram.pipeline.rules._wh import EMPHASIS

__all__ = ["agent_note", "base_form", "counted", "held_for", "verbless"]

# Things a person has or has not, said with "no": "No kids", "No pets anymore".
_NO_THING = re.compile(r"^no\s+(kids|children|pets|siblings|brothers|sisters|car|partner|job|"
                       r"allergies|tattoos|garden|tv|dogs?|cats?|plans)(\s+any\s?more|\s+now)?(\s+yet)?$", re.I)
# -er words that name no one: "Better now", "Later these days"
_NOT_AGENTS = {"better", "later", "never", "ever", "other", "together", "over", "under", "after",
               "faster", "slower", "earlier", "worse", "bigger", "smaller", "longer", "shorter",
               "summer", "winter", "weather", "water", "dinner", "paper", "matter", "number"}
# How long a state has held, said after it: "Vegan now, six months in".
_HELD_FOR = re.compile(r",\s+(?:about\s+|nearly\s+|almost\s+|over\s+)?(?:\d+|a|one|two|three|four|"
                       r"five|six|seven|eight|nine|ten|a few|several|a couple of)\s+(?:days?|weeks?|"
                       r"months?|years?)\s+(?:in|now|and counting)$", re.I)
# Where the speaker is, or what they are off, said without "I'm": "Back in Glasgow for good",
# "Off dairy since March", "Tea drinker these days".
_BACK_OFF = re.compile(r"^(?:into\s+(?!it\b|that\b|this\b)|back\s+(?:in|at|home|on)|off\s+(?!to\b|for\b|out\b|work\b|sick\b))\s*\S",
                       re.I)
_AGENT_NOW = re.compile(r"^(?P<how>(?:officially|finally|basically|technically|definitely|proudly|"
                        r"happily|properly|fully|newly)\s+)?(?:an?\s+)?(?P<np>(?:(?!an?\s)[a-z-]+\s+){0,2}?"
                        r"(?:[a-z-]+(?:er|ist)|person|owl|fan|lover|type)),?\s+(?P<when>these days|now|"
                        r"nowadays|always have been|always was|through and through|at heart|by nature|"
                        r"since forever)$",
                        re.I)
# What kind of person one is, said alone as a note: "Night owl", "Total introvert",
# "Huge coffee snob", "Early bird", "Creature of habit" (the head names a kind of person).
_KIND_OF_PERSON = re.compile(r"^(?:(?:total|complete|huge|massive|big|real|proper|bit of an?|such an?|"
                             r"hopeless|natural|born|true|classic|typical|lifelong|serial|"
                             r"self-confessed|recovering)\s+)?(?:(?!(?:not|an?)\s)[a-z-]+\s+){0,2}?(?:night owl|early bird|"
                             r"morning person|night person|people person|dog person|cat person|"
                             r"creature of habit|(?-i:[a-z]+) person|introvert|extrovert|ambivert|homebody|bookworm|"
                             r"workaholic|perfectionist|overthinker|worrier|procrastinator|optimist|"
                             r"pessimist|minimalist|foodie|snob|nerd|geek|addict|junkie|fanatic|"
                             r"enthusiast|neat freak|clean freak|control freak|light sleeper|"
                             r"heavy sleeper|early riser|late riser|fussy eater|picky eater|"
                             r"people pleaser|adrenaline junkie|gym rat|only child|middle child|twin)$", re.I)
# What is said before a kind of person: "(Not) a morning person".
_NOT_A = re.compile(r"^(not\s+)?(?:an?\s+)?", re.I)
# A fan of something named: "Huge Arsenal fan", "Lifelong Springsteen supporter since 1985".
_FAN_ADJ = r"(?i:huge|big|massive|die-?hard|lifelong|long-?time|proud|loyal|mad)"
_NAMED_FAN = re.compile(rf"^((?:{_FAN_ADJ}\s+)?)(?!{_FAN_ADJ}\s)"
                        r"((?-i:[A-Z][\w.'&-]*)(?:\s+(?-i:[A-Z][\w.'&-]*)){0,2})\s+"
                        r"((?i:fan|supporter|season ticket holder))(\s+(?i:since|for)\s+.+)?$")
# Nouns of talk, not of things had: "No more questions", "No more excuses".
_NOT_HAD = {"problem", "problems", "worries", "worry", "questions", "question", "comments",
            "comment", "messages", "excuses", "drama", "more", "longer", "one", "way", "idea"}
# "No more night shifts": something had no longer (a habit's gerund is read above)
_NO_MORE_THING = re.compile(r"^(?i:no\s+more)\s+((?-i:[a-z][\w-]*)(?:\s+(?-i:[a-z][\w-]*)){0,3}?)"
                            r"(?:\s+for\s+(?:me|us|them))?$")


def held_for(clause: str) -> str:
    """The clause without how long its state has held after it."""
    return _HELD_FOR.sub("", clause) or clause


# Family or animals counted: "Two kids", "Three cats".
_COUNTED = re.compile(r"^(two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|a couple of)\s+"
                      r"((?:grown(?:-up)?\s+|young\s+|little\s+)?(?:kids|children|sons|daughters|boys|"
                      r"girls|dogs|cats|brothers|sisters|siblings|grandkids|grandchildren|stepkids|teenagers|teens|"
                      r"rabbits|hamsters|horses|chickens|hens|goats|budgies|parrots|tortoises|guinea\s+pigs|"
                      r"puppies|kittens))"
                      # and their names: "Two cats, Miso and Tofu", "two boys called Ade and Femi"
                      r"(?:(?:,\s*|\s+(?:called|named)\s+)(?P<names>(?-i:[A-Z])[\w'-]+(?:(?:,\s*|\s+and\s+)"
                      r"(?-i:[A-Z])[\w'-]+)+))?"
                      # and their ages: "two kids aged 8 and 5"
                      r"(?P<ages>\s+aged\s+\d{1,2}(?:(?:,\s*|\s+(?:and|&)\s+)\d{1,2})+)?$", re.I)
# Where one lives, the "I" left out: "Live near Bath" (not "Live your life").
_LIVE = re.compile(r"^live\s+(?=(?:in|near|just outside|outside|by|on)\s+(?-i:[A-Z]))", re.I)


_DAY_WITHOUT = re.compile(r"^day\s+(\d{1,4})\s+(?:without|with no)\s+(.+)$", re.I)
_FOR_GOOD = re.compile(r"^off\s+to\s+((?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)((?:\s+(?!for\b)[\w-]+){0,3}?)"
                       r"\s+for\s+good\b(.*)$", re.I)
# A doing ruled out for a while: "No running for six weeks", "no football till spring".
_SPORT = (r"football|footy|tennis|rugby|cricket|golf|squash|netball|basketball|hockey|padel|"
          r"badminton|volleyball|climbing|five-a-side|baseball|softball|lacrosse|table tennis")
_DRINKS = {"coffee", "tea", "alcohol", "booze", "beer", "wine", "caffeine", "soda", "fizzy drinks",
           "energy drinks", "spirits", "cola", "milk", "decaf", "water", "green tea", "herbal tea"}
_DRUNK = "|".join([*_DRINKS, "meat", "dairy", "sugar", "bread", "chocolate", "gluten", "carbs",
                   "red meat", "junk food", "takeaways", "fast food", "sweets", "cheese"])
# One thing only, said as what holds now: "Tea only these days", "Only decaf now".
_ONLY_NOW = re.compile(r"^(?:only\s+(?P<a>[a-z]+(?:\s+[a-z]+)?)|(?P<b>[a-z]+(?:\s+[a-z]+)?)\s+only)\s+"
                       r"(?P<when>these days|now|nowadays|at the moment)$", re.I)
_NO_DOING = re.compile(r"^no\s+(?:(?P<g>(?-i:[a-z]{2,})ing)|(?P<sport>" + _SPORT + r"))"
                       r"(?P<all>\s+(?:at\s+all|whatsoever))?(?:\s+for\s+(?:me|us))?"
                       r"(?P<rest>\s+(?:for|until|till|til|before|this|next)\b(?:\s+(?:like|about|around))?.*)?$",
                       re.I)


# A newborn named, then "born ...": "Little Ada, born last week", "Baby Theo, born at 3am".
_NEWBORN = re.compile(r"^(?:(?:little|baby|our|my)\s+(?:(?:boy|girl),?\s+)?)?((?-i:[A-Z])[\w'-]+),?\s+born\s+(.+)$",
                      re.I)


# Notes of work and home said short: "Part-time at Boots", "Night shifts at the moment",
# "Now in Manchester", "Mum of twins".
_SHIFTS = re.compile(r"^(?:on\s+)?((?:night|day|early|late|weekend|split)\s+shifts)\b(.*)$", re.I)
_PART_TIME = re.compile(r"^((?:part|full)[- ]time|freelance|temping)\s+at\s+(\S.*)$", re.I)
_NOW_IN = re.compile(r"^(?:now|currently)\s+(?:based\s+|living\s+)?in\s+((?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)*)$",
                     re.I)
_PARENT_OF = re.compile(r"^(?:proud\s+)?(?:mum|mom|mother|dad|father|parent)\s+of\s+(twins|triplets)$", re.I)


def _note_of_life(c: str) -> str | None:
    m = _SHIFTS.match(c)
    if m:  # "Night shifts at the moment" -> "Works night shifts at the moment"
        return f"Works {m.group(1).lower()}{m.group(2)}"
    m = _PART_TIME.match(c)
    if m:  # "Part-time at Boots" -> "Works part-time at Boots"
        return f"Works {m.group(1).lower()} at {m.group(2)}"
    m = _NOW_IN.match(c)
    if m:  # "now in Manchester", after where one is from: where one lives
        return f"Lives in {m.group(1)}"
    m = _PARENT_OF.match(c)
    return f"Has {m.group(1).lower()}" if m else None


# One of them, said in a list of notes: "Two dogs, one cat", "a son".
_ONE = re.compile(r"^(one|an?)\s+((?:grown(?:-up)?\s+|young\s+|little\s+)?(?:kid|child|son|daughter|"
                  r"boy|girl|dog|cat|brother|sister|sibling|grandkid|grandchild|stepkid|teenager|rabbit|"
                  r"hamster|horse|budgie|parrot|tortoise|guinea\s+pig|puppy|kitten))$", re.I)


def counted(c: str) -> str | None:
    """"Has two kids" for family or animals counted ("Two kids", "Two cats, Miso and Tofu")."""
    one = _ONE.match(c)
    if one:
        return f"Has {one.group(1).lower()} {one.group(2).lower()}"
    m = _COUNTED.match(c)
    if not m:
        return None
    names = f" named {m.group('names')}" if m.group("names") else ""
    return f"Has {m.group(1).lower()} {m.group(2).lower()}{names}{m.group('ages') or ''}"


def verbless(c: str) -> str | None:
    """The fact a verbless state states, or None."""
    c = re.sub(rf",?\s+(?:{EMPHASIS})$", "", c, flags=re.I)  # "Dog person, definitely"
    note = _note_of_life(c)
    if note:
        return note
    had = counted(re.sub(r"^(?:have|got|have got|i've got)\s+", "", c, flags=re.I))
    if had:  # "Two kids", "Have a son": "I have" unsaid
        return had
    day = _DAY_WITHOUT.match(c)
    if day:  # "Day 30 without a cigarette": an abstinence counted
        return f"Has gone {day.group(1)} days without {day.group(2)}"
    gone = _FOR_GOOD.match(c)
    if gone:  # "Off to Lisbon for good next month": a move, not a trip
        return f"Is moving to {gone.group(1)}{gone.group(2)}{gone.group(3)}"
    shifts = re.match(r"^((?:night|early|late|day|weekend|evening|morning|back-to-back|12-hour|long)\s+shifts)"
                      r"(\s+(?:at the moment|these days|now|for now|this month|mostly))?$", c, re.I)
    if shifts:  # "Night shifts at the moment": the shifts worked
        return f"Works {shifts.group(1).lower()}{shifts.group(2) or ''}"
    live = _LIVE.match(c)
    if live:  # "Live near Bath" -> "Lives near Bath"
        return "Lives " + c[live.end():]
    if re.match(r"^never\s+been\s+\w", c, re.I):  # "Never been to Asia": "I've" left out
        return "Has never been " + c.split(None, 2)[2]
    m = _NO_THING.match(c)
    if m:  # "No pets anymore", "No kids": none had (now)
        what = m.group(1).lower()
        what = f"a {what}" if not what.endswith("s") and m.group(2) else what  # "a car"
        return f"{'No longer has' if m.group(2) else 'Has no'} {what}"
    m = _NO_DOING.match(c)
    if m and (m.group("rest") or m.group("all")):  # "No running for six weeks": ruled out
        sport = {"footy": "football"}.get((m.group("sport") or "").lower(), m.group("sport") or "")
        do = base_form(m.group("g").lower()) if m.group("g") else f"play {sport.lower()}"
        rest = re.sub(r"^(\s+\w+)\s+(?:like|about|around)\b", r"\1 about", m.group("rest") or "")
        return f"Cannot {do}{rest}"
    m = _NO_MORE_THING.match(c)
    first = m.group(1).split()[0] if m else ""
    only = _ONLY_NOW.match(c)
    what = (only.group("a") or only.group("b") or "").lower() if only else ""
    if only and (what in _DRINKS or what in _DRUNK.split("|")):  # "Tea only these days"
        return f"Only {'drinks' if what in _DRINKS else 'eats'} {what} {only.group('when').lower()}"
    if m and re.fullmatch(rf"(?!climbing)(?:{_SPORT})", m.group(1), re.I):  # "No more football"
        return f"No longer plays {m.group(1)}"
    if m and re.fullmatch(_DRUNK, m.group(1), re.I):  # "No more coffee for me"
        return f"No longer {'drinks' if m.group(1).lower() in _DRINKS else 'eats'} {m.group(1)}"
    if m and first not in _NOT_HAD and not first.endswith("ing"):  # "No more night shifts"
        return f"No longer has {m.group(1)}"
    if re.match(r"^between\s+(?:jobs|homes|flats|houses|contracts|roles|places)\b", c, re.I):
        return "Is " + c[0].lower() + c[1:]  # "Between jobs": out of work for now
    if _BACK_OFF.match(c) and len(c.split()) >= 2:  # "Back in Glasgow for good now"
        return "Is " + c[0].lower() + c[1:]
    m = re.match(r"^(?:rip|r\.i\.p\.?|rest in peace)\s+((?-i:[A-Z])[\w'-]+)\b", c, re.I)
    if m:  # "RIP Bubbles, he had a good run": a death
        return f"{m.group(1)} died"
    m = _NEWBORN.match(c)
    if m:  # "Little Ada, born last week": a birth, told of the baby
        return f"Baby {m.group(1)} was born {m.group(2)}"
    if re.match(r"^born\s+(?:and\s+(?:raised|bred)\s+)?in\s+\S", c, re.I):  # "Born in Kraków"
        return "Was " + c[0].lower() + c[1:]
    m = _NAMED_FAN.match(c)
    if m:  # "Huge Arsenal fan since I was six"
        fan = f"{m.group(1).lower()}{m.group(2)} {m.group(3).lower()}{m.group(4) or ''}"
        return f"Is {article(fan)} {fan}"
    kind = _NOT_A.match(c)
    who = c[kind.end():] if kind else c
    if _KIND_OF_PERSON.match(who):  # "Night owl.", "Total introvert.", "Not a morning person"
        return f"Is {'not ' if kind and kind.group(1) else ''}{article(who)} {who[0].lower()}{who[1:]}"
    m = _AGENT_NOW.match(c)
    if m and m.group("np").split()[-1].lower() not in _NOT_AGENTS:  # "Tea drinker these days"
        how, when = (m.group("how") or "").lower(), m.group("when").lower()
        np = f"{article(m.group('np'))} {m.group('np').lower()}"
        if when in ("always have been", "always was", "since forever"):  # "Night owl, always have been"
            return f"Has always been {np}"
        return f"Is {how}{np} {when}"
    return None


def base_form(gerund: str) -> str:
    """"commuting" -> "commute", "running" -> "run", "cooking" -> "cook" (by spelling: a
    single short vowel before the last consonant took a silent "e")."""
    stem = gerund[:-3]
    if len(stem) <= 2:  # "using"
        return stem + "e"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]
    if re.search(r"(?:[^aeiou][aeiou][bcdgkmnptvz]|[vcz]|[^aeiou][aeiou]s|[bcdfgkpt]l)$", stem) \
            and not re.search(r"(?:en|er|on|it|et|ad)$", stem):
        return stem + "e"
    return stem


# One who does a thing, among notes: "marathon runner", "coffee addict", "keen baker".
_AGENT_NOTE = re.compile(r"^(?:(?:keen|avid|amateur|big|huge|total|proud|lifelong|occasional|"
                         r"part-time|full-time|casual)\s+)?(?:[a-z-]+\s+)?[a-z-]+(?:er|or|ist|addict|fan|lover|"
                         r"nerd|geek|junkie|buff|enthusiast)$")


def agent_note(note: str) -> str | None:
    """"Is a marathon runner" for a kind of doer said as a note in a list of notes."""
    if not _AGENT_NOTE.match(note) or note.split()[-1] in _NOT_AGENT_NOTES:
        return None
    return f"Is {article(note)} {note}"


_NOT_AGENT_NOTES = {"other", "never", "ever", "together", "later", "after", "over", "under", "better",
                    "either", "neither", "rather", "whatever", "however", "water", "weather", "summer",
                    "winter", "dinner", "for", "or", "minor", "major", "floor", "door"}

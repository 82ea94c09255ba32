"""Changes of state said with an idiom, put in the plain words the reconciler reads.

The matchers of ``_supersede``, ``_slots`` and ``_nearest`` know a change by its verb:
"got married", "was promoted", "switched to", "quit". People say the same change with
an idiom ("tied the knot", "got bumped up to", "went over to", "kicked the habit"), and
then the fact reads as news with no change in it, and the memory it supersedes stays.
Each idiom below is a common English way of saying one of those changes; the fact keeps
everything else it said. An idiom that is as often literal is not listed.

>>> plain_change("Tied the knot in Lisbon with Marco")
'Got married in Lisbon with Marco'
>>> plain_change("Got bumped up to senior editor")
'Got promoted to senior editor'
>>> plain_change("Went over to a Pixel in the spring")
'Switched to a Pixel in the spring'
>>> plain_change("Is officially out of Leeds")
'Moved out of Leeds'
>>> plain_change("Is out of milk")
'Is out of milk'
>>> plain_change("Dad hit 75 last week"), plain_change("Hit 3 deer on the road")
('Dad turned 75 last week', 'Hit 3 deer on the road')
>>> plain_change("Camping has never been their thing")
'Does not like camping'
>>> plain_change("Ended up pulling out of the relay"), plain_change("Ended up doing law")
('Pulled out of the relay', 'Ended up doing law')
>>> last_day("My last day at the bakery was Friday")
'I left the bakery on Friday'
"""

from __future__ import annotations

import re

from engram.pipeline.rules._answers import past_tense as _past
from engram.pipeline.rules._fragments import base_form
from engram.pipeline.rules._slots import is_ending
from engram.pipeline.rules._supersede import SWAP

# What one's taste is called in chat: "my thing", "my scene", "my cup of tea".
_TASTE = r"(?:thing|scene|cup of tea|jam|bag|vibe)"
__all__ = ["CHANGE_IDIOMS", "last_day", "plain_change", "said_plainly"]

# (idiom, plain words); matched case-insensitively anywhere in the fact.
CHANGE_IDIOMS: list[tuple[re.Pattern[str], str]] = [(re.compile(p, re.I), r) for p, r in [
    # a wedding
    (r"\b(?:tied|tie|tying) the knot\b", "got married"),
    (r"\bwalked down the aisle\b", "got married"),
    # a promotion
    (r"\b(?:got|was|been|has been) (?:bumped|moved|kicked) up to\b", "got promoted to"),
    (r"\b(?:got|was|been|has been) bumped to\b", "got promoted to"),
    (r"\b(?:got|was|been) made up to\b", "got promoted to"),
    # shifts named by their time alone: "moved onto earlies", "back on nights"
    (r"\b(on|onto|to)\s+(?:the\s+)?earlies\b", r"\1 early shifts"),
    (r"\b(on|onto|to)\s+(?:the\s+)?(late|night)s\b(?!\s+(?:out|in|off|away)\b)", r"\1 \2 shifts"),
    # and "days" after a change onto them: "since switching to days" (not "in two days")
    (r"\b(?:switch|mov|chang|swapp?)ing\s+(?:on)?to\s+days\b", "switching to day shifts"),
    (r"\b(?:switch|mov|chang|swapp?)(?:ed|e)?\s+(?:on)?to\s+days\b", "switched to day shifts"),
    # a plan ended: "pulled the plug on Peru"
    (r"\bpulled the plug on\b", "cancelled"),
    # a death said softly, of someone or an animal, at the end of its clause ("didn't make
    # it to the party" is literal)
    (r"\b(?:didn'?t|did not) make it(?:\s+through\s+(?:the\s+)?(?:night|surgery|op|operation|weekend))?"
     r"(?=\s*(?:[,.!;]|$))", "died"),
    # a thing parted with, bid farewell: "goodbye Vespa!", "so long, old Corsa"
    (r"(?:^|(?<=,\s))(?:goodbye|bye bye|farewell|so long),?\s+(?:(?:the|my|our|old)\s+)*(?=(?-i:[A-Z])|[a-z]+$)",
     "got rid of "),
    # studies over: "... and that's uni done forever"
    (r"(?:^|,?\s+and\s+|,\s+)(?:that'?s|that\s+is)\s+(uni|university|college|school|my degree|the degree)\s+"
     r"(?:done|over|finished)(?:\s+(?:forever|for good|now))?\b", r" and finished \1"),
    # a return home: "came back to London in 2020" (a trip back is "for the weekend")
    (r"\b(?:came|come|coming|moved)\s+back\s+(?:home\s+)?to\s+(?=(?-i:[A-Z])[\w'-]+(?:\s+(?:in\s+\d{4}|for\s+good|"
     r"permanently|last\s+(?:year|month|spring|summer|autumn|winter)|after\s+\w+\s+years)|\s*$))", "moved back to "),
    # a home or a time of life left: "Our London days are over"
    (r"^(?:(?:their|our|my)\s+)?((?-i:[A-Z])[\w'-]+)\s+days\s+are\s+(?:over|done|behind\s+(?:us|them))\b(?!\s+for\b)", r"Left \1"),
    (r"^(Left\s+(?-i:[A-Z])[\w'-]+),\s+hello\s+(?=(?-i:[A-Z])[\w'-]+$)", r"\1, moved to "),  # "..., hello Cornwall!"
    # a pet's death said as pet owners say it
    (r"\b(?:crossed|went|gone)\s+(?:over\s+)?the\s+rainbow\s+bridge\b", "died"),
    # a plan off for a span: "the marathon is off for this year"
    (r"\bis off for (?=(?:this|the) (?:year|season|summer|winter|spring|autumn)\b|now\b|good\b)",
     "is cancelled for "),
    # a job lost or given up
    (r"\bgot (?:the sack|sacked|the boot|canned|axed)\b", "was fired"),
    (r"\b(?:jacked|packed|chucked) in (?:their|my|the) job\b", "quit their job"),
    (r"\bstepped down (as|from)\b", r"resigned \1"),
    # a habit given up
    (r"\bkicked the habit\b", "quit"),
    (r"\bwent cold turkey (?:on|with)\b", "quit"),
    (r"\b(?:binned|ditched|chucked) the (vape|cigarettes|fags|cigs)\b", r"quit the \1"),
    # one thing for another
    (r"\b(?:went|gone|moved|made the (?:switch|move|jump)) over to\b", "switched to"),
    (r"\bmade the (?:switch|move|jump) to\b", "switched to"),
    (r"\bgave (?:\w+ ){0,2}the (?:push|boot|elbow)\b", "broke up with"),
    # where someone lives, said with "home" as the subject ("Home is Perth now")
    (r"^(?:(?:my|their|our) )?home(?:'s| is) (?:now )?(?:in )?(?=(?-i:[A-Z]))", "Lives in "),
    # an age reached ("hit 40" is "turned 40"; a number of anything else is no age)
    (r"\bhit (\d{2,3})(?=\s+(?:last|this|yesterday|today|on\s+(?:my\s+birthday|(?:mon|tues|wednes|thurs|"
     r"fri|satur|sun)day)|in\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)\b|$)", r"turned \1"),
    # a dislike said as "not my thing": "Alcohol has never been their thing"
    (r"^(?P<x>(?-i:[A-Z])[\w' -]{1,40}?) (?:has never been|was never|is not|isn't|is never) "
     r"(?:really )?their thing$", r"Does not like \g<x>"),
    # a purchase said as a treat: "Treated themselves to a Steam Deck"
    (r"\btreated (?:themselves|myself|ourselves|themself) to\b", "bought"),
    # a home left for good ("out of Leeds" for a day is a trip: the adverb says it is not)
    (r"^(?:is|are) (?:now |finally )?(?:officially|for good|properly) out of "
     r"(?=(?-i:[A-Z]))", "Moved out of "),
]]


# "Ended up pulling out of the marathon": the outcome is the change itself, in the past.
_ENDED_UP = re.compile(r"^(?:has\s+)?ended\s+up\s+(?P<verb>[a-z]+ing)\b(?P<rest>.*)$", re.I)


def _outcome(fact: str) -> str | None:
    """"Pulled out of X" for "Ended up pulling out of X" when what it became is a change of
    state (an ending or a swap); "Ended up doing law" keeps its words, which say it was
    the outcome of a choice (``_exclusive``)."""
    m = _ENDED_UP.match(fact)
    if not m:
        return None
    told = _past(f"{base_form(m.group('verb').lower())}{m.group('rest')}")
    return told[:1].upper() + told[1:] if is_ending(told) or SWAP.search(told) else None


# "Had to scrap Lisbon": what had to be done was done. Said in the past it is an ending
# the rules read ("Scrapped Lisbon"); only then is it said so.
_HAD_TO = re.compile(r"^(?:has\s+)?had\s+to\s+(?P<rest>[a-z]+\b.*)$", re.I)


def _done(fact: str) -> str | None:
    m = _HAD_TO.match(fact)
    plain = _past(m.group("rest")) if m else None
    plain = plain[:1].upper() + plain[1:] if plain else None
    return plain if plain and is_ending(plain) and not is_ending(fact) else None


# A death told as a loss of kin or of someone named: "Lost our grandad in May", "Lost Rex
# last week" ("lost my keys" and "lost the match" are literal).
_LOST = re.compile(r"^(?:(?:sadly|just)\s+)?lost\s+(?:(?:their|our)\s+(?:beloved\s+|dear\s+|old\s+)?((?:grand)?(?:mum|mom|"
                   r"mother|dad|father|gran|nan|grandma|grandpa|grandad|granddad|aunt|uncle|brother|sister|husband|"
                   r"wife|partner|son|daughter|dog|cat|pup|puppy|kitten|horse|rabbit)\b(?:\s+(?-i:[A-Z])[a-z]+)?)|"
                   r"((?-i:[A-Z])[a-z]+)(?=\s+(?:last|yesterday|this|on|in|after|to)\b|\s*$))", re.I)


def _died(m: re.Match[str]) -> str:
    who = m.group(1) or m.group(2)
    return f"{who[0].upper()}{who[1:]} died"


def plain_change(fact: str) -> str:
    """The fact with a change idiom said in plain words (its first letter kept as cased).

    >>> plain_change("Had to scrap the Rome trip"), plain_change("Had to take a taxi")
    ('Scrapped the Rome trip', 'Had to take a taxi')
    """
    out = _outcome(fact) or _done(fact) or fact
    for pattern, plain in CHANGE_IDIOMS:
        out = pattern.sub(plain, out)
    out = _LOST.sub(_died, out)
    if out == fact:
        return fact
    # "Does not like Alcohol": the thing disliked keeps its case only if it is a name
    out = re.sub(r"^(Does not like )([A-Z])(?=[a-z]+(?:\s|$))",
                 lambda m: m.group(1) + m.group(2).lower(), out)
    return out[:1].upper() + out[1:]


# "My last day at the clinic was Friday": the job (or school) there is over. Said in the
# present ("is Friday") it is a plan, and is left as said.
# Chat drops the "my" ("Last shift at the depot was Friday").
_LAST_DAY = re.compile(r"^(?:(?:my|our)\s+)?(?:final|last)\s+(?:day|shift)\s+(?:at|in|with)\s+"
                       r"(?P<where>.+?)"
                       r"\s+was\s+(?:on\s+)?(?P<when>.+)$", re.I)
# "Today was my last day at Brill's", "Last shift at the depot today": the day named first
# or last, or none (an ending of a job at the place, ``_slots.is_ending``)
_LAST_AT = re.compile(r"^(?:(?P<when>today|yesterday|friday|saturday|monday|tuesday|wednesday|"
                      r"thursday|sunday)(?:'s|\s+(?:is|was))\s+)?(?:(?:my|our)\s+)?(?:very\s+)?"
                      r"last\s+(?:ever\s+)?(?P<unit>day|shift|week)\s+at\s+(?P<where>(?:(?!\s(?:is|was)\s).)+?)"
                      r"(?:\s+(?P<after>today|yesterday))?$", re.I)  # "... is Thursday": a plan


def last_day(clause: str) -> str | None:
    """"I left X on Y" for "my last day at X was Y"; "I had my last day at X today" for
    "today was my last day at X" or "last day at X today"; else None.

    >>> last_day("Last shift at the depot today")
    'I had my last shift at the depot today'
    """
    text = clause.strip().rstrip(".!")
    m = _LAST_DAY.match(text)
    if m:
        when = m.group("when")
        on = "on " if re.match(r"(?i:mon|tues|wednes|thurs|fri|satur|sun)day\b|\d|the\s+\d", when) \
            else ""
        return f"I left {m.group('where')} {on}{when}"
    m = _LAST_AT.match(text)
    if m:
        when = (m.group("when") or m.group("after") or "").lower()
        return f"I had my last {m.group('unit').lower()} at {m.group('where')}" \
            + (f" {when}" if when else "")
    return None


# "My Wednesday evenings are padel now": a regular time given over to an activity. Said
# without "my" it must say "for" or "all about" ("Mornings are for yoga now"): "Evenings
# are dark now" is the season talking.
_TIMES_OF_DAY = ("mornings", "evenings", "afternoons", "nights", "weekends", "lunchtimes",
                 "lunch breaks")
_TIME_GIVEN = re.compile(
    r"^(?:(?P<mine>my|our)\s+)?(?P<when>(?:(?-i:[A-Z])[a-z]+\s+)?(?:" + "|".join(_TIMES_OF_DAY) + "|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days))\s+"
    r"(?:are|have become)\s+(?P<how>all\s+about\s+|for\s+|taken up by\s+)?(?P<what>[a-z][\w -]*?)"
    r"\s+(?P<now>now|these days|nowadays)(?:,.*)?$", re.I)


# What a time can be said to be that is no activity: "my Mondays are busy now".
_HOW_TIME_FEELS = frozenset("""busy quiet free hectic crazy mad full packed chaos chaotic calm
manic slow long short boring fun great lovely taken booked sacred mine ours different
better worse easier harder empty lonely""".split())  # noqa: SIM905 (a word list reads better as text)


def said_plainly(clause: str) -> str | None:
    """A clause said with a common turn of phrase, in the first person plainly, else None.

    >>> said_plainly("My Sunday mornings are all about yoga now")
    'I do yoga on Sunday mornings now'
    >>> said_plainly("My evenings are quiet")  # no activity said as what the time is now
    """
    m = _TIME_GIVEN.match(clause.strip().rstrip(".!"))
    if m and m.group("what").lower() not in _HOW_TIME_FEELS and (m.group("mine") or m.group("how")):
        when = m.group("when")
        if when.lower() in _TIMES_OF_DAY:  # "Mornings are for yoga": no name
            when = when.lower()
        return f"I do {m.group('what')} on {when} {m.group('now').lower()}"
    m = re.match(r"^(?:it|which|that|this)\s+(?:means|will\s+mean)\s+(?:that\s+)?(?:i'?m\s+|we'?re\s+|i\s+am\s+)?"
                 r"((?!(?:nothing|everything|something)\b)[a-z]+ing\b.*)$", clause.strip().rstrip(".!"), re.I)
    if m:  # "it means moving to Bath in the summer": what the news brings
        return f"I'm {m.group(1)}"
    m = re.match(r"^((?-i:[A-Z])[a-z]+)(?:'s|\s+is)\s+(?:now\s+)?(?:my|our)\s+ex(?:-?(?:partner|boyfriend|"
                 r"girlfriend|husband|wife|fiance|fiancee))?(?:\s+now)?$", clause.strip().rstrip(".!"), re.I)
    if m:  # "Chris is my ex now": the relationship is over
        return f"I broke up with {m.group(1)}"
    m = _WENT.match(clause.strip().rstrip(".!"))
    if m:  # "Knee surgery went fine": it was had
        what = m.group("what")
        what = what[0].lower() + what[1:] if not re.match(r"[A-Z]{2}", what) else what  # "MRI" stays
        det = "my " if m.group("my") else "" if what.endswith("surgery") else "an " if what[0] in "aeiou" else "a "
        return f"I had {det}{what}"
    m = _WOULD_NOT_CALL.match(clause.strip().rstrip(".!"))
    if m:  # "I wouldn't call myself a runner (anymore)": what one is not
        return f"I'm {'no longer' if m.group('now') else 'not'} {m.group('what')}"
    return last_day(clause) or _taste(clause) or _any_day(clause)


# An event of one's own told by how it went: "Knee surgery went fine", "The interview went well".
_WENT = re.compile(r"^(?:the\s+|(?P<my>my)\s+)?(?P<what>(?:[\w-]+\s+){0,2}?(?:surgery|operation|op|procedure|"
                   r"interview|exam|scan|biopsy|driving\s+test|mot|appointment))\s+went\s+(?:really\s+|so\s+|very\s+)?"
                   r"(?:fine|well|ok|okay|great|smoothly|badly|brilliantly|perfectly)\b", re.I)
# What one would not call oneself: "I wouldn't call myself a runner anymore".
_WOULD_NOT_CALL = re.compile(r"^i\s+(?:wouldn'?t|would\s+not|don'?t|do\s+not|can'?t|cannot)\s+(?:really\s+)?"
                             r"(?:call|consider)\s+myself\s+(?P<what>(?:an?\s+)?[\w' -]+?)"
                             r"(?P<now>\s+(?:any\s?more|these\s+days|now))?(?:,?\s+(?:tbh|really|honestly))?$",
                             re.I)


# A taste said as what is or is not "my thing": "Camping is not really my thing",
# "Podcasts are more my thing", "Karaoke is my jam" (a pronoun needs what it stands for).
_MY_TASTE = re.compile(r"^(?P<x>(?!(?:it|that|this|which|these|those|they|there)\b)[\w' -]{2,40}?)\s+"
                       r"(?:(?P<no>has never been|have never been|was never|were never|is not|isn'?t|"
                       r"is never|are not|aren'?t|are never|was not|wasn'?t|were not|weren'?t)|"
                       r"(?P<more>(?:is|are)\s+(?:much\s+|way\s+|a lot\s+|definitely\s+|really\s+)?more)|"
                       r"(?P<yes>is|are|'s|'re))\s+(?:really\s+|exactly\s+|at all\s+|so\s+|totally\s+)?"
                       r"my\s+" + _TASTE + r"(?:\s+(?:at all|really|either|anymore|tbh|lol|now))*$", re.I)


def _taste(clause: str) -> str | None:
    m = _MY_TASTE.match(clause.strip().rstrip(".!"))
    if not m:
        return None
    what = m.group("x")
    what = what if re.match(r"^(?-i:[A-Z][a-z]+[A-Z]|[A-Z]{2})", what) else what[:1].lower() + what[1:]
    if m.group("no"):
        return f"I don't like {what}"
    return f"I prefer {what}" if m.group("more") else f"I love {what}"


# A preference said as what one would take any day: "Give me a museum over a beach any day".
_ANY_DAY = re.compile(r"^(?:but\s+|honestly\s+)?give\s+me\s+(?P<x>.+?)(?:\s+over\s+(?P<y>.+?))?"
                      r"\s+any\s*day(?:\s+of\s+the\s+week)?$", re.I)


def _any_day(clause: str) -> str | None:
    m = _ANY_DAY.match(clause.strip().rstrip(".!"))
    if not m:
        return None
    return f"I prefer {m.group('x')}" + (f" over {m.group('y')}" if m.group("y") else "")

"""Who the speaker is: name, nickname, age and pronouns, in the facts' own wording.

"I'm Maya" is an introduction, not a state ("Is Maya" reads as nonsense); "I'm Brazilian"
is a state. A capitalised word after "I'm" is taken as a name unless it is a nationality,
language, religion or similar word (a closed class, listed below) or more words follow it.

>>> identity_fact("I'm Maya")
'Name is Maya'
>>> identity_fact("I'm Brazilian") is None
True
>>> identity_fact("everyone calls me Rafa")
'Prefers to be called Rafa'
>>> identity_fact("I just turned 41")
'Is 41 years old'
>>> identity_fact("Ravi here")
'Name is Ravi'
>>> identity_fact("my pronouns are they/them")
'Pronouns are they/them'
"""

from __future__ import annotations

import re

__all__ = ["also_called", "identity_fact", "introduction", "name_asked_for", "named_with", "DEMONYMS"]

# Capitalised words that describe rather than name: "I'm Italian", "I'm Catholic".
DEMONYMS = set("""american british english irish scottish welsh canadian australian
mexican brazilian argentinian argentine chilean colombian peruvian cuban spanish
portuguese french german dutch belgian swiss austrian italian greek turkish polish czech
slovak hungarian romanian bulgarian serbian croatian ukrainian russian swedish norwegian
danish finnish icelandic estonian latvian lithuanian chinese japanese korean vietnamese
thai filipino indonesian malaysian indian pakistani bangladeshi nepali iranian persian
iraqi syrian lebanese israeli egyptian moroccan algerian tunisian nigerian kenyan
ghanaian ethiopian african european asian latino latina hispanic arab jewish muslim
christian catholic protestant buddhist hindu sikh mormon orthodox agnostic atheist
republican democrat libertarian gen millennial texan californian parisian londoner
asperger autistic adhd deaf blind lgbt lgbtq gay queer trans vegan ok okay""".split())  # noqa: SIM905 (a word list reads better as text)
# (a word ending in "'s" is no name: "Baby's here!" says the baby is)
_NAME = r"((?-i:[A-Z][a-z][\w'-]*(?<!'s)(?:\s+[A-Z][a-z][\w'-]*(?<!'s))?))"
# A title before a name is no part of it: "I'm Dr. Amara Okafor".
_TITLE = r"(?:(?:dr|prof|mr|mrs|ms|miss|mx)\.?\s+)?"
_INTRO = re.compile(r"^(?:hi|hello|hey|g'?day|hiya)?\s*(?:(?:all|everyone|there|folks|guys|y'?all)\b)?"
                    r"[,!.\s]*(?:(?:i'?m|i am|this is|it'?s)\s+" + _TITLE + _NAME
                    + r"(?:\s+(?:here|btw|by the way))?|" + _NAME
                    # "Noor here, 27, ...": more about the speaker is an introduction's
                    + r"\s+here(?:,(?!\s*(?:\d|(?:my\s+)?pronouns\b|(?:she|he|they)/|(?:a|an|from)\s)).*)?)$",
                    re.I)
# "I'm Yusuf, a nurse from Izmir", "I'm Lotte, 34", "I'm Sam, pronouns they/them": a
# name, then more about the speaker (what they are, their age, where from, pronouns).
_INTRO_APPOSITION = re.compile(r"^(?:(?:hi|hello|hey)[,!.\s]+)?(?:(?:i'?m|i am|this is|my name is|"
                               r"my name'?s)\s+" + _TITLE + _NAME + r"|" + _NAME.replace("((", "(?P<here>(", 1)
                               + r"\s+here),\s+((?:a|an|from)\s+.+|\d{1,3}\b.*|"
                               r"(?:my\s+)?pronouns\b.+|(?:she|he|they|ze|xe)/\w+.*)$", re.I)
# What follows the name is said of "I'm" ("a nurse", "34", "from Oslo"), or stands alone.
_AFTER_IM = re.compile(r"^(?:a|an|from)\s|^\d", re.I)
_NOBODY = {"nobody", "everyone", "everybody", "someone", "somebody", "anyone", "nothing",
           "everything", "something", "winter", "summer", "life", "it", "same", "more"}
_MY_NAME = re.compile(r"^(?:my\s+(?:first\s+|full\s+|real\s+)?name\s+is|(?:my\s+)?name'?s|"
                      r"the\s+name(?:'?s|\s+is)|i'?m\s+called|i\s+am\s+called|i'?m\s+named)\s+"
                      + _TITLE + _NAME
                      # the name on paper: "(but) it's Rebecca on paper", "officially it's Rebecca"
                      + r"|^(?:but\s+)?(?:officially|legally|technically|on\s+paper)?,?\s*it'?s\s+" + _NAME
                      + r"(?:\s+(?:on\s+paper|officially|legally|on\s+my\s+passport|in\s+full))?$", re.I)
_NICKNAME = re.compile(
    r"^(?:please\s+)?(?:(?:you\s+can|feel\s+free\s+to)\s+)?(?:honestly\s+|really\s+|please\s+)?"
    r"(?:just\s+)?call\s+me\s+(?:by\s+my\s+(?:middle|second|nick)\s*name,?\s+)?" + _NAME
    # asked: "Could you use Sasha instead?", "Can you call me Bea from now on?"
    + r"|^(?:could|can|would|will)\s+you\s+(?:please\s+)?(?:just\s+)?(?:call\s+me|use|go\s+with)\s+"
    + _NAME + r"(?=\s+(?:instead|from\s+now\s+on|please|going\s+forward)\b|\s*\??$)"
    + r"|^(?:(?:literally|basically|pretty\s+much)\s+)?(?:everyone|everybody|people|friends|"
      r"my\s+friends|most\s+people|folks)\s+(?:\w+\s+)?calls?\s+me\s+" + _NAME
    + r"|^i\s+(?:usually\s+|mostly\s+|prefer\s+to\s+)?go\s+by\s+(?:my\s+(?:middle|second|"
      r"last|family|nick)\s*name,?\s+)?" + _NAME
    + r"|^i\s+prefer\s+(?:to\s+be\s+called|being\s+called)\s+" + _NAME
    + r"|^(?:but\s+)?it'?s\s+" + _NAME + r"\s+to\s+(?:everyone|everybody|(?:my\s+)?friends|most\s+people)$"
    + r"|^(?:honestly\s+)?i'?d\s+(?:rather|prefer(?:\s+it\s+if)?|like\s+it\s+if)\s+you\s+"
      r"call(?:ed)?\s+me\s+" + _NAME, re.I)
# A name used in one place: "Everybody at work calls me Bobby".
_CALLED_AT = re.compile(r"^(?:(?:literally|basically|pretty\s+much)\s+)?(?:everyone|everybody|people|"
                        r"all\s+of\s+us)\s+(?P<where>(?:at|in|on)\s+(?:the\s+|my\s+)?\w+)\s+"
                        r"(?:\w+\s+)?calls?\s+me\s+(?P<name>" + _NAME + r")", re.I)
# A name used by some: "Name's Dimitrios, Dimi to my friends".
_TO_FRIENDS = re.compile(r"^" + _NAME + r"\s+to\s+(?:my\s+|all\s+my\s+)?(friends|mates|family|"
                         r"colleagues|the\s+kids)$", re.I)
# A short name allowed after the full one: "Name's Tomasz, but Tom is fine".
_SHORT_IS_FINE = re.compile(r"^(?:just\s+)?" + _NAME + r"(?:(?:'s|\s+is|\s+works)\s+(?:fine|ok|okay|"
                            r"good|great)(?:\s+too)?|\s+for\s+short|,?\s+please)"  # "..., Seun for short", "Kat please"
                            # and who uses the full one: "Dev is fine, only my mum says Devendra"
                            r"(?:,?\s+(?:only|just|nobody|no\s+one|everyone|everybody)\b.*)?$")
# "nobody calls me Rebecca except my gran": the full name, used by almost no one
_FULL_NAME = re.compile(r"^(?:nobody|no one|no-one|hardly anyone|only\s+(?:my\s+)?\w+)\s+(?:\w+\s+)?"
                        r"(?:calls\s+me|says|uses)\s+" + _NAME + r"(?:\s+(?:except|but|apart from|"
                        r"other than|anymore)\b.*)?$|^(?:nobody|no one)\s+(?:except|but|apart from)\s+"
                        r"(?:my\s+)?\w+\s+(?:calls\s+me|says|uses)\s+" + _NAME + "$", re.I)
_NOT_CALLED = re.compile(r"^(?:please\s+)?(?:stop|quit)\s+calling\s+me\s+" + _NAME
                         + r"|^(?:please\s+)?(?:don'?t|do not)\s+call\s+me\s+" + _NAME + r"(?:\s+anymore)?$",
                         re.I)
_AGE = re.compile(r"^(?:i'?m|i am|(?:i\s+)?(?:just\s+)?(?:turned|hit)|i'?ll\s+be|i\s+will\s+be)\s+"
                  r"(\d{1,3})(?:\s+years?\s+old|\s+y/?o)?(?:\s+(?:now|today|this\s+\w+|last\s+\w+|"
                  r"on\s+\w+|in\s+\w+|yesterday))?(?:\s*,?\s+(?:but\s+(?:turning|nearly|almost)|and\s+(?:only|just|still|now|"
                  r"newly|recently))\b.*)?$",
                  re.I)
# A birthday said as the age alone: "35 today!!", "Forty today".
_AGE_TODAY = re.compile(r"^(\d{1,3})\s+today$", re.I)
_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# An age spelled out, from ten to ninety-nine (the ages said in words).
_SPELLED = re.compile(rf"\b({'|'.join(_TENS)})(?:[- ]({'|'.join(_ONES)}))?\b|\b({'|'.join(_TEENS)})\b",
                      re.I)


def _as_digits(m: re.Match[str]) -> str:
    if m.group(3):
        return str(10 + _TEENS.index(m.group(3).lower()))
    ones = _ONES.index(m.group(2).lower()) + 1 if m.group(2) else 0
    return str(20 + 10 * _TENS.index(m.group(1).lower()) + ones)


# A parent of so many, said as a note: "mum of two", "proud dad of 3".
_PARENT_OF = re.compile(r"^(?:a\s+)?(?:proud\s+|busy\s+|single\s+)?(?:mum|mom|mam|dad|mother|father|parent)"
                        r"\s+(?:of|to)\s+(one|two|three|four|five|six|\d)(?:\s+(?:kids|boys|girls|children))?$",
                        re.I)
# "Just had my 41st birthday": the age it makes.
_BIRTHDAY_AGE = re.compile(r"^(?:(?:i\s+)?(?:just\s+)?(?:had|celebrated|turned)|(?:it|yesterday|today|"
                           r"sunday|saturday|friday|monday|tuesday|wednesday|thursday)(?:'s|\s+"
                           r"was|\s+is))\s+(?:my\s+)?(\d{1,3})(?:st|nd|rd|th)\s+birthday\b", re.I)
_PRONOUNS = re.compile(r"^(?:my\s+)?pronouns\s+(?:are\s+)?([\w/ ,]+?)(?:,?\s+please)?$|"
                       r"^i\s+(?:use|go\s+by)\s+((?:she|he|they|ze|xe)/\w+|[\w/]+(?=\s+pronouns))(?:\s+pronouns)?"
                       r"(?:\s+now)?$"
                       # a bare set, as people give it: "She/her, please", "they/them"
                       r"|^((?:she|he|they|ze|xe|it)/(?:her|him|them|hir|zir|xem|its)(?:/\w+)?)"
                       r"(?:\s+pronouns)?(?:,?\s+please)?$", re.I)


def _is_name(words: str) -> bool:
    return all(w.lower() not in DEMONYMS | _NOBODY | _CALENDAR for w in words.split())


# Capitalised words of the calendar: "It's Monday", "It's Christmas" name no one.
_CALENDAR = set("""monday tuesday wednesday thursday friday saturday sunday january february
march april june july august september october november december christmas easter
halloween thanksgiving diwali eid hanukkah ramadan xmas""".split())  # noqa: SIM905


# Between two things said of the speaker after the name: "27, pronouns she/they".
_NEXT_PIECE = re.compile(r",\s+(?:and\s+)?(?=(?:my\s+)?pronouns\b|(?:she|he|they|ze|xe)/|\d{1,3}\b|"
                         r"(?:a|an|from)\s)|,\s+and\s+(?=\w)", re.I)  # "..., 41, and new to this"


def introduction(clause: str) -> tuple[str, list[str]] | None:
    """("Name is X", ["I'm <what follows>", ...]) for "I'm X, a nurse from Izmir", else None.

    >>> introduction("I'm Yusuf, a nurse from Izmir")
    ('Name is Yusuf', ["I'm a nurse from Izmir"])
    >>> introduction("I'm Sam, pronouns they/them")
    ('Name is Sam', ['pronouns they/them'])
    >>> introduction("Ines here, 31, from Porto, pronouns she/her")
    ('Name is Ines', ["I'm 31", "I'm from Porto", 'pronouns she/her'])
    """
    m = _INTRO_APPOSITION.match(clause.strip(" ,.!"))
    name = m and (m.group(1) or m.group("here"))
    if not m or not name or not _is_name(name):
        return None
    pieces = _NEXT_PIECE.split(m.group(m.lastindex or 0))
    return f"Name is {name}", [f"I'm {p}" if _AFTER_IM.match(p) else p for p in pieces]


_ADDRESSED = re.compile(r"\b(?:nice|lovely|great|good)\s+to\s+meet\s+you,?\s+" + _NAME + r"\b|"
                        r"^(?:hi|hello|hey|welcome|welcome\s+back|thanks|thank\s+you|cheers),?\s+" + _NAME
                        + r"\s*[!.,]", re.I)


def addressed_as(question: str) -> str | None:
    """"Name is X" when the assistant's turn greets the user by a name: "Nice to meet you,
    Devendra!" (the reply may go on to say what the user is called instead)."""
    m = _ADDRESSED.search(question)
    name = m and (m.group(1) or m.group(2))
    return f"Name is {name}" if name and _is_name(name) else None


def also_called(after_name: str, name: str = "") -> str | None:
    """The nickname in what follows a name given: "Tom is fine" after "Name's Tomasz"
    (alone, "Dinner is fine" is no name, so this is only asked after one). ``name``: the
    "Name is X" fact given before, which a short form said with "please" must begin like.

    >>> also_called("Tom is fine"), also_called("it is fine")
    ('Prefers to be called Tom', None)
    >>> also_called("Kat please", "Name is Katherine"), also_called("Leeds please", "Name is Sam")
    ('Prefers to be called Kat', None)
    >>> also_called("I prefer Rob", "Name is Robert"), also_called("I prefer Tesco", "Name is Sam")
    ('Prefers to be called Rob', None)
    """
    said = after_name.strip(" ,.!")
    given = name.removeprefix("Name is ").removeprefix("Does not want to be called ")
    m = re.match(r"^i(?:'d)?\s+(?:much\s+)?prefer\s+(?:just\s+)?" + _NAME + "$", said, re.I)
    if m and _is_name(m.group(1)) and given[:2].lower() == m.group(1)[:2].lower():
        return f"Prefers to be called {m.group(1)}"  # "Robert - I prefer Rob": a short form
    m = _SHORT_IS_FINE.match(said)
    if m and _is_name(m.group(1)) and (" please" not in m.group(0)
                                       or given[:2].lower() == m.group(1)[:2].lower()):
        return f"Prefers to be called {m.group(1)}"  # "Kat please" to "Katherine" ("Leeds please" is none)
    m = _SHORT_FOR.match(said)
    if m and _is_name(m.group(1)):  # "Call me Jay, short for Jayanti": the full name
        return f"Name is {m.group(1)}"
    m = re.match(r"^" + _NAME + r",?\s+actually$", said)
    if m and _is_name(m.group(1)):  # "Christina actually" to "Hi Chris!": the name put right
        return f"Name is {m.group(1)}"
    m = _TO_FRIENDS.match(said)
    return f"Is called {m.group(1)} by {m.group(2).lower()}" if m and _is_name(m.group(1)) else None


def name_asked_for(question: str) -> str | None:
    """The request in "Can you call me Bea from now on?", said as a statement.

    >>> name_asked_for("Could you use Sasha instead?"), name_asked_for("Can you use a bigger font?")
    ('Could you use Sasha instead', None)
    """
    asked = question.rstrip("?! ")
    said = identity_fact(asked)
    return asked if said and said.startswith("Prefers to be called") else None


def identity_fact(clause: str) -> str | None:
    """A name, nickname, age or pronouns fact for the speaker, or None."""
    c = _ASIDE.sub("", clause.strip(" ,.!"))
    # how it is spelt, or an aside, after the name: "It's John with an h, by the way"
    c = re.sub(r",?\s+(?:by the way|btw|fyi)$", "", c, flags=re.I)
    c = re.sub(r"\s+(?:with|spelt|spelled)\s+(?:an?|two|double|one)\s+\w+(?:\s+at\s+the\s+end)?$", "", c,
               flags=re.I)
    m = _MY_NAME.match(c)
    name = m and next((g for g in m.groups() if g), None)
    if name and _is_name(name):
        return f"Name is {name}"
    m = _NOT_CALLED.match(c)
    if m and _is_name(m.group(1) or m.group(2)):
        return f"Does not want to be called {m.group(1) or m.group(2)}"
    m = _FULL_NAME.match(c)
    if m and _is_name(next(g for g in m.groups() if g)):
        return f"Name is {next(g for g in m.groups() if g)}"
    m = _CALLED_AT.match(c)
    if m and _is_name(m.group("name")):  # "Everybody at work calls me Bobby"
        return f"Is called {m.group('name')} {m.group('where').lower()}"
    m = _NICKNAME.match(c)
    if m:
        name = next(g for g in m.groups() if g)
        return f"Prefers to be called {name}" if _is_name(name) else None
    m = _INTRO.match(c)
    name = m and (m.group(1) or m.group(2))
    if name and _is_name(name):
        return f"Name is {name}"
    digits = _SPELLED.sub(_as_digits, c)  # "turned thirty-five", "Thirty-five today!!"
    m = _AGE.match(digits) or _BIRTHDAY_AGE.match(digits) or _AGE_TODAY.match(digits)
    if m and 0 < int(m.group(1)) < 120:
        return f"Is {int(m.group(1))} years old"
    m = _PARENT_OF.match(c)
    if m:  # "mum of two"
        count = m.group(1).lower()
        return f"Has {count} child" if count in ("one", "1") else f"Has {count} children"
    if re.fullmatch(r"\d{2,3}", digits) and c[:1].isalpha():
        return f"Is {digits} years old"  # "thirty-eight": an age spelled out, alone
    m = _PRONOUNS.match(c)
    if m:
        return f"Pronouns are {next(g for g in m.groups() if g).strip().lower()}"
    return None


# An aside before what the speaker says of themself: "Just so you know, I'm Dev".
_ASIDE = re.compile(r"^(?:just\s+)?(?:so you know|fyi|btw|by the way|for the record|for context)"
                    r"[,:\s]+", re.I)
_SHORT_FOR = re.compile(r"^(?:it'?s\s+)?short\s+for\s+" + _NAME + "$")
# How the name is spelt, said after it: "with an h at the end", "not Hanna".
_SPELLING = re.compile(r"^(?:with|spelt|spelled|as in|not|no|like)\b", re.I)


def named_with(clause: str) -> tuple[list[str], str | None] | None:
    """A name given, then after a comma or a dash something of the name (a nickname, the
    pronouns, the full name it is short for, how it is spelt) or a clause of its own:
    (the identity facts, what is left to read) or None.

    >>> named_with("Name's Precious, she/her")
    (['Name is Precious', 'Pronouns are she/her'], None)
    >>> named_with("I'm Dev, short for Devendra")
    (['Name is Devendra', 'Prefers to be called Dev'], None)
    >>> named_with("I'm Hannah - with an h at the end, not Hanna")
    (['Name is Hannah'], None)
    >>> named_with("it's Tomasz here, Tom is fine")
    (['Name is Tomasz', 'Prefers to be called Tom'], None)
    """
    c = _ASIDE.sub("", clause.strip(" ,.!"))
    parts = re.split(r"\s*(?:,|\s[—–-]\s|[—–])\s*", c, maxsplit=1)
    who = identity_fact(parts[0]) if len(parts) == 2 else None
    if not who or not who.startswith("Name is "):
        return None
    rest = parts[1].strip(" ,.!")
    short = _SHORT_FOR.match(rest)
    if short and _is_name(short.group(1)):
        return [f"Name is {short.group(1)}", f"Prefers to be called {who[len('Name is '):]}"], None
    more = also_called(rest, who) or identity_fact(rest)
    if more:
        return [who, more], None
    return [who], None if _SPELLING.match(rest) else rest

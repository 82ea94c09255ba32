"""A value put right in the middle of a sentence: "from Heathrow on Monday, no wait, Luton".

People correct themselves as they type: a value, a marker that takes it back ("no wait",
"sorry", "well actually", "I mean", "or rather", "make that", "hang on") and the right
value. The right value replaces the one of the *same kind* said before it in the sentence,
which need not be the word just before the marker: in "from Heathrow on Monday, no wait,
Luton" the place is wrong, not the day. Kinds are read off the values themselves:

- a number, an ordinal or a clock time ("7", "21st", "6:30", "9pm");
- a month, a weekday (or the weekend), a season, a part of the day ("nights");
- a name (a capitalised word or two that is none of the above).

The markers and the new value are then dropped, so the sentence says only what holds.
A marker followed by no value ("I love Rome, well, most of it") changes nothing, and a
value with no earlier one of its kind ("Tuesday, sorry, Leeds") is left as said.

>>> restated("We fly from Heathrow on Monday, no wait, Luton, the cheap flights")
'We fly from Luton on Monday, the cheap flights'
>>> restated("The recital is in March, well actually April")
'The recital is in April'
>>> restated("My shift starts at 8, sorry, 9, so I leave early")
'My shift starts at 9, so I leave early'
>>> restated("I'm 41, oh hang on, 42 now")
"I'm 42"
>>> restated("I love Rome, well, most of it")
'I love Rome, well, most of it'
"""

from __future__ import annotations

import re

__all__ = ["puts_right_before", "restated", "swap_kind", "value_kind"]

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december")
_DAYS = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekdays?|weekends?)"
_DAYPARTS = r"(?:mornings?|afternoons?|evenings?|nights?|days)"
_SEASONS = "spring|summer|autumn|fall|winter"
# The kinds, tried in order; a name is any capitalised span that is no month or day.
_KINDS: list[tuple[str, str]] = [
    ("number", r"\d{1,4}(?:[.:]\d\d)?(?:st|nd|rd|th)?(?:\s*(?:am|pm))?|(?i:two|three|four|five|six|"
               r"seven|eight|nine|ten|eleven|twelve)(?![\w'-])"),
    ("diet", r"(?i:vegan|vegetarian|pescatarian|flexitarian|keto|carnivore)"),
    ("month", rf"(?i:{_MONTHS})"),
    ("weekday", rf"(?i:{_DAYS})"),
    ("season", rf"(?i:{_SEASONS})"),
    ("daypart", rf"(?i:{_DAYPARTS})"),
    ("name", r"(?-i:[A-Z][\w'&-]+)(?:\s+(?-i:[A-Z][\w'&-]+))?"),
]
_ANY_VALUE = "|".join(f"(?:{p})" for _, p in _KINDS)
# Markers that take back what was just said (one or more, with their commas).
_MARKER = (r"(?:no|nope|wait|hang on|hold on|sorry|oops|well|actually|i mean|i meant|"
           r"or rather|rather|make that|scratch that|correction|my bad|my mistake)")
_FIX = re.compile(
    # set off by a comma or a dash: "said Leeds, but I meant York" is a retraction
    # ("oh hang on", "um, sorry": a filler may open the marker; "35 now": the value may be
    # said as what holds now)
    rf"\s*(?:,|\s[-–—]|\.\.\.|…)\s*(?P<marks>(?:(?:oh|ah|um|erm|uh|ugh|argh|gah|hmm)\s*,?\s+)?"
    rf"(?:{_MARKER}\s*[,:!.\-–—]*\s*)+?)(?:it'?s\s+)?(?:the\s+|every\s+(?:other\s+|second\s+)?)?"
    rf"(?P<new>{_ANY_VALUE})(?:\s*,?\s+(?:actually|really|now))?"
    # what ends the value: the clause's end, or since when it holds ("since the change")
    rf"(?=\s*(?:[,;.!?]|$)|\s+(?:since|as\s+of|from)\s)", re.I)


def value_kind(value: str) -> str | None:
    """The kind of a value ("number", "month", "weekday", "season", "name"), else None.

    >>> value_kind("21st"), value_kind("June"), value_kind("Fridays"), value_kind("Luton")
    ('number', 'month', 'weekday', 'name')
    >>> value_kind("most") is None
    True
    """
    for kind, pattern in _KINDS:
        if re.fullmatch(pattern, value.strip()):
            return kind
    return None


def _last_of_kind(text: str, kind: str) -> re.Match[str] | None:
    """The last value of ``kind`` in ``text`` (a name is never the sentence's first word:
    "We", "My" are capitalised too)."""
    pattern = dict(_KINDS)[kind]
    hits = [m for m in re.finditer(rf"(?<![\w'])(?:{pattern})(?![\w'])", text)
            if value_kind(m.group(0)) == kind and (kind != "name" or m.start() > 0)]
    return hits[-1] if hits else None


def restated(sentence: str) -> str:
    """The sentence with each value taken back replaced by the value said after it."""
    for _ in range(3):  # a sentence rarely puts more than one value right
        fixed = _restate_once(sentence)
        if fixed == sentence:
            return sentence
        # "my dog Rex, I mean Max, is poorly": the comma that closed the aside goes too
        sentence = re.sub(r"(?<=\b(?-i:[A-Z])\w)(\w*),\s+(?=(?:is|was|has|had|are|were)\s)", r"\1 ", fixed)
    return sentence


def _restate_once(sentence: str) -> str:
    for m in _FIX.finditer(sentence):
        kind = value_kind(m.group("new"))
        marks = m.group("marks").strip(" ,:!.-–—").lower()
        # a lone "well" hedges as often as it corrects ("Rome, well, Rome proper");
        # "well, Winterthur actually" is left to ``_corrections.said_again``, and "well,
        # pescatarian really" puts a diet right
        really = kind == "diet" and bool(re.search(r"\breally\s*$", m.group(0), re.I))
        # (a number after "well" is put right: "the 7:40, well, the 7:52")
        if kind is None or (marks == "well" and not really and kind != "number"):
            continue
        old = _last_of_kind(sentence[:m.start()], kind)
        if old is None or old.group(0).lower() == m.group("new").lower():
            continue
        head = sentence[:old.start()] + m.group("new") + sentence[old.end():m.start()]
        return head + sentence[m.end():]
    return sentence


def swap_kind(text: str, reply: str) -> str | None:
    """``text`` with its value of the kind ``reply`` opens with replaced by ``reply`` (the
    rest of the reply, "since March", goes at the end), or None when ``text`` holds no
    value of that kind.

    >>> swap_kind("I'm working Saturdays at the pub", "Sundays since May")
    "I'm working Sundays at the pub since May"
    >>> swap_kind("I'm working at the pub", "Sundays") is None
    True
    """
    first = reply.split()[0] if reply.split() else ""
    kind = value_kind(first)
    old = _last_of_kind(text, kind) if kind else None
    if old is None:
        return None
    tail = reply[len(first):].strip()
    out = text[:old.start()] + first + text[old.end():]
    return f"{out} {tail}" if tail else out


# What opens a value said again to put one right: "Well, two", "Sorry - Aldi", "No, 8 now".
_AGAIN = re.compile(r"^(?:well|sorry|no|nope|wait|no wait|oh|hmm|um|er|actually|i mean|or rather)"
                    r"\b[\s,.!:\-–—]*(?P<value>[\w'-]+)(?:\s+(?:now|then|actually))?\s*(?:[,.!]|$)", re.I)


def puts_right_before(before: str, sentence: str) -> bool:
    """Does ``sentence`` open with a value of a kind the sentence ``before`` it holds, after
    a word that takes back ("We have three kids. Well, two, ..."; "I work at Lidl. Sorry,
    Aldi")? Then it corrects that value, as a sentence that trails off ("...") is put right.

    >>> puts_right_before("We have three kids.", "Well, two, the eldest is my stepson")
    True
    >>> puts_right_before("We went to Leeds.", "Well, it rained all day") is False
    True
    """
    m = _AGAIN.match(sentence.strip())
    kind = value_kind(m.group("value")) if m else None
    return kind is not None and _last_of_kind(before, kind) is not None


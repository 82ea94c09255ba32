"""A person described between commas before what they do: "My dad, who's 70, still runs
every morning", "My aunt, 82, still drives", "Jake, my oldest, is applying to unis".

The aside between the commas says one thing of the person and the rest of the sentence
another; read whole, neither clause has its subject next to its verb and the sentence
gives nothing. It is said again as two sentences with the subject put back in each.

>>> unapposed("My dad, who's 70, still runs every morning.")
['My dad is 70.', 'My dad still runs every morning.']
>>> unapposed("My sister, who lives in Leeds, is a teacher")
['My sister lives in Leeds.', 'My sister is a teacher']
>>> unapposed("Jake, my oldest, is applying to universities")
['Jake is my oldest.', 'Jake is applying to universities']
>>> unapposed("My wife, bless her, is learning Spanish"), unapposed("My sister, Emma, is a nurse")
(['My wife is learning Spanish'], ['My sister Emma is a nurse'])
>>> unapposed("Honestly, I think, it was fine")
['Honestly, I think, it was fine']
"""

from __future__ import annotations

import re

from engram.pipeline.rules._facts import is_relation
from engram.pipeline.rules._topics import is_occupation

__all__ = ["after_denial", "unapposed"]

_NAME = r"(?-i:[A-Z])[\w'-]+"
# Who the sentence is about: "my dad", "our neighbour Gerald", "my best friend", "Jake".
_WHO = rf"(?:(?i:my|our)\s+(?:[a-z-]+\s+){{0,2}}?[a-z-]+(?:\s+{_NAME})?|{_NAME})"
_APPOSED = re.compile(
    rf"^(?P<who>{_WHO}),\s+(?:(?P<rel>who(?:'s|\s+[A-Za-z]+)\b[^,]*)|(?P<age>(?:now\s+|aged\s+)?"
    r"\d{1,3})|(?P<tie>(?:my|our)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+)|(?P<aside>(?!(?i:i|sorry|no|nope|or|rather|well|wait|make|oops|actually|not|correction)\b)[\w' -]{1,30})),\s+(?P<rest>(?!(?:I|you|we|he|she|they|it)\b)"
    r"[a-z][^,]*?.*)$")
# What a person does, after the aside: "Jake, 12, plays ...", "Ana, who ..., is ...".
_FINITE = re.compile(r"^(?:is|was|has|had|will|can|still|just|also|never|always|now|[a-z]+(?:s|ed))\b")
# "Jake, my oldest, is ..." names a tie; "my dad, my hero, ..." is no second name
_TIE_OF_NAME = re.compile(rf"^{_NAME}$")


def unapposed(sentence: str) -> list[str]:
    """The sentence as the two statements it makes when a person is described between
    commas after being named; the sentence alone otherwise."""
    m = _APPOSED.match(sentence.strip())
    if not m or (m.group("tie") and not _TIE_OF_NAME.match(m.group("who"))):
        return [sentence]
    who = m.group("who")
    if who[0].isupper() and (is_occupation(f"Is a {who}") or not _FINITE.match(m.group("rest"))):
        return [sentence]  # "Student, 19, studying ...": notes, not a person described
    kin = re.match(r"(?i:my|our)\s+(?:.*\s)?([a-z-]+)(?:\s+[A-Z][\w'-]+)?$", who)
    if kin and not is_relation(kin.group(1)):  # "my bro lives in cork, ...": no person
        return [sentence]
    if m.group("aside") is not None:  # "My sister, Emma, is ..."; "My wife, bless her, is ..."
        # (only after "my ...": "Sam, Jo, and ..." is a list, "So, yeah, ..." a remark)
        if not re.match(r"(?i:my|our)\s", who):
            return [sentence]
        names = re.fullmatch(rf"{_NAME}(?:(?:,\s*|\s+and\s+){_NAME})*", m.group("aside"))
        name = m.group("aside") if names else ""  # "My twin brothers, Kwame and Kofi, ..."
        return [f"{who} {name} {m.group('rest')}".replace("  ", " ")]
    if m.group("rel") and re.match(r"who\s+(?:I|we|you)\b", m.group("rel")):
        return [f"{who} {m.group('rest')}"]  # "Tom, who I met at uni, ...": said of the user
    if m.group("rel"):
        said = re.sub(r"^who(?:'s|\s+is)\b", "is", m.group("rel"))
        said = re.sub(r"^who\s+", "", said)
    elif m.group("age"):
        said = "is " + re.sub(r"^(?:now|aged)\s+", "", m.group("age"))
    else:
        said = f"is {m.group('tie')}"
    return [f"{who} {said}.", f"{who} {m.group('rest')}"]


# A value put right with "not", then more said after a comma: "I'm 42, not 41, had a
# birthday last month". The correction is read alone; what follows is a clause of its own.
_AFTER_NOT = re.compile(r"^(?P<fix>.+?,\s+not\s+(?:an?\s+|the\s+)?[\w'-]+(?:\s+[\w'-]+){0,2}),\s+"
                        r"(?P<rest>(?!(?:actually|sorry|though|lol|haha|thanks)\b)\S+(?:\s+\S+)+)$", re.I)


def after_denial(sentence: str) -> list[str]:
    """The sentence as its correction and what is said after it, or the sentence alone.

    >>> after_denial("I'm 42, not 41, had a birthday last month")
    ["I'm 42, not 41.", 'had a birthday last month']
    >>> after_denial("Theo, not Leo, sorry")
    ['Theo, not Leo, sorry']
    """
    m = _AFTER_NOT.match(sentence.strip())
    return [f"{m.group('fix')}.", m.group("rest")] if m else [sentence]

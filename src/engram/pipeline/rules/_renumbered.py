"""A number that moved on in a frame held: "Son Leo is in year 2" then "Leo is in year 3
this year", "Is on grade 4 piano now" after "Is on grade 3 piano", "Has been sober for 45
days" after "... for 30 days". The fact says the same thing of the same subject with
another number, so the held memory no longer holds.

Only a frame of two words or more before the number is read, and everything after the
number must agree once words of time are set aside: "Has 2 cats" / "Has 3 cats" (a count
said with one verb) and "Lives at 12 Park Road" / "Lives at 40 Elm Street" (another
place) are left to the other matchers. A name is never a number here ("Has a brother
named ..." holds one per name).

>>> from engram.pipeline.base import Existing
>>> renumbered("Son Leo is in year 3 this year", [Existing(0, "Son Leo is in year 2")], set())
0
>>> renumbered("Is on grade 4 piano now", [Existing(0, "Is on grade 3 violin")], set()) is None
True
"""

from __future__ import annotations

import re

from engram.pipeline.base import Existing
from engram.pipeline.rules._topics import split_subject

__all__ = ["renumbered"]

_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?(?:k|st|nd|rd|th)?\b", re.I)
# Words of time after the frame say when it holds, not what it is.
_TIME_TAIL = re.compile(r"\s+(?:now|these days|nowadays|this (?:year|term|season|month|week)|"
                        r"at the moment|currently|already|again|so far)$", re.I)
_NAMED = re.compile(r"\b(?:named|called)\b", re.I)

Frame = tuple[str, tuple[str, ...], str, str]


def _frame(text: str) -> Frame | None:
    """(subject, words before the number, the number, what follows it), or None."""
    subject, predicate = split_subject(text)
    said = predicate.strip(" .!")
    while _TIME_TAIL.search(said):
        said = _TIME_TAIL.sub("", said)
    numbers = list(_NUMBER.finditer(said))
    if len(numbers) != 1 or _NAMED.search(said):
        return None
    m = numbers[0]
    before = tuple(said[:m.start()].lower().split())
    if len(before) < 2:
        return None
    return subject, before, m.group(0).lower(), said[m.end():].strip().lower()


def renumbered(fact: str, existing: list[Existing], used: set[int]) -> int | None:
    """Position of the held memory whose number the fact moves on, or None."""
    new = _frame(fact)
    if new is None:
        return None
    for pos, e in enumerate(existing):
        if pos in used or e.ref < 0:  # not a fact of this batch: each says its own
            continue
        old = _frame(e.text)
        if old and old[0] == new[0] and old[1] == new[1] and old[3] == new[3] \
                and old[2] != new[2]:
            return pos
    return None

"""A relative named again under another family tie: the tie held was wrong.

One person is one relative: "Ravi is my cousin" after "Has a brother named Ravi" puts
the tie right rather than adding a second Ravi. Only family ties are read this way; a
friend and a colleague may share a first name, and often do.

>>> from engram.pipeline.base import Existing
>>> retied("Has a cousin named Ravi", [Existing(0, "Has a brother named Ravi")], set())
0
>>> retied("Has a cousin named Ravi", [Existing(0, "Ravi is their brother")], set())
0
>>> retied("Has a colleague named Sam", [Existing(0, "Has a friend named Sam")], set()) is None
True
"""

from __future__ import annotations

import re

from engram.pipeline.base import Existing
from engram.pipeline.rules._facts import HE_TIES, SHE_TIES, TIED

__all__ = ["retied"]

# Ties by blood: a person holds one of them towards the user (the ties that name a man
# or a woman, less those of a couple, and the ones that name neither).
_FAMILY = (HE_TIES | SHE_TIES | {"cousin", "twin", "stepsister", "stepbrother"}) - {
    "husband", "wife", "boyfriend", "girlfriend", "fiance", "fiancee", "fiancée"}


def retied(fact: str, existing: list[Existing], used: set[int]) -> int | None:
    """The held tie of the same name under another family relation, if any."""
    new = TIED.match(fact)
    if not new or new.group("rel").lower() not in _FAMILY:
        return None
    name = fact[new.end():].split()[:1]
    for pos, e in enumerate(existing):
        held = _held_tie(e.text)
        if pos in used or not held or held[0] not in _FAMILY or held[0] == new.group("rel").lower():
            continue
        if name and held[1] == name[0]:
            return pos
    return None


# A tie held in the other order: "Sarah is their sister".
_NAMED_TIE = re.compile(r"^((?-i:[A-Z])[\w'-]+)\s+is\s+(?:their|the\s+user's)\s+(\w+)$", re.I)


def _held_tie(text: str) -> tuple[str, str] | None:
    """The family tie and first name of a held fact, in either order."""
    old = TIED.match(text)
    if old:
        rest = text[old.end():].split()
        return (old.group("rel").lower(), rest[0]) if rest else None
    named = _NAMED_TIE.match(text)
    return (named.group(2).lower(), named.group(1)) if named else None

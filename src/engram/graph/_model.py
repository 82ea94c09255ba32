"""What graph extraction produces, and how names are compared (pure, no I/O).

A :class:`Triple` is ``source -relationship-> target`` read from one message. The
speaker ("I", "me", "user") is written as the message's speaker name, or ``"user"``.
Names meet by :func:`normalise`: lower case, no articles or possessives, and no
relation noun in front, so "my sister Anna", "Sister Anna" and "Anna" are one key.

>>> normalise("my sister Anna"), normalise("The Mercy Hospital"), normalise("Anna's")
('anna', 'mercy hospital', 'anna')
>>> relationship_label("Works At")
'works_at'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Triple", "GraphExtraction", "normalise", "relationship_label", "SELF",
           "RELATION_NOUNS", "FUNCTIONAL", "is_self"]

SELF = "user"
_SELF_WORDS = {"user", "i", "me", "myself", "the user", "USER"}
RELATION_NOUNS = frozenset("""sister brother wife husband partner boyfriend girlfriend fiance
fiancee son daughter kid child mom mother dad father mum grandma grandmother grandpa
grandfather aunt uncle cousin niece nephew friend roommate flatmate boss manager colleague
coworker neighbor neighbour dog cat puppy kitten bird parrot rabbit hamster horse fish turtle
pet teacher doctor therapist""".split())  # noqa: SIM905 (a word list reads better as text)
PETS = frozenset("dog cat puppy kitten bird parrot rabbit hamster horse fish turtle pet".split())  # noqa: SIM905
# One target at a time: a new one contradicts the old (Paris -> Berlin).
FUNCTIONAL = frozenset({"lives_in", "works_at", "works_as", "married_to", "engaged_to"})
_ADJ = r"(?:best|older|younger|little|big|elder|twin|step|ex|new|old|baby)"
_LEAD = re.compile(rf"^(?:(?:my|our|his|her|their|the|a|an)\s+)?(?:{_ADJ}\s+)?"
                   rf"(?:(?:{'|'.join(sorted(RELATION_NOUNS))})\s+(?=\w))?", re.I)


@dataclass(frozen=True)
class Triple:
    """One relation read from the messages; ``negated``: it no longer holds."""

    source: str
    relationship: str
    target: str
    source_type: str = "thing"
    target_type: str = "thing"
    negated: bool = False
    message: int = 0  # index of the message it was read from


@dataclass
class GraphExtraction:
    """Triples plus what was dropped on the way (LLM answers that did not validate)."""

    triples: list[Triple] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def is_self(name: str) -> bool:
    return name.strip().lower() in _SELF_WORDS


def normalise(name: str) -> str:
    """The resolution key of a name (see the module docstring)."""
    text = re.sub(r"[’`]", "'", name.strip())
    text = re.sub(r"'s?\b", "", text)
    text = _LEAD.sub("", text, count=1) or text
    text = re.sub(r"[^\w\s&-]", " ", text.lower())
    return re.sub(r"\s+", " ", text).strip()


def relationship_label(text: str) -> str:
    """``"Works At"`` -> ``works_at``: lower snake case, at most five words."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "_".join(words[:5])

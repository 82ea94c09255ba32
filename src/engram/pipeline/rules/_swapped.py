"""A swap that names both values ("Swapped the trumpet for the drums", "Traded in the
Civic for a Mazda 3"): the held memory that names the old value keeps its frame with the
new one. Read by ``_retake.reframed``."""

from __future__ import annotations

import re

from engram.pipeline.rules._rewrite import before_word
from engram.pipeline.rules._topics import split_subject

__all__ = ["swapped"]


# A swap that names both values: "Swapped the trumpet for the drums", "Replaced the old
# Golf with a Kia". The held memory of the same subject that names the old value keeps its
# frame with the new one ("Son Theo plays the trumpet" -> "Son Theo plays the drums").
_SWAPPED = re.compile(r"^(?:has\s+|have\s+|just\s+|finally\s+)*(?:swapped|traded(?:\s+in)?|exchanged|"
                      r"replaced)\s+(?:the\s+|their\s+|his\s+|her\s+|a\s+|an\s+)?(?P<old>[\w'-]+"
                      r"(?:\s+[\w'-]+)?)\s+(?:for|with)\s+(?:the\s+|a\s+|an\s+|some\s+)?"
                      r"(?P<new>[\w'-]+(?:\s+[\w'-]+){0,2}?)(?:\s*[,;].*|\s+(?:last|this|in|on|after|"
                      r"because)\b.*)?$", re.I)


def swapped(fact: str, held: str) -> str | None:
    """The held memory with the value a swap gave up replaced by the one it took.

    >>> swapped("Son Ivo has swapped the cello for the bass", "Son Ivo plays the cello")
    'Son Ivo plays the bass'
    >>> swapped("Swapped the cello for the bass", "Son Ivo plays the cello") is None
    True
    """
    subject, predicate = split_subject(fact)
    m = _SWAPPED.match(predicate)
    h_subject, h_predicate = split_subject(held)
    if m is None or h_subject != subject:
        return None
    # a make named goes with its model: "the Skoda" is the held "Skoda Octavia"
    old = re.search(r"\b" + re.escape(m.group("old")) + r"\b(?:\s+(?-i:[A-Z0-9])[\w-]*)*", held, re.I)
    if old is None:
        return None
    named_new = re.search(r"\b(?-i:[A-Z])", m.group("new"))  # "a used Ioniq 5" names a model
    if m.group("old")[:1].isupper() and not named_new:
        return None  # "the Prius for an electric bike": another kind of thing, not a model
    head = held[:old.start()]
    if named_new:  # "the Civic" for "a Mazda 3": the make goes with it
        head = re.sub(r"(?<=\s)(?:(?-i:[A-Z])[\w-]*\s+)+$", "", head)
    head = before_word(head, m.group("new"))
    return head + m.group("new") + held[old.end():]  # "an iPhone" -> "a Pixel"

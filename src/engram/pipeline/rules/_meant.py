"""A correction that names its values, applied: "Meant Dallas, not Austin" puts Dallas
where a held memory says Austin; "Meant September" (no old value) moves the plan, the
value of the same kind or the narrowed thing said last (:mod:`._retake`,
:mod:`._revalue`, :mod:`._narrowed` find which). Used by the reconciler (rule 0: a
correction of a value is applied before anything else is compared).

>>> meant_decision("Meant Dallas, not Austin", [Existing(0, "Lives in Austin")], set())
Decision(event='UPDATE', text='Lives in Dallas', ref=0, fact=None, source_ids=())
>>> meant_decision("Meant Dallas, not Austin", [Existing(0, "Lives in Reno")], set()).event
'NONE'
"""

from __future__ import annotations

import re

from engram.pipeline.base import Decision, Existing
from engram.pipeline.rules._corrections import MEANT
from engram.pipeline.rules._narrowed import narrow_target
from engram.pipeline.rules._retake import retime_target
from engram.pipeline.rules._revalue import revalue_target
from engram.pipeline.rules._rewrite import article
from engram.pipeline.rules._slots import Similarity

__all__ = ["meant_decision"]


def meant_decision(fact: str, existing: list[Existing], used: set[int],
                   similarity: Similarity | None = None, threshold: float | None = None,
                   margin: float = 0.1) -> Decision | None:
    """"Meant Dallas, not Austin": the memory holding "Austin" now holds "Dallas"."""
    m = MEANT.match(fact)
    if not m:
        return None
    if m.group("old") is None:  # "Meant September": the plan said last with a month
        new = m.group("new")
        hit = retime_target(new, existing, used) \
            or revalue_target(new, existing, used) \
            or (narrow_target(new, existing, used, similarity, threshold, margin)
                if new[:1].islower() else None)  # "Meant prawns": narrowed
        if hit is None:
            return Decision("NONE")
        used.add(hit[0])
        return Decision("UPDATE", hit[1], existing[hit[0]].ref)
    said = re.sub(r"^(?:a|an|the)\s+", "", m.group("old"))
    # "the 12th" is held as "March 12": an ordinal's suffix is optional
    said = re.sub(r"^(\d+)(?:st|nd|rd|th)$", r"\1", said)
    old = re.compile(r"\b" + re.escape(said) + (r"(?:st|nd|rd|th)?" if said.isdigit() else "")
                     + r"\b", re.I)
    # a word said short matches the held one it begins ("a lab" for "a Labrador"), when
    # no held memory has it whole
    short = re.compile(r"\b" + re.escape(said) + r"\w+\b", re.I) if said.isalpha() and len(said) >= 3 else None
    for pattern in (old, short):
        for pos, e in enumerate(existing):
            if pattern is not None and pos not in used and pattern.search(e.text):
                used.add(pos)
                new = re.sub(r"^(?:a|an|the)\s+", "", m.group("new"))
                return Decision("UPDATE", _put(pattern, new, e.text), existing[pos].ref)
    return Decision("NONE")


def _put(old: re.Pattern[str], new: str, text: str) -> str:
    """``text`` with its first ``old`` replaced by ``new``; words ``new`` ends with that
    the text already has after the old value are not said twice ("three cats" for "two"
    in "Has two cats").

    >>> _put(re.compile(r"\\btwo\\b"), "three cats", "Has two cats at home")
    'Has three cats at home'
    >>> _put(re.compile(r"\\bAustin\\b"), "Dallas", "Lives in Austin")
    'Lives in Dallas'
    >>> _put(re.compile(r"\\bJazz\\b"), "Honda Civic", "Drives a Honda Jazz")
    'Drives a Honda Civic'
    """
    hit = old.search(text)
    if hit is None:
        return text
    words = new.split()
    after = text[hit.end():]
    for k in range(len(words) - 1, 0, -1):
        if re.match(r"\s+" + re.escape(" ".join(words[-k:])) + r"\b", after, re.I):
            new = " ".join(words[:-k])
            break
    before = text[:hit.start()]
    for k in range(len(new.split()) - 1, 0, -1):  # nor those it begins with ("Honda Civic"
        lead = " ".join(new.split()[:k])            # for "Jazz" in "Drives a Honda Jazz")
        if re.search(r"\b" + re.escape(lead) + r"\s+$", before, re.I):
            new = " ".join(new.split()[k:])
            break
    if hit.group(0)[:1].isupper() and new[:1].islower():  # a place held with its capital
        new = new[:1].upper() + new[1:]
    head = text[:hit.start()]
    # the article before it agrees with the new value: "a paramedic" -> "an ambulance ..."
    head = re.sub(r"\b(a|an)\s+$", lambda a: f"{article(new)} "
                  if a.group(1).islower() else a.group(0), head)
    return head + new + after

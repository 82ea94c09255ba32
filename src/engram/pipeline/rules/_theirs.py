"""A relative's news is theirs: it never changes what the user holds of themselves.

Every path of the reconciler looks for the held memory a change replaces by its words,
its slot or its vector, and "Sister now works at the Royal Infirmary too" shares them
all with the user's own "Works at the Royal Infirmary"; so does "Partner went vegan
again" with "Is vegan". What such a fact may replace is decided here, once, for every
path: nothing the user holds of themselves (a memory with no subject of its own), the
tie to that person included ("Has a sister named Ella" outlives her move).

>>> from engram.pipeline.base import Decision, Existing, Fact
>>> held = [Existing(0, "Is vegan")]
>>> spare_own([Decision("UPDATE", "Partner went vegan", 0, 0)],
...           [Fact("Partner went vegan", ())], held)
[Decision(event='ADD', text='Partner went vegan', ref=None, fact=0, source_ids=())]
"""

from __future__ import annotations

import dataclasses
import re

from engram.pipeline.base import Decision, Existing, Fact
from engram.pipeline.rules._facts import RELATIONS
from engram.pipeline.rules._outcome import BIRTH
from engram.pipeline.rules._slots import content_tokens
from engram.pipeline.rules._topics import split_subject

__all__ = ["spare_own", "theirs"]

# The user, as the rules' third-person rewrite names them.
_USER = re.compile(r"\b(?:them|their|theirs|themselves|they)\b", re.I)


def theirs(fact: str, held: str) -> bool:
    """The fact is news of a relative (its subject opens with one) that neither names
    the user ("Boss now lets them work from home on Thursdays" is the user's news too)
    nor ends a wait for that relative (a birth), and the held memory is the user's own
    and does not name the relative (the tie, "Has a daughter named Zoe", becomes the
    richer "Daughter Zoe ..." as before)."""
    who, predicate = split_subject(fact)
    if not who or who.split()[0] not in RELATIONS or split_subject(held)[0]:
        return False
    if _USER.search(predicate) or BIRTH.search(predicate):
        return False
    return not content_tokens(who) & content_tokens(held)


def spare_own(decisions: list[Decision], facts: list[Fact],
              existing: list[Existing]) -> list[Decision]:
    """The decisions with every UPDATE or DELETE of a user's own memory by a relative's
    news taken back: the memory stays and the news is added as said."""
    held = {e.ref: e.text for e in existing}
    taken_back = [d for d in decisions
                  if d.event in ("UPDATE", "DELETE") and d.fact is not None and d.ref in held
                  and theirs(facts[d.fact].text, held[d.ref])]
    if not taken_back:
        return decisions
    spared = {d.fact for d in taken_back if d.fact is not None}
    out: list[Decision] = []
    for d in decisions:
        if any(d is t for t in taken_back):
            continue
        if d.fact is not None and d.fact in spared and d.event == "ADD":
            d = dataclasses.replace(d, text=facts[d.fact].text)  # not "...; no longer <held>"
        out.append(d)
    for i in spared:  # the news itself, once
        if not any(d.fact == i and d.event in ("ADD", "UPDATE") for d in out):
            out.append(Decision("ADD", facts[i].text, None, i, facts[i].source_ids))
    return out

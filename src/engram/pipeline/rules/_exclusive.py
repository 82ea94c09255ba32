"""Changes matched by what a fact is about when its words and embedding are far apart.

"These days I'm teaching yoga full time" replaces "Works as a barista", yet MiniLM puts
the pair at a cosine of 0.05, far under the floor of ``_nearest``. Both facts fill one
*exclusive* slot: what someone does for a living, who employs them, where they live, their
relationship status, diet, age, what they study. A fact's slot is read from its predicate
frame where the frame is unambiguous ("Works as", "Works at <Name>", "Lives in", "Plans to
study", "... full time"), else from the embedding cosine to a few prototype phrases per
slot, clear of the next slot by a margin. What someone studies is read by frame only:
MiniLM puts "Is reading about history" next to "Studies history". "Is at Klarna now" is
not told apart from "Is at the gym now", so it is left alone.

A change fact (it says "now", "switched", "these days", "ended up", or is a correction)
replaces the one held memory of the same subject in the same slot. A plain present-tense
statement replaces nothing here: "is staying in Rome" is as often a trip as a move, and
"works weekends at a bar" as often a second job as a new one; those are left to the frame
slots of ``_slots``, which need the full frame ("Lives in", "Works as").

>>> frame_slot("Works at Zalando"), frame_slot("Works at the weekend")
('employer', None)
>>> frame_slot("Is teaching yoga full time"), frame_slot("Plans to study law")
('occupation', 'studies')
>>> said_changed(Fact("Ended up doing law")), said_changed(Fact("Does law"))
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from engram.pipeline.base import Existing, Fact
from engram.pipeline.rules._episodes import in_progress
from engram.pipeline.rules._nearest import change_kind
from engram.pipeline.rules._slots import Similarity, is_ending, is_negative
from engram.pipeline.rules._topics import split_subject

__all__ = ["SLOT_FLOOR", "SLOT_MARGIN", "exclusive_slots", "exclusive_target", "frame_slot",
           "said_changed"]


# A few phrases per slot, written for this module (not taken from any eval set).
_PROTOTYPES: dict[str, tuple[str, ...]] = {
    "occupation": ("Works as an electrician", "Is a primary school teacher by trade",
                   "Makes a living as a graphic designer", "Is an accountant",
                   "Drives a taxi for a living", "Is working as a waiter"),
    "employer": ("Works at a large software company", "Is employed by an insurance firm",
                 "Has a job at a bank", "Is with Accenture", "Is at Microsoft"),
    # where one lives, and how it is held (renting or owning is the home, not a stay)
    "home": ("Lives in a flat in the city centre", "Has a house in a small village",
             "Lives in Manchester", "Rents an apartment near the park",
             "Owns a terraced house"),
    "relationship": ("Is married", "Is single", "Has a boyfriend", "Is divorced"),
    "diet": ("Is vegetarian", "Follows a vegan diet", "Eats meat"),
    "age": ("Is 34 years old", "Is in their late twenties"),
}
_NAMES = [name for name, ps in _PROTOTYPES.items() for _ in ps]
_PHRASES = [p for ps in _PROTOTYPES.values() for p in ps]
# MiniLM cosine a predicate needs to its nearest prototype, and its lead over the best
# prototype of another slot: the reconciler's change threshold and margin, not tuned
# apart; on probe sentences either half picks a flat optimum of 0.25-0.35 at 0.1.
SLOT_FLOOR = 0.3
SLOT_MARGIN = 0.1

# Frames that name their slot outright; anything else is left to the prototypes.
_FRAMES: list[tuple[str, re.Pattern[str]]] = [(n, re.compile(p)) for n, p in [
    ("occupation", r"(?i)^(?:works|worked|is working)\s+as\b"),
    # a name after "at" (case-sensitive): "Works at the weekend" is a time, not an employer
    ("employer", r"^(?i:works|is working)\s+(?i:at|for)\s+[A-Z]|^(?i:is employed (?:at|by))\b"),
    ("home", r"(?i)^(?:lives|is living)\s+in\b"),
    # Only by frame: MiniLM puts "Is reading about history" by "Studies history".
    ("studies", r"(?i)^(?:studies|studied|is studying|(?:plans|wants|hopes|is going) to study|"
                r"(?:is )?doing (?:a )?(?:degree|masters|phd|course|diploma) in|"
                r"(?:switched|changed) to studying)\b"),
    # How and where someone gets to work: "Cycles to work", "Works from home", "Goes into
    # the office"; one way at a time (a day's exception is a passing event, left out above)
    ("commute", r"(?i)(?<!back )\bto (?:work|the office)\b|\bwork(?:s|ing)? (?:from home|remotely)\b|"
                r"^commutes\b|"
                r"\binto the office\b"),
    # What someone does full time or for a living is their occupation, whatever it is.
    ("occupation", r"(?i)\b(?:full[- ]time|for a living|professionally)\b"),
]]
# A stay, a visit or a trip is not where someone lives, nor a shift or a gig their job.
_PASSING = re.compile(r"\b(?:staying|visiting|trip|holiday|vacation|week|weekend|weekends|"
                      r"month|tonight|today|tomorrow|shift|shifts|gig|side)\b", re.I)
# Words of time say that it changed, not what it is about; they pull the embedding
# towards whatever else is said "now".
_WHEN = re.compile(r"\b(?:now|these days|nowadays|currently|at the moment|full[- ]time|"
                   r"part[- ]time|again|instead)\b", re.I)
# Said as the outcome of an earlier plan or state: "ended up doing law", "in the end",
# "has become a carpenter" (``_nearest`` leaves "became a" out: "became a fan" is no
# change of anything in particular; here the slot must match as well).
_OUTCOME = re.compile(r"\b(?:ended up|in the end|eventually|wound up|became|has become)\b",
                      re.I)


def said_changed(fact: Fact) -> bool:
    """The fact says its state replaced an earlier one: a swap or a change of state in its
    own words, a "these days" opener, a correction, or an outcome ("ended up")."""
    return (fact.change or fact.correction or change_kind(fact.text) == "UPDATE"
            or bool(_OUTCOME.search(fact.text)))


def frame_slot(predicate: str) -> str | None:
    return next((n for n, p in _FRAMES if p.search(predicate)), None)


def exclusive_slots(texts: list[str], similarity: Similarity) -> list[str | None]:
    """The exclusive slot of each text (subject stripped), or None."""
    out: list[str | None] = [frame_slot(split_subject(t)[1]) for t in texts]
    preds = [_WHEN.sub("", split_subject(t)[1]).strip(" ,") or t for t in texts]
    # An activity under way ("Is driving a hire car around Skye") is what someone is
    # doing, not what they do for a living: MiniLM puts it by "Drives a taxi for a living"
    todo = [k for k, s in enumerate(out) if s is None and not in_progress(preds[k])]
    if not todo:
        return out
    sims = np.asarray(similarity([preds[k] for k in todo], _PHRASES))
    for row, k in zip(sims, todo, strict=True):
        best: dict[str, float] = {}
        for name, c in zip(_NAMES, row, strict=True):
            best[name] = max(best.get(name, -1.0), float(c))
        ranked = sorted(best.items(), key=lambda kv: kv[1], reverse=True)
        if ranked[0][1] >= SLOT_FLOOR and ranked[0][1] - ranked[1][1] >= SLOT_MARGIN:
            out[k] = ranked[0][0]
    return out


def exclusive_target(fact: str, existing: Sequence[Existing], used: set[int],
                     similarity: Similarity) -> int | None:
    """Position of the one held memory of the fact's subject in the fact's exclusive slot
    (the caller has checked that the fact says something changed); None when there is no
    such memory, or more than one (a second job, two homes: no clear target)."""
    if is_negative(fact) or is_ending(fact) or _PASSING.search(fact):
        return None
    subject = split_subject(fact)[0]
    held = [p for p, e in enumerate(existing) if e.ref >= 0 and p not in used
            and split_subject(e.text)[0] == subject and not is_negative(e.text)
            and not is_ending(e.text)]
    if not held:
        return None
    slots = exclusive_slots([fact] + [existing[p].text for p in held], similarity)
    if slots[0] is None:
        return None
    same = [p for p, s in zip(held, slots[1:], strict=True) if s == slots[0]]
    return same[0] if len(same) == 1 else None

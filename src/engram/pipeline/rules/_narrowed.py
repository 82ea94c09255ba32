"""A statement narrowed as it is put right: "oh wait, it's actually just prawns".

After "I'm allergic to seafood", the user says that only part of it holds: "it's only
prawns that set me off", "it's actually just the pollen". The correction names the
narrower thing and no frame; the frame is the one of the statement it narrows:

- the fact said just before in the same conversation, if it ends in an object ("Is
  allergic to seafood" -> "Is allergic to prawns");
- else (a held memory from an earlier conversation) the held memory whose object is
  nearest to the narrower thing by the embedding, clear of the runner-up, whose object is
  then replaced the same way.

It must be said as a correction: an opener ("oh", "wait", "sorry", "I got that wrong")
or "actually". "It's just a cold" (no opener) and "It's only Tuesday" (no common noun)
are not corrections of anything.

>>> narrowed("Oh wait, it's actually just prawns.")
'Meant prawns'
>>> narrowed("Sorry, I got that wrong before: it's only cashews that set me off, others are fine")
'Meant cashews'
>>> narrowed("It's just a cold.") is None, narrowed("Oh, it's only Tuesday.") is None
(True, True)
>>> narrowed_object("Is allergic to seafood", "prawns")
'Is allergic to prawns'
"""

from __future__ import annotations

import re

import numpy as np

from engram.pipeline.base import Existing
from engram.pipeline.rules._slots import Similarity, is_negative

__all__ = ["narrowed", "narrowed_object", "narrow_target"]

_OPEN = (r"(?:(?:oh|no|wait|sorry|oops|actually|well|hmm|hang on|hold on|scratch that|"
         r"correction|my bad|my mistake|i was wrong|i got (?:that|it|this) wrong"
         r"(?:\s+(?:before|earlier))?)\b[\s,:!.\-–—]*)")
_NARROW = re.compile(
    rf"^(?P<open>{_OPEN}+)?(?:it(?:'s|\s+is|\s+was)|they(?:'re|\s+are|\s+were))\s+"
    r"(?P<actually>actually\s+)?(?P<only>(?:only|just)\s+)?(?:the\s+)?"
    r"(?P<x>(?-i:[a-z])[\w'-]*(?:\s+(?-i:[a-z])[\w'-]*)?)"
    # or the thing said with "actually" after it: "it's tree nuts actually"
    r"(?P<after>\s+actually)?(?:\s+(?:that|which|who)\s+[^,]+)?(?:\s*,.*)?[.!]*$", re.I)
# What a narrowing names is a thing, not a person, an article or a time.
_NOT_A_THING = frozenset("""me us you him her them it a an one once now then here there
that this those these because when if so""".split())  # noqa: SIM905 (a word list reads better as text)
_OBJECT = re.compile(r"^(?P<frame>.*\b(?:to|in|at|with|for|from|of|on|about|by))\s+"
                     r"(?:the\s+|a\s+|an\s+)?(?P<old>(?-i:[a-z])[\w'-]*(?:\s+(?-i:[a-z])[\w'-]*){0,2})$",
                     re.I)


def narrowed(sentence: str) -> str | None:
    """"Meant X" for a turn that narrows what was said to X, else None."""
    m = _NARROW.match(sentence.strip())
    if not m or not (m.group("only") or m.group("after")) or not (
            m.group("open") or m.group("actually") or m.group("after")):
        return None
    if m.group("x").split()[0].lower() in _NOT_A_THING:
        return None
    return f"Meant {m.group('x')}"


def narrowed_object(text: str, value: str) -> str | None:
    """``text`` with the common noun it ends on (a preposition's object) replaced by
    ``value``, or None when it ends on no such object."""
    m = _OBJECT.match(text)
    if not m or m.group("old").lower() == value.lower():
        return None
    return f"{m.group('frame')} {value}"


def narrow_target(value: str, existing: list[Existing], used: set[int],
                  similarity: Similarity | None, threshold: float | None,
                  margin: float) -> tuple[int, str] | None:
    """(position, new text) of the statement a narrowing to ``value`` narrows: the latest
    fact of this conversation, else the held memory whose object is nearest to the value
    by the embedding ("cashews" to "tree nuts" 0.47, to "crosswords" 0.25), clear of the
    runner-up by ``margin``."""
    batch = [p for p in range(len(existing)) if existing[p].ref < 0 and p not in used]
    if batch:
        text = narrowed_object(existing[batch[-1]].text, value)
        return (batch[-1], text) if text else None
    if similarity is None or threshold is None:
        return None
    held = [(p, m.group("old")) for p, e in enumerate(existing)
            if p not in used and e.ref >= 0 and not is_negative(e.text)
            and (m := _OBJECT.match(e.text)) is not None]
    if not held:
        return None
    cos = np.asarray(similarity([value], [obj for _, obj in held]))[0]
    ranked = sorted(zip(cos.tolist(), range(len(held)), strict=True), reverse=True)
    if ranked[0][0] < threshold or len(ranked) > 1 and ranked[0][0] - ranked[1][0] < margin:
        return None
    pos = held[ranked[0][1]][0]
    text = narrowed_object(existing[pos].text, value)
    return (pos, text) if text else None

"""Implicit updates found by meaning when no word links them.

"Has been sober for a year" supersedes "Drinks wine most evenings" and "Now drinks oat
milk" supersedes "Drinks whole milk in coffee", yet the lexical matcher in ``_supersede``
sees no shared word or topic class. ``Memory`` gives the rules reconciler the embedder's
cosine, and the scope's neighbours were found by it, so the nearest held memory of the
same subject is the likeliest one a change fact replaces. It is taken only when:

- the fact says that something changed (a swap: "now", "switched", "again", "instead";
  or an ending: "quit", "sold", "no longer"); a plain statement, a bare denial or a mere
  beginning ("Started learning the violin" next to "Plays the piano") adds, it replaces
  nothing;
- the memory is held (not a fact of the same batch), about the same subject, and states
  something (no denial or ending of its own);
- it is the nearest held memory, at a cosine of at least ``threshold`` and ahead of the
  runner-up (any held memory) by ``margin``, so a fact near two memories changes neither.
  MiniLM puts a change and what it replaces at only 0.25-0.6 ("Quit the reading group" /
  "Is a member of a book club" 0.35) while unrelated memories of one person sit near 0.1,
  so the margin carries as much of the decision as the floor; in a large scope, where
  neighbours crowd together, it makes the match rarer, not looser;
- the reconciler then checks that the two are about the same thing (``_agree``): the same
  single-valued slot, and no passing event ("Is visiting family in Cork" is near "Lives
  in Leeds", yet a visit is no move).

>>> from engram.pipeline.base import Existing
>>> held = [Existing(0, "Drinks wine most evenings"), Existing(1, "Lives in Leeds")]
>>> nearest_change("Now drinks only water", [0.52, 0.1], held, set(), 0.3, 0.1)
(0, 'UPDATE')
>>> nearest_change("Quit the choir", [0.25, 0.1], held, set(), 0.3, 0.1) is None
True
>>> nearest_change("Now drinks only water", [0.52, 0.45], held, set(), 0.3, 0.1) is None
True
>>> nearest_change("Loves red wine", [0.7, 0.1], held, set(), 0.3, 0.1) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from engram.pipeline.base import Existing
from engram.pipeline.rules._slots import is_ending, is_negative
from engram.pipeline.rules._supersede import SWAP, ends_a_slot, is_favour
from engram.pipeline.rules._topics import split_subject

__all__ = ["ADVERB_FIRST", "change_kind", "nearest_change", "nearest_corrected"]

# A change of state said with an inchoative verb: become / go / turn / grow + the new
# state ("went vegan", "has gone freelance", "turned 40", "got engaged"). What follows must
# be a state, not a place, an errand or a thing had ("went to Rome", "went skiing", "got
# a bike").
_INCHOATIVE = re.compile(
    r"\b(?:(?:become|became|gone|went|turned|turns|grew|grown)\s+(?:(?:fully|completely|"
    r"totally|full|entirely|officially|properly)\s+)?(?!(?:to|back|home|out|for|on|in|into|"
    r"up|down|with|through|off|away|by|over|there|here|a|an|the|my|their|our|his|her|its|"
    r"it|some|rid|used|and|but|so|well|wrong|missing)\b)(?![a-z]+ing\b)[a-z0-9][\w-]*|"
    r"got\s+(?:married|engaged|divorced|separated|hitched|sober|promoted|hired))\b", re.I)
# A denial that says a state ended ("Does not smoke anymore"), not only that it is not so.
_NO_LONGER = re.compile(r"\b(?:no longer|anymore|any more)\b", re.I)


# Adverbs of frequency or degree before a fact's verb: "Mostly works late" is about working.
ADVERB_FIRST = re.compile(r"^(?:(?:mostly|usually|mainly|generally|normally|typically|often|"
                          r"sometimes|always|now|still)\s+)+", re.I)


def change_kind(fact: str) -> str | None:
    """"DELETE" for an ending, "UPDATE" for a swap, None for anything else."""
    if is_ending(fact) or _NO_LONGER.search(fact) or ends_a_slot(fact):
        return "DELETE"
    if is_negative(fact) or is_favour(fact):  # a favour swaps nothing held
        return None
    return "UPDATE" if SWAP.search(fact) or _INCHOATIVE.search(fact) else None


def nearest_change(fact: str, cosines: Sequence[float], existing: list[Existing],
                   used: set[int], threshold: float, margin: float,
                   said_as_now: bool = False) -> tuple[int, str] | None:
    """(position, "UPDATE" | "DELETE") of the held memory the change fact replaces;
    ``said_as_now``: its sentence set it against before ("these days I ...", ``_now``)."""
    event = change_kind(fact)
    if event is None and said_as_now and not is_negative(fact):
        event = "UPDATE"
    if event is None:
        return None
    pos = nearest_held(fact, cosines, existing, used, threshold, margin)
    return None if pos is None else (pos, event)


def nearest_corrected(fact: str, cosines: Sequence[float], existing: list[Existing],
                      used: set[int], threshold: float, margin: float) -> int | None:
    """Position of the held memory a fact said as a correction restates when no frame word
    links them ("scratch that, I'm a school librarian" after "Works as a teacher"): the
    same nearest-memory test as a change; a denial restates nothing."""
    if is_negative(fact) or is_ending(fact):
        return None
    return nearest_held(fact, cosines, existing, used, threshold, margin)


def nearest_held(fact: str, cosines: Sequence[float], existing: list[Existing],
                 used: set[int], threshold: float, margin: float) -> int | None:
    """The nearest held memory of the fact's subject, clear of the runner-up by margin."""
    # "Mostly works late": an opening adverb names no one (the lexical matchers still
    # read it as a subject, which keeps "instead" from swapping things merely related)
    subject = split_subject(ADVERB_FIRST.sub("", fact))[0]
    ranked = sorted(((float(cosines[pos]), pos) for pos, e in enumerate(existing)
                     if pos < len(cosines) and e.ref >= 0), reverse=True)
    if not ranked or ranked[0][0] < threshold:
        return None
    if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < margin:
        return None  # as near another memory (anyone's, used or not): no clear target
    pos = ranked[0][1]
    e = existing[pos]
    if pos in used or split_subject(e.text)[0] != subject or is_negative(e.text) \
            or is_ending(e.text) or ends_a_slot(e.text):  # an ending held is an event
        return None
    return pos

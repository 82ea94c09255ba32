"""Work under way that a completion ends: "Defended their thesis" ends "Is writing a PhD
thesis on coral reefs", "Submitted the grant bid" ends "Is working on a grant bid".

A held progressive ("Is writing X", "Is building X", "Is studying for X") says something is
under way; a fact whose head is a verb of completion (finished, completed, defended,
submitted, handed in, wrapped up, published, got through) and that names the same thing
(a content word of X) says it is over, whatever day it names. Without this the fact reads
as a one-off event (a past verb with a day: ``_episodes.one_off``) and the held work stays
under way forever.

>>> from engram.pipeline.base import Existing
>>> held = [Existing(0, "Is writing a novel about lighthouse keepers"),
...         Existing(1, "Is learning the cello")]
>>> completed("Finished the novel on Sunday", held, set())
0
>>> completed("Finished a crossword on Sunday", held, set()) is None
True
>>> completed("Bought a novel on Sunday", held, set()) is None
True
"""

from __future__ import annotations

import re

from engram.pipeline.base import Existing
from engram.pipeline.rules._facts import is_relation
from engram.pipeline.rules._slots import content_tokens, is_negative, stem
from engram.pipeline.rules._topics import split_subject

__all__ = ["completed"]

# Verbs that say a piece of work is done (not a verb of leaving or giving up: those are
# endings, ``_slots.is_ending``).
_COMPLETION = re.compile(r"^(?:(?:has|have)\s+)?(?:just\s+|finally\s+|officially\s+)?(?:finished|"
                         r"completed|defended|submitted|handed in(?!\s+(?:their|my|a)\s+notice)|"
                         r"wrapped up|published|got through|got to the end of|reached the end of|"
                         r"crossed the finish line)\b",
                         re.I)
# Under way: "Is writing", "Is studying for", "Are building" (any progressive).
_UNDER_WAY = re.compile(r"^(?:is|are)\s+(?:(?:still|currently|now|slowly)\s+)?(?P<verb>[a-z]+ing)\b",
                        re.I)


# The work as the subject, said to be done: "Bootcamp is done as of Friday", "Thesis is
# submitted" (the user's own work: a one- or two-word thing, no person).
_IS_DONE = re.compile(r"^(?P<thing>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:is|was|got)\s+(?:all\s+|finally\s+)?"
                      r"(?:done|finished|complete|completed|submitted|over)\b", re.I)


# Ends named by what they end, with no word of it: a race run, a doctorate examined.
_ENDS_OF = [(re.compile(r"^(?:just\s+|finally\s+)?(?:crossed the finish line|finished the race)\b(?!\s+(?:of|at)\b)", re.I),  # (no other race named)
             re.compile(r"^training\s+for\b", re.I)),
            (re.compile(r"^(?:just\s+|finally\s+)?(?:passed|had|did|survived|defended)\s+(?:their|my|the|a)\s+"
                        r"(?:phd\s+|doctoral\s+)?(?:viva|thesis\s+defen[cs]e)\b", re.I),
             re.compile(r"\b(?:phd|doctorate|dphil|thesis)\b", re.I))]


def completed(fact: str, existing: list[Existing], used: set[int]) -> int | None:
    """Position of the held work under way that the fact says is done, or None."""
    subject, predicate = split_subject(fact)
    for end, of in _ENDS_OF:  # "Crossed the finish line" / "Is training for the marathon"
        if end.match(predicate):
            for pos, e in enumerate(existing):
                e_subject, e_predicate = split_subject(e.text)
                under = _UNDER_WAY.match(e_predicate)
                if pos not in used and e.ref >= 0 and e_subject == subject and under \
                        and of.search(e_predicate[under.start("verb"):]):
                    return pos
    head = _COMPLETION.match(predicate)
    is_done = _IS_DONE.match(fact) if head is None and not is_relation(subject.split()[0] if subject else "") \
        else None
    if (head is None and is_done is None) or is_negative(fact):
        return None
    done = content_tokens(predicate[head.end():] if head else is_done.group("thing"))  # type: ignore[union-attr]
    for pos, e in enumerate(existing):
        e_subject, e_predicate = split_subject(e.text)
        under = _UNDER_WAY.match(e_predicate)
        whose = "" if is_done else subject  # "Bootcamp is done": the user's bootcamp
        if pos in used or e.ref < 0 or e_subject != whose or under is None:
            continue
        # the thing worked on, named in both (the verbs of doing and finishing aside)
        if (done & content_tokens(e_predicate[under.end():])) - {stem(under.group("verb"))}:
            return pos
    return None

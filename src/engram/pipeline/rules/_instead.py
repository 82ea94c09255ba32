"""A plan given up for another within one conversation: "instead" points back.

"I'm thinking of getting a cockapoo" ... "we decided on a rescue greyhound instead":
the second turn replaces the plan of the first, though they share no word and no topic
a lexicon could hold. Within a conversation, a choice that says it replaces something
("instead", "change of plan", "decided on", "went with") replaces the latest intention
the same person stated in an earlier turn. Only intentions qualify (thinking of,
planning, considering, wants to): they are the states a choice settles. Memories from
earlier adds are left to the lexical and embedding matchers, since "instead" in a new
conversation need not point at an old memory.

>>> is_replacing_choice("Decided on a rescue greyhound instead")
True
>>> is_intention("Is thinking of getting a cockapoo"), is_intention("Owns a cockapoo")
(True, False)
"""

from __future__ import annotations

import re

from engram.pipeline.rules._topics import split_subject

__all__ = ["is_intention", "is_replacing_choice", "replaced_intention"]

_INTENTION = re.compile(
    r"^(?:(?:is|are)\s+(?:\w+\s+)?(?:thinking (?:of|about)|planning|considering|"
    r"going to|leaning towards|tempted|looking at|looking into|hoping)|"
    r"(?:plans|wants|hopes|intends|would like|might|may)\s+(?:to\s+)?\w+)\b", re.I)
# "instead of driving" names what it replaces itself; a bare "instead" points back.
_INSTEAD = re.compile(r"\binstead\b(?!\s+of\b)", re.I)
_CHOICE = re.compile(r"\bchange of plans?\b|^(?:decided on|chose|opted for|went with|"
                     r"is going with|has gone for|went for|settled on|picked)\b", re.I)


def is_intention(text: str) -> bool:
    """A plan or wish not yet carried out."""
    return bool(_INTENTION.match(split_subject(text)[1]))


def is_replacing_choice(text: str) -> bool:
    """A choice that says it replaces an earlier option."""
    return bool(_CHOICE.search(split_subject(text)[1])) and not is_intention(text) \
        or bool(_INSTEAD.search(text))


def replaced_intention(fact: str, source: tuple[str, ...],
                       batch: list[tuple[int, str, tuple[str, ...]]]) -> int | None:
    """The position of the intention ``fact`` replaces among this conversation's earlier
    facts ``batch`` ((position, text, source ids), oldest first), if any."""
    if not is_replacing_choice(fact):
        return None
    subject = split_subject(fact)[0]
    for pos, text, ids in reversed(batch):
        if set(ids) & set(source):
            continue  # the same turn: "planning X instead of Y" is one statement
        if is_intention(text) and split_subject(text)[0] == subject:
            return pos
    return None

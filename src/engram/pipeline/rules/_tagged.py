"""A no to a statement with a tag: the assistant says what it holds and asks to be told
it is right ("Your birthday is on 3 May, right?"); the reply gives the right value.

>>> tag_answer("Your birthday is on 3 May, right", "nope, 13 May")
'my birthday is on 13 May'
>>> tag_answer("You live in Leeds, right", "yes"), tag_answer("Is it sunny", "no, raining")
(None, None)
"""

from __future__ import annotations

import re

from engram.pipeline.rules._corrections import swap_value
from engram.pipeline.rules._yesno import NO, second_to_first

__all__ = ["tag_answer"]

_TAGGED = re.compile(r"^(?P<said>(?:you|your)\b.+?),?\s+(?:right|yeah|correct|isn'?t\s+it|aren'?t\s+you|"
                     r"don'?t\s+you|is\s+that\s+right)$", re.I)


def tag_answer(question: str, reply: str) -> str | None:
    """The statement the reply makes of a tagged statement it denies, else None."""
    tag = _TAGGED.match(question)
    if not tag or not NO.match(reply.strip()):
        return None
    value = NO.sub("", reply.strip().rstrip(".!"), count=1).strip(" ,")
    said = second_to_first(tag.group("said"))
    # what the value shares with what was said stays put: "13 May" for "3 May" is 13
    new = " ".join(w for w in value.split() if not re.search(rf"\b{re.escape(w)}\b", said, re.I))
    return swap_value(said, new) if new and len(value.split()) <= 3 else None

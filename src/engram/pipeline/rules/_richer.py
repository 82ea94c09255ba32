"""A fact that says more, or less, of what is held.

"Lives in Leeds with their partner" after "Lives in Leeds" says it with more: it takes its
place (:func:`richer_version`). "Is still at Asda" after "Works at Asda" says it again
with less: it changes nothing (:func:`said_before`).

>>> from engram.pipeline.base import Existing
>>> said_before("Is still at Asda, for now", [Existing(0, "Works at Asda")])
0
>>> said_before("Is at Tesco", [Existing(0, "Works at Asda")]) is None
True
"""

from __future__ import annotations

import re

from engram.pipeline.base import Existing
from engram.pipeline.rules._slots import content_tokens, is_negative

__all__ = ["richer_version", "said_before"]


def richer_version(fact: str, existing: list[Existing], used: set[int]) -> int | None:
    """A memory whose every content word (3 or more) the fact repeats, adding detail."""
    new = content_tokens(fact, drop_time=False)
    neg = is_negative(fact)
    for pos, e in enumerate(existing):
        old = content_tokens(e.text, drop_time=False)
        # a denial narrowed ("Does not eat meat" -> "... red meat") has fewer words to share
        if pos not in used and len(old) >= (2 if neg else 3) and old < new \
                and is_negative(e.text) == neg \
                and e.ref >= 0:  # not a fact of this batch: each says its own thing
            return pos
    return None


def said_before(fact: str, held: list[Existing]) -> int | None:
    """The held memory a fact said with "still" confirms: every content word of the fact
    is in it ("Is still at Asda" / "Works at Asda"), the polarity is the same."""
    if not re.search(r"\bstill\b", fact, re.I):
        return None
    new = content_tokens(fact, drop_time=False)
    neg = is_negative(fact)
    return next((pos for pos, e in enumerate(held) if new and new < content_tokens(e.text, drop_time=False)
                 and is_negative(e.text) == neg), None)

"""Search levers measured on LongMemEval and LOCOMO (``bench/levers.py``): pure decisions,
no I/O. :mod:`engram.search` applies them when their :class:`~engram.config.SearchConfig`
switch is on.

- :func:`keyword_share`: the keyword arm's share in score fusion, set per query from how
  concentrated its evidence is: a few turns far above the rest (rare, specific words
  matched) lean on keywords; a flat list (common words, a paraphrased question) leans on
  vectors.
- :func:`is_aggregation` and :func:`spread`: for a question that counts, totals, lists or
  compares, no session may fill the results while other sessions wait: its turns beyond a
  cap move behind the other sessions' hits.

>>> round(keyword_share([9.0] + [1.8] * 10, low=0.4, high=0.8), 3)
0.72
>>> keyword_share([3.0] * 10, low=0.4, high=0.8)
0.4
>>> is_aggregation("How many books did I buy this year?"), is_aggregation("Where is my cat?")
(True, False)
>>> spread(["a1", "a2", "a3", "b1"], {"a1": "a", "a2": "a", "a3": "a", "b1": "b"}.get, cap=2, k=3)
['a1', 'a2', 'b1']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence

__all__ = ["keyword_share", "is_aggregation", "spread", "damp_groups", "about_the_user",
           "AGGREGATION"]

# How far down the keyword list the "rest" is read: the 10th hit, as results are 10 deep.
_REST_AT = 9

#: Questions whose answer gathers evidence from several places: counts, totals, lists,
#: comparisons and "each/every/all" questions.
AGGREGATION = re.compile(
    r"\b(how many|in total|total|altogether|combined|so far|list|all (the|of|my)|each|every"
    r"|different|compare[ds]?|average|more than|fewer than|less than|most|least)\b",
    re.IGNORECASE,
)


def keyword_share(scores: Sequence[float], *, low: float, high: float) -> float:
    """The keyword arm's share: ``low`` + (``high`` − ``low``) × concentration, where
    concentration = 1 − (10th best keyword score / best), in [0, 1]. Fewer than 10 hits
    count the missing ones as 0 (few turns matched at all: concentrated)."""
    if not scores:
        return high
    ranked = sorted((max(0.0, s) for s in scores), reverse=True)
    best = ranked[0]
    if best <= 0:
        return low
    rest = ranked[_REST_AT] if len(ranked) > _REST_AT else 0.0
    return low + (high - low) * (1.0 - rest / best)


def is_aggregation(query: str) -> bool:
    """Does the question count, total, list or compare (evidence over many sessions)?"""
    return AGGREGATION.search(query) is not None


def spread(ids: Sequence[str], group_of: Callable[[str], Hashable | None], *, cap: int,
           k: int) -> list[str]:
    """The first ``k`` of ``ids`` with at most ``cap`` per group, the order otherwise
    kept; ids past their group's cap fill any slots left, best first. Ids without a
    group (``group_of`` gives None) are never held back."""
    taken: dict[Hashable, int] = {}
    head: list[str] = []
    held: list[str] = []
    for mid in ids:
        g = group_of(mid)
        if g is not None and taken.get(g, 0) >= cap:
            held.append(mid)
            continue
        if g is not None:
            taken[g] = taken.get(g, 0) + 1
        head.append(mid)
        if len(head) == k:
            return head
    return (head + held)[:k]


def damp_groups(ranked: Sequence[tuple[str, float]], group_of: Callable[[str], Hashable | None],
                *, rate: float) -> list[tuple[str, float]]:
    """Each group's hits after its first lose a share of their score: the n-th hit of a
    group (n = 0, 1, ...) scores × (1 − ``rate``)^n, then all are sorted again. A softer
    :func:`spread`: a session's second-best turn still beats another session's weak one,
    but not its near-equal one. Ids without a group are not damped.

    >>> g = {"a1": "a", "a2": "a", "a3": "a", "b1": "b"}.get
    >>> [m for m, _ in damp_groups([("a1", 1.0), ("a2", 0.95), ("a3", 0.9), ("b1", 0.85)], g,
    ...                            rate=0.2)]
    ['a1', 'b1', 'a2', 'a3']
    """
    seen: dict[Hashable, int] = {}
    out: list[tuple[str, float]] = []
    for mid, score in ranked:
        g = group_of(mid)
        n = 0
        if g is not None:
            n = seen[g] = seen.get(g, -1) + 1
        out.append((mid, score * (1 - rate) ** n))
    return sorted(out, key=lambda kv: -kv[1])


_FIRST_PERSON = re.compile(r"\b(i|me|my|mine|myself)\b", re.IGNORECASE)
_SECOND_PERSON = re.compile(r"\b(you|your|yours|yourself)\b", re.IGNORECASE)


def about_the_user(query: str) -> bool:
    """Does the question ask about the user (first person) rather than about what the
    assistant said ("you", "your")? Then the user's own turns hold the answer.

    >>> about_the_user("Where do I keep my old sneakers?")
    True
    >>> about_the_user("What did you recommend for my trip?"), about_the_user("Who is Anna?")
    (False, False)
    """
    return _FIRST_PERSON.search(query) is not None and _SECOND_PERSON.search(query) is None

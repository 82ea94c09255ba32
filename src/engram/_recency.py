"""Recency among near-equally relevant hits: pure decisions, no I/O.
:func:`engram.search.hybrid_search` applies them when ``SearchConfig.recency_margin`` is
above 0 (``recency_mode`` picks the rule), reading each hit's event time (``happened_at``).

A value said later replaces one said earlier ("I've seen 27 species" then "that makes 32"):
of two hits that answer a question about the current state about as well, the later one
should come first. Order by time must not override relevance, though, and must not apply
to questions about an earlier state, the time of an event, or a named period.

- :func:`newest_lead` (the default rule): the latest of the hits within the margin of the
  best one moves to the top; nothing else moves.
- :func:`newer_first`: near-equal neighbours trade places, repeatedly (a newer hit can
  climb far; measured and kept as an option).
- :func:`prefers_earlier`, :func:`asks_when`: what the question asks about.

>>> t = {"a": "2023-01", "b": "2023-05"}.get
>>> [m for m, _ in newest_lead([("a", 1.0), ("b", 0.9)], t, margin=0.25, window=2)]
['b', 'a']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

__all__ = ["newer_first", "newest_lead", "same_terms", "prefers_earlier", "asks_when",
           "EARLIER", "LATEST", "WHEN"]

#: Questions about an earlier state of things ("what did I first ...", "used to"): the
#: recency tie-break then prefers the older of two near-equal hits. "The first three
#: months" names a period, not an earlier state, so "first" before a count does not count.
EARLIER = re.compile(r"\b(first(?!\s+(\d+|two|three|four|five|six|seven|eight|nine|ten|few"
                     r"|couple)\b)|originally|initially|previous(ly)?|used to|formerly|earliest"
                     r"|oldest)\b", re.IGNORECASE)
#: Questions about the state of things now ("currently", "so far", "most recently"): they
#: want the latest value even when they also name an earlier thing ("Rachel, a colleague
#: from my previous job, currently works at...").
LATEST = re.compile(r"\b(currently|current|now|still|so far|these days|nowadays|at the moment"
                    r"|any ?more|latest|recent(ly)?)\b", re.IGNORECASE)


#: Questions that ask for the time of an event: the latest of several mentions is no
#: better an answer to them than the first.
WHEN = re.compile(r"\bwhen\b|\b(what|which) (date|day|week|month|year)\b|\bhow long ago\b",
                  re.IGNORECASE)


def asks_when(query: str) -> bool:
    """Does ``query`` ask when something happened?

    >>> asks_when("When did Anna move to Oslo?"), asks_when("Which year did we meet?")
    (True, True)
    >>> asks_when("What time do I wake up on Saturdays?")
    False
    """
    return WHEN.search(query) is not None


def prefers_earlier(query: str) -> bool:
    """Does ``query`` ask about an earlier state rather than the current one?

    >>> prefers_earlier("What was my first car?"), prefers_earlier("Where did I live previously?")
    (True, True)
    >>> prefers_earlier("Where does my previous manager currently work?")
    False
    >>> prefers_earlier("How many stamps did I buy in the first two months?")
    False
    """
    return EARLIER.search(query) is not None and LATEST.search(query) is None


def same_terms(a: set[str], b: set[str], *, at_least: int = 2) -> bool:
    """Are two hits about the same thing, judged by the query words each contains? They
    share ``at_least`` of them and at least half of all those either has (Jaccard ≥ 0.5).

    >>> same_terms({"old", "sneakers", "keep"}, {"old", "sneakers"})
    True
    >>> same_terms({"caroline", "adoption"}, {"caroline", "agency"})
    False
    """
    both = len(a & b)
    return both >= at_least and 2 * both >= len(a | b)


def newer_first(ranked: Sequence[tuple[str, float]], when: Callable[[str], str | None], *,
                margin: float, window: int, older: bool = False,
                same: Callable[[str, str], bool] | None = None) -> list[tuple[str, float]]:
    """Within the first ``window`` of ``ranked`` (best first), a hit moves above the hit
    just before it when it happened later (``when``: sortable times) and its score is at
    least (1 − ``margin``) of that hit's: of two near-equally relevant hits, the newer
    one (a value restated later replaces the older) comes first. ``older`` prefers the
    earlier instead. Hits without a time, or with the same time, keep their order; with
    ``same``, only hits it calls about the same thing trade places.

    >>> t = {"a": "2023-01", "b": "2023-05", "c": "2023-03"}.get
    >>> [m for m, _ in newer_first([("a", 1.0), ("b", 0.95), ("c", 0.5)], t, margin=0.1, window=3)]
    ['b', 'a', 'c']
    >>> [m for m, _ in newer_first([("a", 1.0), ("b", 0.8)], t, margin=0.1, window=2)]
    ['a', 'b']
    """
    head = list(ranked[:window])
    sign = -1 if older else 1
    for i in range(1, len(head)):
        j = i
        while j > 0:
            (above, s_above), (mid, s) = head[j - 1], head[j]
            ta, tb = when(above), when(mid)
            later = ta is not None and tb is not None and (tb > ta if sign > 0 else tb < ta)
            if not (later and s >= (1 - margin) * s_above
                    and (same is None or same(above, mid))):
                break
            head[j - 1], head[j] = head[j], head[j - 1]
            j -= 1
    return head + list(ranked[window:])


def newest_lead(ranked: Sequence[tuple[str, float]], when: Callable[[str], str | None], *,
                margin: float, window: int, older: bool = False,
                same: Callable[[str, str], bool] | None = None) -> list[tuple[str, float]]:
    """The most recent of the near-best hits leads: among the first ``window`` of
    ``ranked`` whose score is at least (1 − ``margin``) of the best, the one that happened
    last (``when``) moves to the top; every other hit keeps its place. ``older`` picks
    the earliest instead; with ``same``, only hits it calls about the same thing as the
    best one compete. Unlike :func:`newer_first` at most one hit moves, so the order
    by relevance below the lead is kept.

    >>> t = {"a": "2023-01", "b": "2023-05", "c": "2023-03", "d": "2023-09"}.get
    >>> [m for m, _ in newest_lead([("a", 1.0), ("b", 0.8), ("c", 0.9), ("d", 0.5)], t,
    ...                            margin=0.25, window=4)]
    ['b', 'a', 'c', 'd']
    """
    head = list(ranked[:window])
    if len(head) < 2 or head[0][1] <= 0:
        return list(ranked)
    floor = (1 - margin) * head[0][1]
    best_id = head[0][0]
    pick: tuple[int, str] | None = None
    for i, (mid, s) in enumerate(head):
        t = when(mid)
        if s < floor or t is None or (i and same is not None and not same(best_id, mid)):
            continue
        if pick is None or (t < pick[1] if older else t > pick[1]):
            pick = (i, t)
    if pick is None or pick[0] == 0:
        return list(ranked)
    i = pick[0]
    return [head[i], *head[:i], *head[i + 1:], *ranked[window:]]

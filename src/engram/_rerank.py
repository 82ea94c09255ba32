"""The reorderings after fusion that read stored records: the date boost, the session
breadth rules and recency (their pure decisions are in :mod:`engram._fusion` and
:mod:`engram._recency`). :class:`Records` reads each record once per search and hands
what it read to the caller (``_recall`` builds its results from it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from engram._fusion import damp_groups, spread
from engram._periods import Period, in_periods
from engram._recency import newer_first, newest_lead, prefers_earlier, same_terms
from engram._replies import Ranked, asks_about, lift_replies
from engram.store._rows import RecordHead, head_of

if TYPE_CHECKING:
    from engram._types import MemoryRecord
    from engram.config import SearchConfig
    from engram.store.base import BoundStore

__all__ = ["Records", "boost_dates", "boost_user", "by_recency", "flooded", "lift_answers",
           "spread_sessions"]

_WORD = re.compile(r"\w+", re.UNICODE)


class Records:
    """The records of one search, each read from the store once: whole (``get``), or
    only what the reorderings ask of them (``heads``: role, event time, metadata), so
    the date and user boosts over 150-200 candidates do not read their texts."""

    def __init__(self, store: BoundStore) -> None:
        self.store = store
        self.got: dict[str, MemoryRecord] = {}
        self.head: dict[str, RecordHead] = {}

    def get(self, ids: Sequence[str]) -> dict[str, MemoryRecord]:
        missing = [i for i in dict.fromkeys(ids) if i not in self.got]
        if missing:
            found = self.store.get_many(missing)
            self.got.update(found)
            self.head.update((i, head_of(r)) for i, r in found.items() if i not in self.head)
        return {i: self.got[i] for i in ids if i in self.got}

    def heads(self, ids: Sequence[str]) -> dict[str, RecordHead]:
        missing = [i for i in dict.fromkeys(ids) if i not in self.head]
        if missing:
            self.head.update(self.store.get_heads(missing))
        return {i: self.head[i] for i in ids if i in self.head}


def dates_of(recs: Mapping[str, RecordHead], field: str) -> dict[str, str]:
    """Each memory's time: its event time when ``field`` is ``happened_at``, else the ISO
    date in ``metadata[field]`` (memories without one are left out)."""
    out: dict[str, str] = {}
    for mid, rec in recs.items():
        value = rec.happened_at if field == "happened_at" else rec.metadata.get(field)
        if isinstance(value, str):
            out[mid] = value
    return out


def boost_dates(recs: Records, periods: Sequence[Period], fused: Ranked, field: str,
                boost: float) -> Ranked:
    """Raise candidates whose date (:func:`dates_of`) falls in a period the query names."""
    if not periods or not fused:
        return fused
    days = dates_of(recs.heads([i for i, _ in fused]), field)
    out = [(mid, score * (1 + boost) if in_periods(days.get(mid), periods) else score)
           for mid, score in fused]
    return sorted(out, key=lambda kv: -kv[1])


def boost_user(recs: Records, fused: Ranked, boost: float, k: int) -> Ranked:
    """Among the best ``k`` × 5 candidates, the turns the user said (role ``user``) score
    × (1 + ``boost``)."""
    window = fused[: k * 5]
    got = recs.heads([i for i, _ in window])
    out = [(m, s * (1 + boost) if (r := got.get(m)) is not None and r.role == "user" else s)
           for m, s in window]
    return sorted(out, key=lambda kv: -kv[1]) + fused[len(window):]


def lift_answers(recs: Records, fused: Ranked, cfg: SearchConfig, window: int,
                 terms: set[str], *, users_only: bool = False) -> Ranked:
    """The turn right after each turn among the first ``window`` hits that asks about one
    of the query's ``terms`` (:func:`engram._replies.asks_about`), when it is of the same
    session (``metadata[cfg.session_field]``), gains ``cfg.reply_share`` ×
    the asking turn's score (:func:`engram._replies.lift_replies`). ``users_only``: only
    replies the user gave (role ``user``) gain; for a question about what the user said,
    the assistant's answer to the user's own question is not it."""
    got = recs.get([i for i, _ in fused[:window]])
    askers = [m for m, r in got.items() if asks_about(r.memory, terms)]
    if not askers:
        return fused
    nxt = {m: n[0] for m, n in recs.store.neighbours(askers, 0, 1).items() if n}
    replies = recs.heads(list(nxt.values()))
    field = cfg.session_field

    def reply_of(mid: str) -> str | None:
        reply = replies.get(nxt.get(mid, ""))
        if reply is None or reply.metadata.get(field) != got[mid].metadata.get(field):
            return None
        if users_only and reply.role not in (None, "user"):
            return None
        return reply.id

    return lift_replies(fused, asks=set(askers).__contains__, reply_of=reply_of,
                        share=cfg.reply_share, window=window)


def by_recency(recs: Records, query: str, terms: set[str], fused: Ranked, cfg: SearchConfig,
               window: int) -> Ranked:
    """Recency (:mod:`engram._recency`, ``cfg.recency_mode``) over the first ``window``
    hits; with ``cfg.recency_same``, only between hits holding mostly the same query
    words (``terms``)."""
    head = [i for i, _ in fused[:window]]
    times = dates_of(recs.heads(head), cfg.date_field)
    same = None
    if cfg.recency_same:
        words = {m: terms & set(_WORD.findall(r.memory.lower()))
                 for m, r in recs.get(head).items()}
        same = lambda a, b: same_terms(words.get(a, set()), words.get(b, set()))  # noqa: E731
    order = newest_lead if cfg.recency_mode == "lead" else newer_first
    return order(fused, times.get, margin=cfg.recency_margin, window=window,
                 older=prefers_earlier(query), same=same)


def _sessions(recs: Mapping[str, RecordHead], field: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for mid, rec in recs.items():
        value = rec.metadata.get(field)
        if value is not None:
            out[mid] = str(value)
    return out


def flooded(recs: Records, fused: Ranked, cfg: SearchConfig, page: int) -> bool:
    """Is every one of the first ``page`` hits (at least two) from one session? Such a
    page cannot show evidence told over several sessions."""
    head = [i for i, _ in fused[:page]]
    if len(head) < 2:
        return False
    sessions = _sessions(recs.heads(head), cfg.session_field)
    return len(sessions) == len(head) and len(set(sessions.values())) == 1


def spread_sessions(recs: Records, fused: Ranked, cfg: SearchConfig, k: int) -> Ranked:
    """Among the best ``k`` × 5 candidates, spread hits over sessions
    (``metadata[cfg.session_field]``): at most ``cfg.session_cap`` per session, the rest
    after them (:func:`engram._fusion.spread`, scores kept), or with ``cfg.session_damp``
    each hit losing that share per better hit of its session
    (:func:`engram._fusion.damp_groups`)."""
    window = fused[: k * 5]
    session = _sessions(recs.heads([i for i, _ in window]), cfg.session_field).get
    if cfg.session_damp > 0:
        return damp_groups(window, session, rate=cfg.session_damp) + fused[len(window):]
    score = dict(window)
    order = spread([i for i, _ in window], session, cap=cfg.session_cap, k=len(window))
    return [(i, score[i]) for i in order] + fused[len(window):]

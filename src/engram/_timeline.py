"""Reads in time: which memories still hold today (``expiration_date``), and what the
store held at an earlier moment (``as_of``), rebuilt from its own history.

Expiry only hides: an expired memory stays stored, listed by ``show_expired=True``, and
is deleted only when someone deletes it.

Validity: a memory's text is valid from the ADD or UPDATE that wrote it until the UPDATE
or DELETE that replaced it (``valid_until`` None: still held). ``as_of`` reads return the
texts valid at that moment, with ``valid_from``/``valid_until``; scope, metadata and event
time are the memory's current ones (a deleted memory's as it was deleted), since the
history keeps texts, not every field.

>>> from engram._types import HistoryEvent as E
>>> evs = [E("1", "m", "ADD", None, "likes tea", "2024-01-01"),
...        E("2", "m", "UPDATE", "likes tea", "likes coffee", "2024-03-01"),
...        E("3", "m", "DELETE", "likes coffee", None, "2024-05-01")]
>>> state_at(evs, "2024-02-01")
('likes tea', '2024-01-01', '2024-03-01', '2024-01-01', None)
>>> state_at(evs, "2024-06-01") is None
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import numpy as np

from engram._evidence import names_type
from engram._types import EPISODE, HistoryEvent, MemoryRecord
from engram._validate import not_expired
from engram.embed import text_hash
from engram.errors import InvalidInput
from engram.store import filters as F
from engram.store.base import BoundStore

__all__ = ["unexpired", "state_at", "held_at", "list_as_of", "search_as_of"]


def unexpired(store: BoundStore, where: F.Node, show_expired: bool) -> F.Node:
    """``where``, narrowed to memories that have not expired (UTC today) unless
    ``show_expired``. The narrowing is added only when the scope holds an expired memory:
    one indexed count, and scope-only filters keep the stores' fast path otherwise."""
    if show_expired:
        return where
    today = datetime.now(UTC).date()
    if not store.count(F.and_(where, F.Cmp("expiration_date", "lt", today.isoformat(), False))):
        return where
    return F.and_(where, not_expired(today))


def state_at(events: Sequence[HistoryEvent], as_of: str
             ) -> tuple[str, str, str | None, str, str | None] | None:
    """``(text, valid_from, valid_until, added_at, updated_at)`` of a memory at ``as_of``
    from its history (oldest first), or None when it was not held then."""
    text: str | None = None
    since = added = ""
    updated: str | None = None
    for e in events:
        if e.created_at > as_of:
            if text is not None and e.event in ("UPDATE", "DELETE"):
                return text, since, e.created_at, added, updated
            continue
        if e.event == "DELETE":
            text, updated = None, None
        elif e.event in ("ADD", "UPDATE") and e.new_memory is not None:
            if e.event == "ADD" or text is None:
                added, updated = e.created_at, None
            else:
                updated = e.created_at
            text, since = e.new_memory, e.created_at
    return None if text is None else (text, since, None, added, updated)


def held_at(store: BoundStore, where: F.Node, as_of: str,
            show_expired: bool) -> list[tuple[MemoryRecord, str, str | None]]:
    """The records held at ``as_of`` with their text then, ``valid_from`` and
    ``valid_until``, newest first (by when they were first added). Expiry is judged on
    the day of ``as_of``."""
    day = as_of[:10]
    out = []
    # Turns are left out here, not by the filter: a filter beyond the scope ids would drop
    # the memories deleted since (their rows are history only).
    turns_too = names_type(where)
    for rec, events in store.timeline(where, as_of):
        state = state_at(events, as_of)
        if state is None or (rec.memory_type == EPISODE and not turns_too):
            continue
        if not show_expired and rec.expiration_date is not None and rec.expiration_date < day:
            continue
        text, since, until, added, updated = state
        then = replace(rec, memory=text, hash=text_hash(text), created_at=added,
                       updated_at=updated)
        out.append((then, since, until))
    out.sort(key=lambda t: t[0].created_at, reverse=True)
    return out


def _item(rec: MemoryRecord, since: str, until: str | None) -> dict[str, Any]:
    return rec.to_dict() | {"valid_from": since, "valid_until": until}


def list_as_of(store: BoundStore, where: F.Node, as_of: str, show_expired: bool, offset: int,
               size: int, cursor: str | None) -> tuple[dict[str, Any], int]:
    """``get_all(as_of=)``: one page of what was held, and how many were held."""
    if cursor is not None:
        raise InvalidInput("cursor", "an as_of listing is paged by page, not cursor")
    held = held_at(store, where, as_of, show_expired)
    page = [_item(*h) for h in held[offset:offset + size]]
    return {"results": page, "next_cursor": None}, len(held)


def search_as_of(store: BoundStore, where: F.Node, query: str, as_of: str,
                 embed: Callable[[list[str]], np.ndarray], show_expired: bool, k: int,
                 threshold: float | None) -> list[dict[str, Any]]:
    """``search(as_of=)``: what was held then, ranked by cosine similarity of its text
    at that moment (those texts are not all indexed any more, so no keyword arm)."""
    held = held_at(store, where, as_of, show_expired)
    if not held:
        return []
    vecs = np.asarray(embed([query] + [h[0].memory for h in held]), dtype=np.float32)
    norms = np.linalg.norm(vecs, axis=1)
    norms[norms == 0] = 1.0
    sims = (vecs[1:] @ vecs[0]) / (norms[1:] * norms[0])
    order = sorted(range(len(held)), key=lambda i: -float(sims[i]))
    out = []
    for i in order:
        if threshold is not None and sims[i] < threshold:
            continue
        rec, since, until = held[i]
        rec.score = round(float(sims[i]), 6)
        out.append(_item(rec, since, until))
    return out[:k]

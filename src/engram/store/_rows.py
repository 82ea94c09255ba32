"""Memory rows <-> records, and the opaque cursors of a listing (shared by both stores).

>>> decode_cursor(encode_cursor(42))
42
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from engram._types import MemoryRecord, Scope
from engram.errors import InvalidInput
from engram.store.base import Page

__all__ = ["from_row", "record_from_snapshot", "page_from_rows", "encode_cursor", "decode_cursor",
           "RecordHead", "HEAD_COLS", "head_from_row", "head_of"]

#: The columns a :class:`RecordHead` is read from, in its constructor's order.
HEAD_COLS = ("id", "role", "memory_type", "happened_at", "metadata")


def from_row(row: Sequence[Any]) -> MemoryRecord:
    """A record from the columns of :data:`engram.store._memory_sql.RECORD_COLS`."""
    (mid, user_id, agent_id, run_id, actor_id, role, memory_type, memory, hsh, meta,
     source_ids, created_at, updated_at, categories, immutable, happened_at,
     expiration_date) = row
    return MemoryRecord(
        id=mid,
        memory=memory,
        hash=hsh,
        scope=Scope(user_id, agent_id, run_id),
        metadata=meta if isinstance(meta, dict) else _json(meta, {}),
        created_at=_iso(created_at),
        updated_at=_iso(updated_at) if updated_at is not None else None,
        role=role,
        actor_id=actor_id,
        memory_type=memory_type,
        source_ids=source_ids if isinstance(source_ids, list) else _json(source_ids, []),
        categories=categories if isinstance(categories, list) else _json(categories, []),
        immutable=bool(immutable),
        happened_at=_iso(happened_at) if happened_at is not None else None,
        expiration_date=expiration_date,
    )


class RecordHead:
    """What search reads of a memory besides its text: its role, type, event time and
    metadata. A search reads 150-200 of them (the date boost reads every candidate, the
    user boost the best 150) and asks each for one field, so the metadata is decoded on
    first use, and the text, scope and lists are never read.

    >>> h = head_from_row(("m1", "user", None, "2023-05-08T13:56:00", '{"session": 3}'))
    >>> h.role, h.happened_at, h.metadata["session"]
    ('user', '2023-05-08T13:56:00', 3)
    """

    __slots__ = ("id", "role", "memory_type", "happened_at", "_meta")

    def __init__(self, mid: str, role: str | None, memory_type: str | None,
                 happened_at: str | None, metadata: Any) -> None:
        self.id, self.role, self.memory_type = mid, role, memory_type
        self.happened_at, self._meta = happened_at, metadata

    @property
    def metadata(self) -> dict[str, Any]:
        if not isinstance(self._meta, dict):
            self._meta = _json(self._meta, {})
        return self._meta


def head_from_row(row: Sequence[Any]) -> RecordHead:
    """A head from the columns of :data:`HEAD_COLS` (as :func:`from_row` reads them)."""
    mid, role, memory_type, happened_at, meta = row
    return RecordHead(mid, role, memory_type,
                      _iso(happened_at) if happened_at is not None else None, meta)


def head_of(rec: MemoryRecord) -> RecordHead:
    """The head of a record already read whole."""
    return RecordHead(rec.id, rec.role, rec.memory_type, rec.happened_at, rec.metadata)


_RAW_DECODE = json.JSONDecoder().raw_decode


def _json(text: str | None, empty: Any) -> Any:
    """A JSON column as the store wrote it (``json.dumps``: no surrounding spaces).
    ``raw_decode`` skips ``json.loads``' wrapper, which cost twice the parse itself
    (a search reads 50-150 rows of three JSON columns each); anything else goes
    through ``json.loads``.

    >>> _json('{"a": [1]}', {}), _json(None, []), _json(' [1] ', [])
    ({'a': [1]}, [], [1])
    """
    if not text:
        return empty
    try:
        value, end = _RAW_DECODE(text)
    except ValueError:
        return json.loads(text)
    return value if end == len(text) else json.loads(text)


def record_from_snapshot(snap: dict[str, Any]) -> MemoryRecord:
    """The record a DELETE history row kept (``MemoryRecord.to_dict`` as JSON)."""
    return MemoryRecord(
        id=snap["id"], memory=snap["memory"], hash=snap.get("hash", ""),
        scope=Scope(snap.get("user_id"), snap.get("agent_id"), snap.get("run_id")),
        metadata=snap.get("metadata") or {}, created_at=snap.get("created_at", ""),
        updated_at=snap.get("updated_at"), role=snap.get("role"),
        actor_id=snap.get("actor_id"), memory_type=snap.get("memory_type"),
        source_ids=snap.get("source_ids") or [], categories=snap.get("categories") or [],
        immutable=bool(snap.get("immutable")), happened_at=snap.get("happened_at"),
        expiration_date=snap.get("expiration_date"))


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value)


def encode_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(f"r{position}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int | None:
    if cursor is None:
        return None
    try:
        if not isinstance(cursor, str) or len(cursor) > 64:
            raise ValueError(cursor)
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        position = int(raw[1:]) if raw.startswith("r") and raw[1:].isdigit() else -1
        if not 0 <= position < 2**63:  # a row id: anything else is forged
            raise ValueError(raw)
        return position
    except ValueError as e:
        raise InvalidInput("cursor", "not a cursor returned by a previous page") from e


def page_from_rows(rows: Sequence[Sequence[Any]], limit: int) -> Page:
    """A Page from ``limit + 1`` rows of ``rid, <record columns>``: the extra row only
    says that there is a next page."""
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = encode_cursor(rows[-1][0]) if more and rows else None
    return Page([from_row(r[1:]) for r in rows], nxt)

"""History reads, written once for SQLite and PostgreSQL: one memory's events, the
change an ``add_id`` names (undo), and a scope's timeline for ``as_of`` reads.

:class:`~engram.store._memory_sql.MemorySQL` inherits these; it supplies the table
names, the record column list and :meth:`where` (the compiled filter).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from engram._types import HistoryEvent, MemoryRecord
from engram.store._dialect import SQLDialect, chunks
from engram.store._rows import from_row, record_from_snapshot
from engram.store.filters import Node, is_scope_only, scope_of

__all__ = ["HistorySQL"]

_EVENT_COLS = ("id, memory_id, event, old_memory, new_memory, created_at, actor_id, role, "
               "add_id, snapshot, old_source_ids, new_source_ids, origin")


class HistorySQL(SQLDialect):
    """The history half of the memory SQL (see the module docstring)."""

    M: str  # memories table
    H: str  # history table
    rec: str  # the record columns, ``m.``-qualified

    def where(self, ns: str, where: Node) -> tuple[str, list[Any]]:
        raise NotImplementedError  # MemorySQL's

    def history(self, conn: Any, ns: str, memory_id: str) -> list[HistoryEvent]:
        rows = self._all(conn, f"SELECT {_EVENT_COLS} FROM {self.H} WHERE ns = ? "  # noqa: S608
                         "AND memory_id = ? ORDER BY hid", [ns, memory_id])
        return [_event(r) for r in rows]

    def timeline(self, conn: Any, ns: str, where: Node, since: str
                 ) -> list[tuple[MemoryRecord, list[HistoryEvent]]]:
        """Each memory that matches ``where`` now, or (when ``where`` pins only scope ids)
        was deleted after ``since`` from a matching scope, as a record (current, else the
        DELETE row's snapshot) with its whole history, oldest first."""
        cond, params = self.where(ns, where)
        records = {r.id: r for r in (from_row(row) for row in self._all(
            conn, f"SELECT {self.rec} FROM {self.M} m WHERE {cond}", params))}  # noqa: S608
        if is_scope_only(where):
            pins = scope_of(where)
            for row in self._all(conn, f"SELECT {_EVENT_COLS} FROM {self.H} WHERE ns = ? "  # noqa: S608
                                 "AND event = ? AND created_at > ? ORDER BY hid",
                                 [ns, "DELETE", since]):
                ev = _event(row)
                snap = ev.snapshot or {}
                if ev.memory_id not in records and snap and \
                        all(snap.get(k) == v for k, v in pins.items()):
                    records[ev.memory_id] = record_from_snapshot(snap)
        events: dict[str, list[HistoryEvent]] = {i: [] for i in records}
        for chunk in chunks(list(records)):
            for row in self._all(conn, f"SELECT {_EVENT_COLS} FROM {self.H} WHERE ns = ? "  # noqa: S608
                                 f"AND memory_id IN ({self._marks(len(chunk))}) ORDER BY hid",
                                 [ns, *chunk]):
                ev = _event(row)
                events[ev.memory_id].append(ev)
        return [(records[i], events[i]) for i in records]

    def change_events(self, conn: Any, ns: str, ref: str) -> list[HistoryEvent]:
        """The rows of the change ``ref`` names: its ``add_id``, or one of its rows' id."""
        by_add = f"SELECT {_EVENT_COLS} FROM {self.H} WHERE ns = ? AND add_id = ? ORDER BY hid"  # noqa: S608
        rows = self._all(conn, by_add, [ns, ref])
        if not rows:
            rows = self._all(conn, f"SELECT {_EVENT_COLS} FROM {self.H} "  # noqa: S608
                             "WHERE ns = ? AND id = ?", [ns, ref])
            if rows and rows[0][8] is not None:
                rows = self._all(conn, by_add, [ns, rows[0][8]])
        return [_event(r) for r in rows]


def _event(row: Sequence[Any]) -> HistoryEvent:
    """A history row from :data:`_EVENT_COLS` (the snapshot is JSON text)."""
    (mid, memory_id, event, old, new, created_at, actor_id, role, add_id, snapshot,
     old_src, new_src, origin) = row
    return HistoryEvent(mid, memory_id, event, old, new, created_at, actor_id, role, add_id,
                        json.loads(snapshot) if snapshot else None,
                        json.loads(old_src) if old_src else None,
                        json.loads(new_src) if new_src else None, origin)

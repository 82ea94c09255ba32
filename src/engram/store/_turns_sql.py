"""The neighbourhood of raw turns, written once for SQLite and PostgreSQL: the keyword
context an add gives each raw memory (the turns stored around it, see
:mod:`engram.store._contexts`) and the turns around a hit that search reads back.

:class:`~engram.store._memory_sql.MemorySQL` inherits these; it supplies the table name
and the context window.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from engram._spoken import speaker_terms, with_terms
from engram._types import Scope
from engram.store._contexts import group_by_scope, plan_contexts, session_key
from engram.store._dialect import SQLDialect
from engram.store.base import NewMemory

__all__ = ["TurnsSQL"]


class TurnsSQL(SQLDialect):
    """The raw turns' half of the memory SQL (see the module docstring)."""

    M: str  # memories table
    ctx_before: int
    ctx_after: int
    ctx_session: str | None
    ctx_chars: int

    def contexts(self, conn: Any, ns: str, adds: list[NewMemory]) -> dict[str, str]:
        """Keyword context for raw adds: the turns before and after each one in its
        scope (within its session when ``ctx_session`` names one), led by a stored
        turn's speaker (:func:`engram._spoken.speaker_terms`); the last stored turns get
        their "after" part refreshed. The caller holds the scope's write lock."""
        before_n, after_n = self.ctx_before, self.ctx_after
        if before_n + after_n == 0:  # no window: a turn's speaker is its whole context
            return {a.id: speaker_terms(a.memory_type, a.actor_id) for a in adds}
        out: dict[str, str] = {}
        key = self.ctx_session
        for scope, group in group_by_scope(adds).items():
            cond, params = self.scope_cond(scope, "m")
            tail = self._all(conn, "SELECT m.rid, m.memory, m.metadata, m.memory_type, "  # noqa: S608
                             f"m.actor_id FROM {self.M} m WHERE m.ns = ? AND m.raw = ? AND {cond} "
                             "ORDER BY m.rid DESC LIMIT ?",
                             [ns, True, *params, before_n + after_n])[::-1]
            refresh, fresh = plan_contexts(
                [(r[0], r[1]) for r in tail], [a.text for a in group], before_n, after_n,
                tail_keys=[session_key(r[2], key) for r in tail],
                new_keys=[session_key(a.metadata, key) for a in group], max_chars=self.ctx_chars)
            # A stored turn's own speaker leads its context (engram._spoken).
            terms = {r[0]: speaker_terms(r[3], r[4]) for r in tail}
            self._many(conn, f"UPDATE {self.M} SET context = ? WHERE rid = ?",  # noqa: S608
                       [(with_terms(terms[rid], ctx), rid) for ctx, rid in refresh])
            out.update((a.id, with_terms(speaker_terms(a.memory_type, a.actor_id), ctx))
                       for a, ctx in zip(group, fresh, strict=True))
        return out

    def neighbours(self, conn: Any, ns: str, ids: Sequence[str], before: int,
                   after: int) -> dict[str, list[str]]:
        """For each raw memory id: the raw memories of its scope stored just before and
        after it, in insertion order. Other ids are left out."""
        out: dict[str, list[str]] = {}
        for mid in dict.fromkeys(ids):
            row = self._all(conn, f"SELECT m.rid, m.user_id, m.agent_id, m.run_id FROM {self.M} m "  # noqa: S608
                            "WHERE m.ns = ? AND m.id = ? AND m.raw = ?", [ns, mid, True])
            if not row:
                continue
            rid, *ids3 = row[0]
            cond, params = self.scope_cond(Scope(*ids3), "m")
            same = f"SELECT m.id FROM {self.M} m WHERE m.ns = ? AND m.raw = ? AND {cond} AND m.rid"  # noqa: S608
            prev = self._all(conn, f"{same} < ? ORDER BY m.rid DESC LIMIT ?",
                             [ns, True, *params, rid, before]) if before else []
            nxt = self._all(conn, f"{same} > ? ORDER BY m.rid LIMIT ?",
                            [ns, True, *params, rid, after]) if after else []
            out[mid] = [r[0] for r in prev[::-1]] + [r[0] for r in nxt]
        return out

"""What the two SQL dialects share: ``?`` placeholders (rewritten to ``%s`` for
psycopg), chunked ``IN`` lists and batched inserts on the caller's connection.

The memory SQL (:mod:`engram.store._memory_sql`) and the graph SQL
(:mod:`engram.store._graph_sql`) are both written once on top of it.

>>> SQLDialect("postgres").q("SELECT 1 WHERE a = ?")
'SELECT 1 WHERE a = %s'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from engram._types import Scope

__all__ = ["SQLDialect", "Dialect", "chunks"]

Dialect = Literal["sqlite", "postgres"]
SCOPE_COLS = ("user_id", "agent_id", "run_id")


class SQLDialect:
    """Plumbing for SQL written once; ``pg`` says whether this is PostgreSQL."""

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        self.pg = dialect == "postgres"

    def q(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.pg else sql

    def _all(self, conn: Any, sql: str, params: Sequence[Any]) -> list[Any]:
        return list(conn.execute(self.q(sql), list(params)).fetchall())

    def _many(self, conn: Any, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        if self.pg:
            with conn.cursor() as cur:
                cur.executemany(self.q(sql), rows)
        else:
            conn.executemany(sql, rows)

    @staticmethod
    def _marks(n: int) -> str:
        return ",".join("?" * n)

    def scope_cond(self, scope: Scope, alias: str) -> tuple[str, list[Any]]:
        """Exactly this scope; ``= ?`` / ``IS NULL`` so the btree indexes apply (``IS
        NOT DISTINCT FROM`` cannot use one). On SQLite an absent id is written
        ``+col IS NULL``, which no index serves: without table statistics the planner
        took the ``(ns, run_id)`` index for "run_id IS NULL", whose one key holds every
        row of a store without runs, and scanned it (0.31 ms at 767 rows, growing with
        the store) where the pinned user's index reads the user's rows only."""
        parts, params = [], []
        unindexed = "" if self.pg else "+"
        for col, value in zip(SCOPE_COLS, (scope.user_id, scope.agent_id, scope.run_id),
                              strict=True):
            parts.append(f"{unindexed}{alias}.{col} IS NULL" if value is None
                         else f"{alias}.{col} = ?")
            params += [] if value is None else [value]
        return " AND ".join(parts), params


def chunks(seq: Sequence[Any], n: int = 400) -> list[list[Any]]:
    """At most ``n`` items each (SQL parameter limits)."""
    items = list(seq)
    return [items[i:i + n] for i in range(0, len(items), n)]

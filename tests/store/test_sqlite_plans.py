"""SQLite query plans on the add path: with no table statistics the planner once chose
the ``(ns, run_id)`` index for "run_id IS NULL" and scanned every row of a store
without runs on each add. These read the plans of the statements an add really runs."""

from __future__ import annotations

from pathlib import Path

from engram._types import Scope
from engram.store.base import ChangeSet, NewMemory
from engram.store.sqlite import SQLiteStore
from tests.store.conftest import DIMS
from tests.store.test_contract import vec


def test_an_add_reads_only_its_users_rows_or_a_hash(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "p.db", dims=DIMS, model_id="m")
    for user in ("ann", "ben"):
        store.apply("", ChangeSet(adds=[
            NewMemory(f"{user}{i}", f"note {i}", f"h{i}", Scope(user_id=user), vec(i % DIMS),
                      raw=True, unique=True) for i in range(20)]))
    db = store._db()
    seen: list[str] = []
    db.set_trace_callback(seen.append)
    store.apply("", ChangeSet(adds=[NewMemory("x", "note 3", "h3", Scope(user_id="ann"),
                                              vec(1), raw=True, unique=True)]))
    db.set_trace_callback(None)
    reads = [s for s in seen if s.lstrip().upper().startswith("SELECT") and "memories m" in s]
    assert reads, seen
    for sql in reads:
        plan = " | ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql))
        assert "memories_run" not in plan and "memories_agent" not in plan, (sql, plan)
        assert "SCAN m" not in plan, (sql, plan)
    store.close()

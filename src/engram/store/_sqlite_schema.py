"""SQLite schema as numbered migrations, recorded in ``schema_migrations``.

Each migration is a function registered with :func:`migration` (the registry and the
runner, :func:`migrate`, live in :mod:`engram.store._sqlite_migrate`).
"""

from __future__ import annotations

import sqlite3

from engram._types import EPISODE
from engram.store._sqlite_migrate import migrate, migration
from engram.store._sqlite_migrate import run_script as _run_script

__all__ = ["migrate", "migration"]


@migration(1, "memories, fts, history, embedding cache, change log")
def _initial(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        CREATE TABLE memories (
            rid         INTEGER PRIMARY KEY AUTOINCREMENT,
            id          TEXT NOT NULL UNIQUE,
            ns          TEXT NOT NULL DEFAULT '',
            user_id     TEXT,
            agent_id    TEXT,
            run_id      TEXT,
            actor_id    TEXT,
            role        TEXT,
            memory_type TEXT,
            memory      TEXT NOT NULL,
            hash        TEXT NOT NULL,
            metadata    TEXT NOT NULL DEFAULT '{}',
            source_ids  TEXT NOT NULL DEFAULT '[]',
            context     TEXT NOT NULL DEFAULT '',
            raw         INTEGER NOT NULL DEFAULT 0,
            embedding   BLOB NOT NULL,
            created_at  TEXT NOT NULL,
            updated_at  TEXT
        );
        CREATE INDEX memories_user  ON memories(ns, user_id, rid);
        CREATE INDEX memories_agent ON memories(ns, agent_id, rid);
        CREATE INDEX memories_run   ON memories(ns, run_id, rid);
        CREATE INDEX memories_hash  ON memories(ns, hash);
        CREATE INDEX memories_created ON memories(ns, created_at);

        -- Keyword index over the memory text and its conversational context.
        CREATE VIRTUAL TABLE memories_fts USING fts5(
            memory, context, content='memories', content_rowid='rid',
            tokenize='porter unicode61'
        );
        CREATE TRIGGER memories_ai AFTER INSERT ON memories BEGIN
            INSERT INTO memories_fts(rowid, memory, context)
            VALUES (new.rid, new.memory, new.context);
            INSERT INTO change_log(rid, op) VALUES (new.rid, 'U');
        END;
        CREATE TRIGGER memories_ad AFTER DELETE ON memories BEGIN
            INSERT INTO memories_fts(memories_fts, rowid, memory, context)
            VALUES ('delete', old.rid, old.memory, old.context);
            INSERT INTO change_log(rid, op) VALUES (old.rid, 'D');
        END;
        CREATE TRIGGER memories_au AFTER UPDATE OF memory, context, embedding ON memories BEGIN
            INSERT INTO memories_fts(memories_fts, rowid, memory, context)
            VALUES ('delete', old.rid, old.memory, old.context);
            INSERT INTO memories_fts(rowid, memory, context)
            VALUES (new.rid, new.memory, new.context);
            INSERT INTO change_log(rid, op) VALUES (new.rid, 'U');
        END;

        -- What changed, in order: lets every process keep its vector cache in step.
        CREATE TABLE change_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            rid INTEGER NOT NULL,
            op  TEXT NOT NULL
        );

        CREATE TABLE history (
            hid        INTEGER PRIMARY KEY AUTOINCREMENT,
            id         TEXT NOT NULL UNIQUE,
            ns         TEXT NOT NULL DEFAULT '',
            memory_id  TEXT NOT NULL,
            event      TEXT NOT NULL,
            old_memory TEXT,
            new_memory TEXT,
            actor_id   TEXT,
            role       TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX history_memory ON history(ns, memory_id, hid);

        CREATE TABLE embedding_cache (
            model_id TEXT NOT NULL,
            hash     TEXT NOT NULL,
            vec      BLOB NOT NULL,
            PRIMARY KEY (model_id, hash)
        ) WITHOUT ROWID;

        CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """
    )


@migration(2, "graph memory: entities, relations, links to memories, graph history")
def _graph(db: sqlite3.Connection) -> None:
    # Shared column layout with PostgreSQL (engram.store._graph_sql runs on both).
    _run_script(
        db,
        """
        CREATE TABLE graph_entities (
            rid        INTEGER PRIMARY KEY AUTOINCREMENT,
            id         TEXT NOT NULL UNIQUE,
            ns         TEXT NOT NULL DEFAULT '',
            shard_key  TEXT NOT NULL,
            user_id    TEXT,
            agent_id   TEXT,
            run_id     TEXT,
            name       TEXT NOT NULL,
            norm       TEXT NOT NULL,
            type       TEXT NOT NULL,
            embedding  BLOB,
            created_at TEXT NOT NULL
        );
        CREATE INDEX graph_entities_user  ON graph_entities(ns, user_id, norm);
        CREATE INDEX graph_entities_agent ON graph_entities(ns, agent_id, norm);
        CREATE INDEX graph_entities_run   ON graph_entities(ns, run_id, norm);

        CREATE TABLE graph_relations (
            rid          INTEGER PRIMARY KEY AUTOINCREMENT,
            id           TEXT NOT NULL UNIQUE,
            ns           TEXT NOT NULL DEFAULT '',
            shard_key    TEXT NOT NULL,
            user_id      TEXT,
            agent_id     TEXT,
            run_id       TEXT,
            source_id    TEXT NOT NULL REFERENCES graph_entities(id),
            relationship TEXT NOT NULL,
            target_id    TEXT NOT NULL REFERENCES graph_entities(id),
            valid        INTEGER NOT NULL DEFAULT 1,
            valid_until  TEXT,
            created_at   TEXT NOT NULL
        );
        CREATE INDEX graph_relations_source ON graph_relations(ns, source_id);
        CREATE INDEX graph_relations_target ON graph_relations(ns, target_id);
        CREATE INDEX graph_relations_user   ON graph_relations(ns, user_id, rid);
        CREATE INDEX graph_relations_agent  ON graph_relations(ns, agent_id, rid);
        CREATE INDEX graph_relations_run    ON graph_relations(ns, run_id, rid);

        -- Which memories say each relation: its evidence. No evidence left -> deleted.
        CREATE TABLE graph_links (
            ns          TEXT NOT NULL DEFAULT '',
            relation_id TEXT NOT NULL REFERENCES graph_relations(id) ON DELETE CASCADE,
            memory_id   TEXT NOT NULL,
            PRIMARY KEY (relation_id, memory_id)
        );
        CREATE INDEX graph_links_memory ON graph_links(ns, memory_id);

        CREATE TABLE graph_history (
            hid          INTEGER PRIMARY KEY AUTOINCREMENT,
            id           TEXT NOT NULL UNIQUE,
            ns           TEXT NOT NULL DEFAULT '',
            shard_key    TEXT NOT NULL,
            user_id      TEXT,
            agent_id     TEXT,
            run_id       TEXT,
            relation_id  TEXT NOT NULL,
            event        TEXT NOT NULL,
            source       TEXT NOT NULL,
            relationship TEXT NOT NULL,
            target       TEXT NOT NULL,
            reason       TEXT NOT NULL DEFAULT '',
            created_at   TEXT NOT NULL
        );
        CREATE INDEX graph_history_user  ON graph_history(ns, user_id, hid);
        CREATE INDEX graph_history_agent ON graph_history(ns, agent_id, hid);
        CREATE INDEX graph_history_run   ON graph_history(ns, run_id, hid);
        """
    )


@migration(3, "scope terms in the keyword index; rowid embedding cache; hash-first index")
def _scoped_fts(db: sqlite3.Connection) -> None:
    # Each memory's scope ids become tokens of a third FTS column, so a keyword search
    # intersects the query's terms with its scope inside FTS5 and scores only that
    # scope's rows (before: every matching row of every user, then a filter).
    _run_script(
        db,
        """
        ALTER TABLE memories ADD COLUMN scope_terms TEXT NOT NULL DEFAULT '';
        DROP TRIGGER memories_ai;
        DROP TRIGGER memories_ad;
        DROP TRIGGER memories_au;
        DROP TABLE memories_fts;
        CREATE VIRTUAL TABLE memories_fts USING fts5(
            memory, context, scope_terms, content='memories', content_rowid='rid',
            tokenize='porter unicode61'
        );
        CREATE TRIGGER memories_ai AFTER INSERT ON memories BEGIN
            INSERT INTO memories_fts(rowid, memory, context, scope_terms)
            VALUES (new.rid, new.memory, new.context, new.scope_terms);
            INSERT INTO change_log(rid, op) VALUES (new.rid, 'U');
        END;
        CREATE TRIGGER memories_ad AFTER DELETE ON memories BEGIN
            INSERT INTO memories_fts(memories_fts, rowid, memory, context, scope_terms)
            VALUES ('delete', old.rid, old.memory, old.context, old.scope_terms);
            INSERT INTO change_log(rid, op) VALUES (old.rid, 'D');
        END;
        CREATE TRIGGER memories_au AFTER UPDATE OF memory, context, embedding ON memories BEGIN
            INSERT INTO memories_fts(memories_fts, rowid, memory, context, scope_terms)
            VALUES ('delete', old.rid, old.memory, old.context, old.scope_terms);
            INSERT INTO memories_fts(rowid, memory, context, scope_terms)
            VALUES (new.rid, new.memory, new.context, new.scope_terms);
            INSERT INTO change_log(rid, op) VALUES (new.rid, 'U');
        END;

        -- A rowid table: WITHOUT ROWID put every 1.5 KB vector on its own overflow page.
        CREATE TABLE embedding_cache_v3 (
            model_id TEXT NOT NULL,
            hash     TEXT NOT NULL,
            vec      BLOB NOT NULL
        );
        INSERT INTO embedding_cache_v3 SELECT model_id, hash, vec FROM embedding_cache;
        DROP TABLE embedding_cache;
        ALTER TABLE embedding_cache_v3 RENAME TO embedding_cache;
        CREATE UNIQUE INDEX embedding_cache_key ON embedding_cache(model_id, hash);

        -- Hash first: serves the scope's duplicate checks and cache reads by hash alone.
        DROP INDEX memories_hash;
        CREATE INDEX memories_hash ON memories(hash, ns);
        """,
    )
    from engram.store._fts_terms import scope_terms

    rows = db.execute("SELECT rid, ns, user_id, agent_id, run_id FROM memories").fetchall()
    db.executemany("UPDATE memories SET scope_terms = ? WHERE rid = ?",
                   [(scope_terms(ns, u, a, r), rid) for rid, ns, u, a, r in rows])
    db.execute("INSERT INTO memories_fts(memories_fts) VALUES ('rebuild')")


@migration(4, "history rows name the add that made them (undo) and keep deleted records")
def _undo_columns(db: sqlite3.Connection) -> None:
    # add_id: every row of one add (or undo) shares it, so Memory.undo finds the add's
    # changes. snapshot: a DELETE row's record as it was (JSON), so undo can restore it.
    _run_script(
        db,
        """
        ALTER TABLE history ADD COLUMN add_id TEXT;
        ALTER TABLE history ADD COLUMN snapshot TEXT;
        CREATE INDEX history_add ON history(ns, add_id) WHERE add_id IS NOT NULL;
        """,
    )


@migration(8, "memory categories and the immutable flag; per-project settings")
def _platform(db: sqlite3.Connection) -> None:
    # categories: a JSON array of names (Mem0's default or a project's own), filterable.
    # immutable: the add pipeline never updates or deletes the memory (explicit calls do).
    # project_settings: a tenant's Platform project (instructions, categories, defaults).
    _run_script(
        db,
        """
        ALTER TABLE memories ADD COLUMN categories TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE memories ADD COLUMN immutable INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE project_settings (
            ns         TEXT PRIMARY KEY,
            settings   TEXT NOT NULL DEFAULT '{}',
            updated_at TEXT NOT NULL
        );
        """,
    )


@migration(5, "history rows keep each version's provenance and say what made them")
def _provenance_columns(db: sqlite3.Connection) -> None:
    # old/new_source_ids: the evidence (episode ids) of the version before and after the
    # change, so an UPDATE keeps both. origin: null for an add, "reextract" for a change
    # made by Memory.reextract.
    _run_script(
        db,
        """
        ALTER TABLE history ADD COLUMN old_source_ids TEXT;
        ALTER TABLE history ADD COLUMN new_source_ids TEXT;
        ALTER TABLE history ADD COLUMN origin TEXT;
        """,
    )


@migration(9, "platform: durable job queue (async adds, webhook deliveries) and records")
def _jobs_records(db: sqlite3.Connection) -> None:
    # Same columns as PostgreSQL's migration 9 (engram.store._platform_sql runs on both).
    # JSON is text on both; times are ISO text, compared as text (engram._ids.now).
    _run_script(
        db,
        """
        CREATE TABLE jobs (
            seq          INTEGER PRIMARY KEY AUTOINCREMENT,
            id           TEXT NOT NULL UNIQUE,
            ns           TEXT NOT NULL DEFAULT '',
            kind         TEXT NOT NULL,
            ref          TEXT,
            status       TEXT NOT NULL,
            payload      TEXT NOT NULL,
            results      TEXT,
            error        TEXT,
            attempts     INTEGER NOT NULL DEFAULT 0,
            owner        TEXT,
            lease_until  TEXT,
            run_after    TEXT NOT NULL,
            created_at   TEXT NOT NULL,
            updated_at   TEXT NOT NULL,
            started_at   TEXT,
            completed_at TEXT
        );
        CREATE INDEX jobs_due ON jobs(status, seq);
        CREATE INDEX jobs_ns ON jobs(ns, kind, ref, seq);

        CREATE TABLE records (
            seq        INTEGER PRIMARY KEY AUTOINCREMENT,
            id         TEXT NOT NULL UNIQUE,
            ns         TEXT NOT NULL DEFAULT '',
            kind       TEXT NOT NULL,
            ref        TEXT,
            data       TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX records_ns ON records(ns, kind, ref, seq);
        """,
    )


@migration(6, "event time and expiration date of memories")
def _time_columns(db: sqlite3.Connection) -> None:
    # happened_at: when the memory was said (the add's timestamp), in the same sortable
    # UTC text as created_at, which stays the time of writing; rows written before know
    # no better than their write time. expiration_date: the last day a memory holds
    # (YYYY-MM-DD); the partial index keeps "any expired here?" cheap when none expire.
    _run_script(
        db,
        """
        ALTER TABLE memories ADD COLUMN happened_at TEXT;
        ALTER TABLE memories ADD COLUMN expiration_date TEXT;
        UPDATE memories SET happened_at = created_at;
        CREATE INDEX memories_happened ON memories(ns, happened_at);
        CREATE INDEX memories_expiring ON memories(ns, expiration_date)
            WHERE expiration_date IS NOT NULL;
        """,
    )


@migration(7, "pending vectors: a durable queue; an embedding update skips the keyword index")
def _vector_queue(db: sqlite3.Connection) -> None:
    # An add may commit a memory before its vector (engram._vectors): the row holds an
    # empty embedding and a queue row says so, in the same transaction, so a crash
    # loses nothing. owner/lease_until are a worker's claim (engram.store._vector_queue).
    # Writing the vector later must not re-index the text: memories_au now watches the
    # text columns only, and memories_av logs the vector change for the vector cache.
    _run_script(
        db,
        """
        CREATE TABLE vector_queue (
            memory_id   TEXT PRIMARY KEY REFERENCES memories(id) ON DELETE CASCADE,
            ns          TEXT NOT NULL,
            length      INTEGER NOT NULL,
            owner       TEXT,
            lease_until REAL,
            attempts    INTEGER NOT NULL DEFAULT 0,
            error       TEXT,
            enqueued_at TEXT NOT NULL
        );
        CREATE INDEX vector_queue_ns ON vector_queue(ns, lease_until);
        DROP TRIGGER memories_au;
        CREATE TRIGGER memories_au AFTER UPDATE OF memory, context ON memories BEGIN
            INSERT INTO memories_fts(memories_fts, rowid, memory, context, scope_terms)
            VALUES ('delete', old.rid, old.memory, old.context, old.scope_terms);
            INSERT INTO memories_fts(rowid, memory, context, scope_terms)
            VALUES (new.rid, new.memory, new.context, new.scope_terms);
            INSERT INTO change_log(rid, op) VALUES (new.rid, 'U');
        END;
        CREATE TRIGGER memories_av AFTER UPDATE OF embedding ON memories BEGIN
            INSERT INTO change_log(rid, op) VALUES (new.rid, 'U');
        END;
        """,
    )


@migration(11, "a stored turn's speaker in its keyword index")
def _speaker_terms(db: sqlite3.Connection) -> None:
    # Turns stored before this kept their speaker in actor_id only; new ones lead their
    # keyword context with it (engram._spoken). Same here, so old turns are found by the
    # speaker's name too; memories_au re-indexes each changed row. (Their vectors are
    # left as they are: re-embedding is not a migration's job.)
    db.execute("UPDATE memories SET context = actor_id || ? || context "
               "WHERE memory_type = ? AND actor_id IS NOT NULL AND actor_id <> ''",
               ("\n", EPISODE))

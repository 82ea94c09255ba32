"""SQLite schema migrations: an older file is upgraded in place, its data kept and searchable."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from engram._types import Scope
from engram.store import _sqlite_migrate as schema
from engram.store import _sqlite_schema  # noqa: F401  (registers the migrations)
from engram.store.base import ChangeSet, NewMemory
from engram.store.filters import parse_filters
from engram.store.sqlite import SQLiteStore


def test_a_version_2_file_is_upgraded_and_stays_searchable(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    v = np.ones(4, dtype=np.float32) / 2
    # Build the file as a version-2 Engram would have: its schema, rows written by SQL.
    monkeypatch.setattr(schema, "_MIGRATIONS", [m for m in schema._MIGRATIONS if m[0] <= 2])
    SQLiteStore(path, dims=4, model_id="m").close()
    monkeypatch.undo()
    db = sqlite3.connect(path)
    for mid, text, user in (("a", "my dog Rex loves the beach", "u"),
                            ("b", "the beach was cold", "other")):
        db.execute("INSERT INTO memories (id, ns, user_id, memory, hash, embedding, created_at) "
                   "VALUES (?, '', ?, ?, ?, ?, '2026-01-01T00:00:00+00:00')",
                   (mid, user, text, "h" + mid, v.tobytes()))
        db.execute("INSERT INTO history (id, memory_id, event, new_memory, created_at) "
                   "VALUES (?, ?, 'ADD', ?, '2026-01-01')", ("e" + mid, mid, text))
    db.execute("INSERT INTO embedding_cache VALUES ('m', 'hx', ?)", (v.tobytes(),))
    db.commit()
    db.close()

    st = SQLiteStore(path, dims=4, model_id="m")
    db = sqlite3.connect(path)
    # Every later migration ran (3: scoped FTS, 4: history add_id/snapshot for undo,
    # 5: provenance of each version and the origin on history rows, 6: event time and
    # expiration date, 7: the pending-vector queue, 8: categories, 9: jobs).
    versions = [r[0] for r in db.execute("SELECT version FROM schema_migrations ORDER BY 1")]
    assert versions == [m[0] for m in schema._MIGRATIONS]
    assert {1, 2, 3, 4, 5, 6, 7, 8, 9} <= set(versions)
    assert db.execute("SELECT count(*) FROM memories WHERE scope_terms = ''").fetchone()[0] == 0
    db.close()
    # An old memory's event time is its write time: nothing better is known.
    rec = st.get("", "a")
    assert rec is not None and rec.happened_at == rec.created_at == "2026-01-01T00:00:00+00:00"
    assert rec.expiration_date is None
    old = st.history("", "a")
    assert [(e.event, e.add_id, e.snapshot, e.new_source_ids, e.origin) for e in old] == [
        ("ADD", None, None, None, None)]
    hits = st.keyword_search("", parse_filters({"user_id": "u"}), ["beach"], 10)
    assert [i for i, _ in hits] == ["a"]  # the other user's "beach" is not in this scope
    assert set(st.get_many_embeddings("m", ["hx", "ha"])) == {"hx", "ha"}  # cache + memory rows
    st.apply("", ChangeSet(adds=[NewMemory("c", "beach day again", "hc", Scope("u"), v)]))
    assert {i for i, _ in st.keyword_search("", parse_filters({"user_id": "u"}), ["beach"], 10)} == {"a", "c"}
    st.close()


def test_migration_11_puts_old_turns_speakers_in_the_keyword_index(tmp_path: Path) -> None:
    """Turns stored before migration 11 held their speaker in actor_id only: once it
    runs they are found by the speaker's name, as new turns are (their text unchanged)."""
    path, v = tmp_path / "old.db", np.ones(4, dtype=np.float32) / 2
    st = SQLiteStore(path, dims=4, model_id="m")
    st.apply("", ChangeSet(adds=[
        NewMemory("e1", "We adopted a cat", "h1", Scope("u"), v, actor_id="Anna",
                  memory_type="episode", raw=True),
        NewMemory("f1", "Adopted a cat", "h2", Scope("u"), v, actor_id="Anna")]))
    st.close()
    db = sqlite3.connect(path)  # as a store before migration 11 wrote them
    db.execute("UPDATE memories SET context = ''")
    db.execute("DELETE FROM schema_migrations WHERE version = 11")
    db.commit()
    db.close()
    st = SQLiteStore(path, dims=4, model_id="m")
    try:
        hits = st.keyword_search("", parse_filters({"user_id": "u"}), ["anna"], 5)
        assert [i for i, _ in hits] == ["e1"]
        assert st.get("", "e1").memory == "We adopted a cat"
    finally:
        st.close()

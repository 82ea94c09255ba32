"""SQLite keeps its keyword index merged: each write leaves FTS5 a segment, and the
vector writer's upkeep (``flush`` and an idle queue) merges them without changing any
keyword hit or score."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from engram import Memory
from engram.store.filters import parse_filters
from engram.testing import HashEmbedder

WORDS = ["garden", "bike", "piano", "river", "coffee", "mountain", "novel", "violin", "harbour", "lantern"]


def _segments(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return int(db.execute("SELECT count(DISTINCT segid) FROM memories_fts_idx").fetchone()[0])
    finally:
        db.close()


def test_flush_merges_keyword_segments_and_keeps_every_hit(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    m = Memory({"store": {"path": str(path)}, "embedder": {"background": False}},
               embedder=HashEmbedder())
    for i in range(60):  # one transaction each: one new FTS5 segment each
        m.add(f"turn {i}: talked about the {WORDS[i % 10]} and the {WORDS[(3 * i) % 10]}",
              user_id="u", infer=False)
    store = m._store.store
    before = _segments(path)
    hits = {w: store.keyword_search("", parse_filters({"user_id": "u"}), [w], 100) for w in WORDS}
    m.flush()
    after = _segments(path)
    assert after < before, (before, after)
    assert {w: store.keyword_search("", parse_filters({"user_id": "u"}), [w], 100) for w in WORDS} == hits
    m.close()

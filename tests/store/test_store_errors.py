"""A failed write reports its real cause: when SQLite has already rolled the transaction
back itself (a full disk), the error says "full", not "cannot rollback"."""

from __future__ import annotations

from pathlib import Path

import pytest

from engram import Memory, StoreError
from engram.testing import HashEmbedder


def test_a_full_store_names_the_cause_and_writes_nothing(tmp_path: Path) -> None:
    with Memory({"store": {"path": str(tmp_path / "m.db")}}, embedder=HashEmbedder()) as m:
        m.add("I like green tea", user_id="u", infer=False)
        db = m.store._db()  # this thread's connection: the next write runs on it
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count={pages}")  # SQLite's stand-in for a full disk
        with pytest.raises(StoreError) as e:
            m.add(["x" * 50_000, "y" * 50_000], user_id="u", infer=False)
        assert "full" in str(e.value) and "cannot rollback" not in str(e.value), str(e.value)
        db.execute("PRAGMA max_page_count=1073741823")
        assert [r["memory"] for r in m.get_all(user_id="u")["results"]] == ["I like green tea"]
        m.add("still writable", user_id="u", infer=False)

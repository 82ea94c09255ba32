"""Files Engram creates are private: 0600 files (the SQLite store with its -wal and -shm,
the server's keys file) in a 0700 folder when Engram creates the folder; a folder that
exists keeps its mode."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from engram import Memory
from engram.testing import HashEmbedder


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)  # what most systems run with: new files 0644 unless asked
    yield
    os.umask(old)


def test_the_store_and_its_folder_are_private(tmp_path: Path) -> None:
    db = tmp_path / "made" / "by" / "engram" / "m.db"
    with Memory({"store": {"path": str(db)}}, embedder=HashEmbedder()) as m:
        m.add("I like green tea", user_id="u", infer=False)
        files = [db, db.with_name("m.db-wal"), db.with_name("m.db-shm")]
        assert all(f.exists() for f in files)
        assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
        assert mode(db.parent) == 0o700


def test_an_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    with Memory({"store": {"path": str(shared / "m.db")}}, embedder=HashEmbedder()) as m:
        m.add("I like green tea", user_id="u", infer=False)
    assert mode(shared) == 0o755
    assert mode(shared / "m.db") == 0o600


def test_an_existing_store_file_keeps_its_mode(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    with Memory({"store": {"path": str(db)}}, embedder=HashEmbedder()) as m:
        m.add("I like green tea", user_id="u", infer=False)
    db.chmod(0o640)  # the user's choice, e.g. for a group that backs it up
    with Memory({"store": {"path": str(db)}}, embedder=HashEmbedder()) as m:
        assert m.get_all(user_id="u")["results"]
    assert mode(db) == 0o640


def test_the_keys_file_is_private(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from engram.server import KeyStore

    keys = tmp_path / "home" / "keys.db"
    KeyStore(keys).create("acme", "p")
    assert mode(keys.parent) == 0o700
    assert {f.name: mode(f) for f in keys.parent.iterdir() if f.name.startswith("keys.db")} \
        == {f.name: 0o600 for f in keys.parent.iterdir() if f.name.startswith("keys.db")}

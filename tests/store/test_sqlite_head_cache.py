"""SQLite keeps record heads between searches (engram.store._head_cache) until anything
is committed, by any connection: another store on the same file (as another process
would be), another thread, or its own writes."""

from __future__ import annotations

import threading
from pathlib import Path

from engram.store.base import ChangeSet, MemoryUpdate
from engram.store.sqlite import SQLiteStore
from tests.store.test_contract import NS, A, mem, vec


def _open(path: Path) -> SQLiteStore:
    return SQLiteStore(path, dims=8, model_id="test-embedder")


def test_a_write_through_another_connection_is_seen_by_the_next_read(tmp_path: Path) -> None:
    reader, writer = _open(tmp_path / "h.db"), _open(tmp_path / "h.db")
    writer.apply(NS, ChangeSet(adds=[mem("m1", "likes tea", A, vec(0), metadata={"s": 1})]))
    assert reader.get_heads(NS, ["m1"])["m1"].metadata == {"s": 1}
    assert reader.get_heads(NS, ["m1"])["m1"] is reader.get_heads(NS, ["m1"])["m1"]  # kept
    writer.apply(NS, ChangeSet(updates=[MemoryUpdate(id="m1", metadata={"s": 2})]))
    assert reader.get_heads(NS, ["m1"])["m1"].metadata == {"s": 2}
    done = threading.Event()

    def other_thread() -> None:  # the reader's own store, another thread's connection
        reader.apply(NS, ChangeSet(updates=[MemoryUpdate(id="m1", metadata={"s": 3})]))
        done.set()

    threading.Thread(target=other_thread).start()
    assert done.wait(10)
    assert reader.get_heads(NS, ["m1"])["m1"].metadata == {"s": 3}
    writer.apply(NS, ChangeSet(deletes=["m1"]))
    assert reader.get_heads(NS, ["m1"]) == {}
    reader.close()
    writer.close()


def test_heads_are_kept_per_namespace(tmp_path: Path) -> None:
    st = _open(tmp_path / "n.db")
    st.apply(NS, ChangeSet(adds=[mem("m1", "likes tea", A, vec(0), role="user")]))
    assert st.get_heads(NS, ["m1"])["m1"].role == "user"
    assert st.get_heads("other", ["m1"]) == {}
    st.close()

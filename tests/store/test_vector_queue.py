"""The pending-vector queue on every backend (engram.store._vector_queue)."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from typing import Any

import numpy as np

from engram._types import Scope
from engram.store.base import ChangeSet, MemoryUpdate, NewMemory
from engram.store.filters import parse_filters
from tests.store.conftest import BACKENDS, DIMS

U = parse_filters({"user_id": "u"})


def _vec(i: int) -> np.ndarray:
    v = np.zeros(DIMS, dtype=np.float32)
    v[i % DIMS] = 1.0
    return v


def _pending(store: Any, n: int, user: str = "u") -> list[str]:
    ids = [f"{user}-{i}" for i in range(n)]
    store.apply("", ChangeSet(adds=[NewMemory(mid, f"text {mid}", f"h{mid}", Scope(user), None)
                                    for mid in ids]))
    return ids


def test_a_pending_memory_is_found_by_keyword_only_until_its_vector_is_written(store: Any) -> None:
    [mid] = _pending(store, 1)
    assert store.pending_vectors("") == 1
    assert [i for i, _ in store.keyword_search("", U, ["text"], 5)] == [mid]
    assert store.vector_search("", U, _vec(0), 5) == []
    assert store.similarities("", [mid], _vec(0)) == {}
    assert store.get_many_embeddings(store.model_id, [f"h{mid}"]) == {}  # not a cache hit
    [item] = store.claim_vectors("", "w1", 10, 60.0)
    assert (item.id, item.text, item.hash) == (mid, f"text {mid}", f"h{mid}")
    assert store.finish_vectors("", "w1", [(item, _vec(0))]) == 1
    assert store.pending_vectors("") == 0
    assert store.vector_search("", U, _vec(0), 5) == [(mid, 1.0)]


def test_claims_are_disjoint_and_leases_expire(store: Any) -> None:
    _pending(store, 5)
    a = store.claim_vectors("", "w1", 3, 60.0)
    b = store.claim_vectors("", "w2", 10, 60.0)
    assert len(a) == 3 and len(b) == 2 and not {i.id for i in a} & {i.id for i in b}
    assert store.claim_vectors("", "w3", 10, 60.0) == []
    store.release_vectors("", "w2", [i.id for i in b])  # given back: free at once
    assert {i.id for i in store.claim_vectors("", "w3", 10, 0.0)} == {i.id for i in b}
    time.sleep(0.01)  # w3's lease of 0 s ran out
    assert len(store.claim_vectors("", "w4", 10, 60.0)) == 2
    store.release_vectors("", "w4", [i.id for i in b], retry_at=time.time() + 60, error="boom")
    assert store.claim_vectors("", "w5", 10, 60.0) == []  # waits for its retry time
    assert store.pending_vectors("") == 5


def test_a_dead_local_claimant_is_replaced_at_once(store: Any) -> None:
    _pending(store, 2)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    far = f"other-host:{gone}:x"  # another host's process: its lease is trusted
    ids = [i.id for i in store.claim_vectors("", far, 10, 3600.0)]
    assert len(ids) == 2 and store.claim_vectors("", "w1", 10, 60.0) == []
    store.release_vectors("", far, ids)
    dead = f"{socket.gethostname()}:{gone}:x"  # this host, process gone: taken at once
    assert len(store.claim_vectors("", dead, 10, 3600.0)) == 2
    assert len(store.claim_vectors("", "w1", 10, 60.0)) == 2


def test_scope_claims_and_counts(store: Any) -> None:
    _pending(store, 2, "u")
    _pending(store, 3, "v")
    assert store.pending_vectors("", Scope("v")) == 3
    got = store.claim_vectors("", "w", 10, 60.0, Scope("u"))
    assert sorted(i.id for i in got) == ["u-0", "u-1"]
    assert store.pending_vectors("other-namespace") == 0


def test_changed_text_is_not_overwritten_and_deletes_drop_the_row(store: Any) -> None:
    a, b, c = _pending(store, 3)
    items = {i.id: i for i in store.claim_vectors("", "w", 10, 60.0)}
    # Meanwhile a's text changes (with its own vector) and b is deleted.
    store.apply("", ChangeSet(updates=[MemoryUpdate(a, "new text", "hnew", _vec(3))],
                              deletes=[b]))
    assert store.pending_vectors("") == 1  # c only
    assert store.finish_vectors("", "w", [(items[a], _vec(1)), (items[c], _vec(2))]) == 1
    assert store.pending_vectors("") == 0
    assert store.similarities("", [a, c], _vec(3)) == {a: 1.0, c: 0.0}


def test_the_writer_never_waits_for_a_row_another_transaction_holds(tmp_path: Any) -> None:
    """PostgreSQL (SQLite has one writer at a time and no row locks): a vector whose memory row is locked (an add refreshing its keyword
    context, say) is given back to the queue instead of waited for, so the writer can
    never be one side of a deadlock; it is written on a later round."""
    store = BACKENDS["postgres"](tmp_path, DIMS, None)
    try:
        _never_waits(store)
    finally:
        store.close()


def _never_waits(store: Any) -> None:
    ids = _pending(store, 3)
    items = store.claim_vectors("", "w1", 10, 60.0)
    out: list[int] = []
    with store.connection() as other, other.transaction():
        other.execute("SELECT id FROM engram_memories WHERE id = %s FOR UPDATE", [ids[0]])
        t = threading.Thread(target=lambda: out.append(store.finish_vectors(
            "", "w1", [(i, _vec(n)) for n, i in enumerate(items)])))
        t.start()
        t.join(10)
        waited = t.is_alive()
    t.join()
    assert not waited, "the writer waited for a row lock"
    assert out == [2] and store.pending_vectors("") == 1
    [again] = store.claim_vectors("", "w2", 10, 60.0)  # given back at once, not leased
    assert again.id == ids[0]
    assert store.finish_vectors("", "w2", [(again, _vec(0))]) == 1
    assert store.pending_vectors("") == 0

"""The SQLite scope lock holds across processes (lock files, see
``engram.store._file_lock``): separate processes adding contradicting single-valued facts
to one scope at the same moment leave one fact and a consistent history, as threads do."""

from __future__ import annotations

import multiprocessing as mp
import os
import stat
import threading
from pathlib import Path
from typing import Any

import pytest

from engram import Memory
from engram.testing import HashEmbedder

CITIES = ["Lisbon", "Berlin", "Osaka", "Quito"]
TRIALS = 20


def _open(path: str) -> Memory:
    return Memory({"store": {"path": path}, "llm": {"provider": "rules"}},
                  embedder=HashEmbedder())


def _mover(path: str, worker: int, barrier: Any, out: Any) -> None:
    """One process: in each trial, all workers say where they live at the same moment."""
    mem = _open(path)
    got = []
    for trial in range(TRIALS):
        barrier.wait(timeout=60)
        res = mem.add(f"I live in {CITIES[worker]}", user_id=f"user{trial}", infer=True)
        got.append((trial, [r["id"] for r in res["results"]]))
    mem.close()
    out.put(got)


def check_one_residence(mem: Any, user: str, ids: set[str]) -> str | None:
    """None when ``user`` holds exactly one residence and every memory's history is a
    consistent chain; else what is wrong (a trial's failure, for the message)."""
    alive = [r for r in mem.get_all(user_id=user)["results"] if r["memory"].startswith("Lives in")]
    if len(alive) != 1:
        return f"{user}: {len(alive)} residences {[r['memory'] for r in alive]}"
    for mid in ids:
        events = mem.history(mid)
        if events[0]["event"] != "ADD" or events[0]["old_memory"] is not None:
            return f"{user}: {mid} does not start with ADD"
        for prev, nxt in zip(events, events[1:], strict=False):
            if prev["event"] == "DELETE" or nxt["old_memory"] != prev["new_memory"]:
                return f"{user}: {mid} history is not one chain: {events}"
        last = events[-1]
        if mid == alive[0]["id"]:
            if last["event"] == "DELETE" or last["new_memory"] != alive[0]["memory"]:
                return f"{user}: the kept memory's history ends elsewhere: {events}"
        elif last["event"] != "DELETE":
            return f"{user}: {mid} is gone without a DELETE: {events}"
    return None


def test_four_processes_leave_one_residence_per_scope(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.db")
    _open(path).close()  # migrate once up front: the workers only race on adds
    ctx = mp.get_context("spawn")
    barrier, out = ctx.Barrier(len(CITIES)), ctx.Queue()
    procs = [ctx.Process(target=_mover, args=(path, w, barrier, out)) for w in range(len(CITIES))]
    for p in procs:
        p.start()
    try:
        results = [out.get(timeout=240) for _ in procs]
        for p in procs:
            p.join(30)
    finally:
        for p in procs:  # a failed trial never leaves a worker behind
            if p.is_alive():
                p.kill()
    assert [p.exitcode for p in procs] == [0] * len(procs)
    ids: dict[int, set[str]] = {}
    for got in results:
        for trial, mids in got:
            ids.setdefault(trial, set()).update(mids)
    mem = _open(path)
    try:
        failures = [f for t in range(TRIALS)
                    if (f := check_one_residence(mem, f"user{t}", ids[t])) is not None]
    finally:
        mem.close()
    assert failures == [], f"{len(failures)} of {TRIALS} trials failed: {failures[:3]}"


def test_lock_files_are_private(tmp_path: Path) -> None:
    mem = _open(str(tmp_path / "m.db"))
    mem.add("I live in Lisbon", user_id="alice", infer=True)
    mem.close()
    folder = tmp_path / "m.db.locks"
    files = list(folder.iterdir())
    assert files
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o600}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork for the lock holder")
def test_a_killed_holder_releases_the_scope(tmp_path: Path) -> None:
    from engram._types import Scope
    from engram.store.sqlite import SQLiteStore

    path = tmp_path / "k.db"
    SQLiteStore(path, dims=4, model_id="m").close()
    ctx = mp.get_context("spawn")
    ready = ctx.Event()
    holder = ctx.Process(target=_hold_forever, args=(str(path), ready))
    holder.start()
    assert ready.wait(60)
    st = SQLiteStore(path, dims=4, model_id="m")
    got = threading.Event()

    def take() -> None:
        with st.scope_lock("", Scope(user_id="alice")):
            got.set()

    waiter = threading.Thread(target=take, daemon=True)
    try:
        waiter.start()
        assert not got.wait(0.5)  # the other process holds the scope
        holder.kill()
        holder.join(30)
        assert got.wait(30)  # the kernel dropped the dead holder's lock
    finally:
        waiter.join(5)
        st.close()


def _hold_forever(path: str, ready: Any) -> None:
    import time

    from engram._types import Scope
    from engram.store.sqlite import SQLiteStore

    st = SQLiteStore(path, dims=4, model_id="m")
    with st.scope_lock("", Scope(user_id="alice")):
        ready.set()
        time.sleep(600)

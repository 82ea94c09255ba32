"""kill -9 while the background writer embeds (engram._vectors), on both stores.

A child process adds long turns one by one with background vectors; its embedder is slow
on purpose, so the queue grows behind the adds. The test kills it (SIGKILL) while the
writer is inside the embedder holding a claim, reopens the store and checks: every add
that returned is stored and found by keyword before any flush, the queue left behind is
taken over (the dead process's claim at once) by the reopened Memory's own background
writer, and ``flush()`` ends with every vector written.

The test and the child meet through files polled with deadlines, never a blocking read
of a pipe (a child that stalls must fail the test, not hang it).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from engram import Memory
from engram.testing import HashEmbedder

CHILD = textwrap.dedent(
    """
    import json, os, sys, threading, time
    from engram import Memory
    from engram.testing import HashEmbedder

    store, out = json.loads(sys.argv[1]), sys.argv[2]

    class SlowEmbedder(HashEmbedder):
        # The writer's calls take a while (as a real model on long turns does) and
        # say so in a file: "start" on entering, "done" on leaving.
        def embed(self, texts):
            worker = threading.current_thread().name == "engram-vectors"
            if worker:
                _mark("start")
                time.sleep(0.4)
            vecs = super().embed(texts)
            if worker:
                _mark("done")
            return vecs

    def _mark(word):
        with open(os.path.join(out, "embedding"), "a") as f:
            f.write(word + "\\n")

    m = Memory({"store": store}, embedder=SlowEmbedder())
    with open(os.path.join(out, "returned"), "a") as ids:
        for i in range(100_000):
            r = m.add(__TURN__, user_id="u", infer=False)
            ids.write(r["results"][0]["id"] + "\\n")
            ids.flush()
    """
).replace("__TURN__", "f'turn{i}marker ' + 'we talked about the long trip and the weather '"
                      " * 20")

RETURNED = 150  # adds the child must have returned before the kill


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text().splitlines()
    except FileNotFoundError:
        return []


def _wait(what: str, ready: Callable[[], bool], proc: subprocess.Popen[bytes],
          out: Path, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if proc.poll() is not None:
            raise AssertionError(f"the child exited ({proc.returncode}) before {what}: "
                                 f"{(out / 'stderr').read_text()[-2000:]}")
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def _kill_while_embedding(store: dict[str, Any], out: Path) -> list[str]:
    """Run :data:`CHILD` until it returned :data:`RETURNED` adds and its writer has
    finished a batch and is inside the embedder again; SIGKILL it there. The ids of
    the adds that returned (the file can end in a half-written line: dropped)."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    with (out / "stderr").open("wb") as err:
        proc = subprocess.Popen([sys.executable, "-c", CHILD, json.dumps(store), str(out)],
                                stdout=subprocess.DEVNULL, stderr=err, env=env)
    try:
        marks = out / "embedding"
        _wait(f"{RETURNED} returned adds and a finished batch",
              lambda: len(_lines(out / "returned")) >= RETURNED and "done" in _lines(marks),
              proc, out)
        _wait("the writer inside the embedder", lambda: _lines(marks)[-1:] == ["start"],
              proc, out)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    return [i for i in _lines(out / "returned") if len(i) == 36]


def test_kill_9_during_background_embedding_loses_nothing_and_resumes(
        store_config: dict[str, Any], tmp_path: Path) -> None:
    returned = _kill_while_embedding(store_config, tmp_path)
    assert len(returned) >= RETURNED
    m = Memory({"store": store_config}, embedder=HashEmbedder())
    try:
        stored = m._store.get_many(returned)
        assert set(stored) == set(returned)  # every returned add is there, whole
        left = m._store.pending_vectors()
        assert left >= 1  # the killed writer's claim at least: never written
        # Before any flush, each one is found by its own word (keyword arm; its vector
        # may still be pending).
        for mid in returned:
            word = stored[mid].memory.split()[0]
            hits = m.search(word, user_id="u", search_mode="keyword", top_k=1)["results"]
            assert [h["id"] for h in hits] == [mid], word
        # The queue resumes by itself: the next add starts this process's writer, which
        # takes over the dead process's rows at once (no lease to wait out).
        m.add("after the crash", user_id="u", infer=False)
        deadline = time.monotonic() + 60
        while m._store.pending_vectors() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert m._store.pending_vectors() == 0, "the queue left by the kill was not resumed"
        assert m.flush(timeout=60) == {"message": "All vectors written", "pending": 0}
        # Every vector is written: each turn is its own nearest neighbour by vector.
        for mid in returned:
            vec = HashEmbedder().embed([stored[mid].memory])[0]
            assert m._store.similarities([mid], vec)[mid] > 0.999
    finally:
        m.close()

"""SQLite under a crash (SIGKILL mid-loop) and under concurrent writers (threads + processes)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from engram import Memory
from engram.testing import HashEmbedder

WRITER = textwrap.dedent(
    """
    import sys
    from engram import Memory
    from engram.testing import HashEmbedder
    path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    m = Memory({"store": {"path": path}}, embedder=HashEmbedder())
    for i in range(count):
        r = m.add([{"role": "user", "content": f"{tag} message {i} about topic {i % 7}"},
                   {"role": "assistant", "content": f"{tag} reply {i}"}],
                  user_id=f"user-{i % 3}", infer=False)
        print(" ".join(x["id"] for x in r["results"]), flush=True)
    """
)


def _spawn(path: Path, tag: str, count: int) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.Popen([sys.executable, "-c", WRITER, str(path), tag, str(count)],
                            stdout=subprocess.PIPE, text=True, env=env)


def _check_consistent(path: Path) -> int:
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.execute("INSERT INTO memories_fts(memories_fts) VALUES ('integrity-check')")
    orphans = db.execute(
        "SELECT count(*) FROM memories m WHERE NOT EXISTS "
        "(SELECT 1 FROM history h WHERE h.memory_id = m.id AND h.event = 'ADD')"
    ).fetchone()[0]
    # A vector is written, or pending: an empty one with its queue row (engram._vectors).
    bad_vectors = db.execute(
        "SELECT count(*) FROM memories m WHERE length(embedding) != ? AND NOT (length("
        "embedding) = 0 AND EXISTS (SELECT 1 FROM vector_queue q WHERE q.memory_id = m.id))",
        (64 * 4,)).fetchone()[0]
    assert (orphans, bad_vectors) == (0, 0)
    n = db.execute("SELECT count(*) FROM memories").fetchone()[0]
    db.close()
    return int(n)


def test_sigkill_mid_loop_loses_no_returned_add(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    proc = _spawn(path, "crash", 100_000)
    assert proc.stdout is not None
    returned: list[str] = []
    deadline = time.monotonic() + 60
    while len(returned) < 300 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        returned += line.split()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    assert len(returned) >= 300, "the writer did not get going"
    stored = _check_consistent(path)
    assert stored >= len(returned)  # the add in flight may have committed too
    m = Memory({"store": {"path": str(path)}}, embedder=HashEmbedder())
    present = {r.id for r in m.store.get_many("", returned).values()}
    assert present == set(returned)
    # The vectors the killed process had not written yet are written now.
    assert m.flush() == {"message": "All vectors written", "pending": 0}
    db = sqlite3.connect(path)
    assert db.execute("SELECT count(*) FROM memories WHERE length(embedding) = 0 "
                      "UNION ALL SELECT count(*) FROM vector_queue").fetchall() == [(0,), (0,)]
    db.close()
    # The reopened store works and its vector cache matches the rows.
    hits = m.search("crash message 5", user_id="user-2", search_mode="vector", top_k=3)
    assert len(hits["results"]) == 3
    m.close()


def test_threads_and_processes_write_one_file(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    m = Memory({"store": {"path": str(path)}}, embedder=HashEmbedder())
    m.add("warm up", user_id="warm", infer=False)
    procs = [_spawn(path, f"proc{p}", 60) for p in range(2)]
    errors: list[BaseException] = []
    ids: list[str] = []
    lock = threading.Lock()

    def worker(t: int) -> None:
        try:
            for i in range(40):
                r = m.add(f"thread {t} note {i}", user_id=f"user-{t % 3}", infer=False)
                with lock:
                    ids.append(r["results"][0]["id"])
        except Exception as e:  # noqa: BLE001 - collected and asserted below
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    proc_ids: list[str] = []
    for p in procs:
        out, _ = p.communicate(timeout=120)
        assert p.returncode == 0
        proc_ids += out.split()
    assert errors == []
    assert len(ids) == 8 * 40 and len(proc_ids) == 2 * 60 * 2
    assert _check_consistent(path) == 1 + len(ids) + len(proc_ids)
    everything = set(ids) | set(proc_ids)
    assert set(m.store.get_many("", list(everything))) == everything
    # This process's vector cache caught up with the other processes' writes.
    total = sum(len(m.get_all(user_id=f"user-{u}", limit=1000)["results"]) for u in range(3))
    assert total == len(everything)
    m.flush()  # the vectors other processes queued (their own threads may still run)
    hits = m.search("proc1 reply 59", user_id="user-2", search_mode="vector", top_k=1)
    assert hits["results"][0]["memory"] == "proc1 reply 59"
    m.close()


INFER_WRITER = textwrap.dedent(
    """
    import json, sys
    from engram import Memory
    from engram.testing import HashEmbedder
    store, count = json.loads(sys.argv[1]), int(sys.argv[2])
    m = Memory({"store": store, "llm": {"provider": "rules"}}, embedder=HashEmbedder())
    for i in range(count):
        r = m.add([{"role": "user", "content": f"I adopted a puppy named Rex{i} last week."},
                   {"role": "assistant", "content": f"Congratulations on Rex{i}!"}],
                  user_id=f"user-{i % 3}")
        facts = [x["id"] for x in r["results"] if x["event"] in ("ADD", "UPDATE")]
        print(r["add_id"], ",".join(facts), ",".join(r["episode_ids"]), flush=True)
    """
)


def kill_inferred_writer(store: dict[str, str], adds: int = 60) -> list[list[str]]:
    """Run :data:`INFER_WRITER` on ``store`` until it has returned ``adds`` adds (and is
    in the middle of the next), then SIGKILL it; the returned adds' lines."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-c", INFER_WRITER, json.dumps(store), "100000"],
                            stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    returned: list[list[str]] = []
    deadline = time.monotonic() + 90
    while len(returned) < adds and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        returned.append(line.split())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    assert len(returned) >= adds, "the writer did not get going"
    return returned


def check_inferred_adds_whole(added: list[tuple[str, str | None]], updated: set[str],
                              stored: set[str], sources: list[str],
                              returned: list[list[str]]) -> None:
    """After the kill: ``added`` (add_id, memory_type) of each ADD row still stored,
    ``updated`` the add_ids of UPDATE rows, ``stored`` the episode ids, ``sources`` each
    fact's source_ids (JSON). Every committed add holds its two turns and a fact (added,
    or an update of one); no fact cites a turn that is not there; every returned add is
    stored."""
    per_add: dict[str, list[str | None]] = {}
    for add_id, mtype in added:
        per_add.setdefault(add_id, []).append(mtype)
    assert per_add and all(kinds.count("episode") == 2 for kinds in per_add.values())
    assert all(None in kinds or add in updated for add, kinds in per_add.items())
    for src in sources:
        assert set(json.loads(src) if isinstance(src, str) else src) <= stored
    for add_id, facts, episodes in returned:
        assert add_id in per_add
        assert set(episodes.split(",")) <= stored
        assert facts  # each returned add changed a fact


def test_sigkill_during_inferred_adds_keeps_facts_and_their_turns_together(tmp_path: Path) -> None:
    """An infer=True add writes facts and the turns they cite in one transaction: after a
    SIGKILL every returned add is whole, and no add is half there (turns without their
    facts, or a fact citing a turn that is not stored)."""
    path = tmp_path / "crash-infer.db"
    returned = kill_inferred_writer({"path": str(path)})
    _check_consistent(path)
    db = sqlite3.connect(path)
    check_inferred_adds_whole(
        db.execute("SELECT h.add_id, m.memory_type FROM history h JOIN memories m "
                   "ON m.id = h.memory_id WHERE h.event = 'ADD'").fetchall(),
        {a for (a,) in db.execute("SELECT add_id FROM history WHERE event = 'UPDATE'")},
        {r[0] for r in db.execute("SELECT id FROM memories WHERE memory_type = 'episode'")},
        [r[0] for r in db.execute("SELECT source_ids FROM memories WHERE memory_type IS NULL")],
        returned)
    db.close()

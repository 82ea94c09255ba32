"""``engram import`` (engram._import): the progress it shows (both rates) and resuming an
import that was killed midway (kill -9), on both stores."""

from __future__ import annotations

import doctest
import io
import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import engram._import
import engram._import_progress
from engram import Memory
from engram._import import import_jsonl, line_id
from engram.testing import HashEmbedder

LINE = re.compile(r"^import: (done, )?(\d+)/(\d+) lines, (\d+) committed \((\d+\.\d)/s\), "
                  r"(\d+) indexed \((\d+\.\d)/s\)(, (\d+) already imported)?, \d+\.\d s$")


def _write(path: Path, n: int, block: int, users: int = 3) -> None:
    """``n`` lines, runs of ``block`` consecutive lines per user (an add each, at most)."""
    path.write_text("".join(json.dumps({"role": "user" if i % 2 else "assistant",
                                        "content": f"line{i} about the trip and line{i} again",
                                        "user_id": f"u{i // block % users}"}) + "\n"
                            for i in range(n)))


def test_the_modules_examples_run() -> None:
    for module in (engram._import, engram._import_progress):
        assert doctest.testmod(module).failed == 0


def test_progress_lines_show_both_rates_and_end_fully_indexed(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _write(src, 90, block=30)
    out = io.StringIO()  # not a terminal: plain lines
    m = Memory({"store": {"path": str(tmp_path / "m.db")}}, embedder=HashEmbedder())
    try:
        res = import_jsonl(m, src, batch=10, stream=out, every=0)
    finally:
        m.close()
    assert res == {"imported": 90, "scopes": 3, "already_imported": 0}
    lines = out.getvalue().splitlines()
    parsed = [LINE.match(x) for x in lines]
    assert all(parsed) and len(lines) >= 9 + 1, lines  # one per add (every=0), and the end
    committed = [int(p[4]) for p in parsed if p]
    assert committed == sorted(committed) and committed[0] == 10
    done = parsed[-1]
    assert done is not None and done[1] == "done, "
    # The end: every line read, committed and indexed (flushed), at non-zero rates.
    assert (done[2], done[3], done[4], done[6]) == ("90", "90", "90", "90")
    assert float(done[5]) > 0 and float(done[7]) > 0
    assert all(int(p[6]) <= int(p[4]) for p in parsed if p)  # indexed never above committed


def test_the_command_prints_its_progress_on_stderr(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _write(src, 12, block=1)
    done = subprocess.run([sys.executable, "-c", "from engram.cli import main; main()", "import",
                           str(src), "--db", str(tmp_path / "cli.db")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "imported 12 messages into 3 scopes"
    last = LINE.match(done.stderr.strip().splitlines()[-1])
    assert last is not None and last[1] == "done, " and last[6] == "12", done.stderr


CHILD = textwrap.dedent(
    """
    import json, sys, time
    from engram import Memory
    from engram._import import import_jsonl
    from engram.testing import HashEmbedder

    class Paced(Memory):
        # Slow enough that the test can kill the import midway.
        def add(self, *a, **k):
            time.sleep(0.02)
            return super().add(*a, **k)

    store, src, log = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
    m = Paced({"store": store}, embedder=HashEmbedder())
    with open(log, "w") as out:
        import_jsonl(m, src, batch=7, stream=out, every=0)
    """
)


def test_an_import_killed_midway_is_finished_by_running_it_again(
        store_config: dict[str, Any], tmp_path: Path) -> None:
    src, log = tmp_path / "big.jsonl", tmp_path / "progress.log"
    total = 700
    _write(src, total, block=20)
    with (tmp_path / "stderr").open("wb") as err:
        proc = subprocess.Popen([sys.executable, "-c", CHILD, json.dumps(store_config), str(src),
                                 str(log)], stdout=subprocess.DEVNULL, stderr=err,
                                env=dict(os.environ, PYTHONUNBUFFERED="1"))
    seen = 0
    try:
        deadline = time.monotonic() + 120
        while seen < total // 4:  # a quarter committed: kill it there
            assert proc.poll() is None, (tmp_path / "stderr").read_text()[-2000:]
            assert time.monotonic() < deadline, "the import did not get going"
            time.sleep(0.01)
            shown = [LINE.match(x) for x in log.read_text().splitlines()] if log.exists() else []
            seen = max([int(p[4]) for p in shown if p] or [0])
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(30)
    m = Memory({"store": store_config}, embedder=HashEmbedder())
    try:
        before = sum(len(m.get_all(user_id=f"u{u}", limit=1000)["results"]) for u in range(3))
        assert seen <= before < total  # what was shown is stored; not the whole file
        out = io.StringIO()
        res = import_jsonl(m, src, batch=50, stream=out)  # another batch size: same lines
        assert res["already_imported"] == before and res["imported"] == total - before
        assert "already imported" in out.getvalue().splitlines()[-1]
        # Every line stored exactly once, under its own id, and every vector written.
        texts = [r["memory"] for u in range(3)
                 for r in m.get_all(user_id=f"u{u}", limit=1000)["results"]]
        assert sorted(texts) == sorted(f"line{i} about the trip and line{i} again" for i in range(total))
        ns = m._store.ns
        digest = engram._import._digest(src)
        assert set(m._store.get_many([line_id(ns, digest, n) for n in range(1, total + 1)])) \
            == {line_id(ns, digest, n) for n in range(1, total + 1)}
        assert m._store.pending_vectors() == 0
        # A third run finds everything there.
        again = import_jsonl(m, src, progress=False)
        assert again == {"imported": 0, "scopes": 0, "already_imported": total}
    finally:
        m.close()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_it_draws_two_bars_and_ends_with_the_summary_line(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _write(src, 40, block=10)
    out = _Terminal()
    m = Memory({"store": {"path": str(tmp_path / "m.db")}}, embedder=HashEmbedder())
    try:
        import_jsonl(m, src, batch=10, stream=out, every=0)
    finally:
        m.close()
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.getvalue())  # the terminal's codes
    assert "40 stored, " in text and "40 indexed, " in text  # the bars, with their rates
    last = LINE.match(text.strip().splitlines()[-1])
    assert last is not None and last[1] == "done, " and last[6] == "40"

"""``engram serve`` on a store it cannot open stops before listening: exit 6 and one line
naming the problem, not uvicorn's exit code and a traceback per worker."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")

ENGRAM = [str(Path(sys.executable).parent / "engram")]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_corrupted_store_exits_6_with_one_line(tmp_path: Path, workers: str) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "engram.db").write_bytes(b"this is not a SQLite database\n" * 200)
    env = {**os.environ, "ENGRAM_HOME": str(home)}
    env.pop("ENGRAM_DB", None)
    done = subprocess.run([*ENGRAM, "serve", "--port", "1", "--workers", workers], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 6, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    assert "engram.db" in lines[0] and "not a database" in lines[0]
    assert "Traceback" not in done.stderr and done.stdout == ""

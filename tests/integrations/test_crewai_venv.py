"""The CrewAI adapter's tests (``tests/with_crewai``) run in CrewAI's own venv (``.venv-crewai``),
which ``make test`` builds: crewai pins openai, protobuf and mcp below what this suite's
packages need, so it cannot share this venv. The run is driven from here so that a missing
venv or a failing CrewAI test fails the main suite instead of going unnoticed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv-crewai" / "bin" / "python"


def test_the_crewai_suite_passes_in_its_own_venv() -> None:
    if not PYTHON.exists():
        pytest.fail(f"{PYTHON} is missing: build it with `make .venv-crewai/.installed` "
                    "(`make test` does)")
    if Path(sys.prefix).resolve() == PYTHON.parents[1].resolve():
        pytest.fail("run from the main venv: this test drives .venv-crewai, it is not run in it")
    # The venv tests the same source as this run, whichever checkout built it.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_"))}
    env["PYTHONPATH"] = str(ROOT / "src")
    run = subprocess.run(
        [str(PYTHON), "-m", "pytest", "-q", "--no-skips", "-p", "no:cacheprovider",
         "tests/with_crewai"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=280)
    tail = (run.stdout + run.stderr)[-4000:]
    assert run.returncode == 0, tail
    assert " passed" in run.stdout and "skipped" not in run.stdout, tail

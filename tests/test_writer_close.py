"""A store closed under a Memory left open (a caller-owned store, as the graph tests and
embedding hosts pass one) stops the Memory's background vector writer first: closing a
SQLite connection while the writer's thread runs a query on it crashed the process."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent("""
    import sys, time
    from engram import Memory
    from engram.store.sqlite import SQLiteStore
    from engram.testing import HashEmbedder

    class Slow(HashEmbedder):
        def embed(self, texts):
            time.sleep(0.02)  # the writer is mid-batch when the store closes
            return super().embed(texts)

    emb = Slow(dims=16)
    store = SQLiteStore(sys.argv[1], dims=16, model_id=emb.model_id)
    m = Memory({"llm": {"provider": "rules"}}, embedder=emb, store=store)
    for i in range(200):
        m.add(f"note number {i} about topic {i % 7}", user_id="u", infer=False)
    store.close()  # the Memory is never closed
    print("closed", flush=True)
""")


def test_closing_a_store_stops_the_writer_of_a_memory_left_open(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "m.db")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "closed"

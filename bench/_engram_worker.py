"""Engram's side of the ingest/search benchmark, run in a subprocess of our venv.

    python bench/_engram_worker.py PLAN.json RESULTS.json
    python bench/_engram_worker.py --cold SPEC.json

Defaults throughout: MiniLM int8 on onnxruntime, SQLite (or PostgreSQL with
``store=postgres``), hybrid search. Engram is imported lazily so that ``--cold`` times
the import itself.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _phases import Msg, dir_bytes, rss_mb, worker_main  # noqa: E402


def _config(plan: dict[str, Any], tag: str) -> tuple[dict[str, Any], str]:
    """The Memory config and namespace of store ``tag``."""
    if plan.get("store", "sqlite") == "postgres":
        # One database, one namespace per store: "fresh" is a namespace never used before.
        return {"store": {"provider": "postgres", "dsn": plan["dsn"]}}, f"{plan['run_id']}-{tag}"
    return {"store": {"path": str(Path(plan["workdir"]) / f"engram-{tag}.db")}}, ""


class EngramAdapter:
    name = "engram"
    has_bulk_import = True

    def __init__(self, plan: dict[str, Any]) -> None:
        import engram
        from engram.embed.onnx import MiniLMEmbedder

        self.plan = plan
        # Where engram was imported from: a snapshot on PYTHONPATH can be measured.
        self.version = (f"{engram.__version__} ({plan.get('store', 'sqlite')}, "
                        f"{Path(engram.__file__).parent.parent})")
        # Shared by every store of the run, loaded once; plan["engram_embedder"] holds
        # MiniLM options (e.g. max_tokens) when a budget other than the default is measured.
        self.raw = MiniLMEmbedder(**plan.get("engram_embedder", {}))
        self.embedder_name = f"{self.raw.model_id} (onnxruntime)"
        self.mem: Any = None

    def load_embedder(self) -> None:
        self.raw.load()

    def embed_batch(self, texts: list[str]) -> None:
        self.raw.embed(texts)

    def open(self, tag: str, *, fresh: bool) -> None:
        from engram import Memory

        cfg, ns = _config(self.plan, tag)
        if fresh and "path" in cfg["store"]:
            for suffix in ("", "-wal", "-shm"):
                Path(cfg["store"]["path"] + suffix).unlink(missing_ok=True)
        # Our embedder object: the Memory wraps it in its content-hash cache as usual.
        self.mem = Memory(cfg, embedder=self.raw, namespace=ns)

    def add_list(self, messages: list[Msg], user_id: str) -> None:
        self.mem.add(messages, user_id=user_id, infer=False)

    def add_one(self, message: Msg, user_id: str) -> None:
        self.mem.add(message, user_id=user_id, infer=False)

    def search(self, query: str, user_id: str, top_k: int) -> int:
        return len(self.mem.search(query, filters={"user_id": user_id}, top_k=top_k)["results"])

    def find(self, query: str, user_id: str, top_k: int, *, keyword: bool) -> list[str]:
        res = self.mem.search(query, filters={"user_id": user_id}, top_k=top_k,
                              search_mode="keyword" if keyword else "hybrid")
        return [r["memory"] for r in res["results"]]

    def pending(self) -> int | None:
        # Vectors written in the background arrived with Memory.flush(); before that every
        # add embedded in its own transaction and nothing was ever pending.
        if not hasattr(self.mem, "flush"):
            return 0
        return int(self.mem.flush(timeout=0)["pending"])  # waits for nothing: a count

    def flush(self) -> None:
        if hasattr(self.mem, "flush"):
            self.mem.flush()

    def bulk_import(self, jsonl: Path) -> None:
        from engram._import import import_jsonl

        import_jsonl(self.mem, jsonl, progress=False)

    def close(self) -> None:
        self.mem.close()
        self.mem = None

    def disk_bytes(self, tag: str) -> int | None:
        cfg, _ = _config(self.plan, tag)
        if "path" not in cfg["store"]:
            return None  # PostgreSQL: a shared server, its size is not this store's
        p = Path(cfg["store"]["path"])
        return sum(dir_bytes(Path(str(p) + s)) for s in ("", "-wal", "-shm")
                   if Path(str(p) + s).exists())


def cold_start(spec: dict[str, Any]) -> dict[str, Any]:
    """import + Memory() + first search, on an existing store, in this fresh process."""
    t0 = time.perf_counter()
    import engram

    t1 = time.perf_counter()
    cfg, ns = _config(spec, spec["tag"])
    mem = engram.Memory(cfg, namespace=ns)
    t2 = time.perf_counter()
    hits = mem.search(spec["query"], filters={"user_id": spec["user_id"]}, top_k=10)["results"]
    t3 = time.perf_counter()
    return {"import_s": round(t1 - t0, 3), "init_s": round(t2 - t1, 3),
            "first_search_s": round(t3 - t2, 3), "total_s": round(t3 - t0, 3),
            "hits": len(hits), **rss_mb()}


if __name__ == "__main__":
    worker_main(EngramAdapter, cold_start, sys.argv[1:])

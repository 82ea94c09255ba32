"""Turn embeddings kept on disk across bench runs (``bench/.cache/``, git-ignored).

Embedding LongMemEval's ~49k long turns takes tens of minutes on 2 cores; a lever that
only changes search must not pay it again. :class:`DiskCache` is an
:class:`~engram.embed.cache.EmbeddingCache` on one SQLite file keyed by (model id, text
hash), put behind Engram's own :class:`~engram.embed.CachedEmbedder`.

:class:`BenchEmbedder` is what each bench ``Memory`` is given: batches (turns) go through
the disk cache; a single text (a search's question) is embedded afresh unless
``cache_queries`` is on, so headline latency includes the query's embedding, as a new
question's would.

>>> import tempfile, numpy as np
>>> from engram.testing._embedder import HashEmbedder
>>> d = tempfile.mkdtemp()
>>> emb = BenchEmbedder(HashEmbedder(), Path(d) / "e.db")
>>> a = emb.embed(["one", "two"]); b = BenchEmbedder(HashEmbedder(), Path(d) / "e.db").embed(["one", "two"])
>>> bool(np.allclose(a, b)), emb.cache.count("hash-64")
(True, 2)
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from engram.embed import CachedEmbedder
from engram.embed.base import Embedder, Matrix

CACHE_DIR = Path(__file__).resolve().parent / ".cache"


class DiskCache:
    """Vectors in one SQLite file; safe to share between bench runs (one writer)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vec (model_id TEXT, hash TEXT, v BLOB, "
                         "PRIMARY KEY (model_id, hash))")
        self._lock = threading.Lock()

    def get_many(self, model_id: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        with self._lock:
            for i in range(0, len(hashes), 500):
                part = list(hashes[i:i + 500])
                marks = ",".join("?" * len(part))
                for h, blob in self._db.execute(
                        f"SELECT hash, v FROM vec WHERE model_id = ? AND hash IN ({marks})",  # noqa: S608
                        (model_id, *part)):
                    out[h] = np.frombuffer(blob, dtype=np.float32)
        return out

    def put_many(self, model_id: str, items: dict[str, np.ndarray]) -> None:
        with self._lock, self._db:
            self._db.executemany("INSERT OR REPLACE INTO vec VALUES (?, ?, ?)",
                                 [(model_id, h, np.asarray(v, np.float32).tobytes())
                                  for h, v in items.items()])

    def count(self, model_id: str) -> int:
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM vec WHERE model_id = ?",
                                        (model_id,)).fetchone()[0])


class BenchEmbedder:
    """An embedder whose batches are cached on disk and whose single queries are not
    (unless ``cache_queries``)."""

    def __init__(self, inner: Embedder, path: Path | None = None) -> None:
        self.cache = DiskCache(path or CACHE_DIR / "embeddings.db")
        self.inner = inner
        self._cached = CachedEmbedder(inner, self.cache, lru_size=2_000)
        self.model_id: str = inner.model_id
        self.dims: int = inner.dims
        self.cache_queries = False

    def embed(self, texts: Sequence[str]) -> Matrix:
        if len(texts) == 1 and not self.cache_queries:
            return self.inner.embed(texts)
        return self._cached.embed(texts)


def minilm() -> Embedder:
    """Engram's default embedder (int8 MiniLM), built as ``Memory`` would build it."""
    from engram.embed import make_embedder

    return make_embedder("minilm")

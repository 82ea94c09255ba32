"""A deterministic fake embedder for unit tests: no model, no files, microseconds.

Each lowercased word token is hashed (blake2b, stable across processes, unlike
``hash()``) to one of ``dims`` buckets with a sign; a text's vector is the signed bag of
its tokens, L2-normalised. Texts sharing words are therefore similar, texts sharing none
are close to orthogonal.

>>> emb = HashEmbedder()
>>> v = emb.embed(["Alice likes tea", "alice likes coffee", "the train left"])
>>> bool(v[0] @ v[1] > 0.5), bool(abs(v[0] @ v[2]) < 0.5)
(True, True)
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np

from engram.embed.base import Matrix, check_texts, empty_matrix, l2_normalize
from engram.errors import InvalidInput

__all__ = ["HashEmbedder"]

_TOKEN = re.compile(r"\w+")
# A text without any word still gets a unit vector (the contract), from this token.
_NO_WORDS = "\x00"


def _bucket(token: str, dims: int) -> tuple[int, float]:
    digest = hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest()
    n = int.from_bytes(digest, "little")
    return n % dims, (1.0 if (n >> 63) & 1 else -1.0)


class HashEmbedder:
    """Deterministic bag-of-hashed-words embedder; ``model_id`` is ``"hash-embedder"``."""

    model_id = "hash-embedder"

    def __init__(self, dims: int = 64) -> None:
        if dims < 1:
            raise InvalidInput("dims", f"must be a positive integer, got {dims}")
        self.dims = dims
        self.calls = 0  # how many times embed() ran: lets tests see cache hits

    def embed(self, texts: Sequence[str]) -> Matrix:
        items = check_texts(texts)
        self.calls += 1
        if not items:
            return empty_matrix(self.dims)
        out = np.zeros((len(items), self.dims), dtype=np.float32)
        for row, text in enumerate(items):
            for token in _TOKEN.findall(text.lower()) or [_NO_WORDS]:
                index, sign = _bucket(token, self.dims)
                out[row, index] += sign
        return l2_normalize(out)

    def __repr__(self) -> str:
        return f"HashEmbedder(dims={self.dims})"

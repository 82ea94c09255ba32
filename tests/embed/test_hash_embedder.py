"""The deterministic fake embedder used by other parts' unit tests."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from engram.embed.base import Embedder
from engram.errors import InvalidInput
from engram.testing._embedder import HashEmbedder


def test_contract() -> None:
    emb = HashEmbedder()
    assert isinstance(emb, Embedder)
    v = emb.embed(["Alice likes tea", "", "!!!"])
    assert v.shape == (3, 64) and v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-6)
    assert emb.embed([]).shape == (0, 64)
    assert emb.model_id == "hash-embedder"


def test_deterministic_across_processes() -> None:
    here = HashEmbedder(dims=16).embed(["Deterministic text"])[0].tolist()
    code = (
        "from engram.testing._embedder import HashEmbedder;"
        "print(HashEmbedder(dims=16).embed(['Deterministic text'])[0].tolist())"
    )
    # A different PYTHONHASHSEED would change hash()-based buckets; ours must not move.
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345"},
    ).stdout
    assert out.strip() == str(here)


def test_shared_words_make_texts_similar_case_insensitively() -> None:
    a, b, c = HashEmbedder(dims=256).embed(
        ["Caroline went hiking", "caroline WENT hiking yesterday", "stock prices fell"]
    )
    assert a @ b > 0.8
    assert abs(a @ c) < 0.3


def test_bad_dims() -> None:
    with pytest.raises(InvalidInput):
        HashEmbedder(dims=0)

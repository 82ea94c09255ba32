"""Shared fixtures: one loaded MiniLM for the whole session (loading costs ~0.5 s)."""

from __future__ import annotations

import pytest

from engram.embed.onnx import MiniLMEmbedder


@pytest.fixture(scope="session")
def minilm() -> MiniLMEmbedder:
    emb = MiniLMEmbedder()  # the default: int8 kernels, one text a run
    emb.load()
    return emb

"""Shared fixtures: one loaded MiniLM for the whole session (loading costs ~0.5 s)."""

from __future__ import annotations

import pytest

from engram.embed.onnx import MiniLMEmbedder


@pytest.fixture(scope="session")
def minilm() -> MiniLMEmbedder:
    emb = MiniLMEmbedder(batch_size=4)  # small batches so a few texts span several
    emb.load()
    return emb

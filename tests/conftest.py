"""Fixtures for the whole suite: an isolated ENGRAM_HOME and one shared MiniLM."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from engram.embed.onnx import MiniLMEmbedder


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the developer's config, keys or ~/.engram."""
    import os

    for k in list(os.environ):
        if k.startswith("ENGRAM_") or k in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "OPENAI_BASE_URL"):
            monkeypatch.delenv(k)
    monkeypatch.setenv("ENGRAM_HOME", str(tmp_path / "engram-home"))


@pytest.fixture(scope="session")
def shared_minilm() -> MiniLMEmbedder:
    emb = MiniLMEmbedder()
    emb.load()
    return emb


@pytest.fixture
def memory(tmp_path: Path, shared_minilm: MiniLMEmbedder) -> Iterator[object]:
    """A Memory on a fresh SQLite file with the real default embedder, offline rules."""
    from engram import Memory

    m = Memory({"store": {"path": str(tmp_path / "mem.db")}, "llm": {"provider": "rules"}},
               embedder=shared_minilm)
    yield m
    m.close()

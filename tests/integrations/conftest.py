"""Fixtures for the framework adapters: a Memory and an AsyncMemory on a fresh file with the
shared MiniLM and the offline rules extractor (no network, no LLM)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engram import AsyncMemory


@pytest.fixture
def amemory(tmp_path: Path, shared_minilm: Any) -> Iterator[AsyncMemory]:
    m = AsyncMemory({"store": {"path": str(tmp_path / "amem.db")}, "llm": {"provider": "rules"}},
                    embedder=shared_minilm)
    yield m
    m.sync.close()


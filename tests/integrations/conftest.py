"""Fixtures for the framework adapters: a Memory and an AsyncMemory on a fresh file with the
shared MiniLM and the offline rules extractor (no network, no LLM)."""

from __future__ import annotations

import gc
import warnings
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


@pytest.fixture(autouse=True)
def _collect_framework_leaks() -> Iterator[None]:
    """LlamaIndex's sync Memory runs each call in a throwaway event loop and never closes the
    aiosqlite connections its default chat store opens; they were garbage-collected in some
    later test, whose run then failed on the ResourceWarning (warnings are errors). Collect
    them here, at the end of the test that leaked them, with that one warning silenced: the
    leak is the framework's, not ours."""
    yield
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


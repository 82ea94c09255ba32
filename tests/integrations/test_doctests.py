"""The usage examples in each adapter's docstring run."""

from __future__ import annotations

import doctest
import importlib
from typing import Any

import pytest

MODULES = ["langgraph", "langchain", "llama_index", "openai_agents", "autogen"]


@pytest.mark.parametrize("name", MODULES)
def test_module_examples(name: str, shared_minilm: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from engram import _components

    # The examples build Memory() themselves; give them the already-loaded model.
    monkeypatch.setattr(_components.Components, "raw_embedder", property(lambda self: shared_minilm))
    result = doctest.testmod(importlib.import_module(f"engram.integrations.{name}"))
    assert result.attempted > 0 and result.failed == 0

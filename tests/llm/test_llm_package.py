"""The package surface: exact exports, and importing it loads no SDK."""

from __future__ import annotations

import subprocess
import sys

import pytest

import engram.llm


def test_exports_are_exactly_the_intended_names() -> None:
    assert sorted(engram.llm.__all__) == sorted(
        [
            "LLM",
            "RetryPolicy",
            "LLMSettings",
            "resolve_llm",
            "OpenAILLM",
            "AnthropicLLM",
            "LocalLLM",
        ]
    )
    for name in engram.llm.__all__:
        assert getattr(engram.llm, name) is not None
    with pytest.raises(AttributeError):
        engram.llm.NoSuchThing  # noqa: B018


def test_importing_engram_llm_imports_no_sdk() -> None:
    code = (
        "import sys, engram.llm\n"
        "from engram.llm import LLM, RetryPolicy, LLMSettings, resolve_llm\n"
        "loaded = [m for m in ('openai', 'anthropic', 'xllamacpp', 'httpx2') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

"""LLM providers behind one small protocol: ``complete_json(messages, schema) -> dict``.

Importing this package imports no SDK: ``OpenAILLM``, ``AnthropicLLM`` and ``LocalLLM``
are loaded on first use, and each names its missing extra (``pip install engram[openai]``)
when its SDK is absent.

>>> from engram.llm import resolve_llm
>>> resolve_llm(env={}) is None  # nothing configured: the caller uses the rules
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engram.llm._retry import RetryPolicy
from engram.llm.base import LLM
from engram.llm.factory import LLMSettings, resolve_llm

if TYPE_CHECKING:
    from engram.llm.anthropic import AnthropicLLM
    from engram.llm.local import LocalLLM
    from engram.llm.openai import OpenAILLM

__all__ = [
    "LLM",
    "RetryPolicy",
    "LLMSettings",
    "resolve_llm",
    "OpenAILLM",
    "AnthropicLLM",
    "LocalLLM",
]

_LAZY = {
    "OpenAILLM": "engram.llm.openai",
    "AnthropicLLM": "engram.llm.anthropic",
    "LocalLLM": "engram.llm.local",
}


def __getattr__(name: str) -> Any:
    # The provider modules themselves import their SDK only when instantiated; loading
    # them lazily as well keeps `import engram.llm` minimal.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'engram.llm' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)

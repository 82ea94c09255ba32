"""Build an embedder by provider name, importing only what that provider needs.

>>> make_embedder("minilm").model_id
'all-MiniLM-L6-v2-int8-q8-64t'
>>> make_embedder("word2vec")
Traceback (most recent call last):
...
engram.errors.ConfigError: unknown embedder provider 'word2vec'; choose one of: minilm, openai, sentence-transformers, ollama, lmstudio, together
"""

from __future__ import annotations

import os

from engram.embed.base import Embedder
from engram.errors import ConfigError

__all__ = ["make_embedder", "PROVIDERS", "PRESETS"]

# OpenAI-compatible embedding servers known by name: (URL, default model, key variable).
PRESETS: dict[str, tuple[str, str, str | None]] = {
    "ollama": ("http://localhost:11434/v1", "nomic-embed-text", None),
    "lmstudio": ("http://localhost:1234/v1",
                 "nomic-ai/nomic-embed-text-v1.5-GGUF/nomic-embed-text-v1.5.f16.gguf", None),
    "together": ("https://api.together.xyz/v1", "intfloat/multilingual-e5-large-instruct",
                 "TOGETHER_API_KEY"),
}
PROVIDERS = ("minilm", "openai", "sentence-transformers", *PRESETS)


def make_embedder(
    provider: str = "minilm",
    *,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    dims: int | None = None,
    threads: int | None = None,
    max_tokens: int | None = None,
    kernels: str | None = None,
) -> Embedder:
    """The embedder for ``provider``; nothing is loaded until its first ``embed``.

    ``model`` is required for "openai" (e.g. ``text-embedding-3-small``) and, for
    "sentence-transformers", is an optional local model directory. ``threads``,
    ``max_tokens`` (word pieces embedded per text, default 64) and ``kernels`` ("int8",
    the default, or "float") are MiniLM's.
    """
    if provider == "minilm":
        _refuse(provider, model=model, base_url=base_url, api_key=api_key, dims=dims)
        from engram.embed.onnx import DEFAULT_TOKENS, MiniLMEmbedder

        return MiniLMEmbedder(threads=threads, kernels=kernels or "int8",
                              max_tokens=DEFAULT_TOKENS if max_tokens is None else max_tokens)
    if provider in PRESETS:
        _refuse(provider, threads=threads, max_tokens=max_tokens, kernels=kernels)
        url, default_model, key_var = PRESETS[provider]
        # A local server gets a placeholder, never the OpenAI key from the environment.
        key = api_key or (os.environ.get(key_var) if key_var else "unused")
        if key_var and not key:
            raise ConfigError(f"the {provider} embedder needs api_key or {key_var}")
        from engram.embed.openai import OpenAIEmbedder

        return OpenAIEmbedder(model or default_model, base_url=base_url or url, api_key=key,
                              dims=dims)
    if provider == "openai":
        if not model:
            raise ConfigError("the openai embedder needs model=, e.g. 'text-embedding-3-small'")
        _refuse(provider, threads=threads, max_tokens=max_tokens, kernels=kernels)
        from engram.embed.openai import OpenAIEmbedder

        return OpenAIEmbedder(model, base_url=base_url, api_key=api_key, dims=dims)
    if provider == "sentence-transformers":
        _refuse(provider, base_url=base_url, api_key=api_key, threads=threads,
                max_tokens=max_tokens, kernels=kernels)
        from engram.embed.sbert import SentenceTransformerEmbedder

        if dims is None:
            return SentenceTransformerEmbedder(model)
        return SentenceTransformerEmbedder(model, dims=dims)
    raise ConfigError(
        f"unknown embedder provider {provider!r}; choose one of: {', '.join(PROVIDERS)}"
    )


def _refuse(provider: str, **options: object) -> None:
    # An option the provider would silently ignore is a configuration mistake.
    given = sorted(name for name, value in options.items() if value is not None)
    if given:
        raise ConfigError(f"embedder provider {provider!r} does not take: {', '.join(given)}")

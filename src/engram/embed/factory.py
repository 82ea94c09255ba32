"""Build an embedder by provider name, importing only what that provider needs.

>>> make_embedder("minilm").model_id
'all-MiniLM-L6-v2-int8'
>>> make_embedder("word2vec")
Traceback (most recent call last):
...
engram.errors.ConfigError: unknown embedder provider 'word2vec'; choose one of: minilm, openai, sentence-transformers
"""

from __future__ import annotations

from engram.embed.base import Embedder
from engram.errors import ConfigError

__all__ = ["make_embedder", "PROVIDERS"]

PROVIDERS = ("minilm", "openai", "sentence-transformers")


def make_embedder(
    provider: str = "minilm",
    *,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    dims: int | None = None,
    threads: int | None = None,
) -> Embedder:
    """The embedder for ``provider``; nothing is loaded until its first ``embed``.

    ``model`` is required for "openai" (e.g. ``text-embedding-3-small``) and, for
    "sentence-transformers", is an optional local model directory.
    """
    if provider == "minilm":
        _refuse(provider, model=model, base_url=base_url, api_key=api_key, dims=dims)
        from engram.embed.onnx import MiniLMEmbedder

        return MiniLMEmbedder(threads=threads)
    if provider == "openai":
        if not model:
            raise ConfigError("the openai embedder needs model=, e.g. 'text-embedding-3-small'")
        _refuse(provider, threads=threads)
        from engram.embed.openai import OpenAIEmbedder

        return OpenAIEmbedder(model, base_url=base_url, api_key=api_key, dims=dims)
    if provider == "sentence-transformers":
        _refuse(provider, base_url=base_url, api_key=api_key, threads=threads)
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

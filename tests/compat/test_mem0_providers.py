"""Mem0 providers reach real endpoints the way their rows say: requests checked on a
scripted HTTP server on 127.0.0.1, and Mem0's pgvector settings on a real PostgreSQL."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from engram import Memory
from engram._components import Components
from engram.config import MemoryConfig
from engram.errors import ConfigError
from tests.llm._llm_http import FakeServer, Reply, Seen, chat_reply

SCHEMA = {"type": "object", "properties": {"facts": {"type": "array"}}, "required": ["facts"]}
ASK = [{"role": "user", "content": "I live in Oslo."}]


def llm_of(config: dict[str, Any]) -> Any:
    return Components(MemoryConfig.load(config, env={})).llm


def test_ollama_gets_mem0s_sampling_settings_and_no_openai_key(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-must-not-leak")
    with FakeServer([chat_reply('{"facts": ["Lives in Oslo"]}')]) as server:
        llm = llm_of({"llm": {"provider": "ollama", "config": {
            "model": "qwen3", "temperature": 0.2, "max_tokens": 300, "top_p": 0.9, "top_k": 4,
            "ollama_base_url": server.url}}})
        assert llm.complete_json(ASK, SCHEMA) == {"facts": ["Lives in Oslo"]}
    seen = server.seen[0]
    assert seen.path == "/v1/chat/completions" and llm.name == "ollama"
    assert {k: seen.body[k] for k in ("model", "temperature", "max_tokens", "top_p", "top_k")} \
        == {"model": "qwen3", "temperature": 0.2, "max_tokens": 300, "top_p": 0.9, "top_k": 4}
    assert "sk-must-not-leak" not in seen.headers.get("authorization", "")


def test_hosted_presets_take_their_own_key(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match="GROQ_API_KEY"):
        llm_of({"llm": {"provider": "groq", "config": {"model": "llama-3.1-8b-instant"}}})
    monkeypatch.setenv("GROQ_API_KEY", "gsk-1")
    with FakeServer([chat_reply('{"facts": []}')]) as server:
        llm = llm_of({"llm": {"provider": "groq", "config": {
            "model": "llama-3.1-8b-instant", "openai_base_url": server.url + "/openai/v1"}}})
        llm.complete_json(ASK, SCHEMA)
    assert server.seen[0].headers["authorization"] == "Bearer gsk-1"
    default = llm_of({"llm": {"provider": "groq", "config": {"model": "m"}}})
    assert default.base_url == "https://api.groq.com/openai/v1/"


def test_azure_openai_uses_the_sdks_azure_client() -> None:
    with FakeServer([chat_reply('{"facts": []}')]) as server:
        llm = llm_of({"llm": {"provider": "azure_openai", "config": {
            "model": "gpt-4o-mini", "max_tokens": 100, "azure_kwargs": {
                "api_key": "az-key", "azure_deployment": "dep-1",
                "azure_endpoint": server.url, "api_version": "2024-10-21",
                "default_headers": {"x-team": "memory"}}}}})
        llm.complete_json(ASK, SCHEMA)
    seen = server.seen[0]
    assert seen.path == "/openai/deployments/dep-1/chat/completions?api-version=2024-10-21"
    assert seen.headers["api-key"] == "az-key" and seen.headers["x-team"] == "memory"
    assert seen.body["max_tokens"] == 100


def test_azure_reads_mem0s_variables_and_names_what_is_missing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match="api_key, azure_endpoint, api_version"):
        llm_of({"llm": {"provider": "azure_openai", "config": {
            "azure_kwargs": {"azure_deployment": "d"}}}})
    for name, value in (("LLM_AZURE_OPENAI_API_KEY", "k"), ("LLM_AZURE_ENDPOINT", "https://r"),
                        ("LLM_AZURE_DEPLOYMENT", "dep"), ("LLM_AZURE_API_VERSION", "v1")):
        monkeypatch.setenv(name, value)
    llm = llm_of({"llm": {"provider": "azure_openai", "config": {}}})
    assert (llm.model, str(llm._client.base_url)) == ("dep", "https://r/openai/deployments/dep/")


def test_top_k_is_refused_where_the_api_has_none() -> None:
    with pytest.raises(ConfigError, match="llm.top_k: the openai LLM provider has no top_k"):
        llm_of({"llm": {"provider": "openai", "config": {"api_key": "k", "top_k": 1}}})


def _embeddings(seen: Seen) -> Reply:
    inputs = seen.body["input"]
    return Reply(body={"object": "list", "model": seen.body["model"], "usage": {
        "prompt_tokens": 1, "total_tokens": 1}, "data": [
        {"object": "embedding", "index": i, "embedding": [1.0, float(i), 0.5]}
        for i in range(len(inputs))]})


def test_ollama_embedder_reaches_the_openai_compatible_route(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-must-not-leak")
    with FakeServer(_embeddings) as server:
        parts = Components(MemoryConfig.load({"embedder": {"provider": "ollama", "config": {
            "ollama_base_url": server.url, "embedding_dims": 3}}}, env={}))
        vectors = parts.raw_embedder.embed(["a", "b"])
    assert vectors.shape == (2, 3)
    seen = server.seen[0]
    assert seen.path == "/v1/embeddings" and seen.body["model"] == "nomic-embed-text"
    assert "sk-must-not-leak" not in seen.headers.get("authorization", "")


def _pg_parts() -> dict[str, Any]:
    from tests import pg_server

    pg_server.require()
    url = urlsplit(pg_server.fresh_dsn("mem0cfg"))
    query = dict(parse_qsl(url.query))  # the embedded server listens on a Unix socket
    return {"user": url.username, "password": url.password or None,
            "host": url.hostname or query.get("host"), "port": url.port,
            "dbname": url.path.lstrip("/")}


def test_mem0_pgvector_settings_open_our_postgres_store(shared_minilm: Any) -> None:
    parts = _pg_parts()

    def mem(collection: str, **extra: Any) -> Memory:
        return Memory({"vector_store": {"provider": "pgvector", "config": {
            **parts, "collection_name": collection, "hnsw": True, "maxconn": 2, **extra}}},
            embedder=shared_minilm)

    with mem("team_a", embedding_model_dims=384) as a, mem("team_b") as b:
        a.add("I keep bees on the roof", user_id="u", infer=False)
        assert a.search("bees", user_id="u")["results"][0]["memory"] == "I keep bees on the roof"
        assert b.search("bees", user_id="u")["results"] == []  # another collection
        assert type(a.store).__name__ == "PostgresStore"
    with mem("team_a", embedding_model_dims=1536) as wrong, \
            pytest.raises(ConfigError, match="embedding_model_dims.*1536.*384"):
        wrong.search("bees", user_id="u")

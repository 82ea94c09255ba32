"""Every key of Mem0's configuration and what Engram does with it: the one table that
both :mod:`engram._mem0_config` (which applies it) and ``docs/compat.md`` (which a test
checks against it) are made from.

A key either *works* (its value moves to an Engram field), *differs* (accepted, with a
difference the note states) or is *refused* (a :class:`~engram.errors.ConfigError` that
names the key and says what to use instead). A refused key is still accepted when its
value is one that asks for nothing Engram lacks (``None``, or a value in ``allowed``):
Mem0's own defaults copied into a config do not fail.

>>> LLM_KEYS["temperature"].target, LLM_KEYS["response_callback"].status
('temperature', 'refused')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from engram.llm._presets import PRESETS

__all__ = ["Key", "Provider", "TOP_KEYS", "LLM_KEYS", "EMBEDDER_KEYS", "STORE_KEYS",
           "LLM_PROVIDERS", "EMBEDDER_PROVIDERS", "STORE_PROVIDERS", "rows", "markdown_table"]

Status = Literal["works", "differs", "refused"]


@dataclass(frozen=True)
class Key:
    status: Status
    note: str
    target: str | None = None  # the Engram field the value moves to
    # Values accepted without a target; None: any value.
    allowed: tuple[Any, ...] | None = (None,)


@dataclass(frozen=True)
class Provider:
    status: Status
    note: str
    engram: str | None = None  # the Engram provider it becomes


def works(target: str, note: str = "") -> Key:
    return Key("works", note or f"becomes `{target}`", target)


def differs(note: str, target: str | None = None,
            allowed: tuple[Any, ...] | None = (None,)) -> Key:
    return Key("differs", note, target, allowed)


def refused(note: str, allowed: tuple[Any, ...] = (None,)) -> Key:
    return Key("refused", note, None, allowed)


TOP_KEYS: dict[str, Key] = {
    "vector_store": works("store", "becomes `store` (see the `vector_store` rows)"),
    "llm": works("llm"),
    "embedder": works("embedder"),
    "history_db_path": differs(
        "accepted, not used: history lives in the same store as the memories, written in "
        "the same transaction", allowed=None),
    "reranker": refused("no reranker model ships offline; search already fuses keyword and "
                        "vector scores (`search` settings)"),
    "version": works("version"),
    "custom_instructions": works("custom_fact_extraction_prompt",
                                 "becomes `custom_fact_extraction_prompt`"),
    "custom_fact_extraction_prompt": works("custom_fact_extraction_prompt"),
    "custom_update_memory_prompt": works("custom_update_memory_prompt"),
    "graph_store": differs(
        "Mem0 1.x: turns graph memory on (`graph.enabled`); the graph lives in Engram's own "
        "store, so its connection settings are not used", target="graph", allowed=None),
}



def _compatible(url: str | None, env: str | None) -> str:
    if url is None:
        return ("only a LiteLLM proxy, through the OpenAI-compatible client: give its URL as "
                "`openai_base_url`; LiteLLM's in-process router is refused")
    key = f"key from `{env}`" if env else "no key needed"
    return f"the OpenAI-compatible client, default URL {url}, {key}"


_NO_SDK = "no {what} client ships with Engram; use an OpenAI-compatible endpoint " \
          "(`openai` with `openai_base_url`) or `anthropic`"

LLM_PROVIDERS: dict[str, Provider] = {
    "openai": Provider("works", "the openai SDK", "openai"),
    "openai_structured": Provider("works", "same as `openai`: structured output is always "
                                  "asked for", "openai"),
    "anthropic": Provider("works", "the anthropic SDK", "anthropic"),
    "azure_openai": Provider("works", "the openai SDK's Azure client; `azure_kwargs` or "
                             "Mem0's `LLM_AZURE_*` variables", "azure_openai"),
    "azure_openai_structured": Provider("works", "same as `azure_openai`", "azure_openai"),
    **{name: Provider("works" if url else "differs", _compatible(url, env), name)
       for name, (url, env) in PRESETS.items()},
    "aws_bedrock": Provider("refused", _NO_SDK.format(what="AWS Bedrock")),
    "minimax": Provider("refused", _NO_SDK.format(what="MiniMax")),
    "sarvam": Provider("refused", _NO_SDK.format(what="Sarvam")),
    "langchain": Provider("refused", "pass an object with `complete_json` as `Memory(llm=...)`"),
}

_BASE_URL = "becomes `base_url`"
LLM_KEYS: dict[str, Key] = {
    "model": works("model"),
    "api_key": works("api_key"),
    "temperature": works("temperature", "passed to the model (Engram's default is 0)"),
    "max_tokens": works("max_tokens", "passed to the model"),
    "top_p": works("top_p", "passed to the model"),
    "top_k": differs("passed to anthropic, ollama, vllm and lmstudio; OpenAI's "
                     "API has no top_k, so other providers refuse it (use top_p)",
                     target="top_k"),
    "enable_vision": works("vision", "becomes `vision`: image parts are sent to the model"),
    "vision_details": refused("only `auto` (the endpoint decides)", allowed=(None, "auto")),
    "reasoning_effort": refused("not passed yet; configure it on the endpoint"),
    "is_reasoning_model": refused("leave temperature/max_tokens unset for reasoning models",
                                  allowed=(None, False)),
    "http_client_proxies": refused("set HTTPS_PROXY in the environment (the SDKs honour it)"),
    "openai_base_url": works("base_url", _BASE_URL),
    "anthropic_base_url": works("base_url", _BASE_URL),
    "ollama_base_url": works("base_url", _BASE_URL + " (`/v1` added when no path is given)"),
    "lmstudio_base_url": works("base_url", _BASE_URL),
    "vllm_base_url": works("base_url", _BASE_URL),
    "deepseek_base_url": works("base_url", _BASE_URL),
    "xai_base_url": works("base_url", _BASE_URL),
    "openrouter_base_url": works("base_url", _BASE_URL + " (OpenRouter is OpenAI-compatible)"),
    "models": refused("OpenRouter fallback lists: name one `model`"),
    "route": refused("OpenRouter routing: name one `model`", allowed=(None, "fallback")),
    "site_url": refused("OpenRouter attribution headers are not sent"),
    "app_name": refused("OpenRouter attribution headers are not sent"),
    "store": refused("OpenAI's stored completions are not requested", allowed=(None, False)),
    "response_callback": refused("no per-response hook; wrap the LLM object you pass as "
                                 "`Memory(llm=...)`"),
    "lmstudio_response_format": refused("Engram negotiates the structured-output format "
                                        "with the server itself"),
    "enable_sampling_parameters": differs("accepted: the sampling parameters that are set "
                                          "are sent", allowed=(None, True, False)),
    "vertexai": refused("Gemini through Vertex AI is not supported; use a Gemini API key "
                        "(`GEMINI_API_KEY`)", allowed=(None, False)),
    "project": refused("Gemini through Vertex AI is not supported; use a Gemini API key"),
    "location": refused("Gemini through Vertex AI is not supported; use a Gemini API key"),
    "azure_kwargs": works("azure_kwargs", "`api_key`, `azure_deployment`, `azure_endpoint`, "
                          "`api_version`, `default_headers` become `api_key`, "
                          "`azure_deployment`, `base_url`, `api_version`, `default_headers`"),
}

EMBEDDER_PROVIDERS: dict[str, Provider] = {
    "openai": Provider("works", "the openai SDK; default model text-embedding-3-small",
                       "openai"),
    "huggingface": Provider(
        "differs", "all-MiniLM-L6-v2 (or no model) → Engram's offline MiniLM; a local model "
        "directory → `sentence-transformers` (the torch extra); `huggingface_base_url` → the "
        "OpenAI-compatible client (TEI); a hub model name is refused: nothing is downloaded "
        "at run time", "minilm"),
    "ollama": Provider("works", "Ollama's OpenAI-compatible /v1/embeddings; default model "
                       "nomic-embed-text", "ollama"),
    "lmstudio": Provider("works", "LM Studio's OpenAI-compatible /v1/embeddings", "lmstudio"),
    "together": Provider("works", "Together's OpenAI-compatible API, key from "
                         "`TOGETHER_API_KEY`", "together"),
    "azure_openai": Provider("refused", "use `openai` with `openai_base_url` set to your "
                             "resource's `https://<name>.openai.azure.com/openai/v1/`"),
    **{name: Provider("refused", f"no {name} client ships with Engram; use `openai` with an "
                      "OpenAI-compatible `openai_base_url`, or `huggingface` for MiniLM")
       for name in ("gemini", "vertexai", "aws_bedrock", "langchain", "fastembed")},
}

EMBEDDER_KEYS: dict[str, Key] = {
    "model": works("model"),
    "api_key": works("api_key"),
    "embedding_dims": works("dims", "becomes `dims` (asked of the server, then checked)"),
    "openai_base_url": works("base_url", _BASE_URL),
    "ollama_base_url": works("base_url", _BASE_URL + " (`/v1` added when no path is given)"),
    "lmstudio_base_url": works("base_url", _BASE_URL),
    "huggingface_base_url": works("base_url", "a TEI server, through the OpenAI-compatible "
                                  "client"),
    "model_kwargs": refused("model options are not passed; give a local model directory",
                            allowed=(None, {})),
    "azure_kwargs": refused("use `openai` with `openai_base_url` and `api_key`"),
    "http_client_proxies": refused("set HTTPS_PROXY in the environment (the SDK honours it)"),
    "vertex_credentials_json": refused("no Vertex AI client ships with Engram"),
    "memory_add_embedding_type": refused("one embedding type is used for every text"),
    "memory_update_embedding_type": refused("one embedding type is used for every text"),
    "memory_search_embedding_type": refused("one embedding type is used for every text"),
    "output_dimensionality": refused("use `embedding_dims`"),
    "aws_access_key_id": refused("no AWS Bedrock client ships with Engram"),
    "aws_secret_access_key": refused("no AWS Bedrock client ships with Engram"),
    "aws_session_token": refused("no AWS Bedrock client ships with Engram"),
    "aws_region": refused("no AWS Bedrock client ships with Engram"),
}

STORE_PROVIDERS: dict[str, Provider] = {
    "pgvector": Provider("works", "Engram's PostgreSQL store (pgvector HNSW, tsvector)",
                         "postgres"),
    "postgres": Provider("works", "Engram's PostgreSQL store", "postgres"),
    "sqlite": Provider("works", "Engram's default store, one SQLite file (`path`)", "sqlite"),
    **{name: Provider("refused", "Engram keeps vectors in its own store: omit "
                      "`vector_store` for one SQLite file (`{\"store\": {\"path\": ...}}`) or "
                      "use `pgvector` for PostgreSQL")
       for name in ("qdrant", "chroma", "pinecone", "mongodb", "milvus", "baidu", "cassandra",
                    "neptune", "upstash_vector", "azure_ai_search", "azure_mysql", "redis",
                    "valkey", "databricks", "elasticsearch", "vertex_ai_vector_search",
                    "opensearch", "supabase", "weaviate", "faiss", "langchain", "s3_vectors",
                    "turbopuffer", "oracledb")},
}

_DSN = "part of the connection string (`dsn`)"
STORE_KEYS: dict[str, Key] = {
    "connection_string": works("dsn", "becomes `dsn`"),
    "dbname": works("dsn", _DSN),
    "user": works("dsn", _DSN),
    "password": works("dsn", _DSN),
    "host": works("dsn", _DSN),
    "port": works("dsn", _DSN),
    "sslmode": works("dsn", _DSN),
    "path": works("path", "the SQLite file (`sqlite` provider)"),
    "collection_name": differs("becomes `namespace`: collections share Engram's tables and "
                               "are kept apart by namespace", target="namespace"),
    "embedding_model_dims": differs("becomes `dims`: the width comes from the embedder; a "
                                    "different value is a ConfigError when the store opens",
                                    target="dims"),
    "hnsw": differs("PostgreSQL always has an HNSW index", allowed=(None, True)),
    "diskann": refused("PostgreSQL uses pgvector's HNSW index", allowed=(None, False)),
    "maxconn": works("pool_size", "becomes `pool_size`"),
    "minconn": differs("connections open on demand; only 1 is accepted", allowed=(None, 1)),
    "connection_pool": refused("give `connection_string`; Engram manages its own pool"),
}


def rows() -> list[tuple[str, Status, str]]:
    """(key as docs/compat.md writes it, status, note), in the table's order."""
    out: list[tuple[str, Status, str]] = [(k, r.status, r.note) for k, r in TOP_KEYS.items()]
    for section, providers, keys in (("llm", LLM_PROVIDERS, LLM_KEYS),
                                     ("embedder", EMBEDDER_PROVIDERS, EMBEDDER_KEYS),
                                     ("vector_store", STORE_PROVIDERS, STORE_KEYS)):
        out += [(f"{section}.provider: {n}", p.status, p.note) for n, p in providers.items()]
        out += [(f"{section}.config.{k}", r.status, r.note) for k, r in keys.items()]
    return out


def markdown_table() -> str:
    """The configuration table of docs/compat.md (a test keeps the two equal)."""
    lines = ["| Mem0 key | Engram | what Engram does |", "|---|---|---|"]
    lines += [f"| `{key}` | {status} | {note.replace('|', '/')} |"
              for key, status, note in rows()]
    return "\n".join(lines) + "\n"

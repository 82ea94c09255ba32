"""Engram's configuration: pydantic models, read from a dict, a TOML file or ``ENGRAM_*``.

Precedence, lowest first: built-in defaults < TOML file < environment < explicit dict.
Nothing here touches the disk unless :meth:`MemoryConfig.load` is asked to read a file.

>>> cfg = MemoryConfig.load({"store": {"path": "/tmp/x.db"}}, env={})
>>> cfg.store.path, cfg.embedder.provider
('/tmp/x.db', 'minilm')
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from engram.errors import ConfigError

__all__ = [
    "EmbedderConfig",
    "StoreConfig",
    "LLMConfig",
    "SearchConfig",
    "GraphConfig",
    "LimitsConfig",
    "MemoryConfig",
    "default_db_path",
]


def default_db_path() -> Path:
    """``$ENGRAM_HOME/engram.db``, else ``~/.engram/engram.db`` (created on first open)."""
    home = os.environ.get("ENGRAM_HOME")
    return (Path(home) if home else Path.home() / ".engram") / "engram.db"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EmbedderConfig(_Section):
    """Which embedder turns text into vectors. Default: MiniLM int8 on onnxruntime."""

    # ollama, lmstudio and together are OpenAI-compatible servers with their default URL.
    provider: Literal["minilm", "openai", "sentence-transformers", "ollama", "lmstudio",
                      "together"] = "minilm"
    model: str | None = None
    base_url: str | None = None
    api_key: str | None = None
    dims: int | None = Field(default=None, gt=0)
    threads: int | None = Field(default=None, gt=0)
    max_tokens: int | None = Field(default=None, gt=0)  # word pieces per text (minilm); None: 64
    # minilm's matrix products: int8 kernels (default; half the CPU, same recall) or the
    # shipped float ones. Each makes its own vectors: a store re-embeds on a change.
    kernels: Literal["int8", "float"] | None = None
    # infer=False adds return once text, metadata, history and keyword index are
    # committed; a background worker writes the vectors (Memory.flush waits for them).
    # False: every add embeds before it commits, as before.
    background: bool = True


class StoreConfig(_Section):
    """Where memories live: one SQLite file (default) or PostgreSQL (``dsn``)."""

    provider: Literal["sqlite", "postgres"] = "sqlite"
    path: str | None = None  # SQLite file; None -> default_db_path()
    dsn: str | None = None  # PostgreSQL connection string
    namespace: str = ""  # memories of other namespaces are invisible (Mem0's collection_name)
    dims: int | None = Field(default=None, gt=0)  # checked against the embedder's width
    pool_size: int | None = Field(default=None, gt=0)  # PostgreSQL connections at most


class LLMConfig(_Section):
    """The LLM for fact extraction and update decisions; none -> offline rules."""

    # Besides openai/anthropic/local: OpenAI-compatible services with their default URL
    # (engram.llm.factory.PRESETS) and Azure OpenAI.
    provider: Literal["openai", "anthropic", "local", "rules", "azure_openai", "ollama",
                      "lmstudio", "vllm", "groq", "together", "deepseek", "xai", "gemini",
                      "litellm"] | None = None
    model: str | None = None
    base_url: str | None = None
    api_key: str | None = None
    timeout: float = Field(default=30.0, gt=0)
    max_retries: int = Field(default=3, ge=1, le=10)
    threads: int = Field(default=1, gt=0)
    model_path: str | None = None
    # Sampling, passed to the model when set (None: the provider's own default).
    temperature: float | None = Field(default=None, ge=0, le=2)
    max_tokens: int | None = Field(default=None, gt=0)
    top_p: float | None = Field(default=None, ge=0, le=1)
    top_k: int | None = Field(default=None, gt=0)
    vision: bool | None = None  # send image parts (None: guessed from the model name)
    azure_deployment: str | None = None  # azure_openai only
    api_version: str | None = None  # azure_openai only
    default_headers: dict[str, str] | None = None  # extra HTTP headers (azure_openai)


class SearchConfig(_Section):
    """Hybrid retrieval: vector and keyword candidates fused by weighted RRF."""

    mode: Literal["hybrid", "vector", "keyword"] = "hybrid"
    rrf_k: int = Field(default=60, gt=0)
    keyword_weight: float = Field(default=3.0, ge=0)
    vector_weight: float = Field(default=1.0, ge=0)
    candidates: int = Field(default=100, gt=0, le=10_000)
    # Turns before/after a raw memory indexed with it for keyword search (DESIGN.md).
    context_before: int = Field(default=2, ge=0, le=10)
    context_after: int = Field(default=2, ge=0, le=10)
    context_weight: float = Field(default=0.5, ge=0)
    # "session": a turn's context stops at turns of another session (metadata[session_field]);
    # at most context_chars of it, nearest turns first (0: all). Both measured on LOCOMO and
    # LongMemEval dev (bench/results/levers.json, docs/architecture.md).
    context_bound: Literal["scope", "session"] = "session"
    context_chars: int = Field(default=800, ge=0)
    # Levers measured on LOCOMO (bench/locomo.py); see engram.search.
    fusion: Literal["rrf", "score"] = "score"
    score_alpha: float = Field(default=0.75, ge=0, le=1)  # keyword share, fusion="score"
    stop_words: bool = True  # drop function words from the keyword query
    vector_drop_names: bool = False  # embed the query without capitalised names
    date_boost: float = Field(default=0.5, ge=0)  # x(1+boost) for periods the query names
    date_field: str = "happened_at"  # the event time, or a metadata key holding an ISO date
    # The turn right after a turn among the best reply_window hits whose question names a
    # query word ("...what inspired you?"), in the same session, gains reply_share x the
    # asking turn's score (0: off); see engram._replies. For a question about the user,
    # only the user's replies gain.
    reply_share: float = Field(default=0.2, ge=0, le=1)
    reply_window: int = Field(default=20, ge=1, le=1000)
    # A question about the user (I/my, no "you"): the user's own turns score x(1+boost).
    user_boost: float = Field(default=0.5, ge=0)
    # Recency among near-equal hits (score within recency_margin of the other; 0: off),
    # the older when the query asks about an earlier state ("first", "used to"). "lead":
    # the latest of the hits near the best moves to the top, unless the query names a
    # period or asks when; "swap": near-equal neighbours trade places, repeatedly. Only
    # among the best recency_window hits, so the first page keeps its members.
    recency_margin: float = Field(default=0.25, ge=0, le=1)
    recency_mode: Literal["swap", "lead"] = "lead"
    recency_window: int = Field(default=10, ge=1, le=1000)
    recency_same: bool = False  # only between hits holding mostly the same query words
    neighbours: int = Field(default=0, ge=0, le=5)  # turns each side of a strong hit
    neighbour_hits: int = Field(default=3, ge=1, le=50)  # how many hits get them
    # Levers measured on LongMemEval and LOCOMO (bench/levers.py); see engram._fusion.
    adaptive_alpha: bool = False  # keyword share from keyword-score concentration
    adaptive_alpha_min: float = Field(default=0.4, ge=0, le=1)  # share when evidence is flat
    # Spread hits over sessions: for counting/listing questions ("aggregate"), for every
    # question ("always"), or when one session holds the whole first page ("flooded").
    breadth: Literal["off", "aggregate", "always", "flooded"] = "flooded"
    session_cap: int = Field(default=2, ge=1, le=100)  # hits per session when breadth is on
    session_field: str = "session"  # metadata key naming a memory's session
    # With breadth on: instead of the cap, each hit loses this share per earlier hit of its
    # session (0: the cap).
    session_damp: float = Field(default=0.05, ge=0, le=1)
    vector_depth: float = Field(default=1.0, gt=0, le=10)  # vector candidates = x candidates


class GraphConfig(_Section):
    """Graph memory (entities and relations beside the facts); off unless enabled."""

    enabled: bool = False
    hops: int = Field(default=2, ge=1, le=3)  # neighbourhood depth on search
    entity_similarity: float = Field(default=0.85, ge=0, le=1)  # name-vector match
    boost: float = Field(default=0.5, ge=0, le=5)  # x(1 + boost) for linked memories
    max_relations: int = Field(default=20, ge=1, le=500)  # returned per search


class PipelineConfig(_Section):
    """How an inferred add may change what a scope already holds."""

    # An add that would change (UPDATE) or delete more than this many existing memories
    # changes none of them and says so in its warnings (poisoning guard); None: no cap.
    max_destructive: int | None = Field(default=3, ge=0)
    # A source message with a statement in it that gave no fact: "warn" names it in the
    # add's warnings; "store_raw" also keeps it verbatim as a raw memory; "ignore" does
    # neither. Default warn: the loss is visible without storing chit-chat.
    on_no_fact: Literal["warn", "store_raw", "ignore"] = "warn"
    # infer=True also keeps the conversation: each non-system turn is stored as an
    # episode (memory_type "episode") in the add's transaction and the facts' source_ids
    # name them. Off for users who must not keep transcripts (facts keep positions).
    keep_episodes: bool = True
    # Who picks a memory's categories: "embedding", offline by the similarity of its vector
    # to each category's description; "llm", the configured LLM (one call per batch of
    # memories, the embedding's pick when it fails), as Mem0's Platform does.
    categorize: Literal["embedding", "llm"] = "embedding"


class LimitsConfig(_Section):
    """Bounds on input every surface enforces (``engram._validate``): metadata nesting
    levels (the object itself is level 1), keys and list items at all levels together,
    and size as UTF-8 JSON."""

    metadata_max_depth: int = Field(default=16, ge=1, le=256)
    metadata_max_keys: int = Field(default=1_000, ge=1, le=1_000_000)
    metadata_max_bytes: int = Field(default=100_000, ge=2, le=100_000_000)


class MemoryConfig(BaseModel):
    """The whole configuration of a :class:`engram.Memory`."""

    model_config = ConfigDict(extra="forbid")

    embedder: EmbedderConfig = Field(default_factory=EmbedderConfig)
    store: StoreConfig = Field(default_factory=StoreConfig)
    llm: LLMConfig = Field(default_factory=LLMConfig)
    search: SearchConfig = Field(default_factory=SearchConfig)
    graph: GraphConfig = Field(default_factory=GraphConfig)
    pipeline: PipelineConfig = Field(default_factory=PipelineConfig)
    limits: LimitsConfig = Field(default_factory=LimitsConfig)
    custom_fact_extraction_prompt: str | None = None
    custom_update_memory_prompt: str | None = None
    includes: str | None = None
    excludes: str | None = None
    version: str = "v1.1"

    @model_validator(mode="before")
    @classmethod
    def _accept_mem0_keys(cls, data: Any) -> Any:
        # Mem0's config shape and key names (docs/compat.md); refuses what has no equivalent.
        if isinstance(data, Mapping):
            from engram._mem0_config import translate

            return translate(data, {"llm": LLMConfig.model_fields,
                                    "embedder": EmbedderConfig.model_fields,
                                    "store": StoreConfig.model_fields})
        return data

    @classmethod
    def load(
        cls,
        config: Mapping[str, Any] | MemoryConfig | None = None,
        *,
        env: Mapping[str, str] | None = None,
        toml_path: str | Path | None = None,
    ) -> MemoryConfig:
        """Merge defaults, a TOML file (``ENGRAM_CONFIG``), ``ENGRAM_*`` and ``config``."""
        if isinstance(config, MemoryConfig):
            return config
        env = os.environ if env is None else env
        merged: dict[str, Any] = {}
        path = toml_path or env.get("ENGRAM_CONFIG")
        if path:
            merged = _deep_merge(merged, _read_toml(Path(path)))
        merged = _deep_merge(merged, _from_env(env))
        if config:
            merged = _deep_merge(merged, dict(config))
        try:
            return cls.model_validate(merged)
        except ValidationError as e:
            first = e.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "config"
            raise ConfigError(f"config.{where}: {first['msg']}") from e


# ENGRAM_<SECTION>_<FIELD> -> {section: {field: value}}; only known fields are read.
_ENV_FIELDS: dict[str, type[BaseModel]] = {
    "embedder": EmbedderConfig,
    "store": StoreConfig,
    "llm": LLMConfig,
    "search": SearchConfig,
    "graph": GraphConfig,
    "pipeline": PipelineConfig,
    "limits": LimitsConfig,
}


def _from_env(env: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for section, model in _ENV_FIELDS.items():
        for name in model.model_fields:
            value = env.get(f"ENGRAM_{section.upper()}_{name.upper()}")
            if value not in (None, ""):
                out.setdefault(section, {})[name] = value
    if env.get("ENGRAM_DB") and "path" not in out.get("store", {}):
        out.setdefault("store", {})["path"] = env["ENGRAM_DB"]
    if out.get("store", {}).get("dsn") and "provider" not in out["store"]:
        out["store"]["provider"] = "postgres"
    return out


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError as e:
        raise ConfigError(f"config file {str(path)!r} does not exist") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"config file {str(path)!r} is not valid TOML: {e}") from e
    # Allow either top-level sections or everything under [engram].
    return dict(data.get("engram", data))


def _deep_merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in extra.items():
        if isinstance(v, BaseModel):
            v = v.model_dump(exclude_unset=True)
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _deep_merge(out[k], v)
        else:
            out[k] = v
    return out

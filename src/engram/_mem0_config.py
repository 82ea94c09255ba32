"""Read a Mem0 configuration dict as Engram's: pure, no I/O beyond one ``isdir``.

Mem0 nests each part as ``{"provider": ..., "config": {...}}`` and names keys its own way
(``openai_base_url``, ``embedding_dims``, ``vector_store``). :func:`translate` rewrites such
a dict into Engram's shape by the table in :mod:`engram._mem0_keys`; Engram's own keys pass
through unchanged, so one dict may mix both. A key with no equivalent is a
:class:`~engram.errors.ConfigError` naming it and saying what to use instead: nothing is
dropped silently.

>>> translate({"llm": {"provider": "ollama", "config": {"model": "qwen3",
...            "temperature": 0.2, "ollama_base_url": "http://gpu:11434"}}})["llm"]
{'provider': 'ollama', 'model': 'qwen3', 'temperature': 0.2, 'base_url': 'http://gpu:11434/v1'}
>>> translate({"vector_store": {"provider": "pgvector", "config": {"user": "me",
...            "host": "db", "port": 5432}}})["store"]
{'provider': 'postgres', 'dsn': "user='me' host='db' port='5432' dbname='postgres'"}
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from typing import Any
from urllib.parse import urlsplit

from engram._mem0_keys import (
    EMBEDDER_KEYS,
    EMBEDDER_PROVIDERS,
    LLM_KEYS,
    LLM_PROVIDERS,
    STORE_KEYS,
    STORE_PROVIDERS,
    TOP_KEYS,
    Key,
    Provider,
)
from engram.errors import ConfigError

__all__ = ["translate", "MINILM_NAMES"]

MINILM_NAMES = ("all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2")
_DSN_PARTS = ("user", "password", "host", "port", "dbname", "sslmode")
_AZURE = {"api_key": "api_key", "azure_deployment": "azure_deployment",
          "azure_endpoint": "base_url", "api_version": "api_version",
          "default_headers": "default_headers"}


def translate(data: Mapping[str, Any],
              fields: Mapping[str, Collection[str]] | None = None) -> dict[str, Any]:
    """``data`` in Engram's shape (see the module docstring). ``fields``: Engram's own
    keys per section; any other key that is not Mem0's either is named in an error."""
    out = dict(data)
    known = fields or {}
    if "vector_store" in out:
        if "store" in out:
            raise ConfigError("config.vector_store: give `store` or Mem0's `vector_store`, "
                              "not both")
        out["store"] = _store(out.pop("vector_store"))
        _unknown(out["store"], known.get("store"), "vector_store")
    elif isinstance(out.get("store"), Mapping):
        out["store"] = _store(out["store"], "store")
    if isinstance(out.get("llm"), Mapping):
        out["llm"] = _unknown(_llm(out["llm"]), known.get("llm"), "llm")
    if isinstance(out.get("embedder"), Mapping):
        out["embedder"] = _unknown(_embedder(out["embedder"]), known.get("embedder"),
                                   "embedder")
    out.pop("history_db_path", None)  # history is in the same store (see the table)
    _check_value("config", "reranker", out.pop("reranker", None), TOP_KEYS["reranker"])
    if "custom_instructions" in out:
        _move(out, "custom_instructions", "custom_fact_extraction_prompt", "config.")
    graph_store = out.pop("graph_store", None)
    if graph_store:
        graph = out.setdefault("graph", {})
        if isinstance(graph, dict):
            graph.setdefault("enabled", True)
    return out


def _unknown(opts: Any, fields: Collection[str] | None, where: str) -> Any:
    if fields is not None and isinstance(opts, Mapping):
        for key in opts:
            if key not in fields:
                raise ConfigError(f"config.{where}: unknown setting {key!r}, neither Mem0's "
                                  f"nor Engram's (Engram's: {', '.join(sorted(fields))})")
    return opts


def _flatten(section: Mapping[str, Any], where: str) -> tuple[dict[str, Any], dict[str, str]]:
    """Options with Mem0's nested ``config`` merged in, and where each key was written."""
    opts = {k: v for k, v in section.items() if k != "config"}
    paths = {k: f"config.{where}.{k}" for k in opts}
    inner = section.get("config")
    if inner is None:
        return opts, paths
    if not isinstance(inner, Mapping):
        raise ConfigError(f"config.{where}.config: must be a dict of the provider's settings")
    for k, v in inner.items():
        if k in opts and opts[k] != v:
            raise ConfigError(f"config.{where}.config.{k}: also given as {where}.{k} with "
                              "another value")
        opts[k] = v
        paths[k] = f"config.{where}.config.{k}"
    return opts, paths


def _apply(opts: dict[str, Any], paths: dict[str, str], table: Mapping[str, Key]) -> None:
    """Rename or check each Mem0 key of ``opts`` in place, by ``table``."""
    for key in [k for k in opts if k in table]:
        rule = table[key]
        if opts[key] is None:  # Mem0's "use the default"
            del opts[key]
            continue
        if rule.target is None or rule.target == "dsn":
            if rule.target is None:
                _check_value(paths[key].rsplit(".", 1)[0], key, opts.pop(key), rule)
            continue
        if rule.target != key:
            _move(opts, key, rule.target, paths[key].rsplit(".", 1)[0] + ".")


def _check_value(where: str, key: str, value: Any, rule: Key) -> None:
    if rule.allowed is None or value in rule.allowed:
        return
    shown = ", ".join(repr(v) for v in rule.allowed if v is not None)
    only = f" (accepted: {shown})" if shown else ""
    raise ConfigError(f"{where}.{key}: Engram has no equivalent of {value!r}{only}: "
                      f"{rule.note}")


def _move(opts: dict[str, Any], key: str, target: str, where: str) -> None:
    value = opts.pop(key)
    if target in opts and opts[target] != value:
        raise ConfigError(f"{where}{key}: sets `{target}`, which is also given")
    opts[target] = value


def _provider(opts: dict[str, Any], table: Mapping[str, Provider], where: str) -> str | None:
    name = opts.get("provider")
    if not isinstance(name, str) or name not in table:
        return name if isinstance(name, str) else None  # Engram's own names, checked later
    entry = table[name]
    if entry.status == "refused" or entry.engram is None:
        raise ConfigError(f"config.{where}.provider: {name!r} is not supported: {entry.note}")
    opts["provider"] = entry.engram
    return name


def _llm(section: Mapping[str, Any]) -> dict[str, Any]:
    opts, paths = _flatten(section, "llm")
    name = _provider(opts, LLM_PROVIDERS, "llm")
    azure = opts.pop("azure_kwargs", None)
    if azure is not None:
        if not isinstance(azure, Mapping):
            raise ConfigError(f"{paths['azure_kwargs']}: must be a dict")
        for k, v in azure.items():
            if k not in _AZURE:
                raise ConfigError(f"{paths['azure_kwargs']}.{k}: unknown; Azure settings are "
                                  f"{', '.join(_AZURE)}")
            if v is not None:
                opts[_AZURE[k]] = v
    _apply(opts, paths, LLM_KEYS)
    if name == "ollama" and opts.get("base_url"):
        opts["base_url"] = _with_v1(opts["base_url"])
    if name == "litellm" and not opts.get("base_url"):
        raise ConfigError("config.llm.provider: 'litellm' works through a LiteLLM proxy only: "
                          "give its URL as config.llm.config.openai_base_url")
    return opts


def _embedder(section: Mapping[str, Any]) -> dict[str, Any]:
    opts, paths = _flatten(section, "embedder")
    name = _provider(opts, EMBEDDER_PROVIDERS, "embedder")
    _apply(opts, paths, EMBEDDER_KEYS)
    if name == "ollama" and opts.get("base_url"):
        opts["base_url"] = _with_v1(opts["base_url"])
    if name == "huggingface":
        _huggingface(opts, paths.get("model", "config.embedder.config.model"))
    return opts


def _huggingface(opts: dict[str, Any], where: str) -> None:
    """Mem0's huggingface embedder: a TEI server, Engram's MiniLM, or a local directory."""
    model = opts.get("model")
    if opts.get("base_url"):  # huggingface_base_url: a text-embeddings-inference server
        opts.update(provider="openai", model=model or "tei")
    elif model is None or str(model).lower() in MINILM_NAMES:
        opts.pop("model", None)
        opts["provider"] = "minilm"
        if opts.get("dims") == 384:
            opts.pop("dims")
    elif os.path.isdir(str(model)):
        opts["provider"] = "sentence-transformers"
    else:
        raise ConfigError(f"{where}: {model!r} would be downloaded from the Hugging Face hub, "
                          "and Engram downloads nothing at run time: give a local model "
                          "directory, or all-MiniLM-L6-v2 for the built-in MiniLM")


def _store(section: Any, where: str = "vector_store") -> Any:
    if not isinstance(section, Mapping):
        return section
    opts, paths = _flatten(section, where)
    _provider(opts, STORE_PROVIDERS, where)
    _apply(opts, paths, STORE_KEYS)
    parts = {k: opts.pop(k) for k in _DSN_PARTS if k in opts}
    dsn = opts.pop("connection_string", None)
    if parts and dsn:
        raise ConfigError(f"{paths['connection_string']}: give connection_string or "
                          f"{'/'.join(sorted(parts))}, not both")
    if parts:
        parts.setdefault("dbname", "postgres")  # Mem0's default database
        dsn = " ".join(f"{k}={_quote(v)}" for k, v in parts.items() if v is not None)
    if dsn is not None:
        if opts.get("dsn") not in (None, dsn):
            raise ConfigError(f"config.{where}: the connection is given twice (dsn and "
                              "connection_string or its parts)")
        opts["dsn"] = dsn
        opts.setdefault("provider", "postgres")
    return opts


def _quote(value: Any) -> str:
    # libpq keyword/value syntax: single quotes, with \ and ' escaped.
    return "'" + str(value).replace("\\", "\\\\").replace("'", "\\'") + "'"


def _with_v1(url: str) -> str:
    """Ollama's native URL (``http://host:11434``) → its OpenAI-compatible one."""
    return url.rstrip("/") + "/v1" if urlsplit(url).path in ("", "/") else url

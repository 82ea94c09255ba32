"""Pick the LLM from explicit settings or the environment; ``None`` means "use the rules".

Explicit settings win, field by field; what they leave empty comes from the environment.
Without settings, the environment decides:

==============================  ==============================================
``ENGRAM_LLM_PROVIDER``          openai | anthropic | local | azure_openai | a preset
                                 (ollama, vllm, groq, ...) | none (force rules)
``ENGRAM_LLM_MODEL``             model name (defaults below)
``ENGRAM_LLM_BASE_URL``          OpenAI-compatible endpoint (then ``OPENAI_BASE_URL``)
``ENGRAM_LLM_API_KEY``           key (then ``OPENAI_API_KEY`` / ``ANTHROPIC_API_KEY``)
``ENGRAM_LLM_MODEL_PATH``        GGUF file for the local provider
``ENGRAM_LLM_TIMEOUT``           seconds per request
``ENGRAM_LLM_MAX_RETRIES``       retries after the first attempt
``ENGRAM_LLM_THREADS``           CPU threads for the local provider
==============================  ==============================================

A preset (:data:`engram.llm._presets.PRESETS`) is an OpenAI-compatible service: its URL
is the default ``base_url`` and its own variable (``GROQ_API_KEY``...) the default key.
``azure_openai`` reads Mem0's ``LLM_AZURE_OPENAI_API_KEY``, ``LLM_AZURE_ENDPOINT``,
``LLM_AZURE_DEPLOYMENT`` and ``LLM_AZURE_API_VERSION`` for what the settings leave empty.

With no provider named: a base URL or ``OPENAI_API_KEY`` (or ``ENGRAM_LLM_API_KEY``)
means openai, else ``ANTHROPIC_API_KEY`` means anthropic, else a model path means local,
else nothing is configured.

>>> settings_from_env({"OPENAI_API_KEY": "sk-1"})
LLMSettings(provider='openai', model='gpt-4.1-mini', base_url=None, api_key='sk-1', timeout=30.0, max_retries=2, threads=1, model_path=None, temperature=None, max_tokens=None, top_p=None, top_k=None, vision=None, azure_deployment=None, api_version=None, default_headers=None)
>>> settings_from_env({}) is None
True
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from engram.errors import ConfigError
from engram.llm._presets import PRESETS, TOP_K_PROVIDERS
from engram.llm._retry import RetryPolicy
from engram.llm.base import LLM

__all__ = ["LLMSettings", "PROVIDERS", "DEFAULT_MODELS", "settings_from_env", "resolve_llm"]

PROVIDERS = ("openai", "anthropic", "local", "azure_openai", *PRESETS)
DEFAULT_MODELS = {"openai": "gpt-4.1-mini", "anthropic": "claude-haiku-4-5"}
_OFF = ("none", "off", "rules")
N = TypeVar("N", int, float)


@dataclass(frozen=True)
class LLMSettings:
    """Which LLM to use; ``None`` fields are filled from the environment."""

    provider: str
    model: str | None = None
    base_url: str | None = None
    api_key: str | None = None
    timeout: float = 30.0
    max_retries: int = 2  # retries after the first attempt
    threads: int = 1
    model_path: str | None = None
    temperature: float | None = None  # sampling: None leaves the provider's default
    max_tokens: int | None = None
    top_p: float | None = None
    top_k: int | None = None
    vision: bool | None = None  # None: guessed from the model name
    azure_deployment: str | None = None
    api_version: str | None = None
    default_headers: Mapping[str, str] | None = None


# Mem0's variable names for Azure OpenAI, then the openai SDK's own.
_AZURE_ENV = {
    "api_key": ("LLM_AZURE_OPENAI_API_KEY", "AZURE_OPENAI_API_KEY"),
    "base_url": ("LLM_AZURE_ENDPOINT", "AZURE_OPENAI_ENDPOINT"),
    "azure_deployment": ("LLM_AZURE_DEPLOYMENT",),
    "api_version": ("LLM_AZURE_API_VERSION", "OPENAI_API_VERSION"),
}


def settings_from_env(
    env: Mapping[str, str], base: LLMSettings | None = None
) -> LLMSettings | None:
    """Complete ``base`` (or build settings) from ``env``; pure, no I/O.

    >>> settings_from_env({"ENGRAM_LLM_PROVIDER": "none", "OPENAI_API_KEY": "k"}) is None
    True
    """
    get = lambda key: env.get(key) or None  # noqa: E731 - empty variables count as unset
    provider = base.provider if base is not None else _provider_from_env(env)
    if provider is None:
        return None
    provider = provider.strip().lower()
    if provider in _OFF:
        return None
    if provider not in PROVIDERS:
        raise ConfigError(
            f"unknown LLM provider {provider!r}; choose one of: {', '.join(PROVIDERS)}, none"
        )
    preset_url, preset_key = PRESETS.get(provider, (None, None))
    own_key = {"openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY"}.get(
        provider, preset_key)
    defaults = base if base is not None else LLMSettings(provider)
    settings = dataclasses.replace(
        defaults,
        provider=provider,
        model=defaults.model or get("ENGRAM_LLM_MODEL") or DEFAULT_MODELS.get(provider),
        base_url=defaults.base_url
        or get("ENGRAM_LLM_BASE_URL")
        or (get("OPENAI_BASE_URL") if provider == "openai" else preset_url),
        api_key=defaults.api_key
        or get("ENGRAM_LLM_API_KEY")
        or (get(own_key) if own_key else None),
        model_path=defaults.model_path or get("ENGRAM_LLM_MODEL_PATH"),
    )
    if provider == "azure_openai":
        filled: dict[str, str | None] = {
            field: getattr(settings, field) or next((v for v in map(get, names) if v), None)
            for field, names in _AZURE_ENV.items()}
        settings = dataclasses.replace(
            settings, api_key=filled["api_key"], base_url=filled["base_url"],
            azure_deployment=filled["azure_deployment"], api_version=filled["api_version"])
        if settings.model is None:  # Azure routes by deployment; the model is its name
            settings = dataclasses.replace(settings, model=settings.azure_deployment)
    if base is None:  # numbers from the environment only when no settings were given
        settings = dataclasses.replace(
            settings,
            timeout=_number(env, "ENGRAM_LLM_TIMEOUT", float, settings.timeout),
            max_retries=_number(env, "ENGRAM_LLM_MAX_RETRIES", int, settings.max_retries),
            threads=_number(env, "ENGRAM_LLM_THREADS", int, settings.threads),
        )
    _check(settings)
    return settings


def resolve_llm(
    settings: LLMSettings | None = None, env: Mapping[str, str] = os.environ
) -> LLM | None:
    """The configured LLM, or ``None`` when none is (the caller then uses the rules).

    Only the chosen provider's SDK is imported.
    """
    full = settings_from_env(env, settings)
    if full is None:
        return None
    retry = RetryPolicy(max_attempts=full.max_retries + 1)
    if full.provider == "anthropic":
        from engram.llm.anthropic import AnthropicLLM

        assert full.model is not None
        return AnthropicLLM(full.model, full.api_key, full.base_url, full.timeout, retry,
                            max_tokens=full.max_tokens or 2048, temperature=full.temperature,
                            top_p=full.top_p, top_k=full.top_k)
    if full.provider == "local":
        from engram.llm.local import LocalLLM

        assert full.model_path is not None  # checked by settings_from_env
        return LocalLLM(full.model_path, full.threads, timeout=full.timeout, retry=retry,
                        max_tokens=full.max_tokens or 512, temperature=full.temperature or 0.0)
    from engram.llm.openai import OpenAILLM

    assert full.model is not None  # filled by settings_from_env or checked
    azure = None
    if full.provider == "azure_openai":
        azure = {"api_version": full.api_version, "azure_deployment": full.azure_deployment}
    llm = OpenAILLM(full.model, full.base_url, full.api_key, full.timeout, retry,
                    0.0 if full.temperature is None else full.temperature,
                    max_tokens=full.max_tokens, top_p=full.top_p, top_k=full.top_k,
                    supports_vision=full.vision, azure=azure,
                    default_headers=full.default_headers)
    llm.name = full.provider
    return llm


def _provider_from_env(env: Mapping[str, str]) -> str | None:
    named = env.get("ENGRAM_LLM_PROVIDER")
    if named:
        return named
    if any(env.get(k) for k in ("ENGRAM_LLM_BASE_URL", "OPENAI_BASE_URL", "OPENAI_API_KEY")):
        return "openai"
    if env.get("ENGRAM_LLM_API_KEY"):
        return "openai"  # a bare key: the OpenAI-compatible family is the common case
    if env.get("ANTHROPIC_API_KEY"):
        return "anthropic"
    if env.get("ENGRAM_LLM_MODEL_PATH"):
        return "local"
    return None


def _number(env: Mapping[str, str], key: str, kind: Callable[[str], N], default: N) -> N:
    raw = env.get(key)
    if not raw:
        return default
    try:
        return kind(raw)
    except ValueError:
        raise ConfigError(f"{key} must be a number, got {raw!r}") from None


def _check(s: LLMSettings) -> None:
    if s.provider == "openai" and not (s.api_key or s.base_url):
        raise ConfigError(
            "the openai LLM provider needs an API key (ENGRAM_LLM_API_KEY or OPENAI_API_KEY) "
            "or a base_url for a local server"
        )
    if s.provider == "anthropic" and not s.api_key:
        raise ConfigError(
            "the anthropic LLM provider needs ENGRAM_LLM_API_KEY or ANTHROPIC_API_KEY"
        )
    if s.provider == "local" and not s.model_path:
        raise ConfigError("the local LLM provider needs model_path (ENGRAM_LLM_MODEL_PATH)")
    if s.provider in PRESETS:
        url, key = PRESETS[s.provider]
        if not s.base_url:
            raise ConfigError(f"the {s.provider} LLM provider needs base_url (the server's "
                              "OpenAI-compatible URL, e.g. http://localhost:4000/v1)")
        if not s.model:
            raise ConfigError(f"the {s.provider} LLM provider needs model=")
        if key and url and url.startswith("https://") and not s.api_key:
            raise ConfigError(f"the {s.provider} LLM provider needs api_key or {key}")
    if s.provider == "azure_openai":
        missing = [n for n, v in (("api_key", s.api_key), ("azure_endpoint", s.base_url),
                                  ("api_version", s.api_version),
                                  ("azure_deployment", s.azure_deployment)) if not v]
        if missing:
            raise ConfigError(
                f"the azure_openai LLM provider needs {', '.join(missing)} (azure_kwargs, or "
                "LLM_AZURE_OPENAI_API_KEY / LLM_AZURE_ENDPOINT / LLM_AZURE_API_VERSION / "
                "LLM_AZURE_DEPLOYMENT)")
    if s.top_k is not None and s.provider not in TOP_K_PROVIDERS:
        raise ConfigError(f"llm.top_k: the {s.provider} LLM provider has no top_k "
                          f"(it works with {', '.join(TOP_K_PROVIDERS)}); use top_p")
    if s.top_p is not None and s.provider == "local":
        raise ConfigError("llm.top_p: the local LLM provider does not take top_p")
    if s.timeout <= 0 or s.max_retries < 0 or s.threads < 1:
        raise ConfigError("LLM settings need timeout > 0, max_retries >= 0 and threads >= 1")

"""Pick the LLM from explicit settings or the environment; ``None`` means "use the rules".

Explicit settings win, field by field; what they leave empty comes from the environment.
Without settings, the environment decides:

==============================  ==============================================
``ENGRAM_LLM_PROVIDER``          openai | anthropic | local | none (force rules)
``ENGRAM_LLM_MODEL``             model name (defaults below)
``ENGRAM_LLM_BASE_URL``          OpenAI-compatible endpoint (then ``OPENAI_BASE_URL``)
``ENGRAM_LLM_API_KEY``           key (then ``OPENAI_API_KEY`` / ``ANTHROPIC_API_KEY``)
``ENGRAM_LLM_MODEL_PATH``        GGUF file for the local provider
``ENGRAM_LLM_TIMEOUT``           seconds per request
``ENGRAM_LLM_MAX_RETRIES``       retries after the first attempt
``ENGRAM_LLM_THREADS``           CPU threads for the local provider
==============================  ==============================================

With no provider named: a base URL or ``OPENAI_API_KEY`` (or ``ENGRAM_LLM_API_KEY``)
means openai, else ``ANTHROPIC_API_KEY`` means anthropic, else a model path means local,
else nothing is configured.

>>> settings_from_env({"OPENAI_API_KEY": "sk-1"})
LLMSettings(provider='openai', model='gpt-4.1-mini', base_url=None, api_key='sk-1', timeout=30.0, max_retries=2, threads=1, model_path=None)
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
from engram.llm._retry import RetryPolicy
from engram.llm.base import LLM

__all__ = ["LLMSettings", "PROVIDERS", "DEFAULT_MODELS", "settings_from_env", "resolve_llm"]

PROVIDERS = ("openai", "anthropic", "local")
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
    own_key = {"openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY"}.get(provider)
    defaults = base if base is not None else LLMSettings(provider)
    settings = dataclasses.replace(
        defaults,
        provider=provider,
        model=defaults.model or get("ENGRAM_LLM_MODEL") or DEFAULT_MODELS.get(provider),
        base_url=defaults.base_url
        or get("ENGRAM_LLM_BASE_URL")
        or (get("OPENAI_BASE_URL") if provider == "openai" else None),
        api_key=defaults.api_key
        or get("ENGRAM_LLM_API_KEY")
        or (get(own_key) if own_key else None),
        model_path=defaults.model_path or get("ENGRAM_LLM_MODEL_PATH"),
    )
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
    if full.provider == "openai":
        from engram.llm.openai import OpenAILLM

        assert full.model is not None  # filled by settings_from_env
        return OpenAILLM(full.model, full.base_url, full.api_key, full.timeout, retry)
    if full.provider == "anthropic":
        from engram.llm.anthropic import AnthropicLLM

        assert full.model is not None
        return AnthropicLLM(full.model, full.api_key, full.base_url, full.timeout, retry)
    from engram.llm.local import LocalLLM

    assert full.model_path is not None  # checked by settings_from_env
    return LocalLLM(full.model_path, full.threads, timeout=full.timeout, retry=retry)


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
    if s.timeout <= 0 or s.max_retries < 0 or s.threads < 1:
        raise ConfigError("LLM settings need timeout > 0, max_retries >= 0 and threads >= 1")

"""Choosing the LLM from settings and environment mappings (no real env is read)."""

from __future__ import annotations

import pytest

from engram.errors import ConfigError
from engram.llm import AnthropicLLM, LLMSettings, OpenAILLM, resolve_llm
from engram.llm.factory import settings_from_env


def test_nothing_configured_means_no_llm() -> None:
    assert settings_from_env({}) is None
    assert resolve_llm(None, env={}) is None
    assert resolve_llm(None, env={"OPENAI_API_KEY": "", "HOME": "/root"}) is None


def test_openai_key_alone_picks_openai_with_a_default_model() -> None:
    s = settings_from_env({"OPENAI_API_KEY": "sk-1"})
    assert s == LLMSettings("openai", model="gpt-4.1-mini", api_key="sk-1")


def test_anthropic_key_alone_picks_anthropic() -> None:
    s = settings_from_env({"ANTHROPIC_API_KEY": "sk-ant"})
    assert s is not None and (s.provider, s.api_key) == ("anthropic", "sk-ant")
    assert s.model == "claude-haiku-4-5"


def test_openai_wins_when_both_keys_are_set_unless_a_provider_is_named() -> None:
    both = {"OPENAI_API_KEY": "sk-1", "ANTHROPIC_API_KEY": "sk-ant"}
    assert settings_from_env(both).provider == "openai"  # type: ignore[union-attr]
    named = settings_from_env({**both, "ENGRAM_LLM_PROVIDER": "Anthropic"})
    assert named is not None and named.provider == "anthropic" and named.api_key == "sk-ant"


def test_a_base_url_alone_means_a_local_openai_compatible_server() -> None:
    s = settings_from_env({"OPENAI_BASE_URL": "http://127.0.0.1:8080/v1"})
    assert s is not None and s.provider == "openai" and s.api_key is None
    s = settings_from_env(
        {
            "ENGRAM_LLM_BASE_URL": "http://a/v1",
            "OPENAI_BASE_URL": "http://b/v1",
            "ENGRAM_LLM_MODEL": "qwen2.5",
        }
    )
    assert s is not None and (s.base_url, s.model) == ("http://a/v1", "qwen2.5")


def test_engram_variables_win_over_the_vendor_ones() -> None:
    s = settings_from_env({"ENGRAM_LLM_API_KEY": "mine", "OPENAI_API_KEY": "theirs"})
    assert s is not None and s.api_key == "mine"


def test_numbers_come_from_the_environment_and_bad_ones_are_named() -> None:
    env = {"OPENAI_API_KEY": "k", "ENGRAM_LLM_TIMEOUT": "5.5", "ENGRAM_LLM_MAX_RETRIES": "0"}
    s = settings_from_env(env)
    assert s is not None and (s.timeout, s.max_retries) == (5.5, 0)
    with pytest.raises(ConfigError, match="ENGRAM_LLM_TIMEOUT"):
        settings_from_env({**env, "ENGRAM_LLM_TIMEOUT": "soon"})


def test_model_path_alone_picks_local() -> None:
    s = settings_from_env({"ENGRAM_LLM_MODEL_PATH": "/m.gguf", "ENGRAM_LLM_THREADS": "2"})
    assert s is not None and (s.provider, s.model_path, s.threads) == ("local", "/m.gguf", 2)


def test_provider_none_forces_the_rules_even_with_keys() -> None:
    env = {"ENGRAM_LLM_PROVIDER": "none", "OPENAI_API_KEY": "k"}
    assert resolve_llm(None, env=env) is None


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"ENGRAM_LLM_PROVIDER": "bedrock"}, "unknown LLM provider"),
        ({"ENGRAM_LLM_PROVIDER": "gemini", "ENGRAM_LLM_MODEL": "g"}, "GEMINI_API_KEY"),
        ({"ENGRAM_LLM_PROVIDER": "openai"}, "OPENAI_API_KEY"),
        ({"ENGRAM_LLM_PROVIDER": "anthropic", "OPENAI_API_KEY": "k"}, "ANTHROPIC_API_KEY"),
        ({"ENGRAM_LLM_PROVIDER": "local"}, "ENGRAM_LLM_MODEL_PATH"),
        ({"OPENAI_API_KEY": "k", "ENGRAM_LLM_THREADS": "0"}, "threads"),
    ],
)
def test_incomplete_configuration_is_a_config_error(env: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        resolve_llm(None, env=env)


def test_explicit_settings_win_and_gaps_are_filled_from_env() -> None:
    env = {"OPENAI_API_KEY": "env-key", "ENGRAM_LLM_MODEL": "env-model", "ANTHROPIC_API_KEY": "a"}
    s = settings_from_env(env, LLMSettings("openai", model="mine", timeout=9.0, max_retries=4))
    assert s == LLMSettings("openai", model="mine", api_key="env-key", timeout=9.0, max_retries=4)
    # numbers in explicit settings are not overridden by the environment
    s = settings_from_env({**env, "ENGRAM_LLM_TIMEOUT": "1"}, LLMSettings("openai"))
    assert s is not None and s.timeout == 30.0 and s.model == "env-model"


def test_resolve_builds_the_chosen_provider() -> None:
    llm = resolve_llm(
        LLMSettings("openai", base_url="http://127.0.0.1:9/v1", max_retries=4), env={}
    )
    assert isinstance(llm, OpenAILLM)
    assert (llm.model, llm.base_url, llm.retry.max_attempts) == (
        "gpt-4.1-mini",
        "http://127.0.0.1:9/v1/",
        5,
    )
    llm.close()
    llm2 = resolve_llm(None, env={"ANTHROPIC_API_KEY": "sk-ant", "ENGRAM_LLM_TIMEOUT": "7"})
    assert isinstance(llm2, AnthropicLLM) and llm2.timeout == 7.0
    llm2.close()


def test_resolve_local_checks_the_model_file() -> None:
    pytest.importorskip("xllamacpp")
    with pytest.raises(ConfigError, match="not found"):
        resolve_llm(LLMSettings("local", model_path="/nonexistent/model.gguf"), env={})

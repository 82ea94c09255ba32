"""OpenAILLM against a scripted HTTP server: retries, give-ups, timeouts, format fallback."""

from __future__ import annotations

import sys
import time

import pytest
from _llm_http import FakeServer, Reply, Seen, chat_reply, error_reply

from engram.errors import ConfigError, LLMError
from engram.llm import OpenAILLM, RetryPolicy

SCHEMA = {
    "type": "object",
    "properties": {"facts": {"type": "array", "items": {"type": "string"}}},
    "required": ["facts"],
}
MESSAGES = [{"role": "user", "content": "I moved to Oslo last year."}]
FAST = RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.02)
GOOD = chat_reply('{"facts": ["Lives in Oslo"]}')


def make(server: FakeServer, sleeps: list[float] | None = None, **options) -> OpenAILLM:
    options.setdefault("retry", FAST)
    if sleeps is not None:
        options["sleep"] = sleeps.append
    return OpenAILLM("fake-model", base_url=server.url + "/v1", **options)


def test_recovers_from_500_then_429_then_garbage() -> None:
    script = [
        error_reply(500, "upstream exploded"),
        error_reply(429, "slow down", retry_after="3"),
        chat_reply("I think the facts are... hmm"),
        GOOD,
    ]
    sleeps: list[float] = []
    with FakeServer(script) as server, make(server, sleeps, retry=RetryPolicy(4, 0.01)) as llm:
        assert llm.complete_json(MESSAGES, SCHEMA) == {"facts": ["Lives in Oslo"]}
    assert len(server.seen) == 4
    assert sleeps[1] == 3.0  # the server's Retry-After, not our backoff
    assert 0 < sleeps[0] <= 0.01 and 0 < sleeps[2] <= 0.04
    first = server.seen[0]
    assert first.path == "/v1/chat/completions"
    assert first.body["model"] == "fake-model"
    assert first.body["temperature"] == 0.0
    assert first.body["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "result", "schema": SCHEMA},
    }
    assert first.headers["authorization"] == "Bearer sk-no-key-required"


def test_always_garbage_gives_up_retryable_after_three_attempts() -> None:
    with (
        FakeServer([chat_reply("no json, sorry")]) as server,
        make(server) as llm,
        pytest.raises(LLMError) as info,
    ):
        llm.complete_json(MESSAGES, SCHEMA)
    assert info.value.retryable is True
    assert info.value.attempts == 3
    assert len(server.seen) == 3


def test_missing_required_key_is_retried() -> None:
    with FakeServer([chat_reply('{"other": 1}'), GOOD]) as server, make(server) as llm:
        assert llm.complete_json(MESSAGES, SCHEMA) == {"facts": ["Lives in Oslo"]}
    assert len(server.seen) == 2


def test_401_fails_at_once_without_retry() -> None:
    with (
        FakeServer([error_reply(401, "bad key"), GOOD]) as server,
        make(server) as llm,
        pytest.raises(LLMError) as info,
    ):
        llm.complete_json(MESSAGES, SCHEMA)
    assert info.value.retryable is False
    assert info.value.attempts == 1
    assert "401" in str(info.value)
    assert len(server.seen) == 1


def test_plain_bad_request_is_neither_retried_nor_a_format_downgrade() -> None:
    with (
        FakeServer([error_reply(400, "context length exceeded")]) as server,
        make(server) as llm,
        pytest.raises(LLMError) as info,
    ):
        llm.complete_json(MESSAGES, SCHEMA)
    assert llm.mode == "json_schema"
    assert info.value.retryable is False
    assert len(server.seen) == 1


def test_server_slower_than_timeout_fails_retryable_after_all_attempts() -> None:
    with (
        FakeServer([Reply(delay=1.5, body=GOOD.body)]) as server,
        make(server, timeout=0.2) as llm,
    ):
        started = time.monotonic()
        with pytest.raises(LLMError) as info:
            llm.complete_json(MESSAGES, SCHEMA)
        elapsed = time.monotonic() - started
    assert info.value.retryable is True
    assert info.value.attempts == 3
    assert len(server.seen) == 3
    assert elapsed < 1.5  # three 0.2 s timeouts, not three full 1.5 s waits


def test_connection_refused_is_retryable() -> None:
    with FakeServer([GOOD]) as server:
        url = server.url
    llm = OpenAILLM("m", base_url=url + "/v1", retry=FAST)
    with pytest.raises(LLMError) as info:
        llm.complete_json(MESSAGES, SCHEMA)
    llm.close()
    assert info.value.retryable is True and info.value.attempts == 3


def test_json_schema_rejected_falls_back_to_json_object_and_remembers() -> None:
    def handler(seen: Seen) -> Reply:
        if seen.body.get("response_format", {}).get("type") == "json_schema":
            return error_reply(400, "response_format of type json_schema is not supported")
        return GOOD

    with FakeServer(handler) as server, make(server) as llm:
        assert llm.complete_json(MESSAGES, SCHEMA) == {"facts": ["Lives in Oslo"]}
        assert llm.mode == "json_object_schema"
        assert llm.complete_json(MESSAGES, SCHEMA) == {"facts": ["Lives in Oslo"]}
    formats = [s.body.get("response_format") or {} for s in server.seen]
    assert formats[0]["type"] == "json_schema"
    # llama.cpp reads a schema inside json_object; it travels in the body as extra_body
    assert formats[1] == {"type": "json_object", "schema": SCHEMA}
    assert formats[2] == {"type": "json_object", "schema": SCHEMA}  # no second json_schema try
    assert len(server.seen) == 3
    # the schema is spelled out for the model once the server no longer enforces it
    assert server.seen[1].body["messages"][0]["role"] == "system"
    assert '"required":["facts"]' in server.seen[1].body["messages"][0]["content"]


def test_steps_down_to_no_response_format_when_every_format_is_refused() -> None:
    def handler(seen: Seen) -> Reply:
        if "response_format" in seen.body:
            return error_reply(422, "unknown field: response_format")
        return chat_reply('Here you go: {"facts": []}')

    with FakeServer(handler) as server, make(server) as llm:
        assert llm.complete_json(MESSAGES, SCHEMA) == {"facts": []}
        assert llm.mode == "none"
    assert len(server.seen) == 4


def test_refusal_is_not_retried() -> None:
    with (
        FakeServer([chat_reply(None, refusal="I cannot help with that")]) as server,
        make(server) as llm,
        pytest.raises(LLMError) as info,
    ):
        llm.complete_json(MESSAGES, SCHEMA)
    assert info.value.retryable is False
    assert "refused" in str(info.value)


def test_image_parts_and_options_reach_the_server() -> None:
    image = {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}
    messages = [{"role": "user", "content": [{"type": "text", "text": "What is it?"}, image]}]
    with (
        FakeServer([GOOD]) as server,
        make(server, api_key="k-123", temperature=None, max_tokens=64) as llm,
    ):
        llm.complete_json(messages, SCHEMA, schema_name="facts")
    body = server.seen[0].body
    assert body["messages"] == messages
    assert "temperature" not in body and body["max_tokens"] == 64
    assert body["response_format"]["json_schema"]["name"] == "facts"
    assert server.seen[0].headers["authorization"] == "Bearer k-123"


def test_vision_is_guessed_from_the_model_name_unless_given() -> None:
    assert OpenAILLM("gpt-4o-mini", base_url="http://x/v1").supports_vision is True
    assert OpenAILLM("qwen2.5-coder", base_url="http://x/v1").supports_vision is False
    assert OpenAILLM("qwen2.5", base_url="http://x/v1", supports_vision=True).supports_vision


def test_no_key_and_no_base_url_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with pytest.raises(ConfigError):
        OpenAILLM("gpt-4.1-mini")


def test_missing_sdk_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openai", None)  # makes `import openai` fail
    with pytest.raises(ConfigError, match=r"pip install engram\[openai\]"):
        OpenAILLM("m", base_url="http://x/v1")


@pytest.mark.parametrize("body", ["<html>Bad gateway</html>", '{"unexpected": true}'])
def test_a_200_with_an_unreadable_body_is_retried(body: str) -> None:
    with FakeServer([Reply(body=body), GOOD]) as server, make(server) as llm:
        assert llm.complete_json(MESSAGES, SCHEMA) == {"facts": ["Lives in Oslo"]}
    assert len(server.seen) == 2

"""AnthropicLLM against a scripted HTTP server, and the message conversion."""

from __future__ import annotations

import sys

import pytest
from _llm_http import FakeServer, Reply, anthropic_reply, error_reply

from engram.errors import ConfigError, InvalidInput, LLMError
from engram.llm import AnthropicLLM, RetryPolicy
from engram.llm.anthropic import to_anthropic

SCHEMA = {
    "type": "object",
    "properties": {"facts": {"type": "array", "items": {"type": "string"}}},
    "required": ["facts"],
}
MESSAGES = [
    {"role": "system", "content": "Extract facts about the user."},
    {"role": "user", "content": "I moved to Oslo last year."},
]
FAST = RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.02)
TOOL = {"type": "tool_use", "id": "tu_1", "name": "result", "input": {"facts": ["Lives in Oslo"]}}


def make(server: FakeServer, **options) -> AnthropicLLM:
    options.setdefault("retry", FAST)
    return AnthropicLLM("claude-test", api_key="sk-ant-test", base_url=server.url, **options)


def test_recovers_from_500_then_overloaded_then_garbage() -> None:
    script = [
        error_reply(500, "boom"),
        error_reply(529, "overloaded"),
        anthropic_reply({"type": "text", "text": "Let me think about that"}),
        anthropic_reply(TOOL),
    ]
    with FakeServer(script) as server, make(server, retry=RetryPolicy(4, 0.01)) as llm:
        assert llm.complete_json(MESSAGES, SCHEMA) == {"facts": ["Lives in Oslo"]}
    assert len(server.seen) == 4
    request = server.seen[0]
    assert request.path == "/v1/messages"
    assert "sk-ant-test" in (
        request.headers.get("x-api-key"),
        request.headers.get("authorization", "")[7:],
    )
    assert request.body["system"] == "Extract facts about the user."
    assert request.body["messages"] == [{"role": "user", "content": "I moved to Oslo last year."}]
    assert request.body["tools"][0]["input_schema"] == SCHEMA
    assert request.body["tool_choice"] == {"type": "tool", "name": "result"}


def test_json_in_a_text_block_is_accepted_when_no_tool_call_comes() -> None:
    reply = anthropic_reply({"type": "text", "text": '```json\n{"facts": ["x"]}\n```'})
    with FakeServer([reply]) as server, make(server) as llm:
        assert llm.complete_json(MESSAGES, SCHEMA) == {"facts": ["x"]}


def test_tool_input_missing_required_keys_is_retried_then_given_up() -> None:
    bad = anthropic_reply({**TOOL, "input": {"other": 1}})
    with FakeServer([bad]) as server, make(server) as llm, pytest.raises(LLMError) as info:
        llm.complete_json(MESSAGES, SCHEMA)
    assert info.value.retryable is True and info.value.attempts == 3
    assert "facts" in str(info.value)
    assert len(server.seen) == 3


def test_401_is_not_retried() -> None:
    with (
        FakeServer([error_reply(401, "invalid x-api-key")]) as server,
        make(server) as llm,
        pytest.raises(LLMError) as info,
    ):
        llm.complete_json(MESSAGES, SCHEMA)
    assert info.value.retryable is False and info.value.attempts == 1
    assert len(server.seen) == 1


def test_timeout_is_retried_then_reported_retryable() -> None:
    with (
        FakeServer([Reply(delay=1.5, body=anthropic_reply(TOOL).body)]) as server,
        make(server, timeout=0.2) as llm,
        pytest.raises(LLMError) as info,
    ):
        llm.complete_json(MESSAGES, SCHEMA)
    assert info.value.retryable is True and info.value.attempts == 3


def test_conversion_moves_system_and_translates_images() -> None:
    system, messages = to_anthropic(
        [
            {"role": "system", "content": "One."},
            {"role": "system", "content": [{"type": "text", "text": "Two."}]},
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "Look"},
                    {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,QUJD"}},
                    {"type": "image_url", "image_url": {"url": "https://example.org/a.png"}},
                ],
            },
            {"role": "assistant", "content": "A cat."},
        ]
    )
    assert system == "One.\n\nTwo."
    assert messages[0]["content"] == [
        {"type": "text", "text": "Look"},
        {"type": "image", "source": {"type": "base64", "media_type": "image/jpeg", "data": "QUJD"}},
        {"type": "image", "source": {"type": "url", "url": "https://example.org/a.png"}},
    ]
    assert messages[1] == {"role": "assistant", "content": "A cat."}


def test_unknown_role_names_the_message() -> None:
    with pytest.raises(InvalidInput, match=r"messages\[0\]\.role"):
        to_anthropic([{"role": "tool", "content": "x"}])


def test_missing_key_and_missing_sdk_are_config_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match="api_key"):
        AnthropicLLM("claude-test")
    monkeypatch.setitem(sys.modules, "anthropic", None)
    with pytest.raises(ConfigError, match=r"pip install engram\[anthropic\]"):
        AnthropicLLM("claude-test", api_key="k")


@pytest.mark.parametrize("body", ["<html>Bad gateway</html>", '{"unexpected": true}'])
def test_a_200_with_an_unreadable_body_is_retried(body: str) -> None:
    with FakeServer([Reply(body=body), anthropic_reply(TOOL)]) as server, make(server) as llm:
        assert llm.complete_json(MESSAGES, SCHEMA) == {"facts": ["Lives in Oslo"]}
    assert len(server.seen) == 2

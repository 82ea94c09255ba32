"""ScriptedLLM: the test double goes through the real parser and retry policy."""

from __future__ import annotations

import pytest

from engram.errors import LLMError
from engram.llm import LLM, RetryPolicy
from engram.testing._llm import ScriptedLLM

SCHEMA = {"type": "object", "required": ["facts"]}
MESSAGES = [{"role": "user", "content": "I like tea"}]


def test_it_is_an_llm_and_returns_dicts_in_order() -> None:
    llm = ScriptedLLM([{"facts": ["a"]}, {"facts": ["b"]}])
    assert isinstance(llm, LLM)
    assert llm.complete_json(MESSAGES, SCHEMA)["facts"] == ["a"]
    assert llm.complete_json(MESSAGES, SCHEMA, schema_name="x")["facts"] == ["b"]
    assert [c.schema_name for c in llm.calls] == ["result", "x"]
    assert llm.calls[0].messages == MESSAGES and llm.calls[0].schema == SCHEMA
    assert llm.remaining == 0


def test_strings_go_through_the_tolerant_parser_and_garbage_is_retried() -> None:
    llm = ScriptedLLM(["sorry, what?", 'Here: ```json\n{"facts": []}\n```'])
    assert llm.complete_json(MESSAGES, SCHEMA) == {"facts": []}
    assert len(llm.calls) == 2 and len(llm.sleeps) == 1


def test_exceptions_are_classified_by_the_real_policy() -> None:
    llm = ScriptedLLM([TimeoutError("slow"), ConnectionError("down"), TimeoutError("slow")])
    with pytest.raises(LLMError) as info:
        llm.complete_json(MESSAGES, SCHEMA)
    assert info.value.retryable is True and info.value.attempts == 3
    assert len(llm.sleeps) == 2 and llm.sleeps[1] > 0

    permanent = ScriptedLLM([LLMError("bad key", retryable=False), {"facts": []}])
    with pytest.raises(LLMError) as info:
        permanent.complete_json(MESSAGES, SCHEMA)
    assert info.value.attempts == 1 and permanent.remaining == 1


def test_dicts_missing_required_keys_count_as_malformed() -> None:
    llm = ScriptedLLM([{"other": 1}], retry=RetryPolicy(max_attempts=1))
    with pytest.raises(LLMError, match="facts") as info:
        llm.complete_json(MESSAGES, SCHEMA)
    assert info.value.retryable is True


def test_recorded_messages_and_results_are_copies() -> None:
    answer = {"facts": ["a"]}
    messages = [{"role": "user", "content": "x"}]
    llm = ScriptedLLM([answer])
    result = llm.complete_json(messages, SCHEMA)
    result["facts"].append("mutated")
    messages[0]["content"] = "changed"
    assert answer == {"facts": ["a"]} and llm.calls[0].messages[0]["content"] == "x"


def test_running_out_of_script_is_a_loud_test_error() -> None:
    llm = ScriptedLLM([])
    with pytest.raises(AssertionError, match="ran out"):
        llm.complete_json(MESSAGES, SCHEMA)

"""The tolerant JSON parser: what it accepts, what it refuses."""

from __future__ import annotations

import pytest

from engram.errors import LLMError
from engram.llm._json import MalformedOutput, check_required, finish, parse_json_object


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": 1}', {"a": 1}),
        ('```json\n{"a": 1}\n```', {"a": 1}),
        ('```\n{"a": 1}\n```', {"a": 1}),
        ('Sure! Here it is: {"a": {"b": [1, 2]}} Anything else?', {"a": {"b": [1, 2]}}),
        ('{"text": "curly } and { inside", "n": 2}', {"text": "curly } and { inside", "n": 2}),
        ('{"quote": "she said \\"hi}\\"", "n": 3}', {"quote": 'she said "hi}"', "n": 3}),
        ('{not json} then {"a": 1}', {"a": 1}),
        ('{"first": 1} {"second": 2}', {"first": 1}),
        ('  \n{"unicode": "Zoë ✓"}\n', {"unicode": "Zoë ✓"}),
    ],
)
def test_accepts(text: str, expected: dict) -> None:
    assert parse_json_object(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no json at all",
        '{"a": 1',  # truncated output
        "[1, 2, 3]",  # an array is not an object
        "{'a': 1}",  # Python, not JSON
        '```json\n{"a": }\n```',
    ],
)
def test_refuses_as_retryable(text: str) -> None:
    with pytest.raises(MalformedOutput) as info:
        parse_json_object(text)
    assert isinstance(info.value, LLMError) and info.value.retryable is True


def test_error_message_shows_a_short_preview() -> None:
    with pytest.raises(MalformedOutput) as info:
        parse_json_object("x" * 500)
    assert len(str(info.value)) < 150


def test_required_keys_are_checked_at_the_top_level_only() -> None:
    schema = {"type": "object", "required": ["facts", "n"]}
    assert check_required({"facts": [], "n": 0, "extra": 1}, schema)["n"] == 0
    with pytest.raises(MalformedOutput, match="n"):
        check_required({"facts": []}, schema)
    assert check_required({}, {"type": "object"}) == {}
    assert finish('ok: {"facts": [], "n": 1}', schema) == {"facts": [], "n": 1}

"""Turn a model's text into one JSON object, tolerating the usual wrapping.

Models asked for JSON often add a ```json fence, a sentence before it, or chatter after
it. We strip fences, take the first balanced ``{...}`` (braces inside strings do not
count) that parses, and check the schema's top-level ``required`` keys. Anything else is
:class:`MalformedOutput`, which the retry policy treats as transient: the next sample
may well be fine.

>>> parse_json_object('Sure! ```json\\n{"facts": ["likes {tea}"]}\\n``` Hope it helps.')
{'facts': ['likes {tea}']}
>>> parse_json_object("no json here")
Traceback (most recent call last):
...
engram.llm._json.MalformedOutput: no JSON object in the model output: 'no json here'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from engram.errors import LLMError

__all__ = ["MalformedOutput", "parse_json_object", "check_required", "finish"]

_FENCE = re.compile(r"```[A-Za-z0-9_-]*[ \t]*\n?|```")
_PREVIEW = 80


class MalformedOutput(LLMError):
    """The model answered, but not with a usable JSON object (retryable)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, retryable=True)


def parse_json_object(text: str) -> dict[str, Any]:
    """The first JSON object in ``text`` that parses, as a dict."""
    cleaned = _FENCE.sub("", text)
    for candidate in _balanced_objects(cleaned):
        try:
            value = json.loads(candidate)
        except ValueError:
            continue  # a brace-balanced span that is not JSON: try the next one
        if isinstance(value, dict):
            return value
    raise MalformedOutput(f"no JSON object in the model output: {_preview(text)}")


def check_required(value: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """``value`` itself, once it holds every key the schema's top level requires.

    >>> check_required({"a": 1}, {"required": ["a", "b"]})
    Traceback (most recent call last):
    ...
    engram.llm._json.MalformedOutput: the model output lacks required key(s): b
    """
    missing = [key for key in schema.get("required", ()) if key not in value]
    if missing:
        raise MalformedOutput(f"the model output lacks required key(s): {', '.join(missing)}")
    return value


def finish(text: str, schema: dict[str, Any]) -> dict[str, Any]:
    """Parse ``text`` and check it against ``schema``: the last step of every provider."""
    return check_required(parse_json_object(text), schema)


def _balanced_objects(text: str) -> Iterator[str]:
    # Scan once per candidate start; a span ends where its braces balance outside strings.
    start = text.find("{")
    while start != -1:
        end = _matching_brace(text, start)
        if end == -1:
            return  # unbalanced from here on (e.g. truncated output): nothing later closes
        yield text[start : end + 1]
        start = text.find("{", start + 1)


def _matching_brace(text: str, start: int) -> int:
    depth = 0
    in_string = False
    escaped = False
    for i in range(start, len(text)):
        ch = text[i]
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _preview(text: str) -> str:
    short = text if len(text) <= _PREVIEW else text[:_PREVIEW] + "..."
    return repr(short)

"""The one contract every LLM provider meets: messages and a JSON schema in, a dict out.

Engram never needs free text from a model, only structured answers (facts, memory
events), so the protocol has a single method. Messages are OpenAI-style dicts; a
message's ``content`` is a string or a list of parts, including image parts for models
with ``supports_vision``::

    {"role": "user", "content": [
        {"type": "text", "text": "What is in this photo?"},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,..."}},
    ]}

>>> from engram.testing import ScriptedLLM
>>> llm: LLM = ScriptedLLM([{"facts": ["Likes tea"]}])
>>> llm.complete_json([{"role": "user", "content": "I like tea"}],
...                   {"type": "object", "required": ["facts"]})
{'facts': ['Likes tea']}
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

__all__ = ["LLM", "has_images"]


@runtime_checkable
class LLM(Protocol):
    """A model that answers with one JSON object shaped by a schema.

    ``complete_json`` returns the parsed object once it holds the schema's top-level
    ``required`` keys; malformed output counts as a transient failure and is retried.
    When retries run out (or a failure is permanent: bad key, bad request) it raises
    :class:`~engram.errors.LLMError`.
    """

    name: str  # provider: "openai", "anthropic", "local", "scripted"
    model: str
    supports_vision: bool

    def complete_json(
        self,
        messages: list[dict[str, Any]],
        schema: dict[str, Any],
        *,
        schema_name: str = "result",
    ) -> dict[str, Any]: ...


def has_images(messages: list[dict[str, Any]]) -> bool:
    """True when any message carries an image part.

    >>> has_images([{"role": "user", "content": "hi"}])
    False
    """
    for message in messages:
        content = message.get("content")
        if isinstance(content, list) and any(
            isinstance(part, dict) and part.get("type") == "image_url" for part in content
        ):
            return True
    return False

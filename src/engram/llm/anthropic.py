"""Anthropic's Claude models, via the official ``anthropic`` SDK.

Structured output comes from forced tool use: the schema becomes the ``input_schema`` of
one tool, ``tool_choice`` forces the model to call it, and the call's ``input`` is the
answer. OpenAI-style messages are converted: system messages move to ``system=``, image
parts become Anthropic image blocks. The SDK's own retries are off: ours decide.

>>> system, msgs = to_anthropic([
...     {"role": "system", "content": "Extract facts."},
...     {"role": "user", "content": "I live in Oslo."},
... ])
>>> system, msgs
('Extract facts.', [{'role': 'user', 'content': 'I live in Oslo.'}])
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from engram.errors import ConfigError, InvalidInput, LLMError
from engram.llm._json import check_required, finish
from engram.llm._retry import RetryPolicy, call_with_retries
from engram.llm._sdk import SDKClient

__all__ = ["AnthropicLLM", "to_anthropic"]


def to_anthropic(messages: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """(system text, Anthropic messages) for OpenAI-style ``messages``."""
    system: list[str] = []
    converted: list[dict[str, Any]] = []
    for i, message in enumerate(messages):
        role, content = message.get("role"), message.get("content", "")
        if role == "system":
            system.append(content if isinstance(content, str) else _text_of(content))
        elif role in ("user", "assistant"):
            blocks = content if isinstance(content, str) else [_block(p) for p in content]
            converted.append({"role": role, "content": blocks})
        else:
            raise InvalidInput(
                f"messages[{i}].role", f"must be system, user or assistant, got {role!r}"
            )
    return "\n\n".join(system), converted


def _text_of(parts: list[dict[str, Any]]) -> str:
    return "\n".join(p.get("text", "") for p in parts if p.get("type") == "text")


def _block(part: dict[str, Any]) -> dict[str, Any]:
    if part.get("type") != "image_url":
        return part  # text parts share one shape in both APIs
    url = part["image_url"]["url"] if isinstance(part["image_url"], dict) else part["image_url"]
    if url.startswith("data:"):
        header, _, data = url.partition(",")
        media_type = header[len("data:") :].split(";")[0]
        return {
            "type": "image",
            "source": {"type": "base64", "media_type": media_type, "data": data},
        }
    return {"type": "image", "source": {"type": "url", "url": url}}


class AnthropicLLM(SDKClient):
    """A Claude model answering in JSON through a forced tool call."""

    name = "anthropic"
    supports_vision = True  # every current Claude model reads images

    def __init__(
        self,
        model: str,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        *,
        max_tokens: int = 2048,
        temperature: float | None = None,
        top_p: float | None = None,
        top_k: int | None = None,
        sleep: Callable[[float], Any] = time.sleep,
    ) -> None:
        try:
            import anthropic
        except ImportError as exc:
            raise ConfigError(
                "the anthropic LLM provider needs the anthropic SDK: pip install engram[anthropic]"
            ) from exc
        if not api_key:
            raise ConfigError("the anthropic LLM provider needs an api_key (ANTHROPIC_API_KEY)")
        self._client = anthropic.Anthropic(
            api_key=api_key, base_url=base_url, timeout=timeout, max_retries=0
        )
        self._errors = anthropic
        self.model = model
        self.timeout = timeout
        self.retry = retry if retry is not None else RetryPolicy()
        self.max_tokens = max_tokens
        self.temperature = temperature
        self.top_p = top_p
        self.top_k = top_k
        self._sleep = sleep

    def complete_json(
        self,
        messages: list[dict[str, Any]],
        schema: dict[str, Any],
        *,
        schema_name: str = "result",
    ) -> dict[str, Any]:
        """One JSON object matching ``schema``'s required keys (retried per policy)."""
        system, converted = to_anthropic(messages)
        return call_with_retries(
            lambda: self._ask(system, converted, schema, schema_name),
            self.retry,
            sleep=self._sleep,
            # APIConnectionError includes timeouts; a 200 whose body is not JSON (a proxy's
            # error page) surfaces as JSONDecodeError from the SDK: transient as well.
            transient=(self._errors.APIConnectionError, json.JSONDecodeError),
            permanent=(self._errors.AnthropicError,),
            label=f"anthropic model {self.model!r}",
        )

    def _ask(
        self, system: str, messages: list[dict[str, Any]], schema: dict[str, Any], name: str
    ) -> dict[str, Any]:
        request: dict[str, Any] = {
            "model": self.model,
            "max_tokens": self.max_tokens,
            "messages": messages,
            "tools": [{"name": name, "description": "Record the answer.", "input_schema": schema}],
            "tool_choice": {"type": "tool", "name": name},
        }
        if system:
            request["system"] = system
        # SDK 2.x no longer takes the sampling parameters (newer models reject them);
        # older models still accept them in the body, so they go there when set.
        sampling = {k: v for k, v in (("temperature", self.temperature), ("top_p", self.top_p),
                                      ("top_k", self.top_k)) if v is not None}
        if sampling:
            request["extra_body"] = sampling
        response = self._client.messages.create(**request)
        texts: list[str] = []
        for block in getattr(response, "content", None) or ():  # None: a malformed body
            if block.type == "tool_use" and block.name == name:
                if not isinstance(block.input, dict):
                    raise LLMError("the tool call's input is not an object", retryable=True)
                return check_required(dict(block.input), schema)
            if block.type == "text":
                texts.append(block.text)
        # The tool was forced, but some proxies ignore that: read JSON from the text.
        return finish("\n".join(texts), schema)

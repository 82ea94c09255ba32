"""Any OpenAI-compatible chat endpoint, via the official ``openai`` SDK.

One class covers OpenAI, Azure OpenAI (``azure=`` uses the SDK's Azure client; or
``base_url=https://<resource>.openai.azure.com/openai/v1/``), Ollama (``http://localhost:11434/v1``), vLLM, LM Studio, llama.cpp's
server, OpenRouter, Together, Groq and DeepSeek.

Structured output is asked for as strictly as the endpoint allows, stepping down when it
refuses (a 400/422 naming ``response_format``/``schema``), and remembering the step for
this instance:

1. ``json_schema``: the schema enforced by the server;
2. ``json_object`` with a ``schema`` field (llama.cpp turns that into a grammar);
3. plain ``json_object``;
4. no response format at all.

From step 2 on, the schema is also spelled out in a system message; the tolerant parser
reads whatever comes back. The SDK's own retries are off: ours
(:mod:`engram.llm._retry`) decide.

>>> llm = OpenAILLM("qwen2.5", base_url="http://127.0.0.1:8080/v1")  # no key: local server
>>> llm.name, llm.model
('openai', 'qwen2.5')
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

from engram.errors import ConfigError, LLMError
from engram.llm._json import finish
from engram.llm._retry import RetryPolicy, call_with_retries
from engram.llm._sdk import SDKClient

__all__ = ["OpenAILLM", "MODES", "rejects_format", "schema_instruction"]

log = logging.getLogger("engram.llm")

MODES = ("json_schema", "json_object_schema", "json_object", "none")
PLACEHOLDER_KEY = "sk-no-key-required"  # local servers ignore it; the SDK insists on one
_VISION_HINTS = ("gpt-4o", "gpt-4.1", "gpt-5", "o3", "o4", "vision", "-vl", "llava", "gemma-3")


def rejects_format(status: int, message: str) -> bool:
    """True when an error says the endpoint does not accept the structured-output request.

    >>> rejects_format(400, "Invalid parameter: 'response_format' of type 'json_schema'")
    True
    >>> rejects_format(400, "context length exceeded")
    False
    """
    text = message.lower()
    return status in (400, 422) and any(
        word in text for word in ("response_format", "json_schema", "json schema", "schema")
    )


def schema_instruction(schema: dict[str, Any]) -> dict[str, str]:
    """The system message that carries the schema when the endpoint will not."""
    return {
        "role": "system",
        "content": "Reply with one JSON object, and nothing else, that matches this JSON "
        "schema:\n" + json.dumps(schema, separators=(",", ":")),
    }


class OpenAILLM(SDKClient):
    """An OpenAI-compatible chat model answering in JSON (see the module docstring)."""

    name = "openai"

    def __init__(
        self,
        model: str,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        temperature: float | None = 0.0,
        *,
        max_tokens: int | None = None,
        top_p: float | None = None,
        top_k: int | None = None,
        supports_vision: bool | None = None,
        azure: dict[str, Any] | None = None,
        default_headers: Mapping[str, str] | None = None,
        sleep: Callable[[float], Any] = time.sleep,
    ) -> None:
        try:
            import openai
        except ImportError as exc:
            raise ConfigError(
                "the openai LLM provider needs the openai SDK: pip install engram[openai]"
            ) from exc
        if base_url is not None and api_key is None:
            api_key = PLACEHOLDER_KEY
        headers = dict(default_headers) if default_headers else None
        try:
            if azure is not None:  # ``azure``: api_version and azure_deployment
                if not base_url:
                    raise ConfigError("azure_openai needs base_url (the azure_endpoint)")
                self._client = openai.AzureOpenAI(
                    api_key=api_key, azure_endpoint=base_url, timeout=timeout, max_retries=0,
                    default_headers=headers, **azure)
            else:
                self._client = openai.OpenAI(
                    api_key=api_key, base_url=base_url, timeout=timeout, max_retries=0,
                    default_headers=headers)
        except openai.OpenAIError as exc:  # no key anywhere
            raise ConfigError(f"openai LLM provider: {exc}") from exc
        self._errors = openai
        self.model = model
        self.base_url = str(self._client.base_url)
        self.timeout = timeout
        self.retry = retry if retry is not None else RetryPolicy()
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.top_p = top_p
        self.top_k = top_k
        self.supports_vision = (
            supports_vision
            if supports_vision is not None
            else any(hint in model.lower() for hint in _VISION_HINTS)
        )
        self.mode = MODES[0]
        self._sleep = sleep

    def complete_json(
        self,
        messages: list[dict[str, Any]],
        schema: dict[str, Any],
        *,
        schema_name: str = "result",
    ) -> dict[str, Any]:
        """One JSON object matching ``schema``'s required keys (retried per policy)."""
        return call_with_retries(
            lambda: finish(self._ask(messages, schema, schema_name), schema),
            self.retry,
            sleep=self._sleep,
            # APIConnectionError includes timeouts; a 200 whose body is not JSON (a proxy's
            # error page) surfaces as JSONDecodeError from the SDK: transient as well.
            transient=(self._errors.APIConnectionError, json.JSONDecodeError),
            permanent=(self._errors.OpenAIError,),
            label=f"openai model {self.model!r}",
        )

    def _ask(self, messages: list[dict[str, Any]], schema: dict[str, Any], name: str) -> str:
        while True:
            mode = self.mode
            try:
                return self._request(mode, messages, schema, name)
            except self._errors.APIStatusError as exc:
                if mode == MODES[-1] or not rejects_format(exc.status_code, str(exc)):
                    raise
                # Step down for good on this instance; this attempt continues below.
                self.mode = MODES[MODES.index(mode) + 1]
                log.info("%s refused %s output; now using %s", self.base_url, mode, self.mode)

    def _request(
        self, mode: str, messages: list[dict[str, Any]], schema: dict[str, Any], name: str
    ) -> str:
        options: dict[str, Any] = {}
        extra_body: dict[str, Any] = {}
        if mode == "json_schema":
            options["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": name, "schema": schema},
            }
        else:
            messages = [schema_instruction(schema), *messages]
            if mode == "json_object_schema":
                extra_body["response_format"] = {"type": "json_object", "schema": schema}
            elif mode == "json_object":
                options["response_format"] = {"type": "json_object"}
        if self.temperature is not None:
            options["temperature"] = self.temperature
        if self.max_tokens is not None:
            options["max_tokens"] = self.max_tokens
        if self.top_p is not None:
            options["top_p"] = self.top_p
        if self.top_k is not None:  # not an OpenAI parameter; local servers read it
            extra_body["top_k"] = self.top_k
        response = self._client.chat.completions.create(
            model=self.model,
            messages=messages,  # OpenAI-style dicts by contract
            extra_body=extra_body or None,
            **options,
        )
        if not response.choices:
            raise LLMError("the endpoint returned no choices", retryable=True)
        message = response.choices[0].message
        if message.content is None:
            refusal = getattr(message, "refusal", None)
            if refusal:
                raise LLMError(f"the model refused: {refusal}", retryable=False)
            raise LLMError("the model returned no content", retryable=True)
        return message.content

"""A GGUF model run in-process by llama.cpp, from the prebuilt ``xllamacpp`` wheel.

``xllamacpp.Server`` embeds llama.cpp's server; its ``handle_chat_completions`` takes an
OpenAI-style request dict and returns the response dict directly (no HTTP, and it
releases the GIL while generating). The model loads on the first call, not at
construction. The schema goes in as ``response_format=json_schema``, which llama.cpp
compiles into a grammar, so even a tiny model emits parseable JSON; the tolerant parser
and the shared retry policy handle the rest.

The embedded server also opens an HTTP listener; it is bound to 127.0.0.1 on a free port
and locked with a random API key nobody is told, so other local processes cannot use it.

>>> llm = LocalLLM("/models/SmolLM2-135M-Instruct.Q4_1.gguf")  # doctest: +SKIP
>>> llm.complete_json([{"role": "user", "content": "Bob is 30"}],
...                   {"type": "object", "required": ["age"]})  # doctest: +SKIP
{'age': 30}
"""

from __future__ import annotations

import secrets
import threading
from pathlib import Path
from typing import Any

from engram.errors import ConfigError, LLMError
from engram.llm._json import finish
from engram.llm._retry import RetryPolicy, call_with_retries, retryable_status

__all__ = ["LocalLLM"]


class LocalLLM:
    """A local GGUF model answering in JSON (see the module docstring).

    ``timeout`` bounds generation time through llama.cpp's ``t_max_predict_ms`` (a soft
    limit: it stops at the next newline past the deadline); ``max_tokens`` bounds it
    hard. ``threads=1`` is deliberate: on a busy 2-core machine two threads collapsed
    generation speed.
    """

    name = "local"
    supports_vision = False  # no multimodal projector is loaded

    def __init__(
        self,
        model_path: str | Path,
        threads: int = 1,
        ctx_size: int = 4096,
        *,
        max_tokens: int = 512,
        temperature: float = 0.0,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
    ) -> None:
        try:
            import xllamacpp  # noqa: F401  - checked now so a missing extra fails early
        except ImportError as exc:
            raise ConfigError(
                "the local LLM provider needs xllamacpp: pip install engram[local]"
            ) from exc
        path = Path(model_path)
        if not path.is_file():
            raise ConfigError(f"local LLM model file not found: {path}")
        if threads < 1 or ctx_size < 256:
            raise ConfigError("local LLM needs threads >= 1 and ctx_size >= 256")
        self.model_path = path
        self.model = path.stem
        self.threads = threads
        self.ctx_size = ctx_size
        self.max_tokens = max_tokens
        self.temperature = temperature
        self.timeout = timeout
        self.retry = retry if retry is not None else RetryPolicy()
        self._server: Any = None
        self._lock = threading.Lock()

    def complete_json(
        self,
        messages: list[dict[str, Any]],
        schema: dict[str, Any],
        *,
        schema_name: str = "result",
    ) -> dict[str, Any]:
        """One JSON object matching ``schema``'s required keys (retried per policy)."""
        request = {
            "messages": messages,
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": schema_name, "schema": schema},
            },
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "t_max_predict_ms": int(self.timeout * 1000),
        }
        return call_with_retries(
            lambda: finish(self._generate(request), schema),
            self.retry,
            label=f"local model {self.model!r}",
        )

    def close(self) -> None:
        """Unload the model (the next call loads it again)."""
        with self._lock:
            self._server = None  # the server stops and frees the model when collected

    def __enter__(self) -> LocalLLM:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _generate(self, request: dict[str, Any]) -> str:
        server = self._started()
        try:
            response = server.handle_chat_completions(request)
        except ValueError as exc:  # the request itself was rejected
            raise LLMError(f"llama.cpp rejected the request: {exc}", retryable=False) from exc
        error = response.get("error")
        if error is not None:
            code = int(error.get("code", 500))
            raise LLMError(
                f"llama.cpp error {code}: {error.get('message', error)}",
                retryable=retryable_status(code),
            )
        content = response["choices"][0]["message"].get("content")
        if not content:
            raise LLMError("the model returned no content", retryable=True)
        return str(content)

    def _started(self) -> Any:
        with self._lock:
            if self._server is None:
                self._server = _start_server(self.model_path, self.threads, self.ctx_size)
            return self._server


def _start_server(path: Path, threads: int, ctx_size: int) -> Any:
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = str(path)
    params.n_parallel = 1
    params.n_ctx = ctx_size
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    params.verbosity = -1  # llama.cpp logs to stderr otherwise, a page per request
    params.hostnames = ["127.0.0.1"]  # the listener we cannot switch off: loopback,
    params.port = 0  # a free port...
    params.api_keys = [secrets.token_urlsafe(24)]  # ...that answers nobody
    try:
        return xllamacpp.Server(params)
    except (RuntimeError, ValueError) as exc:
        raise ConfigError(f"llama.cpp could not load {path}: {exc}") from exc

"""``engram.MemoryClient`` and ``engram.AsyncMemoryClient``: the Memory API over HTTP.

Each method is built once as a pure :class:`Call` (method, path, query, body) by
:class:`Calls`; the two clients only send it (httpx, one pooled connection set each) and
turn the answer into a result or an :mod:`engram.errors` exception. Retries (429, 503,
504, a retryable 502, connection failures) back off exponentially and honour
``Retry-After``; an ``add`` is retried only when the request never reached the server.

    >>> from engram import MemoryClient                          # doctest: +SKIP
    >>> c = MemoryClient(api_key="eng_...", host="http://127.0.0.1:8000")
    >>> c.add("I like green tea", user_id="alice", infer=False)
    >>> c.search("tea", user_id="alice")["results"][0]["memory"]
    'I like green tea'

Without arguments the key and host come from ``ENGRAM_API_KEY`` and ``ENGRAM_HOST``.
A server that cannot be reached raises :class:`~engram.errors.StoreError` (the server is
this client's store); a rejected key :class:`~engram.errors.ConfigError`.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import os
import random
import time
from collections.abc import Callable, Coroutine, Mapping
from typing import Any, Concatenate, ParamSpec, TypeVar

import httpx

from engram import errors as E
from engram._calls import Call, Calls, Endpoint
from engram._platform_calls import PlatformCalls

__all__ = ["MemoryClient", "AsyncMemoryClient", "Call", "Calls", "Endpoint",
           "error_from_response", "retry_delay"]

DEFAULT_HOST = "http://127.0.0.1:8000"
RETRY_STATUSES = (429, 502, 503, 504)
MAX_DELAY = 30.0
P = ParamSpec("P")
R = TypeVar("R")


# -- answers and retries (pure) ----------------------------------------------------------


def error_from_response(status: int, body: Any) -> E.EngramError:
    """The :mod:`engram.errors` exception for an error answer (the server names the class)."""
    body = body if isinstance(body, Mapping) else {}
    name = body.get("error")
    detail = str(body.get("detail") or f"HTTP {status}")
    field = body.get("field")
    if status in (400, 413, 422) or name in ("InvalidInput", "InvalidFilter"):
        cls = E.InvalidFilter if name == "InvalidFilter" else E.InvalidInput
        return cls(str(field or "body"), str(body.get("problem") or detail))
    if name == "NotFound" and status == 404:
        return E.NotFound(str(body.get("what") or "memory"), str(body.get("id") or ""))
    if status == 401:
        return E.ConfigError(f"the server rejected the API key: {detail}")
    if name == "LLMError":
        return E.LLMError(detail, retryable=bool(body.get("retryable")))
    if status == 501 or name == "NotSupported":
        return E.NotSupported(detail)
    known: dict[str, type[E.EngramError]] = {"StoreError": E.StoreError,
                                             "EmbedderError": E.EmbedderError,
                                             "ConfigError": E.ConfigError}
    if isinstance(name, str) and name in known:
        return known[name](detail)
    return E.EngramError(f"HTTP {status}: {detail}")


def retry_delay(attempt: int, status: int | None, body: Any, retry_after: str | None, *,
                backoff: float, max_retries: int) -> float | None:
    """Seconds to wait before resending, or None to give up. ``status`` None means the
    request failed in transport (the caller decides whether that is safe to resend)."""
    if attempt >= max_retries:
        return None
    if status is not None:
        if status not in RETRY_STATUSES:
            return None
        if status == 502 and not (isinstance(body, Mapping) and body.get("retryable")):
            return None
    delay = backoff * (2 ** attempt) * (0.5 + random.random() / 2)
    if retry_after and retry_after.replace(".", "", 1).isdigit():  # not an HTTP-date
        delay = max(delay, float(retry_after))
    return min(delay, MAX_DELAY)


def _body(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return {"detail": response.text[:500]}


def _result(call: Call, response: httpx.Response) -> Any:
    body = _body(response)
    if response.status_code >= 400:
        raise error_from_response(response.status_code, body)
    return call.shape(body) if call.shape is not None else body


def _safe_to_resend(call: Call, exc: httpx.TransportError) -> bool:
    # A connect failure never reached the server; anything else may have been applied.
    return call.idempotent or isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)


# -- the two shells ---------------------------------------------------------------------


class _Base:
    def __init__(self, api_key: str | None, host: str | None, timeout: float,
                 max_retries: int, backoff: float) -> None:
        key = api_key or os.environ.get("ENGRAM_API_KEY")
        if not key:
            raise E.ConfigError("no API key: pass api_key= or set ENGRAM_API_KEY "
                                "(create one with `engram keys create`)")
        self.api_key = key
        self.host = (host or os.environ.get("ENGRAM_HOST") or DEFAULT_HOST).rstrip("/")
        self.max_retries = max_retries
        self.backoff = backoff
        self._headers = {"Authorization": f"Token {key}", "Accept": "application/json"}
        self._timeout = httpx.Timeout(timeout, connect=min(timeout, 5.0))

    def _after(self, call: Call, attempt: int, response: httpx.Response | None,
               exc: httpx.TransportError | None) -> tuple[bool, Any]:
        """The one decision both shells share: ``(True, delay)`` to resend, or
        ``(False, result)``; raises the mapped error when giving up."""
        if response is None:
            assert exc is not None
            delay = retry_delay(attempt, None, None, None, backoff=self.backoff,
                                max_retries=self.max_retries)
            if delay is None or not _safe_to_resend(call, exc):
                raise E.StoreError(f"cannot reach the Engram server at {self.host}: "
                                   f"{exc!r}") from exc
            return True, delay
        status = response.status_code
        delay = retry_delay(attempt, status, _body(response) if status == 502 else None,
                            response.headers.get("retry-after"), backoff=self.backoff,
                            max_retries=self.max_retries)
        if delay is not None:
            return True, delay
        return False, _result(call, response)


def _method(call: Callable[..., Any], ep: Endpoint[Any, Any]) -> None:
    # A method's signature starts with self, so inspect (and help()) show the declared
    # parameters on the class and on a bound client alike.
    functools.update_wrapper(call, ep, updated=())
    del call.__wrapped__  # type: ignore[attr-defined]
    self = inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)
    call.__signature__ = ep.__signature__.replace(  # type: ignore[attr-defined]
        parameters=[self, *ep.__signature__.parameters.values()])


def _sync(ep: Endpoint[P, R]) -> Callable[Concatenate[MemoryClient, P], R]:
    def call(self: MemoryClient, *args: P.args, **kwargs: P.kwargs) -> R:
        result: R = self._send(ep(*args, **kwargs))
        return result

    _method(call, ep)
    return call


def _async(ep: Endpoint[P, R]) -> Callable[Concatenate[AsyncMemoryClient, P],
                                           Coroutine[Any, Any, R]]:
    async def call(self: AsyncMemoryClient, *args: P.args, **kwargs: P.kwargs) -> R:
        result: R = await self._send(ep(*args, **kwargs))
        return result

    _method(call, ep)
    return call


def _server_sync(build: Callable[P, Call]) -> Callable[Concatenate[MemoryClient, P], Any]:
    """A client method for a server-only request (:class:`PlatformCalls`)."""
    def call(self: MemoryClient, *args: P.args, **kwargs: P.kwargs) -> Any:
        return self._send(build(*args, **kwargs))

    _plain(call, build)
    return call


def _server_async(build: Callable[P, Call]) -> Callable[Concatenate[AsyncMemoryClient, P],
                                                        Coroutine[Any, Any, Any]]:
    async def call(self: AsyncMemoryClient, *args: P.args, **kwargs: P.kwargs) -> Any:
        return await self._send(build(*args, **kwargs))

    _plain(call, build)
    return call


def _plain(call: Callable[..., Any], build: Callable[..., Any]) -> None:
    functools.update_wrapper(call, build, updated=())
    del call.__wrapped__  # type: ignore[attr-defined]
    sig = inspect.signature(build)
    self = inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)
    call.__signature__ = sig.replace(  # type: ignore[attr-defined]
        parameters=[self, *sig.parameters.values()])


class ProjectSettings:
    """``client.project.get/update`` as on mem0ai's client (awaitable on the async one)."""

    def __init__(self, client: MemoryClient | AsyncMemoryClient) -> None:
        self._client = client

    def get(self, fields: list[str] | None = None) -> Any:
        return self._client.get_project(fields)

    def update(self, **settings: Any) -> Any:
        return self._client.update_project(**settings)


class MemoryClient(_Base):
    """Blocking client; thread-safe (httpx pools connections)."""

    def __init__(self, api_key: str | None = None, host: str | None = None, *,
                 timeout: float = 30.0, max_retries: int = 3, backoff: float = 0.25,
                 http: httpx.Client | None = None) -> None:
        super().__init__(api_key, host, timeout, max_retries, backoff)
        self._http = http or httpx.Client(base_url=self.host, headers=self._headers,
                                          timeout=self._timeout)

    def _send(self, call: Call) -> Any:
        attempt = 0
        while True:
            try:
                response, exc = self._http.request(call.method, call.path, params=call.params,
                                                   json=call.json), None
            except httpx.TransportError as e:
                response, exc = None, e
            retry, value = self._after(call, attempt, response, exc)
            if not retry:
                return value
            time.sleep(value)
            attempt += 1

    add = _sync(Calls.add)
    search = _sync(Calls.search)
    search_by_vector = _sync(Calls.search_by_vector)
    get = _sync(Calls.get)
    get_all = _sync(Calls.get_all)
    update = _sync(Calls.update)
    delete = _sync(Calls.delete)
    delete_all = _sync(Calls.delete_all)
    history = _sync(Calls.history)
    undo = _sync(Calls.undo)
    reextract = _sync(Calls.reextract)
    scopes = _sync(Calls.scopes)
    batch_update = _sync(Calls.batch_update)
    batch_delete = _sync(Calls.batch_delete)
    flush = _sync(Calls.flush)
    reset = _sync(Calls.reset)
    # The server's Platform features (mem0ai's MemoryClient names and parameters).
    queue_add = _sync(PlatformCalls.queue_add)
    get_event = _server_sync(PlatformCalls.get_event)
    get_events = _server_sync(PlatformCalls.get_events)
    feedback = _server_sync(PlatformCalls.feedback)
    create_memory_export = _server_sync(PlatformCalls.create_memory_export)
    get_memory_export = _server_sync(PlatformCalls.get_memory_export)
    get_summary = _server_sync(PlatformCalls.get_summary)
    get_webhooks = _server_sync(PlatformCalls.get_webhooks)
    create_webhook = _server_sync(PlatformCalls.create_webhook)
    update_webhook = _server_sync(PlatformCalls.update_webhook)
    delete_webhook = _server_sync(PlatformCalls.delete_webhook)
    webhook_deliveries = _server_sync(PlatformCalls.webhook_deliveries)
    get_project = _server_sync(PlatformCalls.get_project)
    update_project = _server_sync(PlatformCalls.update_project)

    @property
    def project(self) -> ProjectSettings:
        """Mem0's ``client.project``: ``.get(fields)`` and ``.update(**settings)``."""
        return ProjectSettings(self)

    def users(self) -> Any:
        return self._send(Calls.users())

    def ping(self) -> Any:
        return self._send(Calls.ping())

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> MemoryClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncMemoryClient(_Base):
    """Awaitable client with the same methods as :class:`MemoryClient`."""

    def __init__(self, api_key: str | None = None, host: str | None = None, *,
                 timeout: float = 30.0, max_retries: int = 3, backoff: float = 0.25,
                 http: httpx.AsyncClient | None = None) -> None:
        super().__init__(api_key, host, timeout, max_retries, backoff)
        self._http = http or httpx.AsyncClient(base_url=self.host, headers=self._headers,
                                               timeout=self._timeout)

    async def _send(self, call: Call) -> Any:
        attempt = 0
        while True:
            try:
                response, exc = await self._http.request(
                    call.method, call.path, params=call.params, json=call.json), None
            except httpx.TransportError as e:
                response, exc = None, e
            retry, value = self._after(call, attempt, response, exc)
            if not retry:
                return value
            await asyncio.sleep(value)
            attempt += 1

    add = _async(Calls.add)
    search = _async(Calls.search)
    search_by_vector = _async(Calls.search_by_vector)
    get = _async(Calls.get)
    get_all = _async(Calls.get_all)
    update = _async(Calls.update)
    delete = _async(Calls.delete)
    delete_all = _async(Calls.delete_all)
    history = _async(Calls.history)
    undo = _async(Calls.undo)
    reextract = _async(Calls.reextract)
    scopes = _async(Calls.scopes)
    batch_update = _async(Calls.batch_update)
    batch_delete = _async(Calls.batch_delete)
    flush = _async(Calls.flush)
    reset = _async(Calls.reset)
    queue_add = _async(PlatformCalls.queue_add)
    get_event = _server_async(PlatformCalls.get_event)
    get_events = _server_async(PlatformCalls.get_events)
    feedback = _server_async(PlatformCalls.feedback)
    create_memory_export = _server_async(PlatformCalls.create_memory_export)
    get_memory_export = _server_async(PlatformCalls.get_memory_export)
    get_summary = _server_async(PlatformCalls.get_summary)
    get_webhooks = _server_async(PlatformCalls.get_webhooks)
    create_webhook = _server_async(PlatformCalls.create_webhook)
    update_webhook = _server_async(PlatformCalls.update_webhook)
    delete_webhook = _server_async(PlatformCalls.delete_webhook)
    webhook_deliveries = _server_async(PlatformCalls.webhook_deliveries)
    get_project = _server_async(PlatformCalls.get_project)
    update_project = _server_async(PlatformCalls.update_project)

    @property
    def project(self) -> ProjectSettings:
        """Mem0's ``client.project``: ``.get(fields)`` and ``.update(**settings)``."""
        return ProjectSettings(self)

    async def users(self) -> Any:
        return await self._send(Calls.users())

    async def ping(self) -> Any:
        return await self._send(Calls.ping())

    async def close(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> AsyncMemoryClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

"""The ASGI edge every request passes: request id, body size and time limits, metrics,
access log.

Written as plain ASGI (not ``BaseHTTPMiddleware``) so it adds microseconds, not a task
per request. ``X-Request-ID`` is taken from the request when it is sane (else a new one)
and returned on every response.

>>> sane_request_id("abc-123"), sane_request_id("x" * 500) is None
('abc-123', True)
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import anyio

from engram.server._logging import logger
from engram.server._metrics import Metrics

__all__ = ["EdgeMiddleware", "sane_request_id"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_RID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def sane_request_id(value: str | None) -> str | None:
    return value if value and _RID.match(value) else None


class EdgeMiddleware:
    def __init__(self, app: ASGIApp, *, metrics: Metrics, max_body: int,
                 body_timeout: float = 30.0) -> None:
        self.app = app
        self.metrics = metrics
        self.max_body = max_body
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        rid = sane_request_id(headers.get("x-request-id")) or uuid.uuid4().hex
        state = scope.setdefault("state", {})
        state["request_id"] = rid
        start = time.perf_counter()
        status = [500]

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                message["headers"] = [*message.get("headers", []),
                                      (b"x-request-id", rid.encode("latin-1"))]
            await send(message)

        try:
            refusal = self._check_length(headers.get("content-length"))
            if refusal is None and scope["method"] in ("POST", "PUT", "PATCH", "DELETE"):
                receive, refusal = await self._buffer(receive)
            if refusal is not None:
                await _json(send_with_id, refusal[0], {"detail": refusal[1], "error": refusal[2],
                                                       "request_id": rid})
            else:
                await self.app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - start
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            method = scope["method"]
            self.metrics.requests.inc((method, route, str(status[0])))
            self.metrics.latency.observe((method, route), elapsed)
            logger.info("request", extra={
                "request_id": rid, "method": method, "path": scope["path"], "route": route,
                "status": status[0], "duration_ms": round(elapsed * 1000, 2),
                "key_id": state.get("key_id"), "tenant": state.get("tenant")})

    def _check_length(self, value: str | None) -> tuple[int, str, str] | None:
        if value is None:
            return None
        if not value.isdigit():
            return 400, "content-length: not a number", "InvalidInput"
        if int(value) > self.max_body:
            return 413, f"body: larger than the limit of {self.max_body} bytes", "PayloadTooLarge"
        return None

    async def _buffer(self, receive: Receive) -> tuple[Receive, tuple[int, str, str] | None]:
        """The body is read here, up to the size limit (a chunked body has no
        Content-Length to check first) and within ``body_timeout`` seconds (a client that
        sends half a body and stalls is answered 408 and its connection closed), then
        replayed to the app."""
        chunks: list[bytes] = []
        size = 0
        with anyio.move_on_after(self.body_timeout):
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    break
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                if size > self.max_body:
                    return receive, (413, f"body: larger than the limit of {self.max_body} "
                                          "bytes", "PayloadTooLarge")
                if not message.get("more_body"):
                    break
            return self._replay(receive, b"".join(chunks)), None
        return receive, (408, f"body: not received within {self.body_timeout:g} s",
                         "RequestTimeout")

    @staticmethod
    def _replay(receive: Receive, body: bytes) -> Receive:
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return replay


async def _json(send: Send, status: int, body: dict[str, Any]) -> None:
    data = json.dumps(body).encode()
    headers = [(b"content-type", b"application/json"),
               (b"content-length", str(len(data)).encode())]
    if status == 408:  # the client stalled mid-body: end the connection
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})

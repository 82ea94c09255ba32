"""The server edge: one table from Engram errors to HTTP statuses, and the JSON error body.

Every error answer is ``{"detail": str, "error": class name, ...}`` with ``field`` for bad
input (so a client can tell which field), ``retryable`` for LLM failures, and the
request id. Bad input is never a 500.

>>> from engram.errors import InvalidInput, NotFound
>>> status_for(InvalidInput("top_k", "too big")), status_for(NotFound("memory", "m1"))
(400, 404)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from engram import errors as E
from engram._chars import shown
from engram.server._logging import logger

__all__ = ["STATUS", "error_body", "install_error_handlers", "status_for"]

# First match wins: most specific classes first.
STATUS: list[tuple[type[E.EngramError], int]] = [
    (E.InvalidInput, 400),  # InvalidFilter included: both name the offending field
    (E.NotFound, 404),
    (E.NotSupported, 501),
    (E.EmbedderError, 503),
    (E.StoreError, 503),  # the transaction was rolled back: safe to retry
    (E.ConfigError, 500),  # the server is misconfigured; the message says how
    (E.EngramError, 500),
]


def status_for(exc: E.EngramError) -> int:
    if isinstance(exc, E.LLMError):
        return 503 if exc.retryable else 502
    return next(code for cls, code in STATUS if isinstance(exc, cls))


def error_body(exc: E.EngramError) -> dict[str, Any]:
    body: dict[str, Any] = {"detail": str(exc), "error": type(exc).__name__}
    if isinstance(exc, E.InvalidInput):
        body.update(field=exc.field, problem=exc.problem)
    elif isinstance(exc, E.NotFound):
        body.update(what=exc.what, id=exc.ident)
    elif isinstance(exc, E.LLMError):
        body["retryable"] = exc.retryable
    # An error may quote what the caller sent; a lone surrogate in it would make the JSON
    # answer itself fail (a 500 for bad input), so text is escaped.
    return {k: shown(v) if isinstance(v, str) else v for k, v in body.items()}


def _request_id(request: Request) -> str:
    return str(request.scope.get("state", {}).get("request_id", ""))


def _field_of(loc: Sequence[Any]) -> str:
    parts = [p for p in loc if p not in ("body", "query", "path", "header")]
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return shown(out) or "body"  # the path may hold a key the caller sent


async def _engram_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, E.EngramError)
    status = status_for(exc)
    metrics = getattr(request.app.state, "metrics", None)
    if metrics is not None:
        metrics.errors.inc((type(exc).__name__,))
        if isinstance(exc, E.LLMError):
            metrics.llm_failures.inc()
    if status >= 500 and status != 501:
        logger.error("engram error", extra={"request_id": _request_id(request),
                                             "error": type(exc).__name__, "detail": str(exc)})
    body = error_body(exc)
    body["request_id"] = _request_id(request)
    headers = {"Retry-After": "1"} if status == 503 else None
    return JSONResponse(body, status_code=status, headers=headers)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errs = exc.errors()
    first = errs[0] if errs else {"loc": ("body",), "msg": "invalid request"}
    field = _field_of(first.get("loc", ("body",)))
    msg = shown(str(first.get("msg", "invalid")))
    detail = f"{field}: {msg}"
    if first.get("type") == "extra_forbidden":
        detail = f"{field}: unknown field"
    return JSONResponse({"detail": detail, "error": "InvalidInput", "field": field,
                         "problem": msg,
                         "errors": [{"field": _field_of(e.get("loc", ())),
                                     "msg": shown(str(e.get("msg")))}
                                    for e in errs[:20]],
                         "request_id": _request_id(request)}, status_code=422)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    body: dict[str, Any] = {"detail": exc.detail, "error": _HTTP_NAMES.get(exc.status_code, "HTTPError"),
                            "request_id": _request_id(request)}
    return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    # The one broad catch, at the edge: log the traceback, answer without internals.
    logger.exception("unhandled error", extra={"request_id": _request_id(request)})
    return JSONResponse({"detail": "internal server error; see the server log",
                         "error": "InternalError", "request_id": _request_id(request)},
                        status_code=500)


_HTTP_NAMES = {401: "AuthenticationError", 403: "Forbidden", 404: "NotFound",
               405: "MethodNotAllowed", 413: "PayloadTooLarge", 429: "RateLimited",
               501: "NotSupported"}


def install_error_handlers(app: Any) -> None:
    app.add_exception_handler(E.EngramError, _engram_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)

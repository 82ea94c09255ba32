"""The retry policy, written once for every provider.

A provider wraps one request-and-parse attempt in a function and hands it to
:func:`call_with_retries`. Each failure is classified: transient failures (timeouts,
connection errors, 408/409/429/5xx, unparseable or invalid output) are retried after an
exponential, jittered delay, or after the server's ``Retry-After`` when it sends one;
permanent ones (401, 403, 400, bad configuration) stop at once. After the last attempt
the caller gets one :class:`~engram.errors.LLMError` with ``retryable`` and ``attempts``.

>>> policy = RetryPolicy(max_attempts=4, base_delay=1.0, jitter=0.0)
>>> list(policy.delays())
[1.0, 2.0, 4.0]
>>> calls = []
>>> def flaky():
...     calls.append(1)
...     if len(calls) < 3:
...         raise TimeoutError("slow")
...     return {"ok": True}
>>> call_with_retries(flaky, policy, sleep=lambda s: None)
{'ok': True}
"""

from __future__ import annotations

import email.utils
import logging
import random
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from engram.errors import LLMError

__all__ = [
    "RetryPolicy",
    "Verdict",
    "classify",
    "retryable_status",
    "retry_after_seconds",
    "call_with_retries",
]

log = logging.getLogger("engram.llm")
T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently to retry.

    ``max_attempts`` counts the first try. The n-th retry waits ``base_delay * 2**(n-1)``
    seconds, capped at ``max_delay``, scaled by a random factor in ``[1 - jitter, 1]``
    so that many clients do not retry in lockstep. A server ``Retry-After`` replaces the
    computed delay; one longer than ``max_retry_after`` is not waited for (the call
    fails at once, still marked retryable, so the caller can come back later).
    """

    max_attempts: int = 3
    base_delay: float = 0.5
    max_delay: float = 8.0
    jitter: float = 0.25
    max_retry_after: float = 60.0

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError(f"max_attempts must be at least 1, got {self.max_attempts}")
        if self.base_delay < 0 or self.max_delay < 0:
            raise ValueError("delays must not be negative")
        if not 0.0 <= self.jitter <= 1.0:
            raise ValueError(f"jitter must be within [0, 1], got {self.jitter}")

    def delay(
        self,
        retry: int,
        *,
        retry_after: float | None = None,
        rand: Callable[[], float] = random.random,
    ) -> float:
        """Seconds to wait before retry number ``retry`` (1 for the first retry)."""
        if retry_after is not None:
            return max(0.0, retry_after)
        backoff = min(self.max_delay, self.base_delay * 2 ** (retry - 1))
        return backoff * (1.0 - self.jitter * rand())

    def delays(self, rand: Callable[[], float] = random.random) -> Iterator[float]:
        """The planned waits between attempts when no server says otherwise."""
        for retry in range(1, self.max_attempts):
            yield self.delay(retry, rand=rand)


@dataclass(frozen=True)
class Verdict:
    """What one failure means: retry or not, why, and the server's requested wait."""

    retryable: bool
    reason: str
    retry_after: float | None = None


def retryable_status(status: int) -> bool:
    """True for HTTP statuses worth retrying: 408, 409, 425, 429 and every 5xx."""
    return status in (408, 409, 425, 429) or status >= 500


def retry_after_seconds(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """The wait a server asked for via ``retry-after-ms`` or ``Retry-After``, if any.

    >>> retry_after_seconds({"retry-after": "2"})
    2.0
    >>> retry_after_seconds({"retry-after-ms": "250"})
    0.25
    >>> retry_after_seconds({"retry-after": "soon"}) is None
    True
    """
    lowered = {k.lower(): v for k, v in headers.items()}
    millis = lowered.get("retry-after-ms")
    if millis is not None:
        try:
            return max(0.0, float(millis) / 1000.0)
        except ValueError:
            pass  # malformed: fall back to the standard header
    value = lowered.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass  # not seconds: maybe an HTTP date
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


def classify(
    exc: BaseException,
    *,
    transient: tuple[type[BaseException], ...] = (),
    permanent: tuple[type[BaseException], ...] = (),
) -> Verdict | None:
    """Sort a failure; ``None`` means "not an LLM failure" (a bug: let it propagate).

    ``transient``/``permanent`` are a provider's own exception types without an HTTP
    status (its connection errors, its configuration errors).
    """
    if isinstance(exc, LLMError):  # already judged (MalformedOutput, a provider's verdict)
        return Verdict(exc.retryable, str(exc))
    if isinstance(exc, (TimeoutError, ConnectionError, *transient)):
        return Verdict(True, f"{type(exc).__name__}: {exc}")
    status = getattr(exc, "status_code", None)
    if isinstance(status, int):
        return Verdict(retryable_status(status), f"HTTP {status}: {exc}", _header_wait(exc))
    if isinstance(exc, permanent):
        return Verdict(False, f"{type(exc).__name__}: {exc}")
    return None


def call_with_retries(
    fn: Callable[[], T],
    policy: RetryPolicy,
    *,
    sleep: Callable[[float], Any] = time.sleep,
    transient: tuple[type[BaseException], ...] = (),
    permanent: tuple[type[BaseException], ...] = (),
    label: str = "LLM",
) -> T:
    """``fn()``, retried per ``policy``; an :class:`LLMError` once it gives up."""
    attempt = 0
    while True:
        attempt += 1
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 - sorted right below; unknown ones re-raised
            verdict = classify(exc, transient=transient, permanent=permanent)
            if verdict is None:
                raise
            last = exc
        wait = policy.delay(attempt, retry_after=verdict.retry_after)
        give_up = not verdict.retryable or attempt >= policy.max_attempts
        if verdict.retry_after is not None and verdict.retry_after > policy.max_retry_after:
            give_up = True  # the server wants a longer pause than we are willing to hold
        if give_up:
            raise LLMError(
                f"{label} failed after {attempt} attempt(s): {verdict.reason}",
                retryable=verdict.retryable,
                attempts=attempt,
            ) from last
        log.info(
            "%s attempt %d failed (%s); retrying in %.2fs", label, attempt, verdict.reason, wait
        )
        sleep(wait)


def _header_wait(exc: BaseException) -> float | None:
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    return retry_after_seconds(headers)

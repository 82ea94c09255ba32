"""The retry policy: delays, classification, and the loop that applies them."""

from __future__ import annotations

import email.utils

import pytest

from engram.errors import LLMError
from engram.llm import RetryPolicy
from engram.llm._json import MalformedOutput
from engram.llm._retry import (
    Verdict,
    call_with_retries,
    classify,
    retry_after_seconds,
    retryable_status,
)


class StatusError(Exception):
    """Shaped like the SDKs' APIStatusError: a status code and a response with headers."""

    def __init__(self, status: int, headers: dict[str, str] | None = None) -> None:
        super().__init__(f"status {status}")
        self.status_code = status
        self.response = type("R", (), {"headers": headers or {}})()


def test_delays_grow_exponentially_and_stop_at_the_cap() -> None:
    policy = RetryPolicy(max_attempts=7, base_delay=0.5, max_delay=4.0, jitter=0.0)
    assert list(policy.delays()) == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]


def test_one_attempt_means_no_delays() -> None:
    assert list(RetryPolicy(max_attempts=1).delays()) == []


def test_jitter_stays_within_bounds() -> None:
    policy = RetryPolicy(max_attempts=5, base_delay=1.0, max_delay=8.0, jitter=0.5)
    assert list(policy.delays(rand=lambda: 0.0)) == [1.0, 2.0, 4.0, 8.0]
    assert list(policy.delays(rand=lambda: 1.0)) == [0.5, 1.0, 2.0, 4.0]
    for _ in range(200):
        for n, d in enumerate(policy.delays(), start=1):
            full = min(8.0, 2 ** (n - 1))
            assert full * 0.5 <= d <= full


def test_retry_after_replaces_the_backoff() -> None:
    policy = RetryPolicy(base_delay=0.5)
    assert policy.delay(1, retry_after=7.0) == 7.0
    assert policy.delay(3, retry_after=0.0) == 0.0


@pytest.mark.parametrize("bad", [{"max_attempts": 0}, {"base_delay": -1}, {"jitter": 1.5}])
def test_nonsense_policies_are_refused(bad: dict) -> None:
    with pytest.raises(ValueError):
        RetryPolicy(**bad)


def test_retry_after_header_forms() -> None:
    assert retry_after_seconds({"Retry-After": "5"}) == 5.0
    assert retry_after_seconds({"retry-after": "1.5"}) == 1.5
    assert retry_after_seconds({"retry-after-ms": "1200", "retry-after": "9"}) == 1.2
    assert retry_after_seconds({}) is None
    assert retry_after_seconds({"retry-after": "-3"}) == 0.0
    date = email.utils.formatdate(1_000_030, usegmt=True)
    assert retry_after_seconds({"retry-after": date}, now=1_000_000) == 30.0


@pytest.mark.parametrize(
    ("status", "retryable"),
    [
        (400, False),
        (401, False),
        (403, False),
        (404, False),
        (422, False),
        (408, True),
        (409, True),
        (429, True),
        (500, True),
        (502, True),
        (503, True),
        (529, True),
    ],
)
def test_status_classification(status: int, retryable: bool) -> None:
    assert retryable_status(status) is retryable
    verdict = classify(StatusError(status))
    assert verdict is not None and verdict.retryable is retryable


def verdict(exc: BaseException, **kinds: tuple[type[BaseException], ...]) -> Verdict:
    found = classify(exc, **kinds)
    assert found is not None
    return found


def test_classification_of_other_failures() -> None:
    class SdkConnectionError(Exception):
        pass

    class SdkConfigError(Exception):
        pass

    kinds = {"transient": (SdkConnectionError,), "permanent": (SdkConfigError,)}
    assert verdict(TimeoutError("t")).retryable
    assert verdict(ConnectionResetError("r")).retryable
    assert verdict(MalformedOutput("m")).retryable
    assert verdict(SdkConnectionError(), **kinds).retryable
    assert not verdict(SdkConfigError(), **kinds).retryable
    assert not verdict(LLMError("refused", retryable=False)).retryable
    assert verdict(StatusError(429, {"retry-after": "2"})).retry_after == 2.0
    assert classify(KeyError("a bug")) is None


def scripted(*outcomes):
    """A function that raises or returns the outcomes in order, counting calls."""
    calls = []

    def fn():
        calls.append(1)
        outcome = outcomes[len(calls) - 1]
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    return fn, calls


def test_succeeds_after_transient_failures_with_growing_waits() -> None:
    fn, calls = scripted(TimeoutError(), StatusError(503), "ok")
    sleeps: list[float] = []
    policy = RetryPolicy(max_attempts=3, base_delay=1.0, jitter=0.0)
    assert call_with_retries(fn, policy, sleep=sleeps.append) == "ok"
    assert sleeps == [1.0, 2.0]


def test_gives_up_after_max_attempts_with_the_last_reason() -> None:
    fn, calls = scripted(TimeoutError(), StatusError(500), MalformedOutput("garbage"))
    with pytest.raises(LLMError) as info:
        call_with_retries(fn, RetryPolicy(max_attempts=3), sleep=lambda s: None, label="m")
    assert info.value.retryable is True and info.value.attempts == 3
    assert "garbage" in str(info.value) and str(info.value).startswith("m failed after 3")
    assert isinstance(info.value.__cause__, MalformedOutput)


def test_permanent_failure_stops_at_once() -> None:
    fn, calls = scripted(StatusError(401), "never reached")
    sleeps: list[float] = []
    with pytest.raises(LLMError) as info:
        call_with_retries(fn, RetryPolicy(), sleep=sleeps.append)
    assert info.value.retryable is False and info.value.attempts == 1
    assert len(calls) == 1 and sleeps == []


def test_server_retry_after_is_slept_and_an_excessive_one_is_not() -> None:
    fn, _ = scripted(StatusError(429, {"retry-after": "3"}), "ok")
    sleeps: list[float] = []
    assert call_with_retries(fn, RetryPolicy(), sleep=sleeps.append) == "ok"
    assert sleeps == [3.0]
    fn, calls = scripted(StatusError(429, {"retry-after": "3600"}), "ok")
    with pytest.raises(LLMError) as info:
        call_with_retries(fn, RetryPolicy(max_retry_after=60), sleep=sleeps.append)
    assert info.value.retryable is True and len(calls) == 1


def test_unknown_exceptions_are_bugs_and_propagate_untouched() -> None:
    fn, calls = scripted(ZeroDivisionError("bug"), "ok")
    with pytest.raises(ZeroDivisionError):
        call_with_retries(fn, RetryPolicy(), sleep=lambda s: None)
    assert len(calls) == 1

"""The pure pieces of the server and client: no network."""

from __future__ import annotations

import json
import logging

import pytest

from engram import errors as E
from engram.client import error_from_response, retry_delay
from engram.server import KeyStore, ServerSettings
from engram.server._auth import parse_authorization
from engram.server._errors import error_body, status_for
from engram.server._logging import JsonFormatter
from engram.server._metrics import Histogram, Metrics
from engram.server._ratelimit import RateLimiter
from engram.server._requests import query_filters, scope_ids, timestamp_text


def test_token_bucket_refills_at_the_rate():
    now = [0.0]
    rl = RateLimiter(rate=2.0, burst=3, clock=lambda: now[0])
    assert [rl.check("k") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert rl.check("k") == pytest.approx(0.5)
    assert rl.check("other") == 0.0
    now[0] = 0.5
    assert rl.check("k") == 0.0 and rl.check("k") > 0
    now[0] = 100.0  # refills to the burst, never beyond
    assert [rl.check("k") for _ in range(4)][-1] > 0
    assert RateLimiter(rate=0, burst=0).check("k") == 0.0


@pytest.mark.parametrize("exc,status", [
    (E.InvalidInput("f", "bad"), 400), (E.InvalidFilter("filters.x", "bad"), 400),
    (E.NotFound("memory", "m"), 404), (E.NotSupported("x"), 501),
    (E.LLMError("down", retryable=True), 503), (E.LLMError("bad key"), 502),
    (E.StoreError("locked"), 503), (E.EmbedderError("x"), 503), (E.ConfigError("x"), 500),
])
def test_error_table_and_round_trip_through_the_client(exc, status):
    assert status_for(exc) == status
    back = error_from_response(status, error_body(exc))
    assert type(back) is type(exc) and str(back) == str(exc)


def test_client_maps_http_only_errors():
    assert isinstance(error_from_response(401, {"detail": "no"}), E.ConfigError)
    assert isinstance(error_from_response(413, {"detail": "big"}), E.InvalidInput)
    assert type(error_from_response(500, "oops")) is E.EngramError


def test_retry_policy():
    kw = {"backoff": 0.1, "max_retries": 3}
    assert retry_delay(0, 429, None, "2", **kw) == 2.0
    assert 0.05 <= retry_delay(0, 503, None, None, **kw) <= 0.1
    assert 0.2 <= retry_delay(2, None, None, None, **kw) <= 0.4
    assert retry_delay(3, 503, None, None, **kw) is None
    assert retry_delay(0, 400, None, None, **kw) is None
    assert retry_delay(0, 500, None, None, **kw) is None
    assert retry_delay(0, 502, {"retryable": False}, None, **kw) is None
    assert retry_delay(0, 502, {"retryable": True}, None, **kw) is not None
    assert retry_delay(0, 429, None, "999", **kw) == 30.0


def test_authorization_header_parsing():
    assert parse_authorization("Token eng_a") == "eng_a"
    assert parse_authorization("BEARER  eng_a ") == "eng_a"
    for bad in (None, "", "Token", "Basic eng_a", "eng_a"):
        assert parse_authorization(bad) is None


def test_keys_are_hashed_and_revocable(tmp_path):
    ks = KeyStore(tmp_path / "k.db")
    kid, secret = ks.create("org", "proj")
    raw = (tmp_path / "k.db").read_bytes()
    assert secret.encode() not in raw
    assert ks.verify(secret).namespace == "org/proj"
    assert ks.verify(secret + "x") is None
    ks.revoke(kid)
    assert ks.verify(secret) is None
    with pytest.raises(E.NotFound):
        ks.revoke(kid)
    for org in ("a/b", "", "-x", "x" * 65):
        with pytest.raises(E.InvalidInput):
            ks.create(org, "p")


def test_request_translations():
    assert scope_ids("s1", {"user_id": "u"}, {"user_id": "u", "agent_id": None,
                                              "run_id": None}) == {"user_id": "u", "run_id": "s1"}
    with pytest.raises(E.InvalidInput):
        scope_ids(None, {"user_id": "a"}, {"user_id": "b"})
    with pytest.raises(E.InvalidInput):
        scope_ids(None, {"topic": "x"}, {})
    assert timestamp_text(0) == "1970-01-01T00:00:00+00:00"
    with pytest.raises(E.InvalidInput):
        timestamp_text(1e30)
    assert query_filters("{'user_id': 'u'}") == {"user_id": "u"}  # httpx's repr of a dict
    assert query_filters('{"user_id": "u"}') == {"user_id": "u"}
    for bad in ("__import__('os')", "[1]", "{"):
        with pytest.raises(E.InvalidInput):
            query_filters(bad)


def test_settings_from_env_and_checks(tmp_path):
    s = ServerSettings.from_env({"ENGRAM_HOME": str(tmp_path), "ENGRAM_SERVER_RATE": "0",
                                 "ENGRAM_SERVER_MAX_TOP_K": "7"})
    assert (s.rate_per_second, s.max_top_k, s.keys_path) == (0.0, 7, tmp_path / "keys.db")
    with pytest.raises(E.ConfigError):
        ServerSettings.from_env({"ENGRAM_SERVER_MAX_TOP_K": "lots"})
    with pytest.raises(E.ConfigError):
        ServerSettings(max_batch=0)


def test_metrics_exposition():
    m = Metrics()
    m.latency.observe(("GET", "/x"), 0.003)
    m.latency.observe(("GET", "/x"), 20.0)
    text = m.render()
    assert 'engram_http_request_duration_seconds_bucket{method="GET",route="/x",le="0.005"} 1' in text
    assert 'engram_http_request_duration_seconds_bucket{method="GET",route="/x",le="+Inf"} 2' in text
    assert 'engram_http_request_duration_seconds_count{method="GET",route="/x"} 2' in text
    h = Histogram("h", "help", ("l",))
    h.observe(('a"b',), 1)
    assert 'l="a\\"b"' in "\n".join(h.render())


def test_json_log_lines():
    rec = logging.LogRecord("engram.server", logging.INFO, "", 0, "request", None, None)
    rec.request_id, rec.status = "r1", 200
    line = json.loads(JsonFormatter().format(rec))
    assert line["msg"] == "request" and line["request_id"] == "r1" and line["status"] == 200

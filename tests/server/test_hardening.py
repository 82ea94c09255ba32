"""The server's edges under abuse: invalid keys are rate-limited per client address, and
clients that send half a request (headers or body) are cut off within seconds."""

from __future__ import annotations

import socket
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.server.conftest import ServerThread

from engram.server import KeyStore, ServerSettings, create_app
from engram.server._protocol import HeaderDeadlineProtocol
from engram.server._ratelimit import RateLimiter
from engram.testing import HashEmbedder


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class FastDeadline(HeaderDeadlineProtocol):
    header_timeout = 1.0


class Served(ServerThread):
    """The conftest's threaded server with ``engram serve``'s protocol (1 s header deadline)."""

    def __init__(self, tmp: Path, **settings: Any) -> None:
        self.settings = ServerSettings(keys_path=tmp / "keys.db", rate_per_second=0, **settings)
        self.app = create_app({"store": {"path": str(tmp / "engram.db")}}, settings=self.settings,
                              embedder=HashEmbedder())
        super().__init__(self.app, http=FastDeadline, timeout_graceful_shutdown=1, backlog=1024)

    def __enter__(self) -> Served:
        super().__enter__()
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def test_invalid_keys_are_rate_limited_per_address(tmp_path: Path) -> None:
    with Served(tmp_path, auth_fail_rate=0.5, auth_fail_burst=3) as s:
        clock = Clock()
        s.app.state.auth_limiter = RateLimiter(0.5, 3, clock=clock)
        _, good = KeyStore(s.settings.keys_path).create("acme", "p")
        with httpx.Client(base_url=s.url) as http:
            def ping(key: str | None) -> httpx.Response:
                headers = {"Authorization": f"Token {key}"} if key else {}
                return http.get("/v1/ping/", headers=headers)

            # A missing key is not a guess: never counted.
            assert [ping(None).status_code for _ in range(5)] == [401] * 5
            assert [ping("eng_wrong").status_code for _ in range(3)] == [401] * 3
            blocked = ping("eng_wrong")
            assert blocked.status_code == 429 and blocked.headers["Retry-After"] == "2"
            assert "invalid API keys from this address" in blocked.json()["detail"]
            # While blocked, the address learns nothing: a valid key gets 429 too.
            assert ping(good).status_code == 429
            clock.now += 2.0  # one token back
            assert ping(good).status_code == 200  # valid keys never take tokens
            assert ping("eng_wrong").status_code == 401
            assert ping("eng_wrong").status_code == 429


def _half_request(port: int, data: bytes) -> socket.socket:
    c = socket.create_connection(("127.0.0.1", port))
    c.sendall(data)
    c.settimeout(10)
    return c


def _closed_within(c: socket.socket, seconds: float) -> bytes:
    """Everything the server sent before closing; fails if it is still open after ``seconds``."""
    c.settimeout(seconds)
    got = b""
    try:
        while chunk := c.recv(65536):
            got += chunk
    except TimeoutError:
        pytest.fail(f"connection still open after {seconds} s; got {got[:200]!r}")
    finally:
        c.close()
    return got


def test_clients_that_stall_on_headers_are_cut_off(tmp_path: Path) -> None:
    with Served(tmp_path) as s:
        start = time.monotonic()
        stalled = [_half_request(s.port, b"POST /v3/memories/add/ HTTP/1.1\r\nHost: x\r\n")
                   for _ in range(200)]
        for c in stalled:
            assert _closed_within(c, 10.0) == b""
        # 200 connections held 1 s each by the deadline, not 30 s (uvicorn alone: forever).
        assert time.monotonic() - start < 8.0
        assert httpx.get(s.url + "/healthz").status_code == 200


def test_a_body_sent_too_slowly_gets_408_and_the_connection_closes(tmp_path: Path) -> None:
    with Served(tmp_path, body_timeout=1.0) as s:
        start = time.monotonic()
        c = _half_request(s.port, b"POST /v3/memories/add/ HTTP/1.1\r\nHost: x\r\n"
                                  b"Authorization: Token eng_x\r\nContent-Type: application/json"
                                  b"\r\nContent-Length: 100\r\n\r\n{\"messages\": ")
        answer = _closed_within(c, 10.0)
        assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
        assert b"not received within 1 s" in answer
        assert time.monotonic() - start < 6.0
        # A keep-alive connection that goes quiet after its answer is closed as well.
        with httpx.Client(base_url=s.url) as http:
            assert http.get("/healthz").status_code == 200

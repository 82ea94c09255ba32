"""A real uvicorn server on 127.0.0.1 (random free port) for the server tests.

The session server runs in a thread of the test process so that it can use the fast
``HashEmbedder``; ``test_serve_cli.py`` starts ``engram serve`` as a subprocess on the
real default embedder.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("MEM0_TELEMETRY", "false")

uvicorn = pytest.importorskip("uvicorn")
pytest.importorskip("fastapi")

from engram.server import KeyStore, ServerSettings, create_app  # noqa: E402
from engram.server._ratelimit import RateLimiter  # noqa: E402
from engram.testing import HashEmbedder  # noqa: E402


@dataclass
class Running:
    url: str
    keys: KeyStore
    app: Any
    clock: ManualClock | None = None  # the rate limiter's clock, when the test drives it

    def new_key(self, org: str = "acme", project: str | None = None) -> str:
        """A key for a fresh project, so tests sharing the server never see each other."""
        return self.keys.create(org, project or "p-" + uuid.uuid4().hex[:10])[1]


class ManualClock:
    """A clock that moves only when a test moves it, so token-bucket refills are exact
    whatever the machine's load."""

    def __init__(self) -> None:
        self.now = 1_000.0
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self.now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.now += seconds


class ServerThread:
    """uvicorn in a thread on a free port; ``uvicorn_options`` override the Config (e.g. the
    hardening tests' HTTP protocol and backlog)."""

    def __init__(self, app: Any, **uvicorn_options: Any) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        options: dict[str, Any] = {"log_level": "warning", "log_config": None,
                                   "access_log": False, "lifespan": "on",
                                   "timeout_graceful_shutdown": 2, **uvicorn_options}
        config = uvicorn.Config(app, **options)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]},
                                       daemon=True)

    def __enter__(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)
        self.sock.close()


def start(tmp: Path, **settings: Any) -> tuple[ServerThread, Running]:
    s = ServerSettings(keys_path=tmp / "keys.db", **settings)
    app = create_app({"store": {"path": str(tmp / "engram.db")}}, settings=s,
                     embedder=HashEmbedder())
    thread = ServerThread(app)
    return thread, Running(url=f"http://127.0.0.1:{thread.port}", keys=KeyStore(s.keys_path),
                           app=app)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """The shared server: rate limiting off, small limits so tests can reach them."""
    thread, running = start(tmp_path_factory.mktemp("server"), rate_per_second=0,
                            max_body_bytes=200_000, max_messages=50, max_top_k=100,
                            max_batch=100)
    with thread:
        yield running


@pytest.fixture(scope="session")
def limited_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """A server whose keys get 3 requests at once and 2 more per (manual-clock) second."""
    thread, running = start(tmp_path_factory.mktemp("limited"), rate_per_second=2.0,
                            rate_burst=3)
    running.clock = ManualClock()
    running.app.state.limiter = RateLimiter(2.0, 3, clock=running.clock)
    with thread:
        yield running


@pytest.fixture(scope="session")
def engram_serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """``engram serve --workers 2`` as a user runs it (a subprocess on the real default
    embedder), shared by the tests that need the real thing: ``{"url", "key", "env",
    "home"}``; ``home / "keys.db"`` makes more keys."""
    from tests.server.test_serve_cli import serving

    with serving(tmp_path_factory.mktemp("home")) as s:
        yield s

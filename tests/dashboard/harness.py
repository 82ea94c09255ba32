"""A real Engram server with a seeded project, and headless Chromium driven by Playwright,
for the dashboard tests and ``bench/screens.py``.

The server is uvicorn in a thread on 127.0.0.1 (random port) with the fast HashEmbedder,
as in ``tests/server``; the browser is Debian's ``chromium`` found on ``PATH`` as the
Makefile finds it (``command -v chromium``), or ``ENGRAM_CHROMIUM`` (never downloaded).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from engram.server import KeyStore, ServerSettings, create_app
from engram.testing import HashEmbedder

CHROMIUM = os.environ.get("ENGRAM_CHROMIUM") or shutil.which("chromium") or ""
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@dataclass
class Site:
    url: str
    key: str
    keys: KeyStore
    ids: dict[str, str]  # named memories of the seeded project

    def api(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, headers={"Authorization": f"Token {self.key}"},
                            timeout=30)


@contextmanager
def serve(tmp: Path, embedder: Any = None,
          config: dict[str, Any] | None = None) -> Iterator[tuple[str, KeyStore]]:
    """uvicorn on a free port in a daemon thread (HashEmbedder unless given); stops on exit.
    ``config`` adds Memory config sections (e.g. ``{"graph": {"enabled": True}}``)."""
    settings = ServerSettings(keys_path=tmp / "keys.db", rate_per_second=0)
    app = create_app({"store": {"path": str(tmp / "engram.db")}, "llm": {"provider": "rules"},
                      **(config or {})}, settings=settings, embedder=embedder or HashEmbedder())
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", log_config=None,
                                           access_log=False, lifespan="on",
                                           timeout_graceful_shutdown=2))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the dashboard test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}", KeyStore(settings.keys_path)
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


ALICE = [
    ("Prefers green tea over coffee", {"topic": "food"}),
    ("Is vegetarian", {"topic": "food"}),
    ("Lives in Lisbon", {"topic": "home"}),
    ("Works as a data engineer", {"topic": "work"}),
    ("Plays the cello on weekends", {"topic": "hobby"}),
    ("Allergic to peanuts", {"topic": "health"}),
    ("Has a dog named Miso", {"topic": "home"}),
    ("Learning Japanese", {"topic": "hobby"}),
    ("Runs 5 km three times a week", {"topic": "health"}),
    ("Favourite author is Ursula K. Le Guin", {"topic": "books"}),
    ("Visiting Kyoto in April", {"topic": "travel"}),
    ("Prefers window seats on flights", {"topic": "travel"}),
]


def seed(site_url: str, key: str) -> dict[str, str]:
    """A small project: 24 memories of user alice (two pages), bob's, an agent's and a
    run's; one memory updated and one deleted so histories show every event."""
    ids: dict[str, str] = {}
    with httpx.Client(base_url=site_url, headers={"Authorization": f"Token {key}"},
                      timeout=30) as c:
        def add(text: str, **body: Any) -> str:
            r = c.post("/v3/memories/add/", json={"messages": [{"role": "user", "content": text}],
                                                   "infer": False, **body})
            r.raise_for_status()
            return str(r.json()["results"][0]["id"])

        for i in range(2):
            for text, meta in ALICE:
                ids[text if i == 0 else f"{text} #{i}"] = add(
                    text if i == 0 else f"{text} (note {i})", user_id="alice",
                    metadata={**meta, "source": "chat"})
        ids["bob"] = add("Bob is training for a marathon", user_id="bob",
                         metadata={"topic": "health"})
        add("Bob drinks his coffee black", user_id="bob")
        ids["agent"] = add("Always answer in British English", agent_id="planner")
        ids["run"] = add("Booked a ryokan for two nights", user_id="carol", run_id="trip-kyoto")
        moved = ids["Lives in Lisbon"]
        c.put(f"/v1/memories/{moved}/", json={"text": "Lives in Porto"}).raise_for_status()
        c.put(f"/v1/memories/{moved}/", json={"text": "Lives in Porto, near the river",
                                                "metadata": {"topic": "home", "source": "chat",
                                                             "confirmed": True}}).raise_for_status()
        gone = add("Temporary note to forget", user_id="bob")
        c.delete(f"/v1/memories/{gone}/").raise_for_status()
        ids["deleted"] = gone
    return ids


@contextmanager
def seeded_site(tmp: Path, embedder: Any = None,
                config: dict[str, Any] | None = None) -> Iterator[Site]:
    with serve(tmp, embedder, config) as (url, keys):
        _, key = keys.create("acme", "assistant")
        yield Site(url=url, key=key, keys=keys, ids=seed(url, key))


@contextmanager
def chromium() -> Iterator[Any]:
    """A Playwright Browser on Debian's Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def sign_in(page: Any, site: Site, key: str | None = None) -> None:
    page.goto(site.url + "/dashboard/")
    page.get_by_label("API key").fill(key or site.key)
    page.get_by_role("button", name="Sign in").click()

"""Queued adds (``async_mode=True``) survive a SIGKILL of ``engram serve``: a real server
subprocess (its own process group, reaped) on one store file, killed and started again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from tests.server.test_serve_cli import ENGRAM, cli, free_port, stop_group, wait_serving

from engram.client import MemoryClient


@contextmanager
def server(home: Path, **env_extra: str) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    env = {**os.environ, "ENGRAM_HOME": str(home), "ENGRAM_SERVER_RATE": "0",
           "ENGRAM_SERVER_JOB_LEASE": "2", "ENGRAM_SERVER_JOB_POLL": "0.2", **env_extra}
    env.pop("ENGRAM_DB", None)
    port = free_port()
    log = open(home / "server.log", "a")  # noqa: SIM115  # closed below
    proc = subprocess.Popen([*ENGRAM, "serve", "--port", str(port), "--workers", "1"], env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_serving(proc, url, home / "server.log")
        yield proc, url
    finally:
        stop_group(proc)
        log.close()


def kill(proc: subprocess.Popen[bytes]) -> None:
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def settled(client: MemoryClient, ids: list[str], timeout: float = 120) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        events = {i: client.get_event(i) for i in ids}
        if all(e["status"] in ("SUCCEEDED", "FAILED") for e in events.values()) or \
                time.monotonic() > deadline:
            return events
        time.sleep(0.2)


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_queued_adds_survive_sigkill_and_apply_exactly_once(tmp_path: Path, backend: str) -> None:
    home = tmp_path / "home"
    home.mkdir()
    store: dict[str, str] = {}
    if backend == "postgres":
        from tests import pg_server

        pg_server.require()
        store["ENGRAM_STORE_DSN"] = pg_server.fresh_dsn("durable")
    env = {**os.environ, "ENGRAM_HOME": str(home)}
    made = cli("keys", "create", "--org", "o", "--project", "p", "--json", env=env)
    assert made.returncode == 0, made.stderr
    key = json.loads(made.stdout)["key"]
    texts = [f"fact number {i} about the garden" for i in range(30)]

    # 1. A server that only queues (no worker here): SIGKILL right after the answers.
    with server(home, ENGRAM_SERVER_JOB_WORKERS="0", **store) as (proc, url):
        with MemoryClient(api_key=key, host=url) as c:
            first = [c.queue_add(t, user_id="dur", infer=False)["results"][0]["event_id"]
                     for t in texts[:15]]
            assert {c.get_event(i)["status"] for i in first} == {"PENDING"}
        kill(proc)

    # 2. A working server: it takes the queue over; killed again while adds still run.
    with server(home, **store) as (proc, url):
        with MemoryClient(api_key=key, host=url) as c:
            second = [c.queue_add(t, user_id="dur", infer=False)["results"][0]["event_id"]
                      for t in texts[15:]]
            time.sleep(0.3)
        kill(proc)

    # 3. After the last restart every queued add is applied, and none twice.
    with server(home, **store) as (_, url), MemoryClient(api_key=key, host=url) as c:
        events = settled(c, first + second)
        assert {e["status"] for e in events.values()} == {"SUCCEEDED"}
        stored = [m["memory"] for m in c.get_all(user_id="dur", page_size=100)["results"]]
        assert sorted(stored) == sorted(texts)
        assert all(len(events[i]["results"]) == 1 for i in first + second)

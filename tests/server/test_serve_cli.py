"""``engram keys`` and ``engram serve`` as a user runs them: a subprocess with two uvicorn
workers on the real default embedder (MiniLM), driven by MemoryClient."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from engram.client import MemoryClient

ENGRAM = [str(Path(sys.executable).parent / "engram")]


def wait_serving(proc: subprocess.Popen[bytes], url: str, log: Path) -> None:
    """Return once ``engram serve`` answers /healthz; fail with its log if it exits first
    or is not up within 180 s (generous: each worker loads MiniLM, which takes a minute on
    a machine at load 15+)."""
    deadline = time.monotonic() + 180
    while True:
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            pytest.fail("engram serve did not start:\n" + log.read_text())
        time.sleep(0.2)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ENGRAM, *args], env=env, capture_output=True, text=True, timeout=60)


@contextmanager
def serving(home: Path, workers: int = 2, **extra_env: str) -> Iterator[dict[str, Any]]:
    """``engram keys create`` then ``engram serve --workers N``, as a user runs them, with
    ``extra_env`` (e.g. the store's DSN) in the environment."""
    env = {**os.environ, "ENGRAM_HOME": str(home), "ENGRAM_SERVER_RATE": "0", **extra_env}
    env.pop("ENGRAM_DB", None)
    made = cli("keys", "create", "--org", "cli-org", "--project", "cli-proj", "--json", env=env)
    assert made.returncode == 0, made.stderr
    key = json.loads(made.stdout)
    port = free_port()
    log = open(home / "server.log", "w")  # noqa: SIM115  # closed in teardown
    # Its own session, so a failed start or teardown can end the uvicorn workers too:
    # killing only the supervisor left them running, holding the port and the store.
    proc = subprocess.Popen([*ENGRAM, "serve", "--port", str(port), "--workers", str(workers)], env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_serving(proc, url, home / "server.log")
        yield {"url": url, "key": key, "env": env, "home": home}
    finally:
        stop_group(proc)
        log.close()


def stop_group(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM the server's process group, then SIGKILL what is left; always reap the
    supervisor so no ResourceWarning fires in a later test."""
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 15)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture()
def served(engram_serve):
    return engram_serve


def round_trip(served: dict[str, Any]) -> None:
    with MemoryClient(api_key=served["key"]["key"], host=served["url"]) as c:
        assert c.ping()["project_id"] == "cli-proj"
        for text in ("I adopted a golden retriever named Biscuit",
                     "My favourite cuisine is Ethiopian food",
                     "I work as a nurse in Rotterdam"):
            c.add(text, user_id="zoe", infer=False)
        # Many requests land on both workers: each must see every write.
        for _ in range(6):
            hits = c.search("what pet does she have", user_id="zoe", top_k=1)["results"]
            assert hits[0]["memory"] == "I adopted a golden retriever named Biscuit"
            assert len(c.get_all(user_id="zoe")["results"]) == 3


def test_real_embedder_round_trip_across_workers(served):
    round_trip(served)


def test_serve_on_postgresql_by_dsn(tmp_path, shared_minilm):
    """``ENGRAM_STORE_DSN`` is all a user sets: the server uses that database, and a
    Memory configured with the same DSN sees what the server stored (the project's
    namespace)."""
    from tests import pg_server

    pg_server.require()
    dsn = pg_server.fresh_dsn("serve")
    # One worker: two processes on one database are covered by the store's cross-process
    # tests, and each worker costs a MiniLM load on this 2-core machine.
    with serving(tmp_path, workers=1, ENGRAM_STORE_DSN=dsn) as served:
        round_trip(served)
    from engram import Memory

    with Memory({"store": {"provider": "postgres", "dsn": dsn}}, embedder=shared_minilm,
                namespace="cli-org/cli-proj") as m:
        assert len(m.get_all(user_id="zoe")["results"]) == 3
    with Memory({"store": {"provider": "postgres", "dsn": dsn}}, embedder=shared_minilm) as m:
        assert m.get_all(user_id="zoe")["results"] == []  # another namespace
    assert not (tmp_path / "engram.db").exists()  # no SQLite file on the side


def test_logs_are_json_lines_with_request_ids(served):
    httpx.get(served["url"] + "/v1/ping/", headers={"X-Request-ID": "trace-me-42",
                                                    "Authorization": "Token " + served["key"]["key"]})
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        lines = (served["home"] / "server.log").read_text().splitlines()
        records = [json.loads(line) for line in lines if line.startswith("{")]
        hit = [r for r in records if r.get("request_id") == "trace-me-42"]
        if hit:
            assert hit[0]["status"] == 200 and hit[0]["route"] == "/v1/ping/"
            assert hit[0]["tenant"] == "cli-org/cli-proj"
            return
        time.sleep(0.1)
    pytest.fail("no JSON log line with the request id")


def test_keys_list_and_revoke(served):
    env = served["env"]
    listed = json.loads(cli("keys", "list", "--json", env=env).stdout)
    # (the server is shared: other tests' keys are listed too)
    assert served["key"]["id"] in [k["id"] for k in listed]
    assert all("key" not in k for k in listed) and served["key"]["key"] not in json.dumps(listed)
    assert cli("keys", "revoke", "key_missing", env=env).returncode == 3
    made = json.loads(cli("keys", "create", "--org", "o", "--project", "tmp", "--json",
                          env=env).stdout)
    h = {"Authorization": "Token " + made["key"]}
    assert httpx.get(served["url"] + "/v1/ping/", headers=h).status_code == 200
    assert cli("keys", "revoke", made["id"], env=env).returncode == 0
    assert httpx.get(served["url"] + "/v1/ping/", headers=h).status_code == 401
    bad = cli("keys", "create", "--org", "a/b", "--project", "p", env=env)
    assert bad.returncode == 2 and "org" in bad.stderr


def test_simultaneous_adds_on_two_workers_leave_one_residence(served):
    """Four requests saying where one user lives, sent at once to ``engram serve
    --workers 2``: the SQLite scope lock holds across the worker processes."""
    from concurrent.futures import ThreadPoolExecutor

    from tests.store.test_sqlite_processes import CITIES, TRIALS, check_one_residence

    failures = []
    with (MemoryClient(api_key=served["key"]["key"], host=served["url"]) as c,
          ThreadPoolExecutor(len(CITIES)) as pool):
        for trial in range(TRIALS):
            user = f"mover{trial}"
            said = list(pool.map(lambda city, u=user: c.add(f"I live in {city}", user_id=u,
                                                            infer=True), CITIES))
            ids = {r["id"] for res in said for r in res["results"]}
            if (failure := check_one_residence(c, user, ids)) is not None:
                failures.append(failure)
    assert failures == [], f"{len(failures)} of {TRIALS} trials failed: {failures[:3]}"

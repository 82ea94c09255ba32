"""Tenant isolation, rate limiting and concurrent clients on the real server."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import httpx
import pytest

from engram import errors as E
from engram.client import MemoryClient


def test_two_projects_with_the_same_user_ids_never_meet(server):
    with MemoryClient(api_key=server.new_key("acme", "proj-a"), host=server.url) as a, \
            MemoryClient(api_key=server.new_key("acme", "proj-b"), host=server.url) as b:
        check_isolation(a, b)


def check_isolation(a: MemoryClient, b: MemoryClient) -> None:
    a_ids = [a.add(f"alice secret number {i} from project A", user_id="alice",
                   infer=False)["results"][0]["id"] for i in range(3)]
    b_ids = [b.add("alice likes tea in project B", user_id="alice",
                   infer=False)["results"][0]["id"]]

    # search and list: only the caller's project, whatever the filters say
    assert {r["id"] for r in b.search("secret number project", user_id="alice")["results"]} \
        <= set(b_ids)
    assert b.search("secret", filters={"user_id": "alice", "id": {"in": a_ids}},
                    top_k=50)["results"] == []
    assert {r["id"] for r in b.get_all(user_id="alice")["results"]} == set(b_ids)
    assert b.get_all(filters={"id": {"in": a_ids}, "user_id": "alice"})["results"] == []
    assert b.users()["results"][0]["total_memories"] == 1

    # by id: A's memories do not exist for B
    for op in (lambda i: b.get(i), lambda i: b.history(i), lambda i: b.update(i, "hacked"),
               lambda i: b.delete(i), lambda i: b.batch_update([{"memory_id": i, "text": "x"}]),
               lambda i: b.batch_delete([i])):
        with pytest.raises(E.NotFound):
            op(a_ids[0])

    # scope deletes and reset in B leave A alone
    b.delete_all(user_id="alice")
    b.reset()
    assert len(a.get_all(user_id="alice")["results"]) == 3
    assert a.get(a_ids[0])["memory"] == "alice secret number 0 from project A"
    assert [h["event"] for h in a.history(a_ids[0])] == ["ADD"]


def test_same_project_name_in_two_orgs_is_two_tenants(server):
    with MemoryClient(api_key=server.new_key("org-one", "shared"), host=server.url) as one, \
            MemoryClient(api_key=server.new_key("org-two", "shared"), host=server.url) as two, \
            MemoryClient(api_key=server.new_key("org-one", "shared"), host=server.url) as again:
        one.add("only in org one", user_id="u", infer=False)
        assert two.get_all(user_id="u")["results"] == []
        # two keys of the same project do share it
        assert len(again.get_all(user_id="u")["results"]) == 1


def test_rate_limit_answers_429_with_retry_after(limited_server, monkeypatch):
    key = limited_server.new_key()
    h = {"Authorization": f"Token {key}"}
    codes, retry = [], None
    for _ in range(8):
        r = httpx.get(limited_server.url + "/v1/ping/", headers=h)
        codes.append(r.status_code)
        if r.status_code == 429:
            retry = r.headers["retry-after"]
    assert codes[:3] == [200, 200, 200] and 429 in codes
    assert retry is not None and int(retry) >= 1
    # another key has its own bucket
    other = {"Authorization": f"Token {limited_server.new_key()}"}
    assert httpx.get(limited_server.url + "/v1/ping/", headers=other).status_code == 200
    # the client waits and retries instead of failing: its sleeps move the server's clock
    # (the bucket refills by exactly what the client waited, whatever the machine's load)
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        limited_server.clock.advance(seconds)

    monkeypatch.setattr("engram.client.time", SimpleNamespace(sleep=sleep))
    with MemoryClient(api_key=key, host=limited_server.url, backoff=0.05) as c:
        assert c.ping()["status"] == "ok"
        assert sum(slept) >= 0.3
    metrics = httpx.get(limited_server.url + "/metrics").text
    assert "engram_rate_limited_total" in metrics


def test_eight_concurrent_clients_add_100_each(server):
    key = server.new_key()
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            with MemoryClient(api_key=key, host=server.url) as c:
                for i in range(100):
                    c.add(f"worker {n} note {i}", user_id=f"w{n % 2}", infer=False)
        except E.EngramError as e:  # reported by the main thread's assert
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with MemoryClient(api_key=key, host=server.url) as c:
        texts = set()
        for user in ("w0", "w1"):
            page = c.get_all(user_id=user, page=1, page_size=1000)
            assert page["total"] == 400
            texts |= {r["memory"] for r in page["results"]}
    assert texts == {f"worker {n} note {i}" for n in range(8) for i in range(100)}

"""The job queue and records of ``store.platform``, on every backend (shared SQL)."""

from __future__ import annotations

import threading
import time
from typing import Any


def test_a_job_is_claimed_once_and_settled_by_its_owner(store: Any) -> None:
    p = store.platform
    first = p.enqueue("ns", "ADD", {"messages": "a"})
    second = p.enqueue("ns", "ADD", {"messages": "b"})
    a, b = p.claim("w1", lease=30), p.claim("w2", lease=30)
    assert (a.id, b.id) == (first, second) and a.status == "RUNNING" and a.attempts == 1
    assert p.claim("w3", lease=30) is None
    assert not p.settle(first, "w2", "SUCCEEDED")  # not w2's job: nothing changes
    assert p.settle(first, "w1", "SUCCEEDED", results={"n": 1})
    got = p.job("ns", first)
    assert got.status == "SUCCEEDED" and got.results == {"n": 1} and got.completed_at
    assert p.job("other-ns", first) is None
    jobs, total = p.jobs("ns", "ADD")
    assert total == 2 and [j.id for j in jobs] == [second, first]


def test_an_expired_lease_is_taken_over_and_the_old_owner_loses_it(store: Any) -> None:
    p = store.platform
    jid = p.enqueue("ns", "ADD", {})
    assert p.claim("dead", lease=0.05).id == jid
    time.sleep(0.1)
    again = p.claim("alive", lease=30)
    assert again.id == jid and again.attempts == 2
    assert not p.settle(jid, "dead", "FAILED", error="late")
    assert p.settle(jid, "alive", "SUCCEEDED")


def test_a_retry_waits_and_then_jobs_queued_with_the_outcome_appear(store: Any) -> None:
    p = store.platform
    jid = p.enqueue("ns", "ADD", {})
    p.claim("w", lease=30)
    assert p.settle(jid, "w", "PENDING", error="try later", retry_in=0.2)
    assert p.claim("w", lease=30) is None  # not due yet
    time.sleep(0.25)
    job = p.claim("w", lease=30)
    assert job.id == jid and job.error == "try later"
    assert p.settle(jid, "w", "SUCCEEDED", then=[("ns", "WEBHOOK", {"x": 1}, "wh_1")])
    deliveries, _ = p.jobs("ns", "WEBHOOK", ref="wh_1")
    assert [d.payload for d in deliveries] == [{"x": 1}]


def test_concurrent_claims_never_share_a_job(store: Any) -> None:
    p = store.platform
    ids = {p.enqueue("ns", "ADD", {"i": i}) for i in range(20)}
    got: list[str] = []
    lock = threading.Lock()

    def worker(name: str) -> None:
        while (job := p.claim(name, lease=30)) is not None:
            with lock:
                got.append(job.id)

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(got) == sorted(ids)


def test_records_replace_by_id_and_reset_drops_what_quotes_memories(store: Any) -> None:
    p = store.platform
    hook = p.put("ns", "webhook", {"url": "a"})
    p.put("ns", "webhook", {"url": "b"}, record_id=hook.id)
    [again] = p.records("ns", "webhook")
    assert again.data == {"url": "b"} and again.created_at == hook.created_at
    p.put("ns", "feedback", {"f": 1}, ref="m1")
    p.put("ns", "export", {"memories": []})
    assert [r.data for r in p.records("ns", "feedback", ref="m1")] == [{"f": 1}]
    assert p.records("other", "webhook") == []
    store.reset("ns")
    assert p.records("ns", "feedback") == [] and p.records("ns", "export") == []
    assert len(p.records("ns", "webhook")) == 1
    assert p.drop("ns", "webhook", hook.id) == 1

"""Webhooks against a real receiver on 127.0.0.1: subscriptions through mem0ai's unchanged
client and ours, HMAC-signed deliveries, retries with backoff, the delivery log."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from engram import MemoryClient
from engram.errors import InvalidInput, NotFound
from engram.server import verify_webhook as verify
from engram.server._webhooks import SIGNATURE_HEADER

os.environ["MEM0_TELEMETRY"] = "false"
mem0 = pytest.importorskip("mem0")


class Receiver:
    """Records every POST; ``/flaky`` answers 503 to its first ``fail`` requests, ``/gone``
    always 410."""

    def __init__(self, fail: int) -> None:
        self.got: list[dict[str, Any]] = []
        self.fail = fail
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802  # http.server's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.got.append({"path": self.path, "body": body,
                                  "headers": dict(self.headers.items())})
                code = 200
                if self.path == "/gone":
                    code = 410
                elif self.path == "/flaky" and outer.fail > 0:
                    outer.fail -= 1
                    code = 503
                self.send_response(code)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                return None

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}"
        self.thread = threading.Thread(target=self.http.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.http.shutdown()
        self.http.server_close()
        self.thread.join(5)


@pytest.fixture()
def receiver() -> Iterator[Receiver]:
    r = Receiver(fail=2)
    yield r
    r.close()


def until(check: Any, timeout: float = 30.0) -> Any:
    deadline = time.monotonic() + timeout
    while not (value := check()) and time.monotonic() < deadline:
        time.sleep(0.1)
    return value


def test_signed_deliveries_retry_with_backoff_and_are_logged(server: Any, receiver: Receiver,
                                                             tmp_path: Any,
                                                             monkeypatch: Any) -> None:
    monkeypatch.setenv("MEM0_DIR", str(tmp_path / "mem0home"))
    theirs = mem0.MemoryClient(api_key=server.new_key("hooks"), host=server.url)
    project = theirs.project_id
    hook = theirs.create_webhook(url=receiver.url + "/flaky", name="logger",
                                 project_id=project, event_types=["memory_add",
                                                                  "memory_delete"])
    assert hook["webhook_id"].startswith("wh_") and hook["secret"].startswith("whsec_")
    assert [h["name"] for h in theirs.get_webhooks(project_id=project)] == ["logger"]
    assert "secret" not in theirs.get_webhooks(project_id=project)[0]

    mid = theirs.add("I grow tomatoes", user_id="w", infer=False)["results"][0]["id"]
    # Two 503s, then 200: three attempts, 2 s then 4 s apart (webhook_backoff = 2).
    assert until(lambda: len(receiver.got) >= 3, timeout=40)
    first, last = receiver.got[0], receiver.got[2]
    assert first["body"] == last["body"]
    body = json.loads(last["body"])
    assert body["event_type"] == "memory_add" and body["event_details"] == {
        "id": mid, "event": "ADD", "data": {"memory": "I grow tomatoes"}}
    sig = last["headers"][SIGNATURE_HEADER]
    assert verify(hook["secret"], sig, last["body"])
    assert not verify("whsec_other", sig, last["body"])
    assert not verify(hook["secret"], sig, last["body"] + b" ")
    with MemoryClient(api_key=theirs.api_key, host=server.url) as ours:
        log = until(lambda: [d for d in ours.webhook_deliveries(hook["webhook_id"])["results"]
                             if d["status"] == "SUCCEEDED"])
        assert [a["status_code"] for a in log[0]["attempts"]] == [503, 503, 200]
        t = [a["at"] for a in log[0]["attempts"]]
        assert t[0] < t[1] < t[2]

        # Updated to deletes only: the next add sends nothing, a delete is delivered.
        ours.update_webhook(hook["webhook_id"], event_types=["memory_delete"])
        beans = ours.add("I grow beans", user_id="w", infer=False)["results"][0]["id"]
        ours.delete(mid)
        ours.batch_delete([beans])
        assert until(lambda: len(receiver.got) >= 5)
        time.sleep(0.5)
        sent = [json.loads(g["body"]) for g in receiver.got[3:]]
        assert sorted((b["event_type"], b["event_details"]["id"]) for b in sent) == \
            sorted([("memory_delete", mid), ("memory_delete", beans)])
    theirs.delete_webhook(webhook_id=hook["webhook_id"])
    assert theirs.get_webhooks(project_id=project) == []
    theirs.client.close()


def test_a_4xx_ends_a_delivery_and_hooks_stay_in_their_project(server: Any,
                                                               receiver: Receiver) -> None:
    with MemoryClient(api_key=server.new_key("hooks", "p-one"), host=server.url) as c:
        hook = c.create_webhook(receiver.url + "/gone", "gone", "p-one", ["memory_add"])
        c.add("I play chess", user_id="g", infer=False)
        log = until(lambda: [d for d in c.webhook_deliveries(hook["webhook_id"])["results"]
                             if d["status"] == "FAILED"])
        assert log[0]["error"] == "HTTP 410" and len(log[0]["attempts"]) == 1
        with pytest.raises(InvalidInput, match="event_types"):
            c.create_webhook(receiver.url, "bad", "p-one", ["memory_explode"])
        with pytest.raises(InvalidInput, match="url"):
            c.create_webhook("ftp://x", "bad", "p-one", ["memory_add"])
        with pytest.raises(NotFound):
            c.get_webhooks("someone-elses-project")
    with MemoryClient(api_key=server.new_key("hooks", "p-two"), host=server.url) as other:
        with pytest.raises(NotFound):
            other.delete_webhook(hook["webhook_id"])
        assert other.get_webhooks("p-two") == []


def test_bulk_deletes_reset_and_undo_send_their_events(server: Any, receiver: Receiver,
                                                       tmp_path: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("MEM0_DIR", str(tmp_path / "mem0home"))
    with MemoryClient(api_key=server.new_key("hooks"), host=server.url) as c:
        c.create_webhook(receiver.url + "/ok", "all", c.ping()["project_id"],
                         ["memory_add", "memory_update", "memory_delete"])
        a = c.add("I swim", user_id="b1", infer=False)["results"][0]["id"]
        b = c.add("I row", user_id="b2", infer=False)["results"][0]["id"]
        d = c.add("I run", user_id="b3", infer=False)
        e = c.add("I ski", user_id="b4", infer=False)["results"][0]["id"]
        assert until(lambda: len(receiver.got) >= 4)
        c.delete_all(user_id="b1")
        theirs = mem0.MemoryClient(api_key=c.api_key, host=server.url)
        theirs.delete_users(user_id="b2")  # an entity's delete
        theirs.client.close()
        c.undo(d["add_id"])  # the add is taken back: its memory is deleted
        c.reset()  # b4 is left, then gone

        def sent() -> list[tuple[str, str]]:
            return sorted((body["event_type"], body["event_details"]["id"])
                          for body in (json.loads(g["body"]) for g in receiver.got[4:]))

        want = sorted([("memory_delete", a), ("memory_delete", d["results"][0]["id"]),
                       ("memory_delete", b), ("memory_delete", e)])
        assert until(lambda: sent() == want), sent()

"""The official, unchanged ``mem0ai`` client (2.x) driving our server."""

from __future__ import annotations

import os

import httpx
import pytest

os.environ["MEM0_TELEMETRY"] = "false"
mem0 = pytest.importorskip("mem0")


@pytest.fixture()
def client(server, tmp_path, monkeypatch):
    monkeypatch.setenv("MEM0_TELEMETRY", "false")
    monkeypatch.setenv("MEM0_DIR", str(tmp_path / "mem0home"))
    c = mem0.MemoryClient(api_key=server.new_key("mem0org", None), host=server.url)
    yield c
    c.client.close()


def test_construction_pings_and_learns_the_tenant(client):
    assert client.org_id == "mem0org" and client.project_id.startswith("p-")


def test_full_memory_lifecycle(client):
    raw = client.add([{"role": "user", "content": "I love hiking in the Alps"}],
                     user_id="alex", infer=False)
    mid = raw["results"][0]["id"]
    inferred = client.add([{"role": "user", "content": "My name is Alex and I am a teacher."}],
                          filters={"user_id": "alex"}, infer=True, metadata={"src": "chat"})
    assert any(r["event"] == "ADD" for r in inferred["results"])
    client.add("I drink oolong tea", user_id="alex", infer=False, async_mode=False)

    hits = client.search("hiking Alps", filters={"user_id": "alex"}, top_k=2, threshold=0.0,
                         rerank=False)
    assert hits["results"][0]["id"] == mid
    listed = client.get_all(filters={"user_id": "alex"}, page=1, page_size=2)
    assert listed["count"] == len(client.get_all(filters={"user_id": "alex"})["results"]) >= 3
    assert len(listed["results"]) == 2 and listed["next"] is not None

    assert client.get(mid)["memory"] == "I love hiking in the Alps"
    client.update(mid, text="I love hiking in the Dolomites", metadata={"edited": True})
    assert client.get(mid)["metadata"] == {"edited": True}
    assert [h["event"] for h in client.history(mid)] == ["ADD", "UPDATE"]
    assert client.delete(mid)["message"]
    from mem0.exceptions import MemoryNotFoundError

    with pytest.raises(MemoryNotFoundError):
        client.get(mid)


def test_batch_ops_users_delete_all_and_reset(client):
    ids = [client.add(f"fact {i}", user_id="bo", infer=False)["results"][0]["id"]
           for i in range(3)]
    client.add("agent note", agent_id="helper", infer=False)
    client.batch_update([{"memory_id": ids[0], "text": "fact zero"},
                         {"memory_id": ids[1], "metadata": {"n": 1}}])
    assert client.get(ids[0])["memory"] == "fact zero"
    client.batch_delete([{"memory_id": ids[2]}])
    remaining = client.get_all(filters={"user_id": "bo"})["results"]
    assert {m["id"] for m in remaining} == set(ids[:2])

    users = client.users()["results"]
    assert {(u["type"], u["name"]) for u in users} == {("user", "bo"), ("agent", "helper")}
    client.delete_all(user_id="bo")
    assert client.get_all(filters={"user_id": "bo"})["results"] == []
    client.delete_users(agent_id="helper")
    client.add("again", user_id="cy", infer=False)
    client.reset()
    assert client.users()["results"] == []


def test_errors_reach_the_mem0_client_as_its_exceptions(client, server):
    from mem0.exceptions import MemoryError as Mem0Error
    from mem0.exceptions import ValidationError

    with pytest.raises(ValidationError):
        client.search("x", filters={"user_id": "u"}, top_k=0)
    with pytest.raises(Mem0Error):
        client.get_profile("u")  # 501: not on this server
    with httpx.Client() as http, pytest.raises(ValueError):
        mem0.MemoryClient(api_key="eng_wrong", host=server.url, client=http)

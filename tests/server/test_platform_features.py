"""Platform features through mem0ai's unchanged client on a real server: immutable
memories, custom categories per call and per project, categories in results and in
filters, and ``client.project.get/update`` (each key sees its own project only)."""

from __future__ import annotations

import os

import pytest

os.environ["MEM0_TELEMETRY"] = "false"
mem0 = pytest.importorskip("mem0")
from mem0.exceptions import MemoryNotFoundError, ValidationError  # noqa: E402

# The session server embeds with the bag-of-words HashEmbedder: descriptions that share
# words with a memory are the close ones.
HEALTH = [{"medications": "metformin insulin pills dose prescription"},
          {"appointments": "dentist doctor visit appointment tuesday"},
          {"pets": "dog cat beagle walk"}]


@pytest.fixture()
def client(server, tmp_path, monkeypatch):
    monkeypatch.setenv("MEM0_DIR", str(tmp_path / "mem0home"))
    c = mem0.MemoryClient(api_key=server.new_key("platform-org", None), host=server.url)
    yield c
    c.client.close()


def test_custom_categories_are_returned_and_filterable(client):
    out = client.add("My metformin dose is 1000mg", user_id="p", infer=False,
                     custom_categories=HEALTH)
    mid = out["results"][0]["id"]
    client.add("Dentist appointment on tuesday", user_id="p", infer=False,
               custom_categories=HEALTH)
    assert client.get(mid)["categories"] == ["medications"]
    listed = {m["memory"]: m["categories"] for m in
              client.get_all(filters={"user_id": "p"})["results"]}
    assert listed["Dentist appointment on tuesday"] == ["appointments"]
    only = client.get_all(filters={"AND": [{"user_id": "p"},
                                           {"categories": {"in": ["appointments"]}}]})
    assert [m["memory"] for m in only["results"]] == ["Dentist appointment on tuesday"]
    part = client.search("dose", filters={"AND": [{"user_id": "p"},
                                                  {"categories": {"contains": "medic"}}]})
    assert [m["id"] for m in part["results"]] == [mid]
    by_option = client.search("dose", filters={"user_id": "p"}, categories=["appointments"])
    assert [m["memory"] for m in by_option["results"]] == ["Dentist appointment on tuesday"]


def test_project_settings_through_the_project_api(client, server, tmp_path):
    assert client.project.get(fields=["custom_categories"]) == {"custom_categories": None}
    done = client.project.update(custom_categories=HEALTH,
                                 custom_instructions="Health facts only")
    assert done["message"]
    got = client.project.get()
    assert set(got["custom_categories"]) == {"medications", "appointments", "pets"}
    assert got["custom_instructions"] == "Health facts only"
    # The project's catalog tags adds that bring none of their own.
    mid = client.add("Walk the beagle dog", user_id="q", infer=False)["results"][0]["id"]
    assert client.get(mid)["categories"] == ["pets"]
    with pytest.raises(ValidationError, match=r"custom_categories\.a"):
        client.project.update(custom_instructions="x", custom_categories=[{"a": 1}])
    assert client.project.get(["custom_instructions"])["custom_instructions"] == \
        "Health facts only"  # the refused update changed nothing
    # Another key's project holds its own settings, and cannot reach these.
    other = mem0.MemoryClient(api_key=server.new_key("other-org", None), host=server.url)
    try:
        assert other.project.get(["custom_instructions"]) == {"custom_instructions": None}
        stolen = other.client.get(f"/api/v1/orgs/organizations/{client.org_id}/projects/"
                                  f"{client.project_id}/")
        assert stolen.status_code == 404
    finally:
        other.client.close()


def test_immutable_memories_survive_later_adds_but_not_an_explicit_delete(client):
    kept = client.add("I live in Paris", user_id="b", immutable=True)["results"][0]
    assert client.get(kept["id"])["immutable"] is True
    out = client.add("I live in Rome now", user_id="b")
    assert [r["event"] for r in out["results"]] == ["ADD"]
    assert client.get(kept["id"])["memory"] == kept["memory"]
    # Control: without the flag the same pair is an UPDATE.
    client.add("I live in Paris", user_id="c")
    assert [r["event"] for r in client.add("I live in Rome now", user_id="c")["results"]] \
        == ["UPDATE"]
    client.delete(kept["id"])
    with pytest.raises(MemoryNotFoundError):
        client.get(kept["id"])


def test_includes_and_excludes_are_accepted(client):
    out = client.add("I like hiking", user_id="i", includes="hobbies", excludes="health")
    assert out["results"]

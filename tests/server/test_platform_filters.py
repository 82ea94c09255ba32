"""Mem0 Platform filters through mem0ai's unchanged client on a real server: OR across
scopes, ``"*"`` inside the caller's own project only, Platform field names, and an unknown
field answered 400 naming it (never an empty result)."""

from __future__ import annotations

import os

import pytest

os.environ["MEM0_TELEMETRY"] = "false"
mem0 = pytest.importorskip("mem0")
from mem0.exceptions import ValidationError  # noqa: E402


@pytest.fixture()
def client(server, tmp_path, monkeypatch):
    monkeypatch.setenv("MEM0_DIR", str(tmp_path / "mem0home"))
    c = mem0.MemoryClient(api_key=server.new_key("filters-org", None), host=server.url)
    yield c
    c.client.close()


def _ids(out: dict) -> set[str]:
    return {m["id"] for m in out["results"]}


def test_or_across_scopes_and_wildcards_stay_inside_the_project(client, server, tmp_path):
    a = client.add("Alice likes green tea", user_id="alice", infer=False)["results"][0]["id"]
    b = client.add("Bob likes black tea", user_id="bob", infer=False)["results"][0]["id"]
    h = client.add("Helper agent notes about tea", agent_id="helper",
                   infer=False)["results"][0]["id"]
    either = {"OR": [{"user_id": "alice"}, {"agent_id": "helper"}]}
    assert _ids(client.get_all(filters=either)) == {a, h}
    assert _ids(client.search("tea", filters=either)) == {a, h}
    assert _ids(client.get_all(filters={"AND": [{"user_id": "*"}]})) == {a, b}
    assert _ids(client.search("tea", filters={"user_id": {"in": ["alice", "bob"]}})) == {a, b}

    # Another project's "*" sees none of these: the key decides the tenant.
    other = mem0.MemoryClient(api_key=server.new_key("other-org", None), host=server.url)
    try:
        other.add("Carol likes tea", user_id="carol", infer=False)
        assert {m["memory"] for m in other.get_all(filters={"user_id": "*"})["results"]} \
            == {"Carol likes tea"}
        assert other.search("tea", filters={"OR": [{"user_id": "*"}, {"agent_id": "*"}]}
                            )["results"][0]["memory"] == "Carol likes tea"
        assert len(other.search("tea", filters={"OR": [{"user_id": "*"},
                                                       {"agent_id": "*"}]})["results"]) == 1
    finally:
        other.client.close()


def test_platform_fields_keywords_memory_ids_and_metadata(client):
    one = client.add("Budget for the Q1 offsite", user_id="u", infer=False,
                     metadata={"team": "ops"})["results"][0]["id"]
    two = client.add("Pizza on Friday", user_id="u", infer=False)["results"][0]["id"]
    assert _ids(client.get_all(filters={"AND": [{"user_id": "u"},
                                                {"keywords": {"icontains": "budget"}}]})) == {one}
    assert _ids(client.get_all(filters={"AND": [{"user_id": "u"},
                                                {"memory_ids": [two]}]})) == {two}
    assert _ids(client.search("budget", filters={"AND": [{"user_id": "u"},
                                                         {"metadata": {"team": "ops"}}]})) == {one}


def test_an_unknown_filter_field_is_a_400_naming_it(client):
    client.add("Something to find", user_id="u", infer=False)
    with pytest.raises(ValidationError, match="colour"):
        client.search("find", filters={"AND": [{"user_id": "u"}, {"colour": "red"}]})
    with pytest.raises(ValidationError, match="colour"):
        client.get_all(filters={"user_id": "u", "colour": "red"})


def test_a_filter_that_confines_no_scope_is_refused(client):
    with pytest.raises(ValidationError, match="user_id, agent_id or run_id"):
        client.get_all(filters={"OR": [{"user_id": "u"}, {"keywords": {"contains": "x"}}]})


def test_mem0s_timestamp_filter_is_the_event_time(client):
    client.add("Went to Rome", user_id="t", infer=False, timestamp=1714557600)  # 2024-05-01
    client.add("Went to Oslo", user_id="t", infer=False, timestamp=1717236000)  # 2024-06-01
    late = client.get_all(filters={"AND": [{"user_id": "t"},
                                           {"timestamp": {"gte": 1715000000}}]})
    assert [m["memory"] for m in late["results"]] == ["Went to Oslo"]
    early = client.search("went", filters={"AND": [{"user_id": "t"},
                                                   {"timestamp": {"lt": "2024-05-15"}}]})
    assert [m["memory"] for m in early["results"]] == ["Went to Rome"]
    with pytest.raises(ValidationError, match="timestamp"):
        client.get_all(filters={"AND": [{"user_id": "t"},
                                        {"timestamp": {"gte": 1e300}}]})

"""The scenarios of ``test_mem0_every_method.py``: one per public method of mem0ai's
``MemoryClient`` (and ``client.project``), each calling it as Mem0's Platform docs show and
checking the answer's documented shape; the methods the server refuses check the 501 and
that docs/compat.md's row says why. A scenario takes a client on a project of its own."""

from __future__ import annotations

import inspect
import json
import time
from collections.abc import Callable
from typing import Any

import pytest

from engram._mem0_api import API, SCHEMA

mem0 = pytest.importorskip("mem0")
from mem0.client.project import Project  # noqa: E402
from mem0.exceptions import MemoryError as Mem0Error  # noqa: E402
from mem0.exceptions import MemoryNotFoundError, ValidationError  # noqa: E402

EVENTS = {"ADD", "UPDATE", "DELETE", "NONE"}
# Fields Mem0's docs show on a memory (search adds score; get_all/search/get all have these).
MEMORY_FIELDS = {"id", "memory", "metadata", "categories", "immutable", "created_at",
                 "updated_at"}
SCENARIOS: dict[str, Callable[[Any], None]] = {}


def public_methods() -> set[str]:
    """Every public method of both mem0ai clients, plus ``project.<name>``."""
    names: set[str] = set()
    for cls in (mem0.MemoryClient, mem0.AsyncMemoryClient):
        names |= {n for n, _ in inspect.getmembers(cls, inspect.isfunction)
                  if not n.startswith("_")}
    names |= {f"project.{n}" for n, _ in inspect.getmembers(Project, inspect.isfunction)
              if not n.startswith("_")}
    return names


def covers(*names: str) -> Callable[[Callable[[Any], None]], Callable[[Any], None]]:
    def register(fn: Callable[[Any], None]) -> Callable[[Any], None]:
        for name in names:
            SCENARIOS[name] = fn
        return fn

    return register



# -- helpers ------------------------------------------------------------------------------


def remember(c: Any, text: str, **scope: Any) -> str:
    """Store ``text`` as it is (infer=False) and return its id."""
    out = c.add(text, infer=False, **scope)
    [item] = out["results"]
    assert item["event"] == "ADD" and item["memory"] == text
    return str(item["id"])


def memories(c: Any, **filters: Any) -> dict[str, dict[str, Any]]:
    return {m["memory"]: m for m in c.get_all(filters=filters)["results"]}


def refused(call: Callable[[], Any], row: str, feature: str) -> None:
    """The server answers 501 naming the feature, and docs/compat.md's row says why."""
    with pytest.raises(Mem0Error) as caught:
        call()
    assert caught.value.error_code == "HTTP_501", caught.value
    assert feature in caught.value.message
    assert API[row].status == "refused" and "issue #20" not in API[row].note \
        and len(API[row].note) > 30, API[row]


# -- memories -----------------------------------------------------------------------------


@covers("add")
def _add(c: Any) -> None:
    # The quickstart's conversation, inferred (the server's offline extractor).
    out = c.add([{"role": "user", "content": "Hi, I'm Alex. I'm a vegetarian and I'm "
                                             "allergic to nuts."},
                 {"role": "assistant", "content": "Hello Alex! I see that you're a "
                                                  "vegetarian with a nut allergy."}],
                user_id="alex")
    assert out["results"] and all(set(r) >= {"id", "memory", "event"} and
                                  r["event"] in EVENTS for r in out["results"])
    # mem0ai 2.x: ids inside filters; metadata kept as given.
    mid = remember(c, "I moved to Austin last month", filters={"user_id": "alex"},
                   metadata={"source": "onboarding_form"})
    assert c.get(mid)["metadata"] == {"source": "onboarding_form"}
    # The Platform's add options, as its docs spell them.
    vid = remember(c, "Strict vegetarian diet", user_id="alex", immutable=True,
                   expiration_date="2099-12-31", timestamp=1714557600,
                   custom_categories=[{"diet": "vegetarian diet food eating"}])
    got = c.get(vid)
    assert got["immutable"] is True and got["categories"] == ["diet"]
    assert got["expiration_date"].startswith("2099-12-31")
    assert got["happened_at"].startswith("2024-05-01")
    done = c.add("I love tennis", user_id="alex", includes="sports", excludes="greetings")
    assert all(r["event"] in EVENTS for r in done["results"])
    # async_mode: answered at once, stored by the server's worker.
    pending = c.add("I keep bees on the roof", user_id="alex", infer=False, async_mode=True)
    [item] = pending["results"]
    assert item["status"] == "PENDING" and item["event_id"] and item["message"]
    deadline = time.monotonic() + 30
    while "I keep bees on the roof" not in memories(c, user_id="alex"):
        assert time.monotonic() < deadline, "the queued add was never applied"
        time.sleep(0.05)
    with pytest.raises(ValidationError):
        c.add("no scope given", infer=False)
    with pytest.raises(Mem0Error, match="structured_data_schema: Engram's extractors"):
        c.add("Alex is 31", user_id="alex", structured_data_schema={"type": "object"})
    assert API["MemoryClient.add(structured_data_schema)"].note in SCHEMA


@covers("search")
def _search(c: Any) -> None:
    cricket = remember(c, "Likes to play cricket on weekends", user_id="alice",
                       metadata={"category": "hobbies"})
    seats = remember(c, "Prefers window seats on long flights", agent_id="travel-agent")
    remember(c, "Plays cricket for the office team", user_id="alice", run_id="r1")
    remember(c, "Cricket bores Bob", user_id="bob")
    # The docs' OR across scopes.
    out = c.search("What are Alice's hobbies?", filters={"OR": [
        {"user_id": "alice"}, {"agent_id": {"in": ["travel-agent", "sports-agent"]}}]})
    by_id = {r["id"]: r for r in out["results"]}
    assert set(by_id) >= {cricket, seats} and len(by_id) == 3  # not Bob's
    hit = by_id[cricket]
    assert set(hit) >= MEMORY_FIELDS | {"score", "user_id"}
    assert hit["user_id"] == "alice" and hit["metadata"] == {"category": "hobbies"}
    assert 0 <= hit["score"] <= 1 and isinstance(hit["categories"], list)
    # Wildcard: alice's memories that have some run_id.
    runs = c.search("cricket", filters={"AND": [{"user_id": "alice"}, {"run_id": "*"}]})
    assert [r["memory"] for r in runs["results"]] == ["Plays cricket for the office team"]
    # The documented options.
    one = c.search("cricket", filters={"user_id": "alice"}, top_k=1, threshold=0.0,
                   rerank=True)
    assert len(one["results"]) == 1
    cats = c.get(cricket)["categories"]
    by_cat = c.search("cricket", filters={"AND": [{"user_id": "alice"},
                                                  {"categories": {"in": cats}}]})
    assert cricket in [r["id"] for r in by_cat["results"]]
    assert c.search("cricket", filters={"user_id": "alice"}, categories=cats,
                    show_expired=True)["results"]
    with pytest.raises(ValidationError):
        c.search("cricket", filters={"AND": [{"user_id": "alice"}, {"colour": "red"}]})
    # The read options of mem0ai's SearchMemoryOptions.
    cut = c.search("cricket", filters={"user_id": "alice"}, fields=["memory", "score"],
                   metadata={"category": "hobbies"}, keyword_search=True, latest_only=True)
    assert cut["results"] == [{"memory": "Likes to play cricket on weekends",
                               "score": cut["results"][0]["score"]}]
    with pytest.raises(ValidationError, match=r"fields\[0\]"):
        c.search("cricket", filters={"user_id": "alice"}, fields=["colour"])
    # The docs' temporal example: relative dates read against reference_date.
    assert c.search("cricket last week", filters={"user_id": "alice"},
                    reference_date="2025-03-21T00:00:00Z")["results"]
    with pytest.raises(ValidationError, match="reference_date"):
        c.search("cricket", filters={"user_id": "alice"}, reference_date="someday")
    with pytest.raises(Mem0Error, match="latest_only"):
        c.search("cricket", filters={"user_id": "alice"}, latest_only=False)


@covers("get_all")
def _get_all(c: Any) -> None:
    for i in range(3):
        remember(c, f"Alex fact number {i}", user_id="alex")
    listed = c.get_all(filters={"AND": [{"user_id": "alex"}, {"created_at": {
        "gte": "2024-07-01", "lte": "2999-07-31"}}]})
    assert set(listed) >= {"count", "next", "previous", "results"} and listed["count"] == 3
    assert all(set(m) >= MEMORY_FIELDS | {"user_id"} for m in listed["results"])
    page = c.get_all(filters={"user_id": "alex"}, page=1, page_size=2)
    assert len(page["results"]) == 2 and page["next"] and page["previous"] is None
    assert c.get_all(filters={"user_id": "alex"}, start_date="2999-01-01")["results"] == []
    assert len(c.get_all(filters={"user_id": "alex"}, end_date="2999-01-01")["results"]) == 3
    assert c.get_all(filters={"user_id": "alex"}, latest_only=True)["count"] == 3
    with pytest.raises(ValidationError, match="start_date"):
        c.get_all(filters={"user_id": "alex"}, start_date="soon")
    # Graph memory: the docs' Joseph, and relations beside the memories.
    c.add([{"role": "user", "content": "My name is Joseph"},
           {"role": "assistant", "content": "Hello Joseph, it's nice to meet you!"},
           {"role": "user", "content": "I'm from Seattle and I work as a software engineer"}],
          user_id="joseph", enable_graph=True)
    graph = c.get_all(filters={"user_id": "joseph"}, enable_graph=True)
    assert graph["results"] and graph["relations"]
    # The relation shape Mem0's graph-memory page shows.
    shape = {"source", "source_type", "relationship", "target", "target_type"}
    assert all(set(r) >= shape for r in graph["relations"])
    assert "Seattle" in {r["target"] for r in graph["relations"]}
    found = c.search("Where am I from?", filters={"user_id": "joseph"}, enable_graph=True)
    assert found["relations"] and all(set(r) >= shape | {"score"} and 0 <= r["score"] <= 1
                                      for r in found["relations"])


@covers("get")
def _get(c: Any) -> None:
    mid = remember(c, "I drink oolong tea", user_id="alex")
    got = c.get(mid)
    assert got["id"] == mid and got["memory"] == "I drink oolong tea"
    assert set(got) >= MEMORY_FIELDS | {"user_id"} and got["user_id"] == "alex"
    with pytest.raises(MemoryNotFoundError):
        c.get("00000000-0000-4000-8000-000000000000")


@covers("update")
def _update(c: Any) -> None:
    mid = remember(c, "I love hiking in the Alps", user_id="alex")
    out = c.update(mid, text="I love hiking in the Dolomites", metadata={"edited": True})
    assert out["id"] == mid and out["message"]
    got = c.get(mid)
    assert got["memory"] == "I love hiking in the Dolomites" and got["metadata"] == {"edited": True}
    c.update(mid, timestamp=1714557600, expiration_date="2099-01-01")
    got = c.get(mid)
    assert got["happened_at"].startswith("2024-05-01") and got["expiration_date"].startswith("2099")
    c.update(mid, expiration_date=None)
    with pytest.raises(ValidationError):
        c.update(mid, text="x", timestamp="not a time")


@covers("delete")
def _delete(c: Any) -> None:
    mid = remember(c, "A passing thought", user_id="alex")
    assert c.delete(mid)["message"]
    with pytest.raises(MemoryNotFoundError):
        c.get(mid)
    assert c.delete(remember(c, "Another one", user_id="alex"), delete_linked=False)["message"]


@covers("delete_all")
def _delete_all(c: Any) -> None:
    remember(c, "One", user_id="alex")
    keep = remember(c, "Two", user_id="sam")
    assert c.delete_all(user_id="alex")["message"]
    assert memories(c, user_id="alex") == {}
    remember(c, "Three", user_id="alex")
    assert c.delete_all(filters={"user_id": "alex"})["message"]
    assert memories(c, user_id="alex") == {} and c.get(keep)["memory"] == "Two"


@covers("history")
def _history(c: Any) -> None:
    mid = remember(c, "I live in Paris", user_id="alex")
    c.update(mid, text="I live in Berlin")
    hist = c.history(mid)
    assert [h["event"] for h in hist] == ["ADD", "UPDATE"]
    assert hist[1]["old_memory"] == "I live in Paris" and hist[1]["new_memory"] == "I live in Berlin"
    assert all(set(h) >= {"id", "memory_id", "event", "created_at"} for h in hist)


@covers("users", "delete_users")
def _users(c: Any) -> None:
    remember(c, "User fact", user_id="alex")
    remember(c, "Agent fact", agent_id="helper")
    remember(c, "Run fact", run_id="r-9")
    users = c.users()
    assert users["count"] == 3
    assert {(u["type"], u["name"]) for u in users["results"]} == {
        ("user", "alex"), ("agent", "helper"), ("run", "r-9")}
    assert all(set(u) >= {"id", "name", "type", "total_memories", "created_at"}
               for u in users["results"])
    assert c.delete_users(user_id="alex")["message"]
    assert {u["name"] for u in c.users()["results"]} == {"helper", "r-9"}
    assert c.delete_users()["message"]  # no id: every entity
    assert c.users()["results"] == []
    refused(lambda: c.delete_users(app_id="some-app"), "MemoryClient.delete_users(app_id)",
            "app")


@covers("reset")
def _reset(c: Any) -> None:
    remember(c, "Soon gone", user_id="alex")
    assert c.reset()["message"]
    assert c.users()["results"] == []


@covers("batch_update", "batch_delete")
def _batch(c: Any) -> None:
    ids = [remember(c, f"Batch fact {i}", user_id="alex") for i in range(3)]
    out = c.batch_update([{"memory_id": ids[0], "text": "Batch fact zero"},
                          {"memory_id": ids[1], "metadata": {"n": 1}}])
    assert "2" in out["message"]
    assert c.get(ids[0])["memory"] == "Batch fact zero" and c.get(ids[1])["metadata"] == {"n": 1}
    out = c.batch_delete([{"memory_id": ids[2]}])
    assert "1" in out["message"]
    assert set(memories(c, user_id="alex")) == {"Batch fact zero", "Batch fact 1"}
    with pytest.raises(MemoryNotFoundError):  # one unknown id: nothing changes
        c.batch_delete([{"memory_id": ids[0]}, {"memory_id": "no-such-id"}])
    assert len(memories(c, user_id="alex")) == 2


# -- Platform features --------------------------------------------------------------------


@covers("create_memory_export", "get_memory_export")
def _exports(c: Any) -> None:
    remember(c, "Loves climbing", user_id="alex")
    schema = {"type": "object", "properties": {"memory": {"type": "string"}}}
    made = c.create_memory_export(json.dumps(schema), filters={"user_id": "alex"})
    assert made["id"] and made["message"]
    got = c.get_memory_export(memory_export_id=made["id"])
    assert got["count"] == 1 and got["memories"] == [{"memory": "Loves climbing"}]
    assert c.get_memory_export(filters={"user_id": "alex"})["id"] == made["id"]


@covers("get_summary")
def _summary(c: Any) -> None:
    remember(c, "Sails on weekends", user_id="alex")
    out = c.get_summary(filters={"user_id": "alex"})
    assert "Sails on weekends" in out["summary"]


@covers("feedback")
def _feedback(c: Any) -> None:
    mid = remember(c, "Drinks sencha", user_id="alex")
    out = c.feedback(memory_id=mid, feedback="POSITIVE", feedback_reason="accurate")
    assert out["feedback"] == "POSITIVE" and out["feedback_reason"] == "accurate"
    assert c.feedback(memory_id=mid)["feedback"] is None  # None clears it


@covers("create_webhook", "get_webhooks", "update_webhook", "delete_webhook")
def _webhooks(c: Any) -> None:
    project = c.project_id
    hook = c.create_webhook(url="http://127.0.0.1:9/hook", name="Memory Logger",
                            project_id=project, event_types=["memory_add"])
    assert hook["webhook_id"] and hook["name"] == "Memory Logger"
    listed = c.get_webhooks(project_id=project)
    assert [(h["webhook_id"], h["url"], h["event_types"]) for h in listed] == [
        (hook["webhook_id"], "http://127.0.0.1:9/hook", ["memory_add"])]
    c.update_webhook(webhook_id=hook["webhook_id"], name="Renamed",
                     url="http://127.0.0.1:9/other", event_types=["memory_update"])
    [h] = c.get_webhooks(project_id=project)
    assert (h["name"], h["url"], h["event_types"]) == (
        "Renamed", "http://127.0.0.1:9/other", ["memory_update"])
    assert c.delete_webhook(webhook_id=hook["webhook_id"])["message"]
    assert c.get_webhooks(project_id=project) == []


@covers("get_project", "update_project", "project.get", "project.update")
def _project(c: Any) -> None:
    assert c.get_project(fields=["custom_instructions"]) == {"custom_instructions": None}
    assert c.update_project(custom_instructions="Remember food preferences only")["message"]
    assert c.project.get(fields=["custom_instructions"]) == {
        "custom_instructions": "Remember food preferences only"}
    assert c.project.update(custom_categories=[{"food": "meals cooking eating"}])["message"]
    mid = remember(c, "Cooking pasta for meals", user_id="alex")
    assert c.get(mid)["categories"] == ["food"]
    with pytest.raises(Mem0Error):
        c.update_project(memory_depth="deep")


# -- refused: each answers 501 and its docs row says why -----------------------------------


REFUSED: dict[str, tuple[str, str, Callable[[Any], Any]]] = {
    # method: (its docs row, what the 501 names, the call as Mem0's docs show it)
    "generate_profile": ("MemoryClient.generate_profile()", "profiles",
                         lambda c: c.generate_profile("alex")),
    "get_profile": ("MemoryClient.get_profile()", "profiles", lambda c: c.get_profile("alex")),
    "get_profile_job": ("MemoryClient.get_profile_job()", "profiles",
                        lambda c: c.get_profile_job("job-1")),
    "get_profile_settings": ("MemoryClient.get_profile_settings()", "profiles",
                             lambda c: c.get_profile_settings()),
    "update_profile_settings": ("MemoryClient.update_profile_settings()", "profiles",
                                lambda c: c.update_profile_settings(enabled=True)),
    "sample_profiles": ("MemoryClient.sample_profiles()", "profiles",
                        lambda c: c.sample_profiles(limit=5)),
    **{f"project.{name}": (f"MemoryClient.project.{name}()", "organisation", call)
       for name, call in [("create", lambda c: c.project.create(name="another")),
                          ("delete", lambda c: c.project.delete()),
                          ("get_members", lambda c: c.project.get_members()),
                          ("add_member", lambda c: c.project.add_member("a@b.c")),
                          ("update_member", lambda c: c.project.update_member("a@b.c",
                                                                               "OWNER")),
                          ("remove_member", lambda c: c.project.remove_member("a@b.c"))]},
}


def _refused(method: str) -> Callable[[Any], None]:
    row, feature, call = REFUSED[method]
    return lambda c: refused(lambda: call(c), row, feature)


for _method in REFUSED:
    SCENARIOS[_method] = _refused(_method)


@covers("chat")
def _chat(c: Any) -> None:
    with pytest.raises(NotImplementedError):  # mem0ai's own: nothing reaches the server
        c.chat()
    assert API["MemoryClient.chat()"].status == "refused"

"""engram.Memory end to end on the real MiniLM: every method, its shapes, its errors, on
each store backend (SQLite by path, PostgreSQL by DSN: the ``memory`` fixture)."""

from __future__ import annotations

from typing import Any

import pytest

import engram
from engram import InvalidFilter, InvalidInput, Memory, NotFound

CHAT = [
    {"role": "system", "content": "You are a helpful assistant."},
    {"role": "user", "content": "I adopted a dog named Rex last week.", "name": "alice"},
    {"role": "assistant", "content": "Congratulations on adopting Rex!"},
    {"role": "user", "content": "I also started learning the cello."},
]


PUBLIC = {
    "Memory", "AsyncMemory", "MemoryClient", "AsyncMemoryClient", "MemoryConfig", "EmbedderConfig", "StoreConfig", "LLMConfig",
    "SearchConfig", "EngramError", "InvalidInput", "InvalidFilter", "NotFound",
    "StoreError", "EmbedderError", "LLMError", "ConfigError", "NotSupported",
}


def test_public_names_are_pinned() -> None:
    assert set(engram.__all__) == PUBLIC and len(engram.__all__) == len(PUBLIC)
    for name in engram.__all__:
        assert getattr(engram, name) is not None


def test_raw_add_stores_each_non_system_message(memory: Memory) -> None:
    res = memory.add(CHAT, user_id="alice", infer=False, metadata={"src": "chat"})
    assert [r["event"] for r in res["results"]] == ["ADD", "ADD", "ADD"]
    assert [r["memory"] for r in res["results"]] == [m["content"] for m in CHAT[1:]]
    assert res["results"][0]["actor_id"] == "alice"
    got = memory.get(res["results"][1]["id"])
    assert got["role"] == "assistant" and got["metadata"] == {"src": "chat"}
    assert got["user_id"] == "alice" and got["source_ids"] == ["2"]
    assert set(got) >= {"id", "memory", "hash", "user_id", "metadata", "created_at", "updated_at"}


def test_add_accepts_string_dict_and_session_alias(memory: Memory) -> None:
    a = memory.add("plain string", user_id="u", infer=False)["results"][0]
    b = memory.add({"role": "user", "content": "one dict"}, agent_id="bot", session_id="s1",
                   infer=False)["results"][0]
    assert memory.get(a["id"])["memory"] == "plain string"
    rec = memory.get(b["id"])
    assert rec["agent_id"] == "bot" and rec["run_id"] == "s1" and "user_id" not in rec


def test_search_both_api_styles_and_fields(memory: Memory) -> None:
    memory.add(CHAT, user_id="alice", infer=False)
    memory.add("My cat is called Tom", user_id="bob", infer=False)
    memory.flush()  # the score below is the vector similarity
    new = memory.search("What is my dog's name?", filters={"user_id": "alice"}, top_k=2)
    old = memory.search("What is my dog's name?", user_id="alice", limit=2)
    assert [r["id"] for r in new["results"]] == [r["id"] for r in old["results"]]
    top = new["results"][0]
    assert top["memory"] == "I adopted a dog named Rex last week."
    assert 0 < top["score"] <= 1 and top["user_id"] == "alice"
    assert len(new["results"]) == 2


def test_search_modes_and_threshold(memory: Memory) -> None:
    memory.add(CHAT, user_id="alice", infer=False)
    kw = memory.search("cello", user_id="alice", search_mode="keyword")["results"]
    assert kw[0]["memory"] == "I also started learning the cello."
    memory.flush()  # vector mode and thresholds need the vectors
    vec = memory.search("musical instrument lessons", user_id="alice", search_mode="vector")["results"]
    assert vec[0]["memory"] == "I also started learning the cello."
    strict = memory.search("musical instrument lessons", user_id="alice", threshold=0.99)["results"]
    assert strict == []
    some = memory.search("cello", user_id="alice", threshold=0.3)["results"]
    assert some and all(r["score"] >= 0.3 for r in some)


def test_scope_isolation(memory: Memory) -> None:
    memory.add("Alice's secret: the code is 1234", user_id="alice", infer=False)
    memory.add("Bob likes football", user_id="bob", infer=False)
    for q in ("secret code", "football"):
        assert all(r["user_id"] == "bob" for r in memory.search(q, user_id="bob")["results"])
    assert [r["memory"] for r in memory.get_all(user_id="bob")["results"]] == ["Bob likes football"]
    memory.delete_all(user_id="bob")
    assert len(memory.get_all(user_id="alice")["results"]) == 1


def test_get_update_delete_history(memory: Memory) -> None:
    mid = memory.add("I live in Paris", user_id="u", infer=False)["results"][0]["id"]
    res = memory.update(mid, "I live in Berlin")
    assert res["memory"] == "I live in Berlin"
    # Re-embedded: a search about the new text finds it by vector alone.
    hit = memory.search("German capital", user_id="u", search_mode="vector")["results"][0]
    assert hit["id"] == mid and hit["memory"] == "I live in Berlin"
    memory.update(mid, metadata={"verified": True})
    assert memory.get(mid)["metadata"] == {"verified": True}
    memory.delete(mid)
    with pytest.raises(NotFound):
        memory.get(mid)
    hist = memory.history(mid)
    assert [(h["event"], h["old_memory"], h["new_memory"]) for h in hist] == [
        ("ADD", None, "I live in Paris"),
        ("UPDATE", "I live in Paris", "I live in Berlin"),
        ("UPDATE", "I live in Berlin", "I live in Berlin"),
        ("DELETE", "I live in Berlin", None),
    ]
    assert all(h["created_at"] for h in hist)


def test_unknown_ids(memory: Memory) -> None:
    for call in (lambda: memory.get("nope"), lambda: memory.update("nope", "x"),
                 lambda: memory.delete("nope"), lambda: memory.history("nope")):
        with pytest.raises(NotFound, match="nope"):
            call()


def test_get_all_pagination(memory: Memory) -> None:
    memory.add([{"role": "user", "content": f"fact number {i}"} for i in range(12)],
               user_id="u", infer=False)
    p1 = memory.get_all(user_id="u", page=1, page_size=5)
    p3 = memory.get_all(user_id="u", page=3, page_size=5)
    assert p1["total"] == 12 and len(p1["results"]) == 5 and len(p3["results"]) == 2
    seen, cursor = [], None
    while True:
        page = memory.get_all(user_id="u", limit=5, cursor=cursor)
        seen += [r["memory"] for r in page["results"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"fact number {i}" for i in range(11, -1, -1)]


def test_filters_through_the_api(memory: Memory) -> None:
    for i, (topic, prio) in enumerate([("food", 1), ("travel", 5), ("food", 9)]):
        memory.add(f"note {i} about {topic}", user_id="u", infer=False,
                   metadata={"topic": topic, "priority": prio})
    def texts(res: dict[str, Any]) -> set[str]:
        return {r["memory"] for r in res["results"]}

    f = {"AND": [{"user_id": "u"}, {"priority": {"gte": 5}}]}
    assert texts(memory.get_all(filters=f)) == {"note 1 about travel", "note 2 about food"}
    f = {"user_id": "u", "OR": [{"topic": "travel"}, {"priority": {"lt": 2}}]}
    assert texts(memory.search("note", filters=f)) == {"note 0 about food", "note 1 about travel"}
    f = {"user_id": "u", "NOT": [{"topic": {"in": ["food"]}}]}
    assert texts(memory.get_all(filters=f)) == {"note 1 about travel"}
    f = {"user_id": "u", "created_at": {"gte": "2000-01-01"}, "topic": "*"}
    assert len(memory.get_all(filters=f)["results"]) == 3
    assert memory.delete_all(user_id="u", filters={"topic": "food"})["deleted"] == 2
    with pytest.raises(InvalidFilter, match="regex"):
        memory.search("x", filters={"user_id": "u", "topic": {"regex": "f.*"}})


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"messages": "hi"}, "user_id"),
        ({"messages": [], "user_id": "u"}, "messages"),
        ({"messages": "", "user_id": "u"}, "messages"),
        ({"messages": [{"role": "robot", "content": "x"}], "user_id": "u"}, "messages[0].role"),
        ({"messages": [{"role": "user", "content": 42}], "user_id": "u"}, "messages[0].content"),
        ({"messages": 7, "user_id": "u"}, "messages"),
        ({"messages": "x", "user_id": "u", "metadata": {"f": object()}}, "metadata.f"),
        ({"messages": "x", "user_id": "u", "metadata": ["a"]}, "metadata"),
        ({"messages": "x", "user_id": 5}, "user_id"),
        ({"messages": "x", "user_id": " "}, "user_id"),
        ({"messages": "x", "user_id": "u", "infer": "yes"}, "infer"),
        ({"messages": "x", "user_id": "u", "memory_type": "episodic"}, "memory_type"),
        ({"messages": "x", "run_id": "a", "session_id": "b"}, "session_id"),
    ],
)
def test_bad_add_input_names_the_field_and_writes_nothing(memory: Memory, kwargs: dict[str, Any],
                                                          field: str) -> None:
    memory.add("existing", user_id="u", infer=False)
    kwargs = dict(kwargs)  # the parameter is shared by both stores' runs: leave it whole
    messages = kwargs.pop("messages")
    with pytest.raises(InvalidInput) as e:
        memory.add(messages, **{"infer": False, **kwargs})
    assert e.value.field == field
    assert [r["memory"] for r in memory.get_all(user_id="u")["results"]] == ["existing"]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"top_k": 0}, "top_k"), ({"top_k": 10**6}, "top_k"), ({"top_k": True}, "top_k"),
        ({"limit": -1}, "limit"), ({"threshold": 2}, "threshold"),
        ({"threshold": "high"}, "threshold"), ({"search_mode": "fuzzy"}, "search_mode"),
        ({"filters": "user_id=u"}, "filters"), ({"filters": {}}, "filters"),
    ],
)
def test_bad_search_input(memory: Memory, kwargs: dict[str, Any], field: str) -> None:
    kwargs.setdefault("user_id", "u") if "filters" not in kwargs else None
    with pytest.raises(InvalidInput) as e:
        memory.search("q", **kwargs)
    assert e.value.field == field


def test_bad_query_update_and_scope_guards(memory: Memory) -> None:
    mid = memory.add("keep", user_id="u", infer=False)["results"][0]["id"]
    with pytest.raises(InvalidInput, match="query"):
        memory.search("  ", user_id="u")
    with pytest.raises(InvalidInput, match="text"):
        memory.update(mid, "")
    with pytest.raises(InvalidInput, match="text"):
        memory.update(mid)
    with pytest.raises(InvalidInput, match="metadata"):
        memory.update(mid, metadata={"x": float("nan")})
    with pytest.raises(InvalidInput, match="user_id"):
        memory.delete_all()
    with pytest.raises(InvalidInput):
        memory.get_all()
    assert memory.get(mid)["memory"] == "keep"


def test_reset_forgets_everything(memory: Memory) -> None:
    mid = memory.add("x", user_id="u", infer=False)["results"][0]["id"]
    memory.reset()
    assert memory.get_all(user_id="u")["results"] == []
    with pytest.raises(NotFound):
        memory.history(mid)


def test_scopes_lists_users_agents_runs(memory: Memory) -> None:
    memory.add("a", user_id="u1", infer=False)
    memory.add(["b", "c"], user_id="u2", run_id="r", infer=False)
    got = {(s["type"], s["id"], s["total_memories"]) for s in memory.scopes()}
    assert got == {("user", "u1", 1), ("user", "u2", 2), ("run", "r", 2)}


def test_two_memories_on_one_file_see_each_other(store_config: dict[str, Any],
                                                 shared_minilm: Any) -> None:
    cfg = {"store": store_config}
    m1, m2 = Memory(cfg, embedder=shared_minilm), Memory(cfg, embedder=shared_minilm)
    m2.search("warm up the cache", user_id="u")
    mid = m1.add("I play the violin", user_id="u", infer=False)["results"][0]["id"]
    assert m2.search("violin", user_id="u")["results"][0]["id"] == mid
    m1.delete(mid)
    assert m2.search("violin", user_id="u", search_mode="vector")["results"] == []


def test_batch_update_and_delete_are_all_or_nothing(memory: Memory) -> None:
    ids = [r["id"] for r in memory.add(["one", "two", "three"], user_id="u", infer=False)["results"]]
    with pytest.raises(NotFound):
        memory.batch_update([{"memory_id": ids[0], "text": "uno"}, {"memory_id": "nope", "text": "x"}])
    with pytest.raises(InvalidInput) as e:
        memory.batch_update([{"memory_id": ids[0], "text": "uno"}, {"memory_id": ids[1]}])
    assert e.value.field == "memories[1].text"
    with pytest.raises(NotFound):
        memory.batch_delete([ids[2], "nope"])
    assert sorted(r["memory"] for r in memory.get_all(user_id="u")["results"]) == ["one", "three", "two"]
    assert memory.batch_update([{"memory_id": ids[0], "text": "uno"},
                                {"memory_id": ids[1], "metadata": {"k": 2}}])["count"] == 2
    assert memory.get(ids[0])["memory"] == "uno" and memory.get(ids[1])["metadata"] == {"k": 2}
    assert memory.search("uno", user_id="u", search_mode="vector")["results"][0]["id"] == ids[0]
    assert memory.batch_delete([ids[0], ids[0], ids[2]])["count"] == 2
    assert [r["memory"] for r in memory.get_all(user_id="u")["results"]] == ["two"]

"""EngramStore against LangGraph's own InMemoryStore: the same operations on both, the
same answers (the reference embeds with the same MiniLM, so semantic search is comparable)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

pytest.importorskip("langgraph")
from langchain_core.embeddings import Embeddings  # noqa: E402
from langgraph.store.base import BaseStore  # noqa: E402
from langgraph.store.memory import InMemoryStore  # noqa: E402

from engram import Memory  # noqa: E402
from engram.integrations.langgraph import EngramStore  # noqa: E402


class MiniLM(Embeddings):
    """The reference store's embedder: Engram's own MiniLM through LangChain's interface."""

    def __init__(self, model: Any) -> None:
        self.model = model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [[float(x) for x in v] for v in self.model.embed(texts)]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


ITEMS = [
    (("alice", "prefs"), "food", {"text": "Alice is vegetarian and loves spicy ramen", "level": 3}),
    (("alice", "prefs"), "music", {"text": "Alice plays jazz piano on weekends", "level": 5}),
    (("alice", "work"), "job", {"text": "Alice works as a nurse at the city hospital", "level": 1}),
    (("bob", "prefs"), "food", {"text": "Bob is allergic to peanuts", "level": 4}),
    (("bob", "trips", "2026"), "plan", {"text": "Bob is flying to Tokyo in March", "level": 2}),
]


def run_script(store: BaseStore) -> list[Any]:
    """The operations, and a comparable rendering of every answer."""
    for ns, key, value in ITEMS:
        store.put(ns, key, value)
    store.put(("alice", "prefs"), "music", {"text": "Alice plays the cello in an orchestra", "level": 6})
    store.put(("bob", "prefs"), "drink", {"text": "Bob drinks oat milk", "level": 1})
    store.delete(("bob", "prefs"), "drink")
    out: list[Any] = []

    def items(found: list[Any]) -> list[tuple[Any, ...]]:
        return [(i.namespace, i.key, i.value) for i in found]

    got = store.get(("alice", "prefs"), "music")
    assert got is not None
    out.append((got.namespace, got.key, got.value))
    out.append(store.get(("bob", "prefs"), "drink"))          # deleted
    # (A get in a namespace that holds nothing would make the reference list that namespace.)
    out.append(store.get(("alice", "prefs"), "nothing"))      # never existed
    out.append(items(store.search(("alice",))))
    out.append(items(store.search(("alice",), limit=1, offset=1)))
    out.append(items(store.search((), filter={"level": {"$gte": 3}})))
    out.append(items(store.search((), filter={"level": {"$ne": 1, "$lt": 5}})))
    out.append(items(store.search(("bob",), filter={"text": "Bob is allergic to peanuts"})))
    for query, prefix in [("what instrument does she play", ("alice",)),
                          ("peanut allergy", ()), ("travel to Japan", ("bob",)),
                          ("hospital job", ("alice", "work"))]:
        out.append(items(store.search(prefix, query=query, limit=1)))
    out.append(items(store.search((), query="food", filter={"level": 4}, limit=3)))
    out.append(store.list_namespaces())
    out.append(store.list_namespaces(prefix=("alice",)))
    out.append(store.list_namespaces(suffix=("prefs",)))
    out.append(store.list_namespaces(prefix=("*", "prefs")))
    out.append(store.list_namespaces(max_depth=1))
    out.append(store.list_namespaces(max_depth=2, limit=2, offset=1))
    return out


@pytest.mark.parametrize("user_level", [None, 0])
def test_same_answers_as_langgraphs_in_memory_store(memory: Memory, shared_minilm: Any,
                                                    user_level: int | None) -> None:
    reference = InMemoryStore(index={"dims": 384, "embed": MiniLM(shared_minilm), "fields": ["text"]})
    ours = EngramStore(memory, user_level=user_level, fields=["text"])
    expected = run_script(reference)
    assert run_script(ours) == expected
    # The answers are not trivially empty.
    assert expected[0][2]["text"].startswith("Alice plays the cello")
    assert [i[1] for i in expected[3]] == ["food", "music", "job"]


def test_items_are_engram_memories_in_the_mapped_scope(memory: Memory) -> None:
    store = EngramStore(memory, agent_id="graph-app", user_level=0, fields=["text"])
    store.put(("u1", "notes"), "n1", {"text": "Prefers morning meetings", "tags": ["work"]})
    rec = memory.get_all(user_id="u1")["results"]
    assert [r["memory"] for r in rec] == ["Prefers morning meetings"]
    assert rec[0]["agent_id"] == "graph-app" and rec[0]["metadata"]["lg_key"] == "n1"
    # Found by Engram's own search, and gone when the user's memories are deleted.
    assert memory.search("meetings", user_id="u1")["results"][0]["memory"] == "Prefers morning meetings"
    memory.delete_all(user_id="u1")
    assert store.get(("u1", "notes"), "n1") is None


def test_times_scores_index_false_and_async(memory: Memory) -> None:
    store = EngramStore(memory, fields=["text"])

    async def run() -> tuple[Any, Any, Any]:
        await store.aput(("docs",), "a", {"text": "The deploy runs every Friday"})
        await store.aput(("docs",), "b", {"title": "raw", "body": "no text field here"}, index=False)
        first = await store.aget(("docs",), "a")
        await store.aput(("docs",), "a", {"text": "The deploy runs every Thursday"})
        hits = await store.asearch(("docs",), query="when is the deploy", limit=1)
        return first, await store.aget(("docs",), "a"), hits

    first, second, hits = asyncio.run(run())
    assert first is not None and second is not None
    assert second.created_at == first.created_at and second.updated_at > first.updated_at
    assert hits[0].key == "a" and isinstance(hits[0].score, float) and 0 < hits[0].score <= 1
    # A value without the indexed field is still stored and found by its JSON.
    assert store.search(("docs",), query="no text field")[0].key == "b"


def test_unsupported_filter_operator_is_refused(memory: Memory) -> None:
    store = EngramStore(memory)
    store.put(("x",), "k", {"n": 1})
    with pytest.raises(ValueError, match=r"\$in"):
        store.search(("x",), filter={"n": {"$in": [1]}})

"""The store contract for episodes (stored turns) and provenance, on every backend:
facts citing episodes, history keeping each version's evidence, and forgetting that
leaves no turn behind."""

from __future__ import annotations

from typing import Any

from engram._types import EPISODE, Scope
from engram.store.base import ChangeSet, MemoryUpdate, NewMemory
from engram.store.filters import parse_filters
from tests.store.test_contract import NS, vec

A = Scope(user_id="alice")
B = Scope(user_id="bob")


def turn(mid: str, text: str, scope: Scope = A) -> NewMemory:
    return NewMemory(mid, text, f"h-{text}", scope, vec(0), role="user",
                     memory_type=EPISODE, raw=True)


def fact(mid: str, text: str, sources: list[str], scope: Scope = A, **kw: Any) -> NewMemory:
    return NewMemory(mid, text, f"h-{text}", scope, vec(1), source_ids=sources, **kw)


def _setup(store: Any) -> None:
    store.apply(NS, ChangeSet(adds=[
        turn("e1", "I live in Paris and love tea"), turn("e2", "Nice weather today"),
        fact("f1", "Lives in Paris", ["e1"], metadata={"topic": "home"}),
        fact("f2", "Loves tea", ["e1"]),
        turn("e9", "I live in Oslo", B), fact("f9", "Lives in Oslo", ["e9"], B)]))


def test_citing_finds_the_facts_of_each_turn_within_the_filter(store: Any) -> None:
    _setup(store)
    alice = parse_filters({"user_id": "alice"})
    assert store.citing(NS, alice, ["e1", "e2", "e9", "nope"]) == {"e1": ["f1", "f2"]}
    home = parse_filters({"user_id": "alice", "topic": "home"})
    assert store.citing(NS, home, ["e1"]) == {"e1": ["f1"]}
    assert store.citing(NS, parse_filters({"user_id": "bob"}), ["e9"]) == {"e9": ["f9"]}
    assert store.citing(NS, alice, []) == {}


def test_an_update_keeps_the_evidence_of_both_versions_in_history(store: Any) -> None:
    _setup(store)
    store.apply(NS, ChangeSet(adds=[turn("e3", "I moved to Berlin")]))
    store.apply(NS, ChangeSet(updates=[MemoryUpdate("f1", "Lives in Berlin", "h-b", vec(2),
                                                    source_ids=["e1", "e3"])],
                              origin="reextract"))
    assert store.get(NS, "f1").source_ids == ["e1", "e3"]
    store.apply(NS, ChangeSet(updates=[MemoryUpdate("f1", metadata={"k": 1})]))
    assert store.get(NS, "f1").source_ids == ["e1", "e3"]  # None: provenance unchanged
    store.apply(NS, ChangeSet(deletes=["f1"]))
    rows = [(h.event, h.old_source_ids, h.new_source_ids, h.origin)
            for h in store.history(NS, "f1")]
    assert rows == [("ADD", None, ["e1"], None),
                    ("UPDATE", ["e1"], ["e1", "e3"], "reextract"),
                    ("UPDATE", ["e1", "e3"], ["e1", "e3"], None),
                    ("DELETE", ["e1", "e3"], None, None)]
    update = store.history(NS, "f1")[1].to_dict()
    assert (update["old_source_ids"], update["new_source_ids"], update["origin"]) == (
        ["e1"], ["e1", "e3"], "reextract")
    # Deleting a fact leaves the turns it came from.
    assert set(store.get_many(NS, ["e1", "e3"])) == {"e1", "e3"}


def test_a_fact_may_repeat_a_turn_word_for_word(store: Any) -> None:
    store.apply(NS, ChangeSet(adds=[turn("e1", "Likes tea")]))
    assert store.find_hashes(NS, A, ["h-Likes tea"]) == {}
    res = store.apply(NS, ChangeSet(adds=[fact("f1", "Likes tea", ["e1"], unique=True)]))
    assert res.skipped == {} and store.get(NS, "f1") is not None
    assert store.find_hashes(NS, A, ["h-Likes tea"]) == {"h-Likes tea": "f1"}


def test_scopes_count_facts_and_list_a_scope_of_turns_only(store: Any) -> None:
    _setup(store)
    store.apply(NS, ChangeSet(adds=[turn("e7", "hello", Scope(user_id="carol"))]))
    counts = {s.id: s.count for s in store.scopes(NS) if s.kind == "user"}
    assert counts == {"alice": 2, "bob": 1, "carol": 0}


def test_forgetting_a_scope_or_the_namespace_leaves_no_turn(store: Any) -> None:
    _setup(store)
    assert len(store.delete_where(NS, parse_filters({"user_id": "alice"}))) == 4
    left = store.list_memories(NS, parse_filters({"memory_type": EPISODE}), limit=10)
    assert [r.id for r in left.records] == ["e9"]
    store.reset(NS)
    assert store.count(NS, parse_filters({})) == 0


def _said(mid: str, text: str, speaker: str | None, **kw: Any) -> NewMemory:
    return NewMemory(mid, text, f"h-{mid}", A, vec(0), role="user", actor_id=speaker,
                     raw=True, **kw)


def test_a_turns_speaker_is_in_its_keyword_index_not_its_text(store: Any) -> None:
    """Questions name the speaker ("what did Anna ..."): a stored turn is found by its
    speaker's name, before and after later turns refresh its context; a fact or a raw
    message by the same actor is indexed by its text only, and no memory's text changes."""
    alice = parse_filters({"user_id": "alice"})
    store.apply(NS, ChangeSet(adds=[
        _said("e1", "We adopted a cat last week", "Anna", memory_type=EPISODE),
        _said("e2", "Lovely, what is its name?", "Ben", memory_type=EPISODE),
        _said("r1", "I also like tea", "Anna"),  # infer=False: no episode
        NewMemory("f1", "Adopted a cat", "h-f1", A, vec(1), actor_id="Anna")]))

    def found(word: str) -> list[str]:
        return sorted(i for i, _ in store.keyword_search(NS, alice, [word], 10))

    assert found("anna") == ["e1"] and found("ben") == ["e2"]
    # Later turns refresh the stored turns' contexts; each keeps its own speaker.
    store.apply(NS, ChangeSet(adds=[
        _said("e3", "Her name is Miso", "Anna", memory_type=EPISODE),
        _said("e4", "Cute", None, memory_type=EPISODE)]))
    assert found("anna") == ["e1", "e3"] and found("ben") == ["e2"]
    texts = {i: r.memory for i, r in store.get_many(NS, ["e1", "e2", "e3", "e4"]).items()}
    assert texts == {"e1": "We adopted a cat last week", "e2": "Lovely, what is its name?",
                     "e3": "Her name is Miso", "e4": "Cute"}


def test_a_filter_on_source_ids_lists_the_facts_citing_a_turn(store: Any) -> None:
    """``source_ids`` is a list column like ``categories``: a condition holds when one
    of a memory's cited ids matches (None: it cites nothing)."""
    _setup(store)
    store.apply(NS, ChangeSet(adds=[fact("f3", "Was in Paris", ["e1", "e2"])]))

    def ids(f: dict[str, Any]) -> list[str]:
        page = store.list_memories(NS, parse_filters({"user_id": "alice", **f}), limit=50)
        return sorted(r.id for r in page.records)

    assert ids({"source_ids": "e1"}) == ["f1", "f2", "f3"]
    assert ids({"source_ids": {"in": ["e2", "e9"]}}) == ["f3"]  # e9 is bob's
    assert ids({"source_ids": {"ne": "e1"}}) == ["e1", "e2"]  # the turns cite nothing
    assert ids({"source_ids": None}) == ["e1", "e2"]
    assert ids({"source_ids": "e1", "topic": "home"}) == ["f1"]


def test_vector_search_keeps_to_the_kind_a_filter_asks_for(store: Any) -> None:
    _setup(store)
    store.apply(NS, ChangeSet(adds=[NewMemory("f3", "Untyped fact", "h-u", A, vec(0))]))

    def found(filters: dict[str, Any]) -> set[str]:
        return {m for m, _ in store.vector_search(NS, parse_filters(filters), vec(0), 10)}

    not_turn = {"memory_type": {"ne": EPISODE}}
    assert found({"user_id": "alice", **not_turn}) == {"f1", "f2", "f3"}
    assert found({"user_id": "alice", "memory_type": EPISODE}) == {"e1", "e2"}
    assert found({"user_id": "alice"}) == {"e1", "e2", "f1", "f2", "f3"}
    assert found(not_turn) == {"f1", "f2", "f3", "f9"}
    assert found({"user_id": "alice", "topic": "home", **not_turn}) == {"f1"}
    assert found({"user_id": "alice", "topic": "home", "memory_type": EPISODE}) == set()
    assert found({"AND": [{"user_id": "alice"}, {"memory_type": EPISODE}, not_turn]}) == set()

"""The store contract: every backend in tests/store/conftest.py must pass all of it."""

from __future__ import annotations

import time

import numpy as np
import pytest

from engram._types import Scope
from engram.errors import NotFound
from engram.store.base import ChangeSet, MemoryUpdate, NewMemory
from engram.store.filters import parse_filters
from tests.store.conftest import DIMS

NS = ""


def vec(*hot: int) -> np.ndarray:
    v = np.zeros(DIMS, dtype=np.float32)
    for i in hot:
        v[i] = 1.0
    return v / np.linalg.norm(v)


def mem(mid: str, text: str, scope: Scope, v: np.ndarray, **kw: object) -> NewMemory:
    return NewMemory(id=mid, text=text, hash=f"h-{text}", scope=scope, embedding=v, **kw)  # type: ignore[arg-type]


A = Scope(user_id="alice")
B = Scope(user_id="bob")
AR = Scope(user_id="alice", run_id="r1")


def where(**f: object) -> object:
    return parse_filters(f)


def test_add_get_and_history(store) -> None:
    store.apply(NS, ChangeSet(adds=[mem("m1", "likes tea", A, vec(0), metadata={"k": 1})]))
    rec = store.get(NS, "m1")
    assert rec is not None
    assert (rec.memory, rec.scope, rec.metadata, rec.hash) == ("likes tea", A, {"k": 1}, "h-likes tea")
    assert rec.created_at and rec.updated_at is None
    hist = store.history(NS, "m1")
    assert [(h.event, h.old_memory, h.new_memory) for h in hist] == [("ADD", None, "likes tea")]


def test_update_and_delete_record_history(store) -> None:
    store.apply(NS, ChangeSet(adds=[mem("m1", "lives in Paris", A, vec(0))]))
    store.apply(NS, ChangeSet(updates=[MemoryUpdate("m1", "lives in Berlin", "h2", vec(1))]))
    rec = store.get(NS, "m1")
    assert rec.memory == "lives in Berlin" and rec.updated_at is not None
    store.apply(NS, ChangeSet(updates=[MemoryUpdate("m1", metadata={"a": "b"})]))
    assert store.get(NS, "m1").metadata == {"a": "b"}
    store.apply(NS, ChangeSet(deletes=["m1"]))
    assert store.get(NS, "m1") is None
    events = [(h.event, h.old_memory, h.new_memory) for h in store.history(NS, "m1")]
    assert events == [
        ("ADD", None, "lives in Paris"),
        ("UPDATE", "lives in Paris", "lives in Berlin"),
        ("UPDATE", "lives in Berlin", "lives in Berlin"),
        ("DELETE", "lives in Berlin", None),
    ]


def test_vector_follows_update(store) -> None:
    store.apply(NS, ChangeSet(adds=[mem("m1", "x", A, vec(0)), mem("m2", "y", A, vec(2))]))
    store.apply(NS, ChangeSet(updates=[MemoryUpdate("m1", "z", "hz", vec(3))]))
    hits = store.vector_search(NS, where(user_id="alice"), vec(3), 1)
    assert hits[0][0] == "m1" and hits[0][1] == pytest.approx(1.0, abs=1e-5)


def test_failed_apply_writes_nothing(store) -> None:
    store.apply(NS, ChangeSet(adds=[mem("m1", "keep me", A, vec(0))]))
    bad = ChangeSet(adds=[mem("m2", "new", A, vec(1))], deletes=["m1", "missing"])
    with pytest.raises(NotFound):
        store.apply(NS, bad)
    assert store.get(NS, "m2") is None
    assert store.get(NS, "m1") is not None
    assert [h.event for h in store.history(NS, "m1")] == ["ADD"]
    assert store.history(NS, "m2") == []
    assert [i for i, _ in store.vector_search(NS, where(user_id="alice"), vec(1), 5)] == ["m1"]


def test_scope_isolation(store) -> None:
    store.apply(NS, ChangeSet(adds=[mem("a1", "alice tea", A, vec(0)),
                                    mem("b1", "bob tea", B, vec(0))]))
    assert [i for i, _ in store.vector_search(NS, where(user_id="alice"), vec(0), 10)] == ["a1"]
    assert [i for i, _ in store.keyword_search(NS, where(user_id="bob"), ["tea"], 10)] == ["b1"]
    assert [r.id for r in store.list_memories(NS, where(user_id="alice"), limit=10).records] == ["a1"]


def test_namespaces_never_mix(store) -> None:
    store.apply("t1", ChangeSet(adds=[mem("x1", "secret", A, vec(0))]))
    assert store.get("t2", "x1") is None
    assert store.vector_search("t2", where(user_id="alice"), vec(0), 5) == []
    assert store.keyword_search("t2", where(user_id="alice"), ["secret"], 5) == []
    with pytest.raises(NotFound):
        store.apply("t2", ChangeSet(deletes=["x1"]))
    store.reset("t2")
    assert store.get("t1", "x1") is not None


def test_user_filter_spans_runs_and_filters_narrow(store) -> None:
    store.apply(NS, ChangeSet(adds=[
        mem("a1", "one", A, vec(0), metadata={"topic": "food"}),
        mem("a2", "two", AR, vec(0), metadata={"topic": "travel"}),
    ]))
    both = {i for i, _ in store.vector_search(NS, where(user_id="alice"), vec(0), 10)}
    assert both == {"a1", "a2"}
    run = [i for i, _ in store.vector_search(NS, where(user_id="alice", run_id="r1"), vec(0), 10)]
    assert run == ["a2"]
    food = [i for i, _ in store.vector_search(NS, where(user_id="alice", topic="food"), vec(0), 10)]
    assert food == ["a1"]
    kw = store.keyword_search(NS, where(user_id="alice", topic="travel"), ["two", "one"], 10)
    assert [i for i, _ in kw] == ["a2"]


def test_vector_search_orders_by_cosine(store) -> None:
    store.apply(NS, ChangeSet(adds=[mem("near", "a", A, vec(0, 1)), mem("far", "b", A, vec(5)),
                                    mem("exact", "c", A, vec(0))]))
    hits = store.vector_search(NS, where(user_id="alice"), vec(0), 3)
    assert [i for i, _ in hits] == ["exact", "near", "far"]
    assert hits[0][1] > hits[1][1] > hits[2][1]
    sims = store.similarities(NS, ["near", "far"], vec(0))
    assert sims["near"] == pytest.approx(float(vec(0, 1) @ vec(0)), abs=1e-5)


def test_keyword_search_ranks_matches(store) -> None:
    store.apply(NS, ChangeSet(adds=[
        mem("m1", "I adopted a dog named Rex", A, vec(0)),
        mem("m2", "The weather is nice", A, vec(1)),
        mem("m3", "Rex the dog loves dog biscuits", A, vec(2)),
    ]))
    hits = store.keyword_search(NS, where(user_id="alice"), ["dog", "rex"], 10)
    assert {i for i, _ in hits} == {"m1", "m3"}
    assert all(s > 0 for _, s in hits)
    # Terms are data, never query syntax.
    assert store.keyword_search(NS, where(user_id="alice"), ['"', "OR", "NEAR(", "*"], 5) == []


def test_raw_context_indexes_neighbouring_turns(store) -> None:
    turns = ["Where did you go on holiday?", "We went to Lisbon in May.", "Lovely, was it warm?"]
    store.apply(NS, ChangeSet(adds=[mem(f"t{i}", t, A, vec(i), raw=True)
                                    for i, t in enumerate(turns)]))
    # "holiday" is only in t0, but t1's keyword document includes its neighbours.
    hits = [i for i, _ in store.keyword_search(NS, where(user_id="alice"), ["holiday"], 10)]
    assert hits[0] == "t0" and "t1" in hits
    # A later add refreshes the "after" context of the turns before it.
    store.apply(NS, ChangeSet(adds=[mem("t3", "Very warm, we swam at Cascais.", A, vec(3), raw=True)]))
    hits = [i for i, _ in store.keyword_search(NS, where(user_id="alice"), ["cascais"], 10)]
    assert hits[0] == "t3" and {"t1", "t2"} <= set(hits)


def test_session_bounded_context_stops_at_another_session(session_store) -> None:
    st = session_store
    s1 = ["Where did you go on holiday?", "We went to Lisbon in May."]
    st.apply(NS, ChangeSet(adds=[mem(f"a{i}", t, A, vec(i), raw=True, metadata={"session": "s1"})
                                 for i, t in enumerate(s1)]))
    # A new session: its first turn neither gets s1's words nor lends its own to s1.
    st.apply(NS, ChangeSet(adds=[mem("b0", "My sister adopted a greyhound.", A, vec(2), raw=True,
                                     metadata={"session": "s2"}),
                                 mem("b1", "What a lovely dog.", A, vec(3), raw=True,
                                     metadata={"session": "s2"})]))
    w = where(user_id="alice")
    assert {i for i, _ in st.keyword_search(NS, w, ["holiday"], 10)} == {"a0", "a1"}
    assert {i for i, _ in st.keyword_search(NS, w, ["greyhound"], 10)} == {"b0", "b1"}
    # Turns without the key share one unbounded window, as without a session key.
    st.apply(NS, ChangeSet(adds=[mem(f"c{i}", t, B, vec(i), raw=True)
                                 for i, t in enumerate(["kayak trip", "it rained"])]))
    assert {i for i, _ in st.keyword_search(NS, where(user_id="bob"), ["kayak"], 10)} == {"c0", "c1"}


def test_unique_add_skips_existing_text_in_same_scope(store) -> None:
    store.apply(NS, ChangeSet(adds=[mem("m1", "is vegetarian", A, vec(0))]))
    res = store.apply(NS, ChangeSet(adds=[mem("m2", "is vegetarian", A, vec(0), unique=True),
                                          mem("m3", "is vegetarian", B, vec(0), unique=True)]))
    assert res.skipped == {"m2": "m1"}
    assert store.get(NS, "m2") is None and store.get(NS, "m3") is not None
    assert store.find_hashes(NS, A, ["h-is vegetarian", "nope"]) == {"h-is vegetarian": "m1"}


def test_list_pagination_by_offset_and_cursor(store) -> None:
    store.apply(NS, ChangeSet(adds=[mem(f"m{i:02d}", f"text {i}", A, vec(i % DIMS))
                                    for i in range(25)]))
    w = where(user_id="alice")
    first = store.list_memories(NS, w, limit=10)
    assert [r.id for r in first.records] == [f"m{i:02d}" for i in range(24, 14, -1)]
    seen = [r.id for r in first.records]
    cursor = first.next_cursor
    while cursor:
        page = store.list_memories(NS, w, limit=10, cursor=cursor)
        seen += [r.id for r in page.records]
        cursor = page.next_cursor
    assert seen == [f"m{i:02d}" for i in range(24, -1, -1)]
    assert [r.id for r in store.list_memories(NS, w, limit=5, offset=20).records] == [
        f"m{i:02d}" for i in range(4, -1, -1)]
    assert store.count(NS, w) == 25


def test_delete_where_and_reset(store) -> None:
    store.apply(NS, ChangeSet(adds=[mem("a1", "x", A, vec(0)), mem("a2", "y", AR, vec(1)),
                                    mem("b1", "z", B, vec(2))]))
    assert store.delete_where(NS, where(user_id="alice", run_id="r1")) == ["a2"]
    assert [h.event for h in store.history(NS, "a2")] == ["ADD", "DELETE"]
    assert store.vector_search(NS, where(user_id="alice"), vec(1), 5)[0][0] == "a1"
    assert sorted(store.reset(NS)) == ["a1", "b1"]
    assert store.count(NS, where(user_id="bob")) == 0
    assert store.history(NS, "b1") == []


def test_scopes_counts(store) -> None:
    store.apply(NS, ChangeSet(adds=[mem("a1", "x", A, vec(0)), mem("a2", "y", AR, vec(1)),
                                    mem("b1", "z", Scope(agent_id="bot"), vec(2))]))
    got = {(s.kind, s.id, s.count) for s in store.scopes(NS)}
    assert got == {("user", "alice", 2), ("run", "r1", 1), ("agent", "bot", 1)}


def test_embedding_cache_round_trip(store) -> None:
    store.put_many_embeddings("m", {"h1": vec(1), "h2": vec(2)})
    got = store.get_many_embeddings("m", ["h1", "h2", "h3"])
    assert set(got) == {"h1", "h2"}
    np.testing.assert_allclose(got["h2"], vec(2))
    assert store.get_many_embeddings("other-model", ["h1"]) == {}


def test_scope_lock_serialises_one_scope(store) -> None:
    import threading
    import time

    inside = []

    def work(tag: str) -> None:
        with store.scope_lock(NS, A):
            inside.append(("in", tag))
            time.sleep(0.05)
            inside.append(("out", tag))

    ts = [threading.Thread(target=work, args=(str(i),)) for i in range(3)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    # Every "in" is immediately followed by its own "out": no overlap.
    assert all(inside[i][0] == "in" and inside[i + 1] == ("out", inside[i][1])
               for i in range(0, len(inside), 2))


def test_embedding_cache_falls_back_to_memory_rows_of_the_same_model(store) -> None:
    # A text already stored as a memory is a cache hit for the store's own embedder
    # (its vector is the row's), in any namespace; another model never gets it.
    store.apply("t1", ChangeSet(adds=[mem("m1", "likes tea", A, vec(3), raw=True)]))
    store.put_many_embeddings("test-embedder", {"h-cached": vec(1)})
    got = store.get_many_embeddings("test-embedder", ["h-likes tea", "h-cached", "h-none"])
    assert set(got) == {"h-likes tea", "h-cached"}
    np.testing.assert_allclose(got["h-likes tea"], vec(3))
    np.testing.assert_allclose(got["h-cached"], vec(1))
    assert got["h-likes tea"].dtype == np.float32
    assert store.get_many_embeddings("other-model", ["h-likes tea"]) == {}
    store.apply("t1", ChangeSet(deletes=["m1"]))
    assert store.get_many_embeddings("test-embedder", ["h-likes tea"]) == {}


def test_neighbours_are_the_raw_turns_around_each_id_in_its_scope(store) -> None:
    store.apply(NS, ChangeSet(adds=[mem(f"t{i}", f"turn {i}", A, vec(i % DIMS), raw=True)
                                    for i in range(5)]))
    # Interleaved: another scope's turns and a non-raw fact never count as neighbours.
    store.apply(NS, ChangeSet(adds=[mem("b0", "bob turn", B, vec(0), raw=True),
                                    mem("fact", "a fact", A, vec(1))]))
    store.apply(NS, ChangeSet(adds=[mem("t5", "turn 5", A, vec(5), raw=True)]))
    got = store.neighbours(NS, ["t2", "t0", "t5", "fact", "missing"], 2, 1)
    assert got == {"t2": ["t0", "t1", "t3"], "t0": ["t1"], "t5": ["t3", "t4"]}
    assert store.neighbours(NS, ["t2"], 0, 2) == {"t2": ["t3", "t4"]}
    assert store.neighbours("other-ns", ["t2"], 1, 1) == {}
    assert store.bind(NS).neighbours(["t4"], 1, 1) == {"t4": ["t3", "t5"]}


def test_bound_view_reads_and_writes_only_its_namespace(store) -> None:
    t1, t2 = store.bind("t1"), store.bind("t2")
    t1.apply(ChangeSet(adds=[mem("x1", "secret", A, vec(0))]))
    assert t1.get("x1") is not None and t2.get("x1") is None
    assert [i for i, _ in t1.vector_search(where(user_id="alice"), vec(0), 5)] == ["x1"]
    assert t2.vector_search(where(user_id="alice"), vec(0), 5) == []
    with pytest.raises(NotFound):
        t2.apply(ChangeSet(deletes=["x1"]))
    assert t2.delete_where(where(user_id="alice")) == []
    assert t1.count(where(user_id="alice")) == 1


def test_cursor_pages_stay_stable_while_another_writer_adds(store) -> None:
    import threading

    store.apply(NS, ChangeSet(adds=[mem(f"m{i:03d}", f"text {i}", A, vec(i % DIMS))
                                    for i in range(60)]))
    w = where(user_id="alice")
    first_read, stop = threading.Event(), threading.Event()
    added: list[str] = []

    def writer() -> None:
        # Writes start once the first page is read: the property is about memories added
        # *after* a listing began (a writer that got ahead of the first read could fill
        # several pages with legitimately listed new rows and make the test race).
        first_read.wait(30)
        i = 0
        while not stop.is_set() and i < 200:
            mid = f"new{i:03d}"
            store.apply(NS, ChangeSet(adds=[mem(mid, f"late {i}", A, vec(i % DIMS))]))
            added.append(mid)
            i += 1

    t = threading.Thread(target=writer)
    t.start()
    try:
        seen: list[str] = []
        page = store.list_memories(NS, w, limit=7)
        first_read.set()
        seen += [r.id for r in page.records]
        deadline = time.monotonic() + 30
        while not added and time.monotonic() < deadline:
            time.sleep(0.001)  # the writer really commits while the later pages are read
        while page.next_cursor:
            page = store.list_memories(NS, w, limit=7, cursor=page.next_cursor)
            seen += [r.id for r in page.records]
    finally:
        first_read.set()
        stop.set()
        t.join()
    assert added
    # Every memory older than the first page is listed exactly once, newest first, and
    # nothing added after the first page slips into later pages.
    assert seen == [f"m{i:03d}" for i in range(59, -1, -1)]


def test_change_events_find_a_change_by_its_add_id_or_one_of_its_rows(store) -> None:
    store.apply(NS, ChangeSet(adds=[mem("m1", "lives in Paris", AR, vec(0), metadata={"k": 1},
                                        role="user", source_ids=["3"])]))
    store.apply(NS, ChangeSet(adds=[mem("m2", "likes tea", A, vec(1))], deletes=["m1"],
                              add_id="add-1"))
    rows = store.change_events(NS, "add-1")
    assert [(e.event, e.memory_id, e.add_id) for e in rows] == [
        ("ADD", "m2", "add-1"), ("DELETE", "m1", "add-1")]
    snap = rows[1].snapshot
    assert (snap["user_id"], snap["run_id"], snap["metadata"], snap["role"],
            snap["source_ids"]) == ("alice", "r1", {"k": 1}, "user", ["3"])
    assert rows[0].snapshot is None
    assert store.change_events(NS, rows[0].id) == rows  # by one of its rows: the whole add
    lone = store.history(NS, "m1")[0]  # a change made without an add_id: just that row
    assert [e.id for e in store.change_events(NS, lone.id)] == [lone.id]
    assert store.change_events(NS, "nothing") == []
    assert store.change_events("other-ns", "add-1") == []
    # delete_where keeps the deleted record too.
    store.delete_where(NS, where(user_id="alice"))
    assert store.history(NS, "m2")[-1].snapshot["memory"] == "likes tea"


def test_categories_immutable_keywords_and_ids_are_stored_and_filterable(store) -> None:
    store.apply(NS, ChangeSet(adds=[
        mem("c1", "Budget for Q1 travel", A, vec(0), categories=["finance", "travel"]),
        mem("c2", "Dinner with Sam", A, vec(0), categories=["food"], immutable=True),
        mem("c3", "No label here", A, vec(0)),
        mem("c4", "Other user's finance", B, vec(0), categories=["finance"]),
    ]))
    got = store.get(NS, "c1")
    assert got is not None and got.categories == ["finance", "travel"] and not got.immutable
    assert store.get(NS, "c2").immutable  # type: ignore[union-attr]

    def ids(**f: object) -> list[str]:
        return sorted(r.id for r in store.list_memories(NS, parse_filters(f), limit=10).records)

    assert ids(user_id="alice", categories={"in": ["finance", "food"]}) == ["c1", "c2"]
    assert ids(user_id="alice", categories="travel") == ["c1"]
    assert ids(user_id="alice", categories={"contains": "fin"}) == ["c1"]
    assert ids(user_id="alice", categories={"icontains": "FOO"}) == ["c2"]
    assert ids(user_id="alice", NOT={"categories": {"in": ["finance"]}}) == ["c2", "c3"]
    assert ids(user_id="alice", categories="*") == ["c1", "c2"]
    assert ids(user_id="alice", categories=None) == ["c3"]
    assert ids(user_id="alice", keywords={"icontains": "BUDGET"}) == ["c1"]
    assert ids(user_id="alice", keywords={"contains": "budget"}) == []
    assert ids(memory_ids=["c2", "c4"], user_id={"in": ["alice", "bob"]}) == ["c2", "c4"]
    # The vector and keyword searches apply the same conditions.
    hits = store.vector_search(NS, parse_filters({"user_id": "alice",
                                                  "categories": {"in": ["food"]}}), vec(0), 10)
    assert [i for i, _ in hits] == ["c2"]
    kw = store.keyword_search(NS, parse_filters({"user_id": "alice", "categories": "finance"}),
                              ["budget", "dinner"], 10)
    assert [i for i, _ in kw] == ["c1"]
    store.apply(NS, ChangeSet(updates=[MemoryUpdate("c3", categories=["misc"])]))
    assert store.get(NS, "c3").categories == ["misc"]  # type: ignore[union-attr]


def test_or_across_scopes_and_wildcards(store) -> None:
    store.apply(NS, ChangeSet(adds=[
        mem("o1", "alice", A, vec(0)), mem("o2", "bob", B, vec(0)),
        mem("o3", "agent", Scope(agent_id="helper"), vec(0)),
        mem("o4", "alice run", AR, vec(0)),
    ]))

    def ids(f: dict[str, object]) -> list[str]:
        return sorted(r.id for r in store.list_memories(NS, parse_filters(f), limit=10).records)

    assert ids({"OR": [{"user_id": "bob"}, {"agent_id": "helper"}]}) == ["o2", "o3"]
    assert ids({"user_id": "*"}) == ["o1", "o2", "o4"]
    assert ids({"AND": [{"user_id": "alice"}, {"run_id": "*"}]}) == ["o4"]
    assert ids({"agent_id": "*"}) == ["o3"]


def test_project_settings_round_trip_per_namespace_and_survive_reset(store) -> None:
    assert store.get_settings("p1") == {}
    store.put_settings("p1", {"custom_instructions": "Only food", "includes": "diet"})
    store.put_settings("p1", {"custom_instructions": "Only travel"})
    store.put_settings("p2", {"excludes": "names"})
    assert store.get_settings("p1") == {"custom_instructions": "Only travel"}
    assert store.get_settings("p2") == {"excludes": "names"}
    store.reset("p1")  # forgets memories, not the project's settings
    assert store.get_settings("p1") == {"custom_instructions": "Only travel"}

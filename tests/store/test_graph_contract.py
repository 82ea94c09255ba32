"""The graph part of the store contract, on every backend (tests/store/conftest.py)."""

from __future__ import annotations

import numpy as np
import pytest

from engram._types import Scope
from engram.errors import InvalidInput, NotFound
from engram.store._graph_records import Invalidation, NewEntity, NewRelation, RelationLink
from engram.store.base import ChangeSet
from engram.store.filters import parse_filters
from tests.store.test_contract import AR, NS, A, B, mem, vec


def ent(eid: str, name: str, scope: Scope, *hot: int, typ: str = "person") -> NewEntity:
    return NewEntity(eid, name, name.lower(), typ, scope, vec(*hot) if hot else None)


def rel(rid: str, s: str, r: str, t: str, scope: Scope, *mids: str) -> NewRelation:
    return NewRelation(rid, s, r, t, scope, list(mids))


def seed(store, scope: Scope = A, suffix: str = "") -> None:
    """user -sister-> Anna -lives_in-> Chicago, from two memories."""
    x = suffix
    store.apply(NS, ChangeSet(
        adds=[mem("m1" + x, "Has a sister named Anna", scope, vec(0)),
              mem("m2" + x, "Sister Anna is a nurse in Chicago", scope, vec(1))],
        entities=[ent("eu" + x, "user", scope, 2), ent("ea" + x, "Anna", scope, 3),
                  ent("ec" + x, "Chicago", scope, 4, typ="place")],
        relations=[rel("r1" + x, "eu" + x, "sister", "ea" + x, scope, "m1" + x, "m2" + x),
                   rel("r2" + x, "ea" + x, "lives_in", "ec" + x, scope, "m2" + x)]))


def triples(rels) -> set[tuple[str, str, str, bool]]:
    return {(r.source, r.relationship, r.target, r.valid) for r in rels}


def test_relations_written_with_memories_and_read_back(store) -> None:
    seed(store)
    rels = store.list_relations(NS, A)
    assert triples(rels) == {("user", "sister", "Anna", True),
                             ("Anna", "lives_in", "Chicago", True)}
    by_id = {r.id: r for r in rels}
    assert by_id["r1"].memory_ids == ("m1", "m2") and by_id["r2"].memory_ids == ("m2",)
    assert [(e.event, e.target) for e in store.graph_history(NS, A)] == [
        ("ADD", "Anna"), ("ADD", "Chicago")]


def test_find_entities_by_name_and_embedding(store) -> None:
    seed(store)
    exact = store.find_entities(NS, A, ["bob", "anna"])
    assert [(m.id, m.score, m.query) for m in exact] == [("ea", 1.0, 1)]
    near = store.find_entities(NS, A, [], np.stack([vec(4)]), k=1)
    assert near[0].id == "ec" and near[0].score == pytest.approx(1.0, abs=1e-5)
    assert store.find_entities(NS, B, ["anna"], np.stack([vec(3)])) == []


def test_neighbourhood_two_hops(store) -> None:
    seed(store)
    one = store.graph_neighbourhood(NS, parse_filters({"user_id": "alice"}), ["eu"], hops=1)
    assert triples(one) == {("user", "sister", "Anna", True)}
    two = store.graph_neighbourhood(NS, parse_filters({"user_id": "alice"}), ["eu"], hops=2)
    assert {(r.target, r.hop) for r in two} == {("Anna", 1), ("Chicago", 2)}


def test_scope_isolation(store) -> None:
    seed(store, A)
    seed(store, B, "-b")
    seed(store, AR, "-r")
    assert {r.id for r in store.list_relations(NS, B)} == {"r1-b", "r2-b"}
    # A filter pinning user alice sees her run's graph too, exactly as memories do.
    assert {r.id for r in store.list_relations(NS, parse_filters({"user_id": "alice"}))} == {
        "r1", "r2", "r1-r", "r2-r"}
    assert {r.id for r in store.graph_neighbourhood(NS, B, ["eu"], hops=2)} == set()
    assert store.list_relations("other-tenant", A) == []
    # A filter that pins no scope reads no graph at all.
    assert store.list_relations(NS, parse_filters({"OR": [{"user_id": "alice"},
                                                          {"user_id": "bob"}]})) == []


def test_invalidation_keeps_the_relation_and_records_history(store) -> None:
    seed(store)
    store.apply(NS, ChangeSet(
        adds=[mem("m3", "Sister Anna moved to Boston", A, vec(5))],
        entities=[ent("eb", "Boston", A, 6, typ="place")],
        relations=[rel("r3", "ea", "lives_in", "eb", A, "m3")],
        invalidate=[Invalidation("r2", "replaced by Anna lives_in Boston")]))
    rels = {r.id: r for r in store.list_relations(NS, A)}
    assert not rels["r2"].valid and rels["r2"].valid_until is not None
    assert rels["r3"].valid and rels["r3"].valid_until is None
    events = [(e.event, e.relation_id) for e in store.graph_history(NS, A)]
    assert events[-2:] == [("INVALIDATE", "r2"), ("ADD", "r3")]


def test_link_adds_evidence_to_a_stored_relation(store) -> None:
    seed(store)
    store.apply(NS, ChangeSet(adds=[mem("m3", "Anna lives in Chicago", A, vec(5))],
                              links=[RelationLink("r2", "m3")]))
    assert {r.id: r for r in store.list_relations(NS, A)}["r2"].memory_ids == ("m2", "m3")


@pytest.mark.parametrize("bad", [
    ChangeSet(adds=[mem("m9", "x", A, vec(0))], entities=[ent("e9", "X", A)],
              relations=[rel("r9", "e9", "knows", "missing-entity", A, "m9")]),
    ChangeSet(adds=[mem("m9", "x", A, vec(0))], entities=[ent("e9", "X", A)],
              relations=[rel("r9", "e9", "knows", "e9", A, "missing-memory")]),
    ChangeSet(adds=[mem("m9", "x", A, vec(0))], entities=[ent("e9", "X", A)],
              invalidate=[Invalidation("missing-relation")]),
    ChangeSet(adds=[mem("m9", "x", A, vec(0))], entities=[ent("e9", "X", A)],
              relations=[rel("r9", "e9", "knows", "e9", A)]),
    ChangeSet(adds=[mem("m9", "x", A, vec(0))], entities=[ent("e9", "X", A)],
              relations=[rel("r9", "e9", "knows", "e9", A, "m9")], deletes=["missing"]),
], ids=["unknown-entity", "unknown-memory", "unknown-invalidation", "no-evidence",
        "failing-delete"])
def test_failed_apply_leaves_no_graph_rows(store, bad: ChangeSet) -> None:
    seed(store)
    with pytest.raises((NotFound, InvalidInput)):
        store.apply(NS, bad)
    assert store.get(NS, "m9") is None
    assert store.find_entities(NS, A, ["x"]) == []
    assert {r.id for r in store.list_relations(NS, A)} == {"r1", "r2"}
    assert len(store.graph_history(NS, A)) == 2


def test_deleting_memories_removes_relations_without_evidence(store) -> None:
    seed(store)
    store.apply(NS, ChangeSet(deletes=["m2"]))  # r1 still has m1; r2 had only m2
    assert triples(store.list_relations(NS, A)) == {("user", "sister", "Anna", True)}
    assert store.find_entities(NS, A, ["chicago", "anna"])[0].name == "Anna"
    assert [m.name for m in store.find_entities(NS, A, ["chicago"])] == []
    assert [(e.event, e.target) for e in store.graph_history(NS, A)][-1] == ("DELETE", "Chicago")
    n = store.delete_where(NS, parse_filters({"user_id": "alice"}))
    assert len(n) == 1 and store.list_relations(NS, A) == []
    assert store.find_entities(NS, A, ["user", "anna"]) == []


def test_delete_all_of_one_scope_keeps_the_others(store) -> None:
    seed(store, A)
    seed(store, B, "-b")
    store.delete_where(NS, parse_filters({"user_id": "alice"}))
    assert store.list_relations(NS, A) == []
    assert len(store.list_relations(NS, B)) == 2


def test_reset_clears_the_graph_of_the_namespace(store) -> None:
    seed(store)
    store.reset(NS)
    assert store.list_relations(NS, A) == []
    assert store.graph_history(NS, A) == []
    assert store.find_entities(NS, A, ["anna"], np.stack([vec(3)])) == []


def test_unique_add_skipped_links_to_the_stored_memory(store) -> None:
    seed(store)
    dup = mem("m-dup", "Sister Anna is a nurse in Chicago", A, vec(1), unique=True)
    res = store.apply(NS, ChangeSet(adds=[dup], entities=[ent("eh", "Hospital", A, 7)],
                                    relations=[rel("r4", "ea", "works_at", "eh", A, "m-dup")]))
    assert res.skipped == {"m-dup": "m2"}
    assert {r.id: r for r in store.list_relations(NS, A)}["r4"].memory_ids == ("m2",)


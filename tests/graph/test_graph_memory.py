"""Graph memory through the public Memory API, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from engram import Memory
from engram.errors import StoreError
from engram.store import _graph_sql
from engram.testing import ScriptedLLM
from tests.graph.conftest import make_memory

NS = ""


def rels(out: dict[str, Any]) -> set[tuple[str, str, str, bool]]:
    return {(r["source"], r["relationship"], r["target"], r["valid"]) for r in out["relations"]}


def test_add_returns_relations_and_get_all_lists_them(gmem: Memory) -> None:
    out = gmem.add("My sister Anna is a nurse in Chicago.", user_id="alice")
    assert {(r["source"], r["relationship"], r["target"]) for r in out["relations"]["added"]} == {
        ("user", "sister", "Anna"), ("Anna", "works_as", "nurse"), ("Anna", "lives_in", "Chicago")}
    assert rels(gmem.get_all(user_id="alice")) == {
        ("user", "sister", "Anna", True), ("Anna", "works_as", "nurse", True),
        ("Anna", "lives_in", "Chicago", True)}
    assert "relations" not in gmem.get_all(user_id="alice", enable_graph=False)


def test_graph_is_off_by_default(gstore: Any) -> None:
    m = make_memory(gstore)
    m.config.graph.enabled = False
    out = m.add("My sister Anna is a nurse in Chicago.", user_id="alice")
    assert "relations" not in out and gstore.list_relations(NS, _scope("alice")) == []
    assert "relations" in m.add("I live in Lisbon", user_id="alice", enable_graph=True)


def _scope(user: str) -> Any:
    from engram._types import Scope

    return Scope(user_id=user)


def test_entities_resolve_across_adds(gmem: Memory, gstore: Any) -> None:
    gmem.add("My sister Anna is a nurse in Chicago.", user_id="alice")
    gmem.add("My sister Anna works at Mercy Hospital.", user_id="alice")
    gmem.add("I had lunch with my sister Anna.", user_id="alice")
    assert [m.name for m in gstore.find_entities(NS, _scope("alice"), ["anna"])] == ["Anna"]
    triples = rels(gmem.get_all(user_id="alice"))
    assert ("Anna", "works_at", "Mercy Hospital", True) in triples
    assert len([t for t in triples if t[1] == "sister"]) == 1  # said twice, stored once


def test_contradiction_invalidates_and_history_records_it(gmem: Memory, gstore: Any) -> None:
    gmem.add("I live in Paris.", user_id="alice")
    out = gmem.add("I moved to Berlin last month.", user_id="alice")
    assert out["relations"]["invalidated"][0]["target"] == "Paris"
    now = {(r.target, r.valid, r.valid_until is not None)
           for r in gstore.list_relations(NS, _scope("alice"))}
    assert now == {("Paris", False, True), ("Berlin", True, False)}
    events = [(e.event, e.target) for e in gstore.graph_history(NS, _scope("alice"))]
    assert events == [("ADD", "Paris"), ("INVALIDATE", "Paris"), ("ADD", "Berlin")]
    gmem.add("I don't live in Berlin anymore.", user_id="alice")
    assert all(not r.valid for r in gstore.list_relations(NS, _scope("alice")))


def test_multi_hop_search_reaches_chicago_through_anna(gmem: Memory) -> None:
    gmem.add("My sister Anna is a nurse in Chicago.", user_id="alice")
    for text in ["I like green tea", "My laptop is slow", "I went to the gym today",
                 "I read a book about whales", "I work at Acme"]:
        gmem.add(text, user_id="alice", infer=False)
    out = gmem.search("where does my sister work?", user_id="alice", top_k=3)
    found = rels(out)
    assert ("user", "sister", "Anna", True) in found
    assert ("Anna", "lives_in", "Chicago", True) in found
    # Both memories about Anna make the top 3, ahead of the unrelated ones.
    assert {"Has a sister named Anna", "Sister Anna is a nurse in Chicago"} <= {
        r["memory"] for r in out["results"]}
    plain = gmem.search("where does my sister work?", user_id="alice", top_k=3,
                        enable_graph=False)
    assert "relations" not in plain


def test_scope_isolation(gmem: Memory) -> None:
    gmem.add("My sister Anna is a nurse in Chicago.", user_id="alice")
    gmem.add("My brother Tom lives in Porto.", user_id="bob")
    assert {r[2] for r in rels(gmem.get_all(user_id="bob"))} == {"Tom", "Porto"}
    out = gmem.search("where does my sister Anna live?", user_id="bob")
    assert all(r["target"] != "Chicago" for r in out["relations"])
    assert all(r["memory"] != "Sister Anna is a nurse in Chicago" for r in out["results"])


def test_infer_false_links_each_relation_to_its_message(gmem: Memory, gstore: Any) -> None:
    out = gmem.add([{"role": "user", "content": "I live in Lisbon", "name": "Caroline"},
                    {"role": "user", "content": "My friend Melanie works at Acme",
                     "name": "Caroline"}], user_id="conv", infer=False)
    ids = [r["id"] for r in out["results"]]
    by_target = {r.target: r.memory_ids for r in gstore.list_relations(NS, _scope("conv"))}
    assert by_target == {"Lisbon": (ids[0],), "Melanie": (ids[1],), "Acme": (ids[1],)}


def test_scripted_llm_extraction_end_to_end(gstore: Any) -> None:
    llm = ScriptedLLM([
        {"facts": ["Sister Anna is a nurse in Chicago"]},
        {"entities": [{"name": "Anna", "type": "person"}, {"name": "Chicago", "type": "place"}],
         "relations": [{"source": "USER", "relationship": "sister", "target": "Anna"},
                       {"source": "Anna", "relationship": "lives_in", "target": "Chicago"}]},
    ])
    m = make_memory(gstore, llm=llm)
    out = m.add("My sister Anna is a nurse in Chicago.", user_id="alice")
    assert [c.schema_name for c in llm.calls] == ["facts", "graph"]
    assert rels(m.get_all(user_id="alice")) == {("user", "sister", "Anna", True),
                                                ("Anna", "lives_in", "Chicago", True)}
    mid = out["results"][0]["id"]
    assert all(r.memory_ids == (mid,) for r in gstore.list_relations(NS, _scope("alice")))


def test_failed_apply_leaves_no_entity_or_relation(gmem: Memory, gstore: Any,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    gmem.add("I live in Paris.", user_id="alice")
    real = _graph_sql.GraphSQL.write

    def fail_after_writing(self: Any, *a: Any, **kw: Any) -> None:
        real(self, *a, **kw)  # the graph rows are written, then the transaction fails
        raise StoreError("injected failure")

    monkeypatch.setattr(_graph_sql.GraphSQL, "write", fail_after_writing)
    with pytest.raises(StoreError):
        gmem.add("My sister Anna is a nurse in Chicago. I moved to Berlin.", user_id="alice")
    monkeypatch.undo()
    assert [r["memory"] for r in gmem.get_all(user_id="alice")["results"]] == ["Lives in Paris"]
    assert rels(gmem.get_all(user_id="alice")) == {("user", "lives_in", "Paris", True)}
    assert gstore.find_entities(NS, _scope("alice"), ["anna", "chicago", "berlin"]) == []
    assert [e.event for e in gstore.graph_history(NS, _scope("alice"))] == ["ADD"]


def test_delete_delete_all_and_reset_clean_the_graph(gmem: Memory, gstore: Any) -> None:
    gmem.add("My sister Anna is a nurse in Chicago.", user_id="alice")
    gmem.add("I live in Lisbon.", user_id="bob")
    ids = [r["id"] for r in gmem.get_all(user_id="alice")["results"]]
    gmem.delete(ids[0])  # the newest memory; relations still said by another one stay
    left = rels(gmem.get_all(user_id="alice"))
    for mid in ids[1:]:
        gmem.delete(mid)
    assert rels(gmem.get_all(user_id="alice")) == set() and left
    assert gstore.find_entities(NS, _scope("alice"), ["user", "anna", "chicago"]) == []
    assert {e.event for e in gstore.graph_history(NS, _scope("alice"))} == {"ADD", "DELETE"}
    gmem.add("My brother Tom lives in Porto.", user_id="alice")
    gmem.delete_all(user_id="alice")
    assert rels(gmem.get_all(user_id="alice")) == set()
    assert rels(gmem.get_all(user_id="bob")) == {("user", "lives_in", "Lisbon", True)}
    gmem.reset()
    assert rels(gmem.get_all(user_id="bob")) == set()
    assert gstore.graph_history(NS, _scope("bob")) == []

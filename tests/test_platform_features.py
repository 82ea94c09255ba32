"""Mem0 Platform features on ``engram.Memory`` (each store backend, the real MiniLM):
categories classified offline and filterable, per-call and per-project catalogs, the
project's settings, immutable memories and per-call includes/excludes."""

from __future__ import annotations

from typing import Any

import pytest

import engram
from engram.errors import InvalidInput, NotSupported
from engram.pipeline import plan_changes
from engram.pipeline.base import Decision
from engram.testing import ScriptedLLM


def _cats(m: engram.Memory, **scope: str) -> dict[str, list[str]]:
    return {r["memory"]: r["categories"] for r in m.get_all(**scope)["results"]}


def test_memories_get_mem0_default_categories_and_filter_by_them(memory: engram.Memory) -> None:
    for text in ["Loves playing badminton, football and basketball",
                 "Prefers green tea over coffee", "Flying to Tokyo next month",
                 "The printer on floor 3 is broken"]:
        memory.add(text, user_id="u", infer=False)
    memory.flush()  # a queued memory's categories come with its vector (engram._vectors)
    cats = _cats(memory, user_id="u")
    assert cats["Loves playing badminton, football and basketball"][0] == "sports"
    assert cats["Prefers green tea over coffee"][0] == "food"
    assert cats["Flying to Tokyo next month"][0] == "travel"
    assert cats["The printer on floor 3 is broken"] == ["misc"]  # nothing stands out

    def texts(out: dict[str, Any]) -> set[str]:
        return {r["memory"] for r in out["results"]}

    assert texts(memory.get_all(user_id="u", categories=["travel", "sports"])) == {
        "Flying to Tokyo next month", "Loves playing badminton, football and basketball"}
    assert texts(memory.search("tea", user_id="u", categories=["food"])) == {
        "Prefers green tea over coffee"}
    assert texts(memory.get_all(filters={"user_id": "u", "categories": {"contains": "trav"}})
                 ) == {"Flying to Tokyo next month"}
    assert texts(memory.get_all(filters={"AND": [{"user_id": "u"}, {"NOT": {
        "categories": {"in": ["misc", "food", "travel"]}}}]})) == {
        "Loves playing badminton, football and basketball"}
    with pytest.raises(InvalidInput, match="categories"):
        memory.get_all(user_id="u", categories="travel")  # type: ignore[arg-type]


def test_a_reworded_memory_is_classified_again(memory: engram.Memory) -> None:
    mid = memory.add("Flying to Tokyo next month", user_id="u", infer=False)["results"][0]["id"]
    memory.flush()  # a queued memory's categories come with its vector
    assert memory.get(mid)["categories"] == ["travel"]
    memory.update(mid, text="Prefers green tea over coffee")
    assert memory.get(mid)["categories"] == ["food"]
    memory.update(mid, metadata={"k": 1})  # the text is unchanged: so are its categories
    assert memory.get(mid)["categories"] == ["food"]


def test_custom_categories_per_call_replace_the_project_catalog(memory: engram.Memory) -> None:
    health = [{"medications": "prescriptions, medicine, pills, dosages"},
              {"appointments": "scheduled visits to the doctor, dentist or clinic"}]
    out = memory.add("My metformin dose went up to 1000mg", user_id="p", infer=False,
                     custom_categories=health)
    assert memory.get(out["results"][0]["id"])["categories"] == ["medications"]
    # Without a list (or a project's), Mem0's defaults again; never a name from the call.
    memory.add("I see the dentist on Tuesday", user_id="p", infer=False,
               custom_categories=["appointments", "hobbies"])
    assert _cats(memory, user_id="p")["I see the dentist on Tuesday"] == ["appointments"]
    with pytest.raises(InvalidInput, match=r"custom_categories\[0\]"):
        memory.add("x", user_id="p", custom_categories=[{"a": "b", "c": "d"}])


def test_project_settings_are_stored_and_used_by_adds(memory: engram.Memory) -> None:
    assert memory.project.get(["custom_categories"]) == {"custom_categories": None}
    memory.project.update(custom_categories=[{"pets": "dogs, cats, animals the person keeps"},
                                             {"work": "job, employer, office"}],
                          custom_instructions="Remember pets and work only")
    got = memory.project.get()
    assert got["custom_categories"] and set(got["custom_categories"]) == {"pets", "work"}
    assert got["custom_instructions"] == "Remember pets and work only"
    out = memory.add("My dog Rex is a beagle", user_id="o", infer=False)
    memory.flush()  # the writer classifies it with the project's catalog
    assert memory.get(out["results"][0]["id"])["categories"] == ["pets"]
    with pytest.raises(NotSupported, match="decay"):
        memory.project.update(decay=True)
    with pytest.raises(InvalidInput, match="colour"):
        memory.project.update(colour="red")
    assert memory.project.get(["custom_instructions"])["custom_instructions"] == \
        "Remember pets and work only"  # the refused updates changed nothing
    memory.project.update(custom_categories=None)
    assert memory.project.get(["custom_categories"]) == {"custom_categories": None}


def test_an_immutable_memory_is_never_updated_or_deleted_by_an_add(memory: engram.Memory) -> None:
    # Control: a plain memory is updated by the rules' reconciliation.
    memory.add("I live in Paris", user_id="a")
    moved = memory.add("I live in Rome now", user_id="a")["results"]
    assert [r["event"] for r in moved] == ["UPDATE"]

    kept = memory.add("I live in Paris", user_id="b", immutable=True)["results"][0]
    assert memory.get(kept["id"])["immutable"] is True
    out = memory.add("I live in Rome now", user_id="b")
    assert [r["event"] for r in out["results"]] == ["ADD"]
    assert any("immutable" in w for w in out["warnings"])
    assert memory.get(kept["id"])["memory"] == kept["memory"]
    assert [h["event"] for h in memory.history(kept["id"])] == ["ADD"]
    memory.delete(kept["id"])  # an explicit delete still works
    with pytest.raises(engram.NotFound):
        memory.get(kept["id"])


def test_plan_keeps_immutable_memories() -> None:
    from engram._types import MemoryRecord, Scope

    held = [MemoryRecord("m1", "Lives in Paris", "h1", Scope("u"), immutable=True),
            MemoryRecord("m2", "Likes tea", "h2", Scope("u"))]
    plan = plan_changes([Decision("UPDATE", "Lives in Rome", 0), Decision("DELETE", ref=1)],
                        held, Scope("u"), {})
    assert [(c.event, c.memory_id, c.text) for c in plan.changes] == [
        ("ADD", None, "Lives in Rome"), ("DELETE", "m2", "Likes tea")]
    plan = plan_changes([Decision("DELETE", ref=0)], held, Scope("u"), {})
    assert plan.changes == [] and "immutable" in plan.warnings[0]


def test_includes_and_excludes_reach_the_extractor(tmp_path: Any, shared_minilm: Any) -> None:
    llm = ScriptedLLM([{"facts": []}, {"facts": []}])
    m = engram.Memory({"store": {"path": str(tmp_path / "m.db")}}, embedder=shared_minilm,
                      llm=llm)
    try:
        m.project.update(excludes="health details")
        m.add("I like hiking", user_id="u", includes="outdoor activities")
        m.add("I like hiking", user_id="u", excludes="sports")
    finally:
        m.close()
    first, second = (" ".join(str(x["content"]) for x in c.messages) for c in llm.calls)
    assert "outdoor activities" in first and "health details" in first  # call + project
    assert "sports" in second and "health details" not in second  # the call's wins

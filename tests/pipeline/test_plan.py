"""plan_changes on small hand-made cases: the checks every reconciler's decisions get."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

from engram._types import MemoryRecord, Scope
from engram.embed import text_hash
from engram.pipeline import rules
from engram.pipeline._plan import Plan, plan_changes
from engram.pipeline.base import Decision

U = Scope(user_id="u")


def held(*texts: str) -> list[MemoryRecord]:
    return [MemoryRecord(f"m{i}", t, text_hash(t), U) for i, t in enumerate(texts)]


def plan(decisions: list[Decision], memories: list[MemoryRecord], **kw: int | None) -> Plan:
    return plan_changes(decisions, memories, U, {"src": "test"}, **kw)  # type: ignore[arg-type]


def changes(p: Plan) -> list[tuple[str, str | None, str]]:
    return [(c.event, c.memory_id, c.text) for c in p.changes]


def test_adds_keep_text_sources_scope_and_metadata() -> None:
    p = plan([Decision("ADD", " Likes  green tea ", None, 0, ("2",))], [])
    assert changes(p) == [("ADD", None, "Likes green tea")]
    assert p.changes[0].source_ids == ("2",)
    assert (p.scope, p.metadata, p.warnings, p.held) == (U, {"src": "test"}, [], [])
    assert [c.text for c in p.writes] == ["Likes green tea"]


def test_unknown_refs_and_targetless_changes_are_dropped_with_warnings() -> None:
    p = plan([Decision("UPDATE", "Hijacked", 7), Decision("DELETE", ref=-1),
              Decision("DELETE"), Decision("UPDATE", "  ", 0)], held("Plays tennis"))
    assert changes(p) == []
    assert len(p.warnings) == 4 and "7" in p.warnings[0] and "-1" in p.warnings[1]


def test_a_memory_is_changed_once_and_a_none_on_it_is_not_reported() -> None:
    p = plan([Decision("NONE", ref=0), Decision("UPDATE", "Plays tennis twice a week", 0),
              Decision("DELETE", ref=0)], held("Plays tennis"))
    assert changes(p) == [("UPDATE", "m0", "Plays tennis twice a week")]
    assert p.changes[0].previous == "Plays tennis"
    assert "already changed" in p.warnings[0]


def test_repeated_adds_and_held_texts_are_not_added_again() -> None:
    p = plan([Decision("ADD", "Likes tea"), Decision("ADD", "likes tea!"),
              Decision("ADD", "Has a cat"), Decision("ADD", ""),
              Decision("UPDATE", "Has a cat", 0)], held("Has a cat"))
    assert changes(p) == [("ADD", None, "Likes tea"), ("NONE", "m0", "Has a cat")]
    assert p.writes == [p.changes[0]]


def test_contradictory_values_in_one_add_leave_the_last() -> None:
    p = plan([Decision("ADD", f"Lives in City{i}") for i in range(200)], [])
    assert changes(p) == [("ADD", None, "Lives in City199")]
    assert any("superseded" in w for w in p.warnings)


def test_an_update_hands_its_memory_to_the_later_value() -> None:
    p = plan([Decision("UPDATE", "Lives in Rome", 0), Decision("ADD", "Lives in Oslo"),
              Decision("ADD", "Lives in Madrid"), Decision("ADD", "Likes tea")],
             held("Lives in Paris"))
    assert changes(p) == [("UPDATE", "m0", "Lives in Madrid"), ("ADD", None, "Likes tea")]
    assert p.changes[0].previous == "Lives in Paris"


def test_returning_to_the_held_value_is_a_none() -> None:
    p = plan([Decision("UPDATE", "Lives in Rome", 0), Decision("ADD", "Lives in Paris")],
             held("Lives in Paris"))
    assert changes(p) == [("NONE", "m0", "Lives in Paris")]


@pytest.mark.parametrize("texts", [
    ["Moved to Berlin", "Lives in Berlin"],  # one value said twice
    ["Sister Anna lives in Rome", "Lives in Oslo"],  # another subject's slot
    ["Prefers aisle seats", "Prefers green tea"],  # preferences about other topics
    ["Favorite color is green", "Favorite food is pasta"],  # other keys
    ["Likes tea", "Likes coffee"],  # not a single-valued slot
])
def test_compatible_facts_are_all_kept(texts: list[str]) -> None:
    p = plan([Decision("ADD", t) for t in texts], [])
    assert [c.text for c in p.changes] == texts and p.warnings == []


def test_over_the_cap_nothing_held_changes_but_new_facts_are_added() -> None:
    mems = held("Plays tennis", "Likes tea", "Lives in Oslo", "Has a cat", "Is vegan")
    decisions = [Decision("DELETE", ref=i, fact=i) for i in range(4)]
    decisions += [Decision("ADD", "Stopped playing tennis", None, 0), Decision("ADD", "Owns a kayak", None, 9)]
    p = plan(decisions, mems)
    assert changes(p) == [("ADD", None, "Owns a kayak")]
    assert [c.event for c in p.held] == ["DELETE"] * 4 + ["ADD"]
    assert p.held[-1].text == "Stopped playing tennis"
    assert p.warnings[0].startswith("held 4 changes") and "max_destructive=3" in p.warnings[0]
    assert "Plays tennis" in p.warnings[0]


def test_at_the_cap_changes_apply_and_the_cap_is_configurable() -> None:
    mems = held("Plays tennis", "Likes tea", "Lives in Oslo", "Has a cat")
    three = [Decision("DELETE", ref=0), Decision("UPDATE", "Likes coffee", 1),
             Decision("DELETE", ref=2)]
    assert [c.event for c in plan(three, mems).changes] == ["DELETE", "UPDATE", "DELETE"]
    assert plan(three, mems, max_destructive=2).changes == []
    four = [*three, Decision("DELETE", ref=3)]
    assert len(plan(four, mems, max_destructive=None).changes) == 4
    assert plan([Decision("DELETE", ref=0)], mems, max_destructive=0).changes == []


@pytest.mark.parametrize("module", [
    "engram.pipeline._plan", "engram.pipeline._validate", "engram.pipeline._results",
    "engram.pipeline.llm_steps", "engram.pipeline.rules", "engram.pipeline.rules._slots",
    "engram.pipeline.rules._reconcile", "engram.pipeline.rules._extract",
    # every rules module, found on disk, so a new one cannot be left out
    *sorted(f"engram.pipeline.rules.{m.name}" for m in pkgutil.iter_modules(rules.__path__)
            if m.name not in ("_extract", "_reconcile", "_slots")),
])
def test_docstring_examples_run(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0

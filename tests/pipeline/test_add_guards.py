"""Adds that cannot wipe a user (#17): facts of one add reconciled with each other, and
the cap on how many held memories one add may change. Real store and embedder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from engram import Memory
from engram.testing import ScriptedLLM

FACTS = ["I live in Lisbon.", "I play tennis on weekends.", "I'm vegetarian.",
         "I have a cat named Miso.", "I work as a nurse.", "I drink green tea every morning.",
         "I collect vinyl records.", "I speak Portuguese.", "I own a red bicycle.",
         "I'm allergic to peanuts."]
NEGATIONS = ("I don't live in Lisbon. I don't play tennis. I'm not vegetarian. I don't have a "
             "cat. I don't work as a nurse. I don't drink green tea. I don't collect vinyl "
             "records. I don't speak Portuguese. I don't own a bicycle. I'm not allergic to "
             "peanuts.")


@pytest.fixture
def rules(tmp_path: Path, shared_minilm: Any) -> Memory:
    return Memory({"store": {"path": str(tmp_path / "g.db")}, "llm": {"provider": "rules"}},
                  embedder=shared_minilm)


def _state(m: Memory, user: str = "u") -> list[str]:
    return sorted(r["memory"] for r in m.get_all(user_id=user)["results"])


def test_contradictory_residences_in_one_message_leave_one(rules: Memory) -> None:
    cities = [f"City{i}" for i in range(200)]
    res = rules.add(" ".join(f"I live in {c}." for c in cities), user_id="u")
    assert _state(rules) == ["Lives in City199"]
    assert [e["event"] for e in res["results"]] == ["ADD"]
    rules.add("I live in Lisbon. I'm vegetarian.", user_id="u")
    rules.add("I live in Porto. Actually I live in Faro.", user_id="u")
    assert [t for t in _state(rules) if t.startswith("Lives in")] == ["Lives in Faro"]


def test_mass_negations_in_one_message_do_not_wipe_the_user(rules: Memory) -> None:
    for text in FACTS:
        rules.add(text, user_id="u")
    before = _state(rules)
    assert len(before) >= 10
    res = rules.add(NEGATIONS, user_id="u")
    assert _state(rules) == before
    assert any(w.startswith("held ") and "max_destructive=3" in w for w in res["warnings"])
    assert not [e for e in res["results"] if e["event"] in ("UPDATE", "DELETE")]
    # A message that changes a few things still changes them.
    few = rules.add("I moved to Berlin. I stopped playing tennis.", user_id="u")
    assert {e["event"] for e in few["results"]} >= {"UPDATE", "DELETE"}
    assert "Lives in Berlin" in _state(rules) and "Plays tennis on weekends" not in _state(rules)


def test_the_cap_is_configured_under_pipeline(tmp_path: Path, shared_minilm: Any) -> None:
    m = Memory({"store": {"path": str(tmp_path / "c.db")}, "llm": {"provider": "rules"},
                "pipeline": {"max_destructive": None}}, embedder=shared_minilm)
    for text in FACTS:
        m.add(text, user_id="u")
    res = m.add(NEGATIONS, user_id="u")
    assert sum(e["event"] == "DELETE" for e in res["results"]) > 3
    assert "warnings" not in res or not any(w.startswith("held ") for w in res["warnings"])


def test_an_llm_wave_of_updates_is_held_too(tmp_path: Path, shared_minilm: Any) -> None:
    llm = ScriptedLLM([
        {"facts": ["Likes tea", "Lives in Oslo", "Has a cat", "Plays chess"]},
        {"facts": ["Hates tea", "Lives nowhere", "Has no cat", "Hates chess", "Owns a kayak"]},
        {"memory": [{"id": 0, "event": "UPDATE", "text": "Hates tea", "fact": 0},
                    {"id": 1, "event": "UPDATE", "text": "Lives nowhere", "fact": 1},
                    {"id": 2, "event": "UPDATE", "text": "Has no cat", "fact": 2},
                    {"id": 3, "event": "UPDATE", "text": "Hates chess", "fact": 3},
                    {"id": None, "event": "ADD", "text": "Owns a kayak", "fact": 4}]},
    ])
    m = Memory({"store": {"path": str(tmp_path / "l.db")}}, embedder=shared_minilm, llm=llm)
    m.add("...", user_id="u")
    before = _state(m)
    res = m.add("...", user_id="u")
    assert [(e["event"], e["memory"]) for e in res["results"]] == [("ADD", "Owns a kayak")]
    assert _state(m) == sorted([*before, "Owns a kayak"])
    assert any(w.startswith("held 4 changes") for w in res["warnings"])

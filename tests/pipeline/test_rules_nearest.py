"""Implicit updates that no word links to the memory they replace: the rules reconciler,
given the embedder's cosine as ``Memory`` gives it, replaces the nearest held memory of
the same subject, and only for a fact that says something changed. Also the lexical
mechanisms of the same round: a thing as the subject ("The party is moved") and what
someone eats as their diet. Sentences written for this file; none is in an eval set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from engram import Memory
from engram.pipeline.base import ExtractContext
from engram.pipeline.rules import RulesReconciler
from tests.pipeline._state import state_after
from tests.pipeline.test_rules_mechanisms import final

CTX = ExtractContext()


def state(embedder: Any, existing: list[str], content: str, **kw: Any) -> list[str]:
    """The memory state after one add through the rules pair wired as Memory wires it."""
    def cosine(a: list[str], b: list[str]) -> np.ndarray:
        return np.asarray(embedder.embed(a) @ embedder.embed(b).T)

    return state_after([("user", content)], existing, RulesReconciler(cosine, **kw))


def replaces(embedder: Any, held: str, content: str) -> bool:
    """Does the add of ``content`` take ``held`` away and leave a bystander memory be?"""
    after = state(embedder, [held, "Likes crosswords"], content)
    return held not in after and "Likes crosswords" in after


@pytest.mark.parametrize(("held", "content"), [
    ("Supports Arsenal", "I switched allegiance to Spurs."),
    ("Is a member of a book club", "I quit the reading group in March."),
])
def test_a_change_replaces_its_nearest_held_memory(shared_minilm: Any, held: str,
                                                   content: str) -> None:
    after = state(shared_minilm, [held, "Loves jazz"], content)
    assert held not in after
    assert "Loves jazz" in after
    assert len(after) == 2
    # matched lexically only, the same add keeps the stale memory beside the new fact
    assert held in final([held, "Loves jazz"], content)


@pytest.mark.parametrize(("held", "content"), [
    ("Plays the piano", "I've started learning the violin."),  # a beginning adds
    ("Plays the cello", "I haven't practised in months."),  # a bare denial ends nothing
    ("Drinks wine most evenings", "I love a cold beer on a hot day."),  # no change said
])
def test_what_is_no_change_replaces_nothing(shared_minilm: Any, held: str, content: str) -> None:
    assert held in state(shared_minilm, [held, "Lives in Porto"], content)


def test_a_change_of_someone_else_leaves_the_users_memory(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Drinks whole milk in coffee"],
                  "My flatmate Ines drinks oat milk now.")
    assert "Drinks whole milk in coffee" in after


def test_a_change_near_two_memories_changes_neither(shared_minilm: Any) -> None:
    # the margin: a second memory about as near as the first keeps both
    held = ["Is a member of a book club", "Is a member of a reading circle"]
    after = state(shared_minilm, held, "I quit the reading group in March.")
    assert set(held) <= set(after)


def test_the_threshold_is_a_setting(shared_minilm: Any) -> None:
    held = ["Supports Arsenal", "Loves jazz"]
    content = "I switched allegiance to Spurs."
    assert held[0] in state(shared_minilm, held, content, change_threshold=0.95)


def test_memory_wires_the_embedding_match(tmp_path: Path, shared_minilm: Any) -> None:
    m = Memory({"store": {"path": str(tmp_path / "m.db")}, "llm": {"provider": "rules"}},
               embedder=shared_minilm)
    m.add("I support Arsenal.", user_id="u")
    m.add("I love jazz.", user_id="u")
    m.add("I switched allegiance to Spurs.", user_id="u")
    texts = [r["memory"] for r in m.get_all(user_id="u")["results"]]
    assert not any("Arsenal" in t for t in texts)
    assert any("Spurs" in t for t in texts)
    m.close()


@pytest.mark.parametrize(("held", "content"), [
    ("Is planning a party for Friday", "The party is moved to Saturday."),
    ("Is organising a bake sale in May", "The bake sale is postponed to June."),
])
def test_a_thing_as_subject_changes_the_users_memory_that_names_it(held: str,
                                                                   content: str) -> None:
    assert held not in final([held], content)


def test_a_thing_as_subject_leaves_memories_that_do_not_name_it() -> None:
    assert "Is planning a party for Friday" in final(["Is planning a party for Friday"],
                                                     "The boiler is fixed now.")


@pytest.mark.parametrize("content", ["I've started eating prawns again.",
                                     "These days I eat cheese and eggs again."])
def test_eating_animal_foods_again_ends_a_meat_free_diet(content: str) -> None:
    assert "Is vegan" not in final(["Is vegan"], content)


def test_eating_fish_is_no_pet() -> None:
    assert "Has a fish tank" in final(["Has a fish tank"], "I've started eating fish again.")

"""A change replaces its nearest held memory only when both are about the same thing
(``_agree``): the same single-valued slot, or, for an activity in progress, the same verb;
a passing event (a visit, a trip, a meal out, being somewhere) replaces no standing state.
Both directions, through the rules pair with the MiniLM cosine as ``Memory`` wires it.
Sentences written for this file; none is in an eval set or in bench/data/nearest_pairs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from engram import Memory
from engram.pipeline.base import Existing, Fact
from engram.pipeline.rules._agree import passing, same_frame, standing_slot
from engram.pipeline.rules._now import said_as_now
from engram.pipeline.rules._reconcile import plan_decisions
from tests.pipeline._state import minilm_reconciler, state_after

OTHERS = ["Has a brother named Idris", "Likes sudoku"]


def state(embedder: Any, held: str, content: str) -> list[str]:
    return state_after([("user", content)], [held, *OTHERS], minilm_reconciler(embedder))


# Each of these replaced its held memory before the agreement test (MiniLM puts the two
# near enough for ``_nearest`` or ``_exclusive``'s prototypes).
@pytest.mark.parametrize(("held", "content"), [
    ("Lives in Oslo", "At the moment I'm staying with my parents in Bergen."),
    ("Lives in Oslo", "Now I'm visiting my aunt in Bergen."),
    ("Lives in a house in Derby", "These days I'm house-sitting a cottage near Derby."),
    ("Works as a chef", "Now I'm cooking a roast for the whole family."),
    ("Works as a maths teacher", "These days I'm tutoring my nephew in algebra."),
    ("Works as a nurse", "Now I'm having dinner with two nurses from my ward."),
    ("Works as a gardener", "Now I'm at the garden centre buying bulbs."),
    ("Plays the violin in an orchestra", "Currently I'm playing the piano at a friend's wedding."),
])
def test_a_change_about_something_else_leaves_the_held_memory(
        shared_minilm: Any, held: str, content: str) -> None:
    after = state(shared_minilm, held, content)
    assert held in after
    assert set(OTHERS) <= set(after)
    assert len(after) == 4


@pytest.mark.parametrize(("held", "content"), [
    ("Lives in Leicester", "These days I live in Dundee."),
    ("Works as a solicitor", "These days I'm a barrister."),
    ("Works as a teacher", "I'm working as a translator these days."),
    ("Is vegan", "I eat fish again now."),
])
def test_a_change_in_the_same_slot_still_replaces(shared_minilm: Any, held: str,
                                                  content: str) -> None:
    after = state(shared_minilm, held, content)
    assert held not in after
    assert set(OTHERS) <= set(after)


def test_a_person_newly_known_replaces_no_partner_however_near() -> None:
    # a cosine that puts the new acquaintance nearest the husband, clear of the rest: the
    # nearness test alone would replace him
    near = {("Has a new neighbour named Greta", "Has a husband named Piotr"): 0.6,
            ("Is divorced", "Has a husband named Piotr"): 0.6}

    def cosine(a: list[str], b: list[str]) -> np.ndarray:
        return np.array([[near.get((x, y), 0.05) for y in b] for x in a])

    held = [Existing(0, "Has a husband named Piotr"), Existing(1, "Likes sudoku")]
    new = plan_decisions([Fact("Has a new neighbour named Greta", change=True)], held,
                         cosine, 0.9, change_threshold=0.3)
    assert [d.event for d in new] == ["ADD"]
    ended = plan_decisions([Fact("Is divorced", change=True)], held, cosine, 0.9,
                           change_threshold=0.3)
    assert ("UPDATE", 0) in [(d.event, d.ref) for d in ended]


def test_passing_events_and_states() -> None:
    assert passing("Is visiting their cousin in Oslo")
    assert passing("Is at the cinema")
    assert passing("Had dinner at a Lebanese place with workmates")
    assert passing("Is on a stag weekend in Riga")
    assert not passing("Lives in Oslo")
    assert not passing("Is living in Oslo")
    assert not passing("Is on night shifts")
    assert not passing("Drinks soya milk")


def test_slots_agree_by_frame() -> None:
    assert standing_slot("Is a barrister") == "work"
    assert standing_slot("Works at Airbus") == "work"
    assert standing_slot("Moved to Dundee") == "home"
    assert standing_slot("Likes sudoku") is None
    assert standing_slot("Has a new neighbour named Greta") == "relation:neighbour"
    assert standing_slot("Has a husband named Piotr") == "relationship"
    assert not same_frame("Has a new neighbour named Greta", "Has a husband named Piotr")
    assert same_frame("Is divorced", "Has a husband named Piotr")
    assert same_frame("Is a barrister", "Works as a solicitor")
    assert not same_frame("Lives in Oslo", "Works as a nurse")
    assert not same_frame("Is painting the spare bedroom", "Works as a dentist")
    assert same_frame("Is drinking soya milk in tea", "Drinks whole milk in tea")
    # an ending names only what stopped: barred only by a different slot
    assert same_frame("Left the choir", "Sings in a choir", ending=True)
    assert not same_frame("Is no longer married", "Works as a nurse", ending=True)


def test_right_now_is_this_moment_not_a_change() -> None:
    assert not said_as_now("Right now I'm on the bus to town")
    assert said_as_now("These days I take the bus to town")


def test_memory_keeps_a_home_through_a_visit_and_replaces_it_on_a_move(
        tmp_path: Path, shared_minilm: Any) -> None:
    m = Memory({"store": {"path": str(tmp_path / "m.db")}, "llm": {"provider": "rules"}},
               embedder=shared_minilm)
    for text in ("Lives in Oslo", "Works as a dentist", "Likes sudoku"):
        m.add(text, user_id="u", infer=False)
    m.add("Now I'm visiting my aunt in Bergen.", user_id="u")
    texts = [r["memory"] for r in m.get_all(user_id="u")["results"]]
    assert "Lives in Oslo" in texts and "Works as a dentist" in texts
    m.add("These days I live in Bergen.", user_id="u")
    texts = [r["memory"] for r in m.get_all(user_id="u")["results"]]
    assert "Lives in Oslo" not in texts
    assert "Works as a dentist" in texts
    m.close()


def test_a_word_inside_a_compound_names_no_status() -> None:
    # lexical path (no embedding): "single" in "single-speed" is no relationship status
    # (it was a 'partner' topic of a beginning, so the purchase replaced the marriage)
    after = state_after([("user", "I bought a single-speed bike.")], ["Is married", "Likes chess"])
    assert "Is married" in after and len(after) == 3

"""Changes matched by exclusive slot (``_exclusive``) when MiniLM puts the new fact far
from the memory it replaces: what someone does for a living, who employs them, where they
live. Only a fact that says it changed replaces; a stay, a side job or a hobby does not.
Sentences written for this file; none is in an eval set."""

from __future__ import annotations

from typing import Any

import pytest

from engram.pipeline.rules._exclusive import frame_slot
from tests.pipeline._state import minilm_reconciler, state_after

OTHER = ["Loves jazz", "Has a cat named Miso"]


def state(embedder: Any, held: str, content: str) -> list[str]:
    """The memory state after one add, the reconciler given the cosine as Memory wires it."""
    return state_after([("user", content)], [held, *OTHER], minilm_reconciler(embedder))


@pytest.mark.parametrize(("held", "content"), [
    ("Works as a barista", "These days I'm teaching yoga full time."),
    ("Lives in a flat in Leeds", "Nowadays I'm renting a cottage outside York."),
    ("Works as a paramedic", "I drive a bus these days."),
    ("Works at Ocado", "I'm with Deloitte now."),
    ("Wants to study physics", "In the end I studied economics."),
    ("Works as a graphic designer", "I've become a full-time carpenter."),
])
def test_a_change_in_the_same_exclusive_slot_replaces_the_held_memory(
        shared_minilm: Any, held: str, content: str) -> None:
    after = state(shared_minilm, held, content)
    assert held not in after
    assert all(o in after for o in OTHER)
    assert len(after) == 3


@pytest.mark.parametrize(("held", "content"), [
    ("Lives in Leeds", "These days I'm staying in Rome for a week."),  # a trip
    ("Works as a teacher", "I'm learning Spanish now."),  # not a job
    ("Works at Spotify", "I'm at the gym now."),  # a place, not an employer
    ("Is married", "I'm at the airport now."),
    ("Works as a chef", "Now I'm training for a marathon."),
    ("Is vegetarian", "These days I drink oat milk."),
    ("Studies law", "These days I'm reading a lot of history."),  # a topic, not a course
    ("Works as a nurse", "I'm a keen gardener."),  # no change said
])
def test_other_slots_trips_and_plain_statements_replace_nothing(
        shared_minilm: Any, held: str, content: str) -> None:
    after = state(shared_minilm, held, content)
    assert held in after
    assert len(after) == 4


def test_two_held_memories_in_the_slot_leave_no_clear_target(shared_minilm: Any) -> None:
    held = ["Works as a paramedic", "Works as a music tutor", *OTHER]
    after = state_after([("user", "I drive a bus these days.")], held, minilm_reconciler(shared_minilm))
    assert all(h in after for h in held)


def test_frames_name_their_slot() -> None:
    assert frame_slot("Works as a welder") == "occupation"
    assert frame_slot("Works at Zalando") == "employer"
    assert frame_slot("Lives in Porto") == "home"
    assert frame_slot("Plans to study architecture") == "studies"
    assert frame_slot("Works at the weekend") is None
    assert frame_slot("Loves Porto") is None

"""A plan replaced by its new place, said with "instead" (#22). Sentences written for this
file; none is in an evaluation set."""

from __future__ import annotations

from tests.pipeline._state import state_after


def test_a_trip_told_by_its_new_place_instead() -> None:
    out = state_after([("user", "we're going to Porto instead")], ["Is planning a trip to Seville in June"])
    assert out == ["Is going to Porto instead"]


def test_a_place_without_instead_is_another_trip() -> None:
    held = ["Is planning a trip to Seville in June"]
    assert held[0] in state_after([("user", "I'm going to Porto for work")], held)

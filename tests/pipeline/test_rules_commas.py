"""Verb phrases joined by a comma after a state, of the speaker or of someone named first
(#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def one(message: str) -> list[str]:
    return state_after([("user", message)])


@pytest.mark.parametrize(("message", "facts"), [
    ("My uncle Olu is a welder, builds furniture on weekends.",
     ["Uncle Olu is a welder", "Uncle Olu builds furniture on weekends"]),
    ("I'm 52, teach yoga three mornings a week.",
     ["Is 52 years old", "Teaches yoga three mornings a week"]),
])
def test_a_habit_after_a_state(message: str, facts: list[str]) -> None:
    state = one(message)
    assert all(f in state for f in facts)


def test_the_speakers_feeling_stays_with_the_news() -> None:
    state = one("My flatmate Rhys is moving to Cardiff in May, devastated.")
    assert not any(f.endswith("is devastated") for f in state)


def test_a_liking_of_it_is_no_fact_of_its_own() -> None:
    assert "Loves it" not in one("I'm a florist, love it.")

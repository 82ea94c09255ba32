"""Notes without a subject: a kind of person denied, a state held for a while, a plan
with its place, one of a kind in a list, a thing had with "I have" unsaid (#22).
Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def one(message: str) -> list[str]:
    return state_after([("user", message)], [])


@pytest.mark.parametrize(("message", "facts"), [
    ("Not a people person.", ["Is not a people person"]),
    ("An early riser.", ["Is an early riser"]),
    ("Been teetotal for six years.", ["Has been teetotal for six years"]),
    ("Relocating to Perth in May.", ["Is relocating to Perth in May"]),
    ("Three cats, one rabbit.", ["Has three cats", "Has one rabbit"]),
    ("Got a daughter.", ["Has a daughter"]),
    ("Two hamsters, no dogs.", ["Has two hamsters", "Has no dogs"]),
])
def test_a_note_in_the_facts_form(message: str, facts: list[str]) -> None:
    assert one(message) == facts


def test_a_farewell_is_no_thing_had() -> None:
    assert one("Have a lovely evening!") == []


@pytest.mark.parametrize(("message", "facts"), [
    ("Dad of two, part-time tutor, keen cyclist.", ["Has two children", "Is a part-time tutor", "Is a keen cyclist"]),
    ("Vegetarian, swimmer, tea addict", ["Is vegetarian", "Is a swimmer", "Is a tea addict"]),
    ("Dairy-free for health reasons.", ["Is dairy-free for health reasons"]),
    ("Early shifts at the moment.", ["Works early shifts at the moment"]),
    ("Only child.", ["Is an only child"]),
])
def test_notes_of_a_kind_of_person(message: str, facts: list[str]) -> None:
    assert one(message) == facts

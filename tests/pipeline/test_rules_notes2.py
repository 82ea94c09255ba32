"""What kind of person one is, said alone as a note; a condition with a hyphenated word
before it; a trade that is also someone one has ("my dentist", "Is a dentist"); a thing
named like a trade ("disaster") is none (#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def one(message: str) -> list[str]:
    return state_after([("user", message)])


@pytest.mark.parametrize(("message", "fact"), [
    ("Early bird.", "Is an early bird"),
    ("Total homebody, to be fair.", "Is a total homebody"),
    ("Massive tea snob", "Is a massive tea snob"),
    ("Light sleeper.", "Is a light sleeper"),
    ("Type-1 diabetic.", "Is type-1 diabetic"),
    ("Semi-retired dentist.", "Is a semi-retired dentist"),
])
def test_a_kind_of_person_said_alone(message: str, fact: str) -> None:
    assert one(message) == [fact]


@pytest.mark.parametrize("message", ["Good point.", "Total disaster.", "Big mood."])
def test_a_remark_is_no_kind_of_person(message: str) -> None:
    assert one(message) == []


@pytest.mark.parametrize(("message", "facts"), [
    ("Retired postman, two grandkids, big Hibs fan.",
     ["Is a retired postman", "Has two grandkids", "Is a big Hibs fan"]),
    ("Student, 19, studying chemistry at Leeds.",
     ["Is a student", "Is 19 years old", "Is studying chemistry at Leeds"]),
    ("Carer, work from home.", ["Is a carer", "Works from home"]),
])
def test_notes_in_a_list_are_each_a_fact(message: str, facts: list[str]) -> None:
    assert one(message) == facts


def test_a_count_of_children_said_as_a_parent() -> None:
    assert one("Dad of three.") == ["Has three children"]

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

"""Notes that look like a job but are not one, a state held for a while, and animals or
children counted with their names (#22). Sentences written for this file; none is in an
evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def one(message: str) -> list[str]:
    return state_after([("user", message)])


@pytest.mark.parametrize(("message", "fact"), [
    # -ant and -er endings shape a role noun, but these are a condition and a liking
    ("Gluten intolerant.", "Is gluten intolerant"),
    ("Despises olives with a passion", "Despises olives with a passion"),
    ("Loathes camping", "Loathes camping"),
    # a role said with when it is done still is one
    ("Plumber by trade.", "Is a plumber by trade"),
])
def test_a_condition_or_a_liking_is_no_role(message: str, fact: str) -> None:
    assert one(message) == [fact]


@pytest.mark.parametrize(("message", "fact"), [
    ("Pescatarian for eight years now", "Is pescatarian for eight years"),
    ("Teetotal for a couple of years", "Is teetotal for a couple of years"),
    ("Vegan, mostly", "Is mostly vegan"),
])
def test_a_state_said_with_how_long_it_has_held(message: str, fact: str) -> None:
    assert one(message) == [fact]


def test_a_state_held_for_a_while_takes_the_held_one_slot() -> None:
    assert state_after([("user", "Vegetarian for ten years now")], ["Is vegan"],
                       ) == ["Is vegetarian for ten years"]


@pytest.mark.parametrize(("message", "fact"), [
    ("Two dogs, Pip and Rolo.", "Has two dogs named Pip and Rolo"),
    ("three daughters called Ife, Tola and Bisi", "Has three daughters named Ife, Tola and Bisi"),
    ("Two cats.", "Has two cats"),
])
def test_a_count_with_the_names(message: str, fact: str) -> None:
    assert one(message) == [fact]


def test_a_count_with_a_remark_after_it_names_no_one() -> None:
    assert one("Two kids, Lord help me.") != ["Has two kids named Lord"]


@pytest.mark.parametrize(("message", "fact"), [
    ("I have three cats named Tom, Jerry and Spike", "Has three cats named Tom, Jerry and Spike"),
    ("We named the puppies Rex, Max and Bo", "Named the puppies Rex, Max and Bo"),
])
def test_a_list_of_names_is_one_fact(message: str, fact: str) -> None:
    assert one(message) == [fact]


def test_a_list_after_a_name_still_splits() -> None:
    # "Rome" is a place visited first, not a name given; the list is three visits
    assert one("Visited Rome, Paris and Madrid") == [
        "Visited Rome", "Visited Paris", "Visited Madrid"]

"""A meal said without "I": "Had a steak" is the user's own eating and may break a diet
held; a dish named by what it is made of instead is no meat; a good time had is no fact;
a home rented in a place is where one lives (#22). Sentences written for this file; none
is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def after(message: str, *held: str) -> list[str]:
    return state_after([("user", message)], list(held))


def test_a_meal_without_i_breaks_the_diet_held() -> None:
    state = after("Had a chicken shawarma on the way home, first in years", "Is vegetarian")
    assert "Is vegetarian" not in state and "Eats meat again" in state


@pytest.mark.parametrize("dish", ["a black bean burger", "a jackfruit hot dog", "paneer kebabs"])
def test_a_dish_named_by_what_it_is_made_of_is_no_meat(dish: str) -> None:
    assert "Is vegetarian" in after(f"Had {dish} at the market", "Is vegetarian")


@pytest.mark.parametrize("message", ["Had a brilliant time, thanks!", "had a quick look, all fine",
                                     "I had a lovely evening"])
def test_a_time_had_or_a_look_taken_is_no_fact(message: str) -> None:
    assert after(message) == []


def test_a_move_ends_the_home_rented_in_a_place() -> None:
    state = after("We've bought a little house in Stockport!", "Is renting in Salford")
    assert "Is renting in Salford" not in state and "Lives in Stockport" in state

"""A diet broken by a meal, a doing ruled out for a while, a plan called "the X thing", a
test passed said bare (#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def one(message: str, held: tuple[str, ...] = ()) -> list[str]:
    return state_after([("user", message)], held)


@pytest.mark.parametrize(("held", "message", "now"), [
    ("Is vegetarian", "made my mum's lamb curry on Sunday, first time in ten years", "Eats meat again"),
    ("Is vegan", "I ate a whole tub of halloumi fries at the festival", "Eats dairy"),
    ("Is pescatarian", "ordered the lamb kebab last night", "Eats meat"),
])
def test_a_meal_the_diet_leaves_out_ends_the_diet(held: str, message: str, now: str) -> None:
    state = one(message, (held, "Lives in Norwich"))
    assert held not in state and now in state and "Lives in Norwich" in state


@pytest.mark.parametrize(("held", "message"), [
    ("Is vegetarian", "cooked a chicken pie for my brother and his kids"),
    ("Is vegan", "ordered a vegan cheese pizza, pretty good"),
    ("Is pescatarian", "had salmon for tea last night"),
    ("Is vegetarian", "my husband had a steak at dinner"),
])
def test_a_meal_the_diet_allows_or_someone_elses_leaves_it(held: str, message: str) -> None:
    assert held in one(message, (held,))


def test_a_standing_change_of_diet_is_kept_in_its_own_words() -> None:
    assert one("started eating chicken again last year", ("Is vegetarian",)) \
        == ["Started eating chicken again last year"]


@pytest.mark.parametrize(("message", "fact"), [
    ("no cycling till the cast comes off", "Cannot cycle till the cast comes off"),
    ("No squash for me this season", "Cannot play squash this season"),
])
def test_a_doing_ruled_out_for_a_while_ends_the_habit(message: str, fact: str) -> None:
    held = "Cycles most days" if "cycl" in message else "Plays squash on Tuesdays"
    assert one(message, (held,)) == [fact]


def test_no_doing_without_a_time_is_no_fact() -> None:
    assert one("no parking") == []


def test_the_x_thing_is_the_plan_named_x() -> None:
    state = one("the Kyoto thing is off, flights got too pricey",
                ("Is planning a trip to Kyoto in April",))
    assert "Is planning a trip to Kyoto in April" not in state


@pytest.mark.parametrize("message", ["PASSED!!! can't believe it", "i passed it, first time"])
def test_a_bare_pass_settles_the_test_being_prepared_for(message: str) -> None:
    state = one(message, ("Is learning to drive", "Has a dog named Olive"))
    assert "Is learning to drive" not in state and "Has a dog named Olive" in state
    assert any(s.startswith("Passed the test") for s in state)


def test_a_pass_with_an_object_is_not_a_test() -> None:
    assert one("passed on the job offer from Arup") == ["Passed on the job offer from Arup"]


def test_officially_before_a_role_stays_an_adverb() -> None:
    assert one("officially a chartered surveyor now") == ["Is officially a chartered surveyor now"]

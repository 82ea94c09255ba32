"""Changes told the way chat tells them (#22): an activity's new day ("salsa's on
tuesdays now"), a plan whose plug was pulled, a death said softly, a part exchange, a
birth told by the baby's weight, a child dropped at halls, a job told by how long one has
been in it. Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def one(message: str, held: tuple[str, ...] = ()) -> list[str]:
    return state_after([("user", message)], held)


@pytest.mark.parametrize(("message", "now"), [
    ("salsa's on tuesdays now, the studio flooded", "Goes to a salsa class on Tuesday evenings"),
    ("Salsa is on Tuesdays now", "Goes to a salsa class on Tuesday evenings"),
])
def test_an_activity_moved_to_another_day(message: str, now: str) -> None:
    assert now in one(message, ("Goes to a salsa class on Friday evenings",))


def test_a_noun_before_the_head_noun_may_be_a_word_of_time() -> None:
    assert one("night school starts on Monday") == ["Night school starts on Monday"]
    assert one("life is good") == []


def test_a_time_after_the_verb_is_no_list_item() -> None:
    assert one("Hybrid kicked in this week, office Mondays and Fridays, home the rest") \
        == ["Hybrid kicked in this week, office Mondays and Fridays, home the rest"]


def test_a_plan_whose_plug_was_pulled_is_cancelled() -> None:
    state = one("we pulled the plug on Crete, the dog's not well", ("Is planning a trip to Crete in May",))
    assert "Is planning a trip to Crete in May" not in state


def test_didnt_make_it_ends_a_pet_at_the_end_of_its_clause_only() -> None:
    assert one("Biscuit didn't make it through surgery.", ("Has a hamster named Biscuit",)) \
        == ["Hamster Biscuit died"]
    assert one("I didn't make it to the gym today") != []


def test_a_change_onto_days_replaces_nights() -> None:
    assert one("since changing to days I actually eat breakfast", ("Works night shifts at the bakery",))[0] \
        == "Works day shifts at the bakery"


def test_a_part_exchange_keeps_the_new_car_in_the_held_frame() -> None:
    state = one("Part-exed the Fiat for a Kia Niro in March", ("Drives a Fiat Panda", "Lives in Hull"))
    assert "Drives a Kia Niro" in state and "Drives a Fiat Panda" not in state


def test_a_birth_told_by_the_weight() -> None:
    state = one("he's here!! Rowan Ellis, 7lb 11oz, born at 4am", ("Is expecting a baby in May",))
    assert state == ["Son Rowan Ellis was born at 4am", "Has a newborn son named Rowan Ellis"]


def test_a_child_dropped_at_halls_has_moved_out() -> None:
    state = one("dropped Kwame off at his halls in Exeter on Saturday", ("Son Kwame lives at home",))
    assert state == ["Son Kwame moved out into halls in Exeter on Saturday"]


def test_weeks_in_as_a_role_is_the_job_now() -> None:
    assert one("six weeks in as a junior buyer at Marks & Spencer, loving it", ("Works as a shop assistant",)) \
        [0] == "Works as a junior buyer at Marks & Spencer"

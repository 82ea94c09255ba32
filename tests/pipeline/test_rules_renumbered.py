"""A number that moved on in a frame held (issue #22). Every sentence is written for
this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_round3 import conversation


@pytest.mark.parametrize(("held", "said", "gone", "now"), [
    (["Has a daughter named Noor", "Daughter Noor is in year 5"],
     "Noor is in year 6 this year.", "Daughter Noor is in year 5",
     "Daughter Noor is in year 6 this year"),
    (["Is on level 2 of the Welsh course"], "I'm on level 3 of the Welsh course now.",
     "Is on level 2 of the Welsh course", "Is on level 3 of the Welsh course now"),
])
def test_a_number_moved_on_replaces_the_held_one(held: list[str], said: str, gone: str,
                                                 now: str) -> None:
    out = conversation(("user", said), existing=held)
    assert gone not in out and now in out


@pytest.mark.parametrize(("held", "said"), [
    (["Lives at 12 Park Road"], "My office is at 40 Park Road."),  # someone else's frame
    (["Has a brother named Sam"], "I have a brother named Tom too."),  # names, not numbers
    (["Is on level 2 of the Welsh course"], "I'm on level 3 of the Italian course as well."),
])
def test_another_frame_keeps_the_held_number(held: list[str], said: str) -> None:
    assert held[0] in conversation(("user", said), existing=held)


def test_a_new_time_or_amount_of_another_named_thing_does_not_rewrite_the_held_one() -> None:
    # the held memory keeps its own name: never "level 3 of the Welsh course"
    out = conversation(("user", "I'm on level 3 of the Italian course now."),
                       existing=["Is on level 2 of the Welsh course"])
    assert "Is on level 3 of the Welsh course" not in out


@pytest.mark.parametrize(("held", "said", "gone"), [
    (["Takes the bus to work"], "I cycle to work since the new bike lane opened.",
     "Takes the bus to work"),
    (["Works at Tesco"], "Working at Morrisons since October.", "Works at Tesco"),
])
def test_a_value_held_one_at_a_time_dated_from_a_point_replaces_the_old(
        held: list[str], said: str, gone: str) -> None:
    assert gone not in conversation(("user", said), existing=held)


@pytest.mark.parametrize(("held", "said"), [
    (["Plays badminton"], "I've played chess since I was seven."),
    (["Likes folk music"], "I've loved musicals since my trip to London."),
])
def test_a_second_interest_dated_from_a_point_replaces_nothing(held: list[str],
                                                               said: str) -> None:
    assert held[0] in conversation(("user", said), existing=held)

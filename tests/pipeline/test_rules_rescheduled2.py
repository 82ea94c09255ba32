"""A plan moved to another month, a thing of the user's held as the subject of its plan,
and "everything" moved after the assistant named the event (#22). Sentences written for
this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.base import Existing
from engram.pipeline.rules._rescheduled import rescheduled
from tests.pipeline.test_rules_mechanisms import final


@pytest.mark.parametrize(("fact", "held", "moved"), [
    ("Moved the Oslo trip to November", "Is planning a trip to Oslo in August",
     "Is planning a trip to Oslo in November"),
    ("Has pushed the christening back to the 2nd of May", "Christening is on the 12th of April",
     "Christening is on the 2nd of May"),
    ("Moved the party to March 3rd", "Party is planned for February 20th",
     "Party is planned for March 3rd"),
])
def test_a_plan_moves_to_another_month(fact: str, held: str, moved: str) -> None:
    assert rescheduled(fact, [Existing(0, held)], set()) == (0, moved)


def test_a_relatives_plan_is_not_moved_by_the_users_words() -> None:
    held = [Existing(0, "Brother Kai is getting married in June")]
    assert rescheduled("Moved our wedding to October", held, set()) is None


def test_a_plan_of_another_thing_is_not_moved() -> None:
    held = [Existing(0, "Christening is on the 12th of April")]
    assert rescheduled("Moved the party to the 2nd of May", held, set()) is None


def test_everything_moved_is_the_event_the_assistant_named() -> None:
    assert final(["Housewarming is planned for May 9"],
                 "the landlord's still painting so we've pushed everything back to June",
                 before="How's the housewarming planning going?") == [
        "Housewarming is planned for June"]


def test_what_is_being_planned_is_the_event_whatever_its_name() -> None:
    assert final(["Kitchen refit is planned for March"], "we've put it back to May",
                 before="How are the refit preparations going?") == [
        "Kitchen refit is planned for May"]


def test_a_plan_moves_from_a_month_to_a_season() -> None:
    assert rescheduled("Peru is pushed to the autumn", [Existing(0, "Is going to Peru in May")],
                       set()) == (0, "Is going to Peru in the autumn")

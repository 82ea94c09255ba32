"""An ending that does not say what it ended keeps the state it ended (#22): retiring,
graduating, handing in one's notice. Every sentence is written for this file; none is in
an evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._ended import with_what_ended
from tests.pipeline.test_rules_mechanisms import final, user


@pytest.mark.parametrize(("fact", "held", "expected"), [
    ("Graduated in May", "Is studying for a nursing degree at Keele",
     "Graduated in May; no longer studying for a nursing degree at Keele"),
    ("Handed in their notice at the clinic", "Works as a physiotherapist at the Riverside clinic",
     "Handed in their notice at the clinic; no longer works as a physiotherapist at the "
     "Riverside clinic"),
    ("Retired on Friday", "Works as a crane operator at the docks in Hull",
     "Retired on Friday; no longer works as a crane operator at the docks in Hull"),
])
def test_an_ending_of_ones_own_keeps_the_state_it_ended(fact: str, held: str,
                                                        expected: str) -> None:
    assert with_what_ended(fact, held) == expected


@pytest.mark.parametrize(("fact", "held"), [
    ("Sold the Polo", "Owns a 2009 Volkswagen Polo"),  # the object names it
    ("Cancelled the gym membership", "Has a gym membership at PureGym"),
    ("Quit smoking", "Smokes ten a day"),
    ("Retired as a firefighter in May", "Works as a firefighter"),  # says the job itself
    ("Sister Ada retired in June", "Works as a crane operator at the docks"),  # not the user
])
def test_an_ending_that_names_what_it_ended_is_kept_as_said(fact: str, held: str) -> None:
    assert with_what_ended(fact, held) == fact


def test_the_add_keeps_what_was_studied() -> None:
    state = final(["Is studying for a nursing degree at Keele"], "I graduated last week!")
    assert len(state) == 1
    assert "nursing degree at Keele" in state[0]
    assert state[0].startswith("Graduated")


def test_a_notice_handed_in_is_an_event_not_a_state() -> None:
    assert user("Handed in my notice at the garage.") == ["Handed in their notice at the garage"]

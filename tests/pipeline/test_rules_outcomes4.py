"""Outcomes told briefly: a race named by its place alone ("Ran Berlin in 3:52"), a
newborn named in a fragment ("Little Ada, born last week"), and a side that is no
leaving ("a sprained left ankle") (#22). Sentences written for this file; none is in an
evaluation set."""

from __future__ import annotations

from typing import Any

from engram.pipeline.rules._sentences import split_clauses
from engram.pipeline.rules._slots import is_ending
from engram.pipeline.rules._verbless import verbless
from tests.pipeline.test_rules_nearest import replaces, state


def test_a_race_run_named_by_its_place_ends_the_training(shared_minilm: Any) -> None:
    assert replaces(shared_minilm, "Is training for the Valencia Marathon",
                    "Ran Valencia on Sunday in 4:05, legs in bits.")


def test_being_in_the_place_or_training_there_is_no_race_run(shared_minilm: Any) -> None:
    for content in ("Visited Valencia on Sunday.", "Ran 25k around Valencia on Sunday."):
        assert "Is training for the Valencia Marathon" in state(
            shared_minilm, ["Is training for the Valencia Marathon"], content)


def test_a_newborn_named_in_a_fragment_is_a_birth(shared_minilm: Any) -> None:
    assert verbless("Little Otto, born on Tuesday") == "Baby Otto was born on Tuesday"
    assert replaces(shared_minilm, "Is pregnant with twins due in May",
                    "They're here! Little Otto, born on Tuesday.")


def test_a_side_of_the_body_is_no_leaving() -> None:
    assert not is_ending("Has a torn left hamstring")
    assert not is_ending("Is left-handed")
    assert is_ending("Left the choir in March")


def test_a_healed_side_ends_the_injury_held(shared_minilm: Any) -> None:
    assert split_clauses("Got the all-clear today, the knee's fully healed") == [
        "Got the all-clear today", "the knee's fully healed"]
    assert replaces(shared_minilm, "Has a twisted left knee",
                    "Got the all-clear today, the knee's fully healed.")

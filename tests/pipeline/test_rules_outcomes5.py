"""A partner ends being single, whatever words say so, and a withdrawal ends the training
for what was withdrawn from (#22). Sentences written for this file; none is in an
evaluation set."""

from __future__ import annotations

from typing import Any

import pytest

from tests.pipeline.test_rules_mechanisms import final
from tests.pipeline.test_rules_nearest import state


@pytest.mark.parametrize("content", [
    "Been seeing a guy from my climbing gym for a few weeks",
    "Theo and I got together at new year",
    "I've got a girlfriend, finally",
])
def test_a_partner_ends_being_single(content: str) -> None:
    assert "Is single" not in final(["Is single", "Plays darts"], content)


@pytest.mark.parametrize("content", [
    "My cousin got engaged in Rome",
    "Went to a wedding in Leeds at the weekend",
])
def test_someone_elses_partner_or_a_wedding_leaves_single_alone(content: str) -> None:
    assert "Is single" in final(["Is single"], content)


def test_a_withdrawal_ends_the_training_for_it(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Is training for the Lisbon half marathon"],
                  "I've withdrawn from the Lisbon half, my hip needs rest")
    assert "Is training for the Lisbon half marathon" not in after


def test_money_withdrawn_ends_nothing(shared_minilm: Any) -> None:
    held = "Is training for the Lisbon half marathon"
    assert held in state(shared_minilm, [held], "I withdrew some euros in Lisbon")


def test_a_learners_test_passed_ends_the_learning() -> None:
    assert final(["Is learning to drive"], "passed my test this morning!!") == [
        "Passed their test this morning"]


def test_a_test_of_something_else_leaves_learning_to_swim() -> None:
    assert "Is learning to swim" in final(["Is learning to swim"], "passed my test this morning!!")


@pytest.mark.parametrize("content", ["Jude and I aren't together anymore",
                                     "me and Jude have split"])
def test_a_couple_apart_is_a_breakup(content: str) -> None:
    assert final(["Has a girlfriend named Jude"], content) == ["Broke up with Jude"]


def test_going_full_time_changes_the_hours_held() -> None:
    assert final(["Works part-time"], "I've gone full time at the nursery") == ["Works full time"]


def test_news_told_inside_disbelief_is_the_news() -> None:
    assert "Is leaving Perth after 9 years" in final([], "van's booked, can't believe I'm leaving Perth after 9 years")


def test_working_from_home_replaces_the_commute_held(shared_minilm: Any) -> None:
    assert "Commutes by bus" not in state(shared_minilm, ["Commutes by bus"],
                                          "working from home full time these days")


def test_left_by_a_partner_is_a_breakup() -> None:
    assert final(["Has a boyfriend named Kris"], "Kris dumped me on Sunday") == [
        "Broke up with Kris on Sunday"]


def test_poached_by_a_firm_is_a_new_job() -> None:
    state_after = final(["Works at Asda"], "I've been poached by Morrisons")
    assert "Works at Asda" not in state_after


def test_a_job_got_ends_being_unemployed() -> None:
    assert "Is unemployed" not in final(["Is unemployed"], "got the job!! start at Greggs on Monday")


def test_done_and_dusted_settles_the_training() -> None:
    assert final(["Is training for a half marathon"], "half marathon done and dusted, never again") == [
        "Half marathon is done"]

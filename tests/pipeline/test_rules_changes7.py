"""Implicit updates and corrections that held memories went stale under (#22): a bare
"No, ..." against what is held, a new job said by taking it, a state dated from an event
("since the twins were born"), a preference changed by doing the thing differently, and
"there" after a verb of motion. Every sentence is written for this file; none is in an
evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.base import Existing
from engram.pipeline.rules._agree import same_frame
from engram.pipeline.rules._nearest import nearest_change
from engram.pipeline.rules._now import said_as_now
from tests.pipeline._state import minilm_reconciler, state_after
from tests.pipeline.test_rules_mechanisms import final, user


@pytest.fixture
def minilm(shared_minilm):  # type: ignore[no-untyped-def]
    return minilm_reconciler(shared_minilm)


def test_a_bare_no_corrects_the_held_value() -> None:
    state = final(["Works in Leicester", "Has a parrot"], "No, I work in Coventry.")
    assert "Works in Coventry" in state
    assert "Works in Leicester" not in state
    assert "Has a parrot" in state


def test_no_as_an_answer_to_a_question_is_no_correction() -> None:
    state = state_after([("assistant", "Do you have any pets?"), ("user", "No, I travel too much.")],
                        ["Works in Leicester"])
    assert "Works in Leicester" in state


@pytest.mark.parametrize("content", ["I've taken a nursing job in Derby.",
                                     "I just landed a new research post at the museum."])
def test_a_job_taken_replaces_the_held_job(content: str) -> None:
    state = final(["Works as a barista in Leeds"], content)
    assert "Works as a barista in Leeds" not in state
    assert len(state) == 1


def test_a_job_on_the_side_leaves_the_held_job() -> None:
    state = final(["Works as a paramedic"], "I took a part-time job at a bakery.")
    assert "Works as a paramedic" in state


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Since the twins were born I cook far less", True),
    ("Ever since I moved, I walk everywhere", True),
    ("Since I'm vegan, I skip the cheese board", False),
    ("Since you asked, I like jazz", False),
])
def test_a_state_dated_from_an_event_is_said_as_now(sentence: str, expected: bool) -> None:
    assert said_as_now(sentence) is expected


def test_doing_a_thing_differently_changes_the_preference_about_it() -> None:
    assert same_frame("Now swims after work", "Prefers swimming at dawn")
    assert not same_frame("Now swims after work", "Prefers tea to coffee")


def test_a_preference_is_replaced_when_the_habit_changed(minilm) -> None:  # type: ignore[no-untyped-def]
    state = state_after([("user", "Since I got the new job I mostly run in the evenings.")],
                        ["Prefers running at dawn", "Has a sister named Ida"], minilm)
    assert "Prefers running at dawn" not in state
    assert "Has a sister named Ida" in state


def test_going_out_for_a_meal_is_no_change_of_diet(minilm) -> None:  # type: ignore[no-untyped-def]
    state = state_after([("user", "These days we go out for dim sum every Sunday.")],
                        ["Is vegetarian", "Lives in Bath"], minilm)
    assert "Is vegetarian" in state


def test_an_opening_adverb_is_no_subject_for_the_nearest_memory() -> None:
    held = [Existing(0, "Prefers cycling at night"), Existing(1, "Sister Holly works late")]
    assert nearest_change("Mostly cycles at dawn now", [0.6, 0.1], held, set(), 0.3, 0.1) \
        == (0, "UPDATE")
    assert nearest_change("Holly cycles at dawn now", [0.6, 0.1], held, set(), 0.3, 0.1) is None


@pytest.mark.parametrize(("content", "expected"), [
    ("My cousin lives in Galway and I'm driving there on Friday.",
     "Is driving to Galway on Friday"),
    ("I work at Lidl and I like it there.", "Likes it at Lidl"),
])
def test_there_after_a_verb_of_motion_is_where_one_goes(content: str, expected: str) -> None:
    assert expected in user(content)


def test_a_cause_that_means_the_user_gave_something_up_ends_it() -> None:
    state = final(["Plays squash on Thursdays", "Lives in York"],
                  "My back injury means I've had to give up squash.")
    assert "Plays squash on Thursdays" not in state
    assert "Lives in York" in state


@pytest.mark.parametrize("content", ["I've given up squash.", "I had to give up squash."])
def test_given_up_and_had_to_give_up_are_endings(content: str) -> None:
    assert "Plays squash on Thursdays" not in final(["Plays squash on Thursdays"], content)


def test_wanting_to_give_up_ends_nothing() -> None:
    assert "Plays squash on Thursdays" in final(["Plays squash on Thursdays"],
                                                "I want to give up squash.")


@pytest.mark.parametrize("content", ["We finally got the last boxes unpacked in our new house in Ely.",
                                     "As of Monday I'm officially a Lisbon resident!"])
def test_a_new_home_in_a_named_place_is_where_the_user_lives(content: str) -> None:
    state = final(["Lives in Derby"], content)
    assert "Lives in Derby" not in state
    assert any(s.startswith("Lives in ") for s in state)


def test_a_new_home_still_looked_for_is_no_move() -> None:
    assert "Lives in Derby" in final(["Lives in Derby"], "I'm looking for a new flat in Ely.")

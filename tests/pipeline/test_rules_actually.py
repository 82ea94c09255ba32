""""Actually" after a statement puts right what the assistant took as held; at the start
of a reply it is a word of discourse, no answer of its own (#22). Sentences written for
this file; none is in an evaluation set."""

from __future__ import annotations

from typing import Any

from tests.pipeline._state import minilm_reconciler, state_after

TURNS = [("assistant", "How are the teaching placements going?"),
         ("user", "I'm a speech therapist actually")]


def test_a_trailing_actually_puts_the_held_job_right(shared_minilm: Any) -> None:
    # as Memory wires it: the held job nearest the correction is the one put right
    out = state_after(TURNS, ["Works as a teacher", "Plays the oboe"], minilm_reconciler(shared_minilm))
    assert sorted(out) == ["Is a speech therapist", "Plays the oboe"]


def test_without_actually_the_job_is_another(shared_minilm: Any) -> None:
    turns = [TURNS[0], ("user", "I'm a speech therapist")]
    out = state_after(turns, ["Works as a teacher"], minilm_reconciler(shared_minilm))
    assert "Works as a teacher" in out


def test_actually_opening_a_reply_is_no_yes() -> None:
    out = state_after([("assistant", "Any hobbies?"),
                       ("user", "Actually, I joined a choir last month")])
    assert out == ["Joined a choir last month"]


def test_actually_inside_a_statement_corrects_nothing() -> None:
    out = state_after([("assistant", "Have you tried the new cafe?"),
                       ("user", "I actually prefer making coffee at home")], ["Plays the oboe"])
    assert "Plays the oboe" in out


def test_a_presumption_in_the_question_put_right() -> None:
    out = state_after([("assistant", "How's the squash league going?"),
                       ("user", "badminton, not squash!")], ["Plays squash"])
    assert out == ["Plays badminton"]


def test_a_choice_offered_is_no_correction() -> None:
    out = state_after([("assistant", "Window or aisle?"), ("user", "aisle not window")])
    assert not any(f.startswith("Meant") for f in out) and out


def test_a_bare_number_put_right_names_the_one_the_assistant_said() -> None:
    out = state_after([("assistant", "At 42 it's never too late to start climbing!"),
                       ("user", "24 actually")], ["Is 42 years old", "Has 3 bikes"])
    assert sorted(out) == ["Has 3 bikes", "Is 24 years old"]


def test_a_bare_number_is_left_when_the_assistant_said_two() -> None:
    held = ["Is 42 years old", "Has 3 bikes"]
    out = state_after([("assistant", "At 42 with 3 bikes you're set!"), ("user", "24 actually")],
                      held)
    assert sorted(out) == sorted(held)


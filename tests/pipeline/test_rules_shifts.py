"""Shifts named by their time alone ("earlies", "lates", "nights") and a move of the user
by their employer ("They moved me onto ...") change the shift held (#22). Sentences
written for this file; none is in an evaluation set."""

from __future__ import annotations

from typing import Any

from engram.pipeline.rules._self_report import done_to_me
from tests.pipeline.test_rules_nearest import state


def test_a_move_by_the_employer_is_said_of_the_user() -> None:
    assert done_to_me("They moved me onto the night team") == "I was moved onto the night team"
    assert done_to_me("They moved my car") is None


def test_shifts_named_by_their_time_change_the_shift_held(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Works night shifts at the care home", "Likes crosswords"],
                  "They've finally put me on lates.")
    assert after[0] == "Works late shifts at the care home" and "Likes crosswords" in after


def test_a_night_out_is_no_shift(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Works early shifts at the bakery"],
                  "I'm off on nights out with the team this week.")
    assert "Works early shifts at the bakery" in after

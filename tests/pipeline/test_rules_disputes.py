"""A challenge to what is held, said as a sentence of its own ("Where did you get
that?", "That's old news!"), makes the statement after it a correction (#22). Every
sentence is written for this file; none is in an evaluation set. Not yet read: a
correction whose value shares no frame with the held one ("Prefers green tea", then
"Where did you get that? I prefer rooibos" adds rooibos beside it)."""

from __future__ import annotations

from typing import Any

import pytest

from engram.pipeline.rules._retake import disputes
from tests.pipeline.test_rules_nearest import state


@pytest.mark.parametrize("sentence", ["Where did you get that?", "Who told you that?",
                                      "That's not right.", "Nope, that's old info!",
                                      "You've got it wrong."])
def test_a_challenge_is_read(sentence: str) -> None:
    assert disputes(sentence)


@pytest.mark.parametrize("sentence", ["Where did you get that scarf?", "That's not right for me.",
                                      "Who told you that I was moving?"])
def test_a_question_about_something_else_is_no_challenge(sentence: str) -> None:
    assert not disputes(sentence)


def test_the_statement_after_a_challenge_puts_the_memory_right(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Prefers tea", "Likes crosswords"],
                  "Who told you that? I prefer coffee.")
    assert "Prefers tea" not in after and "Likes crosswords" in after
    # without the challenge, a second preference is added beside the first
    assert "Prefers tea" in state(shared_minilm, ["Prefers tea"], "I prefer coffee.")


def test_an_addition_after_a_challenge_keeps_the_memory(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Likes folk music"], "Who told you that? I like punk too.")
    assert "Likes folk music" in after

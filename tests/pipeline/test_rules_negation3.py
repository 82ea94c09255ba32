"""Denials said short: a state denied in two words ("Not religious"), a remark of two
words is none ("not interested"), and an account or app deleted ends being on it
(#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


@pytest.mark.parametrize(("message", "fact"), [
    ("Not religious.", "Is not religious"),
    ("not vegetarian", "Is not vegetarian"),
])
def test_a_state_denied_in_two_words(message: str, fact: str) -> None:
    assert state_after([("user", message)]) == [fact]


@pytest.mark.parametrize("message", ["not interested", "Not ideal.", "not bothered"])
def test_a_remark_denied_in_two_words_is_no_fact(message: str) -> None:
    assert state_after([("user", message)]) == []


@pytest.mark.parametrize("message", ["deleted tiktok last week", "I uninstalled TikTok"])
def test_deleting_the_app_ends_being_on_it(message: str) -> None:
    assert "Is on TikTok" not in state_after([("user", message)], ["Is on TikTok"])

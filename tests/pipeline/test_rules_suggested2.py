"""What the user already has of what the assistant suggested: "already have one",
"already use it", a suggestion named without an article ("Kindle Unlimited") (#22).
Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


@pytest.mark.parametrize(("offer", "reply", "fact"), [
    ("You could try a pill organiser.", "already have one!", "Has a pill organiser"),
    ("Have you thought about Audible?", "already use it", "Uses Audible"),
    ("Maybe try a rowing machine?", "I already own one", "Already owns a rowing machine"),
])
def test_what_one_already_has_of_the_suggestion(offer: str, reply: str, fact: str) -> None:
    assert state_after([("assistant", offer), ("user", reply)]) == [fact]


@pytest.mark.parametrize("message", ["Have a lovely evening", "already know that"])
def test_a_wish_or_a_remark_is_no_possession(message: str) -> None:
    assert state_after([("user", message)]) == []

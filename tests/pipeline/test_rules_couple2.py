"""Two people as one subject when "both" says each holds it: each gets the fact, not a
thing done together; "me and X" is "X and I"; a word after a relation that cannot be a
name is not made one; what one would not call oneself (#22). Sentences written for this
file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def after(message: str, *held: str) -> list[str]:
    return state_after([("user", message)], list(held))


@pytest.mark.parametrize(("message", "facts"), [
    ("My dad and I both support Hibs", ["Supports Hibs", "Dad supports Hibs"]),
    ("me and my flatmate are both teachers", ["Is a teacher", "Flatmate is a teacher"]),
    ("Kemi and I are both left-handed", ["Is left-handed", "Kemi is left-handed"]),
])
def test_both_gives_each_of_them_the_fact(message: str, facts: list[str]) -> None:
    assert after(message) == facts


def test_me_and_a_partner_do_it_together() -> None:
    assert after("me and Ola are moving to Gdansk in May") == ["Is moving to Gdansk in May with Ola"]


@pytest.mark.parametrize("message", ["neither my husband nor I smoke", "my wife are both"])
def test_a_word_after_a_relation_that_is_no_name(message: str) -> None:
    assert not any("named" in f for f in after(message))


def test_what_one_would_not_call_oneself() -> None:
    assert after("I wouldn't call myself a cyclist anymore", "Is a cyclist") == ["Is no longer a cyclist"]
    assert after("I don't really consider myself sporty") == ["Is not sporty"]

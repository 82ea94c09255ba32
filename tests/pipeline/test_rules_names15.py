"""Names said in more ways: the name on paper after the one used, a middle name to go
by, a spelling given with it, a name asked for and answered with the short one; "It's
Monday" names no one; "so just X" after a denial keeps the denial (#22). Sentences
written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def after(message: str, *held: str, asked: str | None = None) -> list[str]:
    turns = ([("assistant", asked)] if asked else []) + [("user", message)]
    return state_after(turns, list(held))


def test_the_name_on_paper_after_the_one_used() -> None:
    assert after("Friends call me Tash, but it's Natasha on paper") == [
        "Prefers to be called Tash", "Name is Natasha"]


def test_a_middle_name_to_go_by() -> None:
    assert after("Please call me by my middle name, Wren.") == ["Prefers to be called Wren"]


def test_a_spelling_given_with_the_name_puts_the_held_one_right() -> None:
    assert after("It's Stephen with a ph, by the way", "Name is Steven") == ["Name is Stephen"]


@pytest.mark.parametrize("message", ["It's Friday!", "ugh. it's March already", "It's Glasgow, not Edinburgh"])
def test_it_is_and_a_capitalised_word_names_no_one(message: str) -> None:
    assert not any(f.startswith("Name is") for f in after(message))


@pytest.mark.parametrize(("asked", "reply", "facts"), [
    ("What's your name?", "It's Ife", ["Name is Ife"]),
    ("What should I call you?", "Gwendolyn, but Gwen is fine", ["Name is Gwendolyn", "Prefers to be called Gwen"]),
])
def test_a_name_asked_for_is_read_whole(asked: str, reply: str, facts: list[str]) -> None:
    assert after(reply, asked=asked) == facts


def test_a_choice_after_a_denial_keeps_the_denial() -> None:
    state = after("I don't drink coffee, so just herbal tea for me")
    assert not any(f.startswith("Drinks coffee") or f.startswith("Likes coffee") for f in state)
    assert any(f.startswith("Does not drink coffee") for f in state)

"""Relatives denied or put right: "no brothers" ends the held brother, a relative named
under another family tie puts the tie right, a friend and a colleague may share a name,
and "has no idea" denies nothing (#22). Sentences written for this file; none is in an
evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def after(message: str, *held: str) -> list[str]:
    return state_after([("user", message)], list(held))


@pytest.mark.parametrize("message", ["no sisters, just the one brother", "I have no sisters"])
def test_no_sisters_ends_the_held_sister(message: str) -> None:
    assert "Has a sister named Ines" not in after(message, "Has a sister named Ines")


def test_what_one_has_and_has_not_are_two_facts() -> None:
    assert after("I have a tortoise, no dogs") == ["Has a tortoise", "Has no dogs"]


@pytest.mark.parametrize("message", ["Actually, Tunde is my nephew", "Tunde is my nephew!"])
def test_a_relative_named_under_another_family_tie(message: str) -> None:
    assert after(message, "Has a son named Tunde") == ["Has a nephew named Tunde"]


def test_a_colleague_may_share_a_friends_name() -> None:
    out = after("my colleague Ana is moving to Porto", "Has a friend named Ana")
    assert "Has a friend named Ana" in out and "Has a colleague named Ana" in out


def test_the_denial_stands_beside_the_tie_put_right() -> None:
    out = after("Tunde's my nephew, I don't have any sons", "Has a son named Tunde")
    assert out == ["Has a nephew named Tunde", "Does not have any sons"]


def test_having_no_idea_denies_nothing() -> None:
    out = after("I have no idea what my boss Kemi wants", "Has a boss named Kemi")
    assert "Has a boss named Kemi" in out

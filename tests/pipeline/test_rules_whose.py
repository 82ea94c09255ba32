""""His" in the speaker's own fact is whose: the man last named, never a woman, and not
when he is named in the same fact (#22). Sentences written for this file; none is in an
evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def one(message: str) -> list[str]:
    return state_after([("user", message)])


@pytest.mark.parametrize(("message", "fact"), [
    ("My uncle Ravi is opening a cafe and I'm doing his logo", "Is doing Ravi's logo"),
    ("Grandad Wilf passed last spring. I still wear his watch.", "Still wears Wilf's watch"),
])
def test_his_is_the_man_last_named(message: str, fact: str) -> None:
    assert fact in one(message)


def test_his_is_never_a_woman_named() -> None:
    state = one("My aunt Dee bought a parrot and I'm minding his cage")
    assert not any("Dee's cage" in f for f in state)


def test_his_stays_when_he_is_in_the_same_fact() -> None:
    assert "Is helping their uncle paint his shed" in one("I'm helping my uncle paint his shed")

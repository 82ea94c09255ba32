"""A name used in one place or by some people is no name ("Everybody at work calls me
Bobby" leaves "Name is Robert"); a greeting to several before "<Name> here" (#22).
Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def one(message: str, held: tuple[str, ...] = ()) -> list[str]:
    return state_after([("user", message)], held)


def test_a_name_used_at_work_keeps_the_name() -> None:
    state = one("Everyone at the depot calls me Stevo", ("Name is Steven",))
    assert state == ["Name is Steven", "Is called Stevo at the depot"]


def test_a_name_used_by_friends_keeps_the_name() -> None:
    state = one("Name's Bartholomew, Barty to my friends", ("Name is Bartholomew",))
    assert "Name is Bartholomew" in state


@pytest.mark.parametrize("message", ["Hi everyone, Ngozi here!", "hey all, Ngozi here"])
def test_a_greeting_to_several_then_the_name(message: str) -> None:
    assert one(message) == ["Name is Ngozi"]


def test_everyone_calling_me_a_name_is_what_to_call_me() -> None:
    assert one("Pretty much everyone calls me Fitz") == ["Prefers to be called Fitz"]

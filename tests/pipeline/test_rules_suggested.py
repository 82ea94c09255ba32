"""The user's "one" or "it" that takes up what the assistant suggested, asked or not
(#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._noise import is_noise
from engram.pipeline.rules._suggested import suggestion
from tests.pipeline.test_rules_mechanisms import final


@pytest.mark.parametrize(("turn", "thing"), [
    ("Have you thought about a rowing machine?", "a rowing machine"),
    ("You could try a pottery class on weekends.", "a pottery class"),
    ("A heated throw might help with the cold.", "A heated throw"),
    ("Here's the weather for Leeds.", None),
])
def test_the_thing_suggested(turn: str, thing: str | None) -> None:
    assert suggestion(turn) == thing


@pytest.mark.parametrize(("turn", "reply", "fact"), [
    ("Have you thought about a rowing machine?", "good shout, just ordered one",
     "Ordered a rowing machine"),
    ("How about a long weekend in Porto?", "booked it!", "Booked a long weekend in Porto"),
    ("Why not join a running club?", "I already do one on Thursdays",
     "Already does a running club on Thursdays"),
    ("You could try a pottery class.", "I used to go to one at uni", "Used to go to a pottery class at uni"),
])
def test_one_that_takes_up_the_suggestion_is_the_thing(turn: str, reply: str, fact: str) -> None:
    assert fact in final([], reply, before=turn)


def test_one_that_does_nothing_with_it_stays() -> None:
    assert not any("Porto" in f for f in final([], "one of my friends loves it",
                                                before="How about a long weekend in Porto?"))


@pytest.mark.parametrize("clause", ["nah not really my thing", "not for me", "that's not my scene"])
def test_a_suggestion_turned_down_as_not_ones_taste_is_no_fact(clause: str) -> None:
    assert is_noise(clause)

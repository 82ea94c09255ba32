"""Emphatic "do" with an adverb before the verb ("I do already knit"), and a verb with a
comma straight after it ("I paint, mostly watercolours") still conjugated (#22).
Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


@pytest.mark.parametrize(("message", "fact"), [
    ("I do already sew my own clothes", "Already sews their own clothes"),
    ("I do still play the harp", "Still plays the harp"),
    ("I do yoga", "Does yoga"),  # "do" with its own object is no emphasis
])
def test_emphatic_do(message: str, fact: str) -> None:
    assert state_after([("user", message)]) == [fact]


@pytest.mark.parametrize(("message", "fact"), [
    ("I sing, mostly jazz standards", "Mostly sings jazz standards"),
    ("I bake, mainly sourdough", "Mainly bakes sourdough"),
])
def test_a_verb_before_a_comma_is_conjugated(message: str, fact: str) -> None:
    assert state_after([("user", message)]) == [fact]

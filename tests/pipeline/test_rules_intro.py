"""Introductions that run several facts together: "a 45 year old nurse" without hyphens,
", married, two kids" after what one does, and "I've just moved to Porto" giving where
one lives (#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


@pytest.mark.parametrize(("message", "facts"), [
    ("I'm a 52 year old plumber", ["Is 52 years old", "Is a plumber"]),
    ("I drive buses, separated, three kids", ["Drives buses", "Is separated", "Has three kids"]),
    ("I teach yoga in Hove, married with a baby girl",
     ["Teaches yoga in Hove", "Is married with a baby girl"]),
])
def test_an_introduction_split(message: str, facts: list[str]) -> None:
    assert state_after([("user", message)]) == facts


def test_having_moved_says_where_one_lives() -> None:
    out = state_after([("user", "I've just moved to Galway from Sligo")], ["Lives in Sligo"])
    assert "Lives in Galway" in out and "Lives in Sligo" not in out

"""Endings said in words the readers missed: a span "smoke free" without its hyphen, a
course left by dropping out of "uni", and "packed in" or "jacked in" said of a pastime
(#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


@pytest.mark.parametrize(("held", "said", "after"), [
    ("Smokes roll-ups", "Eight months smoke free now", ["Quit smoking eight months ago"]),
    ("Drinks wine most nights", "Forty days alcohol free!", ["Quit alcohol forty days ago"]),
])
def test_a_span_free_of_a_habit_ends_it(held: str, said: str, after: list[str]) -> None:
    assert state_after([("user", said)], [held]) == after


def test_dropping_out_of_uni_ends_the_degree() -> None:
    after = state_after([("user", "I dropped out of uni in the spring")],
                        ["Studies chemistry at Durham", "Plays the cello"])
    assert "Studies chemistry at Durham" not in after and "Plays the cello" in after


@pytest.mark.parametrize("said", ["Packed in the trumpet last year", "jacked in the trumpet"])
def test_packing_in_a_pastime_ends_it(said: str) -> None:
    after = state_after([("user", said)], ["Plays the trumpet"])
    assert "Plays the trumpet" not in after
    assert not any(f.startswith("Is ") for f in after)  # an act, not "Is packed in ..."

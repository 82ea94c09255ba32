""""It" or "one" taken up after the assistant recommends a named thing; a laugh before
a comma names no one (#22). Sentences written for this file; none is in an evaluation
set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def reply(said: str, answer: str) -> list[str]:
    return state_after([("assistant", said), ("user", answer)], [])


@pytest.mark.parametrize(("said", "answer", "fact"), [
    ("I'd suggest the Moka pot for that.", "Bought one yesterday!", "Bought the Moka pot yesterday"),
    ("I would recommend a foam roller.", "ordered it", "Ordered a foam roller"),
])
def test_what_was_recommended_is_what_was_taken_up(said: str, answer: str, fact: str) -> None:
    assert reply(said, answer) == [fact]


def test_it_with_nothing_recommended_is_no_fact() -> None:
    assert reply("Good luck with the move!", "Ordered it, cheers") == []


@pytest.mark.parametrize("answer", ["Haha, my flatmate would hate that", "Ugh, my boss again"])
def test_a_laugh_or_a_groan_before_a_relation_names_no_one(answer: str) -> None:
    assert not any("named" in f for f in reply("You could get a parrot!", answer))

"""A question or request that says something of the speaker in passing: the clause hung
on a noun is kept, the question is not (#22). Sentences written for this file; none is in
an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def one(message: str) -> list[str]:
    return state_after([("user", message)])


@pytest.mark.parametrize(("message", "fact"), [
    ("Which trails are best for the ultra I'm running in October?", "Is running an ultra in October"),
    ("How often should I water the bonsai I just bought?", "Bought a bonsai"),
    ("Can you help me budget for the loft conversion we're doing this summer?",
     "Is doing a loft conversion this summer"),
    ("Suggest a playlist for the road trip I'm taking with my dad", "Is taking a road trip with their dad"),
])
def test_a_clause_hung_on_a_noun_is_kept(message: str, fact: str) -> None:
    assert one(message) == [fact]


@pytest.mark.parametrize("message", [
    "Is that the recipe I mentioned last week?",
    "What happens to my pension if I moved abroad?",
    "Which of the jackets I liked is warmer?",
    "What's the best way to store coffee?",
])
def test_a_question_that_tells_nothing_stores_nothing(message: str) -> None:
    assert one(message) == []

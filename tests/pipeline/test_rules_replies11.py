"""Replies to the questions of what the user cannot eat say what the user is ("Any
allergies?" - "sesame and kiwi"), and a friend named before an aside of where they met
("Tariq, my mate from work, is ...") keeps the news about them (#22). Sentences written
for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._answers import answer_clause
from tests.pipeline.test_rules_mechanisms import user


@pytest.mark.parametrize(("question", "reply", "said"), [
    ("Any allergies I should know about?", "sesame and kiwi", "I'm allergic to sesame and kiwi"),
    ("Do you have any dietary requirements?", "vegan", "I'm vegan"),
    ("Any dietary restrictions?", "dairy-free, halal", "I follow a dairy-free diet; I'm halal"),
])
def test_a_reply_about_food_says_what_the_user_is(question: str, reply: str, said: str) -> None:
    assert answer_clause(question, reply) == said


def test_none_or_a_sentence_of_their_own_is_read_as_before() -> None:
    assert answer_clause("Any allergies?", "nope") == "I don't have any allergies"
    assert answer_clause("Any dietary requirements?", "I eat everything") is None


def test_a_friend_named_before_where_they_met_keeps_the_news() -> None:
    facts = user("Tariq, my mate from work, is moving to Dubai in March.")
    assert "Mate Tariq is moving to Dubai in March" in facts

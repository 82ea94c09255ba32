"""A question that says why it asks ("..., so I can check the weather for you?") is
answered like the same question without its reason (#22). Sentences written for this
file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._answers import answer_clause


@pytest.mark.parametrize(("question", "reply", "said"), [
    ("Which town are you based in, so I can find a venue near you?", "Hexham",
     "I'm based in Hexham"),
    ("Do you have any pets, in case the cottage asks?", "two cats", "I have two cats"),
    ("What's your budget, just so I can narrow it down?", "about 300 pounds",
     "My budget is about 300 pounds"),
])
def test_the_reason_for_asking_is_not_part_of_the_answer(question: str, reply: str,
                                                          said: str) -> None:
    assert answer_clause(question, reply) == said

"""A condition inside a sentence drops only what hangs on it: "I'm thinking about a dog,
but if we did, we'd need a bigger flat" keeps the thinking; "I'll come if I can, I work
Saturdays" keeps the Saturdays; "I grew up in X but have lived in Y" is two facts (#22).
Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._sentences import split_clauses
from tests.pipeline.test_rules_mechanisms import user


def test_a_condition_and_what_hangs_on_it_are_one_clause() -> None:
    assert split_clauses("I'm looking at e-bikes, but if I got one, I'd need a lock") == [
        "I'm looking at e-bikes", "if I got one, I'd need a lock"]


@pytest.mark.parametrize(("sentence", "facts"), [
    ("I'm thinking about learning the harp, but if I did, I'd need lessons.",
     ["Is thinking about learning the harp"]),
    ("I'll join if I can, I do shifts at the depot on Sundays.",
     ["Does shifts at the depot on Sundays"]),
    ("I was born in Accra but have lived in Leeds for twenty years.",
     ["Was born in Accra", "Has lived in Leeds for twenty years"]),
])
def test_the_statement_beside_a_condition_is_kept(sentence: str, facts: list[str]) -> None:
    assert user(sentence) == facts


@pytest.mark.parametrize("sentence", ["If I had a garden I'd keep bees.",
                                      "Given a free year, I'd walk the Camino.",
                                      "I'd move to Lisbon if I could work remotely."])
def test_a_sentence_that_is_all_condition_stores_nothing(sentence: str) -> None:
    assert user(sentence) == []

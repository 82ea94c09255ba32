"""A value put right in mid-sentence (#22): a count in words ("two dogs - sorry, three")
and a diet ("vegetarian - well, pescatarian really"). Every sentence is written for this
file; none is in an evaluation set. Not yet read: a value put right in the next sentence
("I'm 29. No wait, 30 since last week") and "or rather she did, she's in Milan now"."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._restated import restated
from engram.pipeline.rules._sentences import split_clauses


@pytest.mark.parametrize(("sentence", "fixed"), [
    ("We have two dogs - sorry, three, the puppy counts.", "We have three dogs, the puppy counts."),
    ("I'm vegan - well, vegetarian really.", "I'm vegetarian."),
])
def test_the_value_said_after_the_marker_replaces_the_one_before(sentence: str, fixed: str) -> None:
    assert restated(sentence) == fixed


@pytest.mark.parametrize("sentence", [
    "I'm vegan, well, mostly.",                  # a hedge, no value after it
    "I'm vegetarian, well, my wife is vegan.",   # a clause, not a value put right
    "We have two dogs and one cat.",             # no marker
])
def test_a_hedge_or_a_list_is_left_as_said(sentence: str) -> None:
    assert restated(sentence) == sentence


def test_a_remark_after_a_comma_is_a_clause_of_its_own() -> None:
    assert split_clauses("I shop at Asda, they're cheaper than Tesco") == [
        "I shop at Asda", "they're cheaper than Tesco"]

"""An age said with something else of the same person ("Daughter is 12 and obsessed with
horses", "Gary is 84 and still mows his lawn") is two facts; a feeling after a comma
(", dreading it") is no part of the fact (#22). Sentences written for this file; none is
in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_mechanisms import user


@pytest.mark.parametrize(("sentence", "facts"), [
    ("My son's 15 and mad about rugby.", ["Son is 15 years old", "Son is mad about rugby"]),
    ("My aunt Bea is 91 and still swims every day.",
     ["Has an aunt named Bea", "Aunt Bea is 91 years old", "Aunt Bea swims every day"]),
])
def test_an_age_and_something_else_are_two_facts(sentence: str, facts: list[str]) -> None:
    assert user(sentence) == facts


def test_half_an_age_stays_one() -> None:
    assert user("I'm 6 and a half.") == ["Is 6 and a half"]


def test_a_feeling_after_a_comma_is_cut() -> None:
    assert user("I'm starting at the new school in May, dreading it.") == [
        "Is starting at the new school in May"]

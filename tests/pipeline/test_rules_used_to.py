"""A habit said with "used to" and then ended with a bare verb ("I used to smoke but
quit years ago") gives the ending its object; "No car, just an old bike" is none of one
and some of the other (#22). Sentences written for this file; none is in an evaluation
set."""

from __future__ import annotations

from typing import Any

import pytest

from engram.pipeline.rules._carried import quit_what
from tests.pipeline.test_rules_nearest import replaces


@pytest.mark.parametrize(("fact", "before", "said"), [
    ("Quit a decade ago", "Used to vape", "Quit vaping a decade ago"),
    ("Gave up in 2015", "Used to play rugby", "Gave up playing rugby in 2015"),
    ("Stopped last year", "Used to run ultras", "Stopped running ultras last year"),
])
def test_a_bare_ending_takes_the_habit_before_it(fact: str, before: str, said: str) -> None:
    assert quit_what(fact, before) == said


def test_a_bare_ending_after_anything_else_is_left() -> None:
    assert quit_what("Quit in May", "Works at Aldi") == "Quit in May"


def test_the_habit_ended_leaves_the_memory_of_it(shared_minilm: Any) -> None:
    assert replaces(shared_minilm, "Plays rugby", "I used to play rugby but gave up in 2015.")


def test_none_of_one_and_just_another_are_two_facts() -> None:
    from tests.pipeline.test_rules_mechanisms import user
    assert user("No car, just an old bike.") == ["Has no car", "Has an old bike"]

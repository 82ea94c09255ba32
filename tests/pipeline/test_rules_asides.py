"""What a message says around its facts (issue #22): a request to remember what follows,
a cry in brackets, a feeling about it after "which is", an opener that sums up. Sentences
written for these tests, in no eval set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def facts(message: str, *held: str) -> list[str]:
    return state_after([("user", message)], list(held))


@pytest.mark.parametrize(("message", "fact"), [
    ("Please remember I like replies in bullet points", "Likes replies in bullet points"),
    ("Keep in mind I'm colourblind", "Is colourblind"),
    ("Don't forget my anniversary is on the 9th", "Anniversary is on the 9th"),
    ("Bear in mind that we keep kosher", "Keeps kosher"),
])
def test_a_request_to_remember_is_no_part_of_the_fact(message: str, fact: str) -> None:
    assert facts(message) == [fact]


def test_a_reminder_to_do_something_is_no_preference() -> None:
    assert facts("Please remember to renew the parking permit") == []


def test_a_cry_in_brackets_is_dropped() -> None:
    assert facts("We adopted a greyhound (finally!) called Dash") == \
        ["Adopted a greyhound called Dash"]


def test_a_feeling_after_which_is_is_dropped() -> None:
    assert facts("I'm retraining as a midwife, which is daunting but exciting") == \
        ["Is retraining as a midwife"]


def test_what_which_is_names_is_kept() -> None:
    assert facts("My daughter boards at Elmhurst, which is the school in Dorset") == \
        ["Daughter boards at Elmhurst, which is the school in Dorset"]


def test_an_opener_that_sums_up_is_no_part_of_it() -> None:
    assert facts("Long story short, I sold the van") == ["Sold the van"]


def test_an_inverted_condition_and_what_hangs_on_it_are_no_fact() -> None:
    assert facts("Were we to sell up, we'd buy a narrowboat") == []
    assert facts("Should I get the grant, I'd start the PhD in October") == []


def test_a_mood_alone_is_no_fact_a_mood_about_something_is() -> None:
    assert "Is safe" not in facts("My firm cut forty jobs, I'm safe though")
    assert facts("I'm proud of my sister") == ["Is proud of their sister"]

"""Chat habits: a lower-case sentence after "!!", pictographs between or after the words,
the keys to a home handed over, and a habit given up told by the time gone without it
(#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

from typing import Any

import pytest

from engram.pipeline.rules._abstained import abstained
from engram.pipeline.rules._inferred import inferred_facts
from engram.pipeline.rules._speech import own_text
from tests.pipeline.test_rules_nearest import replaces, state


def test_a_lower_case_sentence_after_an_exclamation_is_a_sentence_of_its_own() -> None:
    assert own_text("passed my theory test!! booking the practical next") == [
        "passed my theory test!!", "booking the practical next"]


def test_pictographs_end_what_they_follow_and_are_dropped() -> None:
    assert own_text("Finished my first half marathon 🏃‍♀️🎉 legs are jelly") == [
        "Finished my first half marathon", "legs are jelly"]
    assert own_text("Adopted a kitten 🐱") == ["Adopted a kitten"]


@pytest.mark.parametrize(("fact", "home"), [
    ("Got the keys to their flat in Swansea on Friday", "Lives in Swansea"),
    ("Finally picked up the keys to their new cottage in Settle", "Lives in Settle"),
])
def test_the_keys_to_a_home_in_a_place_say_where_the_user_lives(fact: str, home: str) -> None:
    assert home in inferred_facts(fact)


def test_the_keys_to_anything_else_say_nothing_of_home() -> None:
    assert inferred_facts("Got the keys to the new office in Swansea") == []


@pytest.mark.parametrize(("clause", "fact"), [
    ("Ten days without a single vape", "Quit vapes ten days ago"),
    ("Two years without alcohol and counting", "Quit alcohol two years ago"),
    ("It's been a month since my last pint of lager", "Quit lager a month ago"),
])
def test_time_gone_without_a_habit_is_read_as_quitting_it(clause: str, fact: str) -> None:
    assert abstained(clause) == fact


def test_time_without_something_not_given_up_is_not_quitting() -> None:
    assert abstained("Three days without the car while it is in the garage") is None


def test_a_habit_gone_without_replaces_the_habit_held(shared_minilm: Any) -> None:
    assert replaces(shared_minilm, "Smokes a pack a day", "Five weeks without a single cigarette 💪")


def test_the_keys_to_a_new_home_move_the_user(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Lives in Derby", "Likes crosswords"],
                  "got the keys to our house in Lincoln today!! so much to unpack")
    assert "Lives in Derby" not in after and "Lives in Lincoln" in after


def test_a_span_said_with_free_is_quitting() -> None:
    assert abstained("Six weeks vape-free now") == "Quit vape six weeks ago"
    assert abstained("Two years smoke-free") == "Quit smoking two years ago"


def test_a_thing_of_its_own_after_a_comma_and_these_days_open_clauses() -> None:
    from engram.pipeline.rules._sentences import split_clauses
    assert split_clauses("Sold the Golf, the van's gearbox was going") == [
        "Sold the Golf", "the van's gearbox was going"]
    assert split_clauses("I trained as a chef, but these days I mostly teach") == [
        "I trained as a chef", "I mostly teach"]

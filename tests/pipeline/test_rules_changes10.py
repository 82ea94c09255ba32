"""Changes told in a second clause after a comma (issue #22): a way of life that now
holds ("..., renting in X for now"), a thing given up ("no more X for me"). Sentences
written for these tests, in no eval set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def facts(message: str, *held: str) -> list[str]:
    return state_after([("user", message)], list(held))


def test_a_way_of_life_after_a_comma_is_a_clause_of_its_own() -> None:
    assert facts("Handed back the company car, cycling in now") == \
        ["Handed back the company car", "Is cycling in now"]
    assert facts("Sold the boat, renting a cottage in Mevagissey for now") == \
        ["Sold the boat", "Is renting a cottage in Mevagissey for now"]


def test_a_participle_describing_a_place_stays_with_it() -> None:
    assert facts("Loved the lido, swimming there every morning") == \
        ["Loved the lido, swimming there every morning"]


@pytest.mark.parametrize(("message", "fact"), [
    ("No more rugby for me", "No longer plays rugby"),
    ("no more beer for me", "No longer drinks beer"),
    ("No more chocolate for us", "No longer eats chocolate"),
])
def test_a_thing_given_up_takes_its_verb(message: str, fact: str) -> None:
    assert facts(message) == [fact]


def test_no_more_after_a_comma_is_its_own_clause() -> None:
    assert facts("My shoulder went again, no more squash for me") == \
        ["Shoulder went again", "No longer plays squash"]


def test_any_way_of_life_said_with_now_after_a_comma_is_its_own_clause() -> None:
    assert facts("Gave up the allotment, growing herbs on the balcony now") == \
        ["Gave up the allotment", "Is growing herbs on the balcony now"]


def test_a_feeling_with_now_after_a_comma_stays_a_tail() -> None:
    assert facts("Handed in my dissertation, feeling lighter now") == \
        ["Handed in their dissertation, feeling lighter now"]


def test_what_is_left_said_short_after_the_news_is_dropped() -> None:
    assert facts("One of my hamsters died, so just Bubbles now") == \
        ["One of their hamsters died"]


def test_done_with_a_thing_ends_it() -> None:
    assert facts("I'm done with karate", "Does karate") == ["Is done with karate"]
    assert facts("Done with college, starting work in June") == \
        ["Is done with college", "Is starting work in June"]


def test_going_freelance_ends_the_employer_held() -> None:
    assert "Works at Boots" not in facts("Went freelance in the autumn", "Works at Boots")
    assert "Works at Boots" in facts("My cousin went freelance", "Works at Boots")

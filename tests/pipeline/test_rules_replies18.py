"""Short replies: a sigh or a shrug after the answer ("Leeds, sadly"), an allergy named
by its own noun to a diet question, and a kind of person picked from "a morning or
evening person" keeps its article (#22). Sentences written for this file; none is in an
evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def reply(question: str, answer: str) -> list[str]:
    return state_after([("assistant", question), ("user", answer)])


@pytest.mark.parametrize(("question", "answer", "fact"), [
    ("Which club do you support?", "Everton, sadly", "Supports Everton"),
    ("What do you do for work?", "solicitor, for my sins", "Works as a solicitor"),
    ("Which club do you support?", "Spurs, unfortunately", "Supports Spurs"),
])
def test_a_remark_after_the_answer_is_dropped(question: str, answer: str, fact: str) -> None:
    assert reply(question, answer) == [fact]


@pytest.mark.parametrize(("question", "answer", "fact"), [
    ("Any allergies I should know about?", "sesame allergy", "Has a sesame allergy"),
    ("Any dietary requirements?", "a severe shellfish allergy", "Has a severe shellfish allergy"),
    ("Any allergies?", "shellfish", "Is allergic to shellfish"),
])
def test_an_allergy_named_by_its_noun(question: str, answer: str, fact: str) -> None:
    assert reply(question, answer) == [fact]


@pytest.mark.parametrize(("question", "answer", "fact"), [
    ("Are you a summer or winter person?", "winter, always", "Is a winter person"),
    ("Are you an early bird or a night owl?", "early bird", "Is an early bird"),
    ("Are you a tea or coffee person?", "coffee", "Is a coffee person"),
])
def test_a_kind_of_person_picked_keeps_its_article(question: str, answer: str, fact: str) -> None:
    assert reply(question, answer) == [fact]


@pytest.mark.parametrize(("question", "answer", "fact"), [
    ("What breed is your dog?", "a springer spaniel", "Dog is a springer spaniel"),
    ("What make is your car?", "a Dacia", "Car is a Dacia"),
])
def test_a_kind_asked_of_ones_own_thing(question: str, answer: str, fact: str) -> None:
    assert reply(question, answer) == [fact]


def test_a_count_after_and_is_no_clause_of_its_own() -> None:
    # "our three dogs": "dogs" is no verb, so "our three" is no subject
    assert reply("Who do you live with?", "my husband and our three dogs") == [
        "Lives with their husband and their three dogs"]


@pytest.mark.parametrize(("question", "answer", "fact"), [
    ("Is your brother older or younger?", "younger, by two years", "Brother is younger"),
    ("What do you do?", "between jobs right now", "Is between jobs right now"),
])
def test_a_choice_of_a_relative_or_a_status_answered(question: str, answer: str, fact: str) -> None:
    assert reply(question, answer) == [fact]

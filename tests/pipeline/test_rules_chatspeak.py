"""Chat spellings spelt out before reading (#22): apostrophes left out, shortened words,
letters between words, fillers, and lower-case places and names. Sentences written for
this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._chatspeak import plain_chat
from tests.pipeline._state import state_after


@pytest.mark.parametrize(("typed", "said"), [
    ("ive got 3 kids n a dog", "I've got 3 kids and a dog"),
    ("cant eat gluten bc coeliac", "can't eat gluten because coeliac"),
    ("back in 2 wks abt", "back in 2 weeks about"),
    ("ill give it a go", "I'll give it a go"),
    ("feeling ill today", "feeling ill today"),
    ("v tired tbh lol", "very tired"),
    ("mornings def", "mornings"),
    ("obsessed w padel rn", "obsessed with padel right now"),
])
def test_chat_spellings_are_spelt_out(typed: str, said: str) -> None:
    assert plain_chat(typed) == said


@pytest.mark.parametrize(("typed", "said"), [
    ("just moved to hull", "just moved to Hull"),
    ("living in new york now", "living in New York now"),
    ("moved in over the summer", "moved in over the summer"),
    ("moved to tuesdays", "moved to tuesdays"),
    ("our cat is called pesto", "our cat is called Pesto"),
    ("she called yesterday", "she called yesterday"),
])
def test_a_place_or_a_name_typed_in_lower_case_gets_its_capital(typed: str, said: str) -> None:
    assert plain_chat(typed) == said


def test_a_filler_no_longer_keeps_a_clause_from_its_end() -> None:
    assert state_after([("user", "moved to hull last wk lol, commute is rough")]) \
        [:2] == ["Moved to Hull last week", "Lives in Hull"]


def test_a_value_starred_is_the_value_put_right() -> None:
    state = state_after([("user", "my dentist appt is the 3rd"), ("user", "sorry 4th* misread it")])
    assert state[0] == "Dentist appointment is the 4th"


def test_a_place_put_right_after_one_given_its_capital() -> None:
    assert state_after([("user", "i live in hove, sorry, brighton")]) == ["Lives in Brighton"]


@pytest.mark.parametrize(("message", "fact"), [
    ("2 months no vapes, the gum is helping", "Quit vapes 2 months ago"),
    ("im 40, wait no 41 as of sunday", "Is 41 years old"),
    ("im 33 but thx for the flattery", "Is 33 years old"),
])
def test_chat_said_states(message: str, fact: str) -> None:
    assert state_after([("user", message)])[0] == fact


@pytest.mark.parametrize(("typed", "said"), [
    ("GOT THE JOB", "got the job"),
    ("I work for the NHS", "I work for the NHS"),
    ("SO happy", "SO happy"),
])
def test_shouting_is_said_in_lower_case(typed: str, said: str) -> None:
    assert plain_chat(typed) == said


def test_chat_told_changes() -> None:
    assert state_after([("user", "ripped my hamstring so no running for like 6 weeks")], ["Runs every morning"]) \
        == ["Ripped their hamstring", "Cannot run for about 6 weeks"]
    assert state_after([("user", "had to put pepper down this morning")], ["Has a cat named Pepper"]) \
        == ["Cat Pepper was put to sleep this morning"]
    state = state_after([("user", "first night in our own flat in swindon!!")], ["Lives in Bath"])
    assert "Lives in Swindon" in state and "Lives in Bath" not in state

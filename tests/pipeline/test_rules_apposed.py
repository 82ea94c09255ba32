"""A person described between commas before what they do: the aside and the rest are
two statements about that person (#22). Sentences written for this file; none is in an
evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def after(message: str, *held: str) -> list[str]:
    return state_after([("user", message)], list(held))


@pytest.mark.parametrize(("message", "facts"), [
    ("My uncle, who's 64, still plays five-a-side.", ["Uncle is 64 years old", "Uncle still plays five-a-side"]),
    ("My stepmum, who is a dentist, lives in Cardiff.", ["Stepmum is a dentist", "Stepmum lives in Cardiff"]),
    ("My grandma, 91, still grows her own leeks.",
     ["Grandma is 91 years old", "Grandma still grows her own leeks"]),
])
def test_the_aside_and_the_rest_are_each_a_fact(message: str, facts: list[str]) -> None:
    assert after(message) == facts


def test_a_remark_between_commas_is_dropped_and_the_rest_kept() -> None:
    assert after("My husband, bless him, is learning the ukulele") == ["Husband is learning the ukulele"]


def test_what_the_user_did_with_them_is_not_said_of_them() -> None:
    assert after("Priya, who I sat next to at school, is moving to Dublin") == ["Priya is moving to Dublin"]


@pytest.mark.parametrize("message", [
    "Marek, Zofia, and Ola are staying with us",   # a list of names
    "Honestly, no idea, maybe in spring",           # remarks, no one described
    "my budgie Kiwi, sorry, Kiko, is nine",         # a name put right, not an aside
])
def test_commas_that_set_off_no_person_leave_the_sentence_whole(message: str) -> None:
    from engram.pipeline.rules._apposed import unapposed
    assert unapposed(message) == [message]


def test_notes_in_a_list_are_not_a_person() -> None:
    assert after("Plumber, 45, living in Hull") == ["Is a plumber", "Is 45 years old", "Lives in Hull"]

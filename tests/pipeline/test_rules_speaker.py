"""The speaker told in other words (#22): the user's own name as a subject, an
introduction followed by an age or pronouns, and a second verb phrase left in the
speaker's form after "I'm ... and". Every sentence is written for this file; none is in
an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_mechanisms import final, user


@pytest.mark.parametrize(("held", "content", "expected"), [
    (["Name is Tariq"], "Tariq teaches maths at a sixth-form college.",
     "Teaches maths at a sixth-form college"),
    (["Goes by Wren", "Lives in Hull"], "Wren is a keen birdwatcher.", "Is a keen birdwatcher"),
])
def test_the_users_own_name_as_subject_is_the_user(held: list[str], content: str,
                                                   expected: str) -> None:
    state = final(held, content)
    assert expected in state
    assert held[0] in state  # the name itself stays


def test_a_name_said_in_the_same_add_counts_too() -> None:
    state = final([], "My name is Ingrid. Ingrid plays the viola in an orchestra.")
    assert "Plays the viola in an orchestra" in state


def test_another_persons_name_stays_theirs() -> None:
    state = final(["Name is Tariq"], "Lucia teaches maths at a sixth-form college.")
    assert "Teaches maths at a sixth-form college" not in state


def test_a_remark_about_the_name_itself_is_not_about_the_user() -> None:
    state = final(["Name is Bartholomew"], "Bartholomew sounds so old-fashioned.")
    assert "Sounds so old-fashioned" not in state


@pytest.mark.parametrize(("content", "expected"), [
    ("I'm Tomasz, 41, and I live in Gdansk.", ["Name is Tomasz", "Is 41 years old",
                                               "Lives in Gdansk"]),
    ("Hello, I'm Roisin, pronouns she/her.", ["Name is Roisin", "Pronouns are she/her"]),
    ("I'm Dev, from Pune.", ["Name is Dev", "Is from Pune"]),
])
def test_an_introduction_with_more_after_the_name_splits(content: str,
                                                         expected: list[str]) -> None:
    assert user(content) == expected


@pytest.mark.parametrize(("content", "expected"), [
    ("I'm starting a pottery course in May and want tips on glazes.",
     ["Is starting a pottery course in May", "Wants tips on glazes"]),
    ("I'm moving to Lyon next spring and need a removal firm.",
     ["Is moving to Lyon next spring", "Needs a removal firm"]),
])
def test_a_second_verb_left_in_the_speakers_form_is_its_own_fact(
        content: str, expected: list[str]) -> None:
    assert user(content) == expected


@pytest.mark.parametrize("content", ["I'm a fan of rock and roll music.",
                                     "I'm into walking and hiking."])
def test_nouns_joined_by_and_stay_one_fact(content: str) -> None:
    assert len(user(content)) == 1

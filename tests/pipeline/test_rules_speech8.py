"""How people say things about themselves and others (#22): an adverb of frequency before a
subject-less verb, a remark with a question tag, "my X's called Y", and an introduction
with its age and pronouns after "<Name> here". Every sentence is written for this file;
none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_mechanisms import final, user


@pytest.mark.parametrize(("said", "fact"), [
    ("Usually takes the bus to the studio.", "Usually takes the bus to the studio"),
    ("Rarely drinks coffee after lunch.", "Rarely drinks coffee after lunch"),
    ("Often volunteers at the food bank on Fridays.", "Often volunteers at the food bank on Fridays"),
])
def test_a_subjectless_fact_after_an_adverb_of_frequency_is_kept(said: str, fact: str) -> None:
    assert user(said) == [fact]


@pytest.mark.parametrize("said", [
    "Lovely sunset tonight, isn't it.",
    "Busy on the roads today, wasn't it?",
    "Those clouds look heavy, don't they.",
])
def test_a_remark_with_a_question_tag_stores_nothing(said: str) -> None:
    assert user(said) == []


def test_a_tag_after_the_speakers_own_statement_does_not_hide_it() -> None:
    assert user("I'm the oldest in the choir, aren't I.") != []


def test_a_relation_whose_name_is_given_with_an_apostrophe_s() -> None:
    assert user("My flatmate's called Joon, he's a nurse.") == [
        "Has a flatmate named Joon", "Flatmate Joon is a nurse"]


def test_name_here_then_age_and_pronouns_are_three_facts() -> None:
    assert user("Tamsin here, 44, pronouns she/her.") == [
        "Name is Tamsin", "Is 44 years old", "Pronouns are she/her"]


@pytest.mark.parametrize(("said", "fact"), [
    ("Home is Falmouth these days.", "Lives in Falmouth"),
    ("Home's Perth now.", "Lives in Perth"),
])
def test_home_and_where_things_are_said_with_a_place_subject(said: str, fact: str) -> None:
    assert user(said) == [fact]


def test_home_is_where_the_heart_is_is_no_address() -> None:
    assert user("Home is where the heart is.") == []


def test_a_held_home_put_right_with_home_is_is_replaced() -> None:
    after = final(["Lives in Truro"], "Hang on, that's wrong: home is Falmouth, Truro is just "
                                      "where my office is.")
    assert "Lives in Falmouth" in after and "Lives in Truro" not in after


def test_having_a_food_of_animals_now_is_a_change_of_diet() -> None:
    after = final(["Is vegetarian", "Plays darts"], "I'm having chicken twice a week now.")
    assert "Is vegetarian" not in after and "Plays darts" in after


def test_a_consequence_with_a_bare_noun_subject_is_a_clause_of_its_own() -> None:
    assert user("We've got twin toddlers, so quiet is a thing of the past.") == ["Has twin toddlers"]


def test_she_will_after_a_named_person_is_about_her() -> None:
    assert user("My cousin Ria got into Oxford, she'll be reading law.") == [
        "Has a cousin named Ria", "Cousin Ria got into Oxford", "Cousin Ria will be reading law"]


@pytest.mark.parametrize("said", [
    "My back won't take it.",
    "I always drop it.",
    "My wrist just isn't having it.",
])
def test_a_remark_whose_only_object_is_it_or_them_stores_nothing(said: str) -> None:
    assert user(said) == []


def test_an_adverb_and_a_real_object_is_still_a_fact() -> None:
    assert user("I always take the stairs.") == ["Always takes the stairs"]

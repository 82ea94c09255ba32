"""Chat habits, continued: a lower-case sentence after a plain full stop, a passing mood
said without a subject, a verdict on a suggestion, and a next step told as a bare
participle after a comma (#22). Sentences written for this file; none is in an
evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._noise import is_noise
from engram.pipeline.rules._sentences import split_clauses
from engram.pipeline.rules._speech import own_text
from tests.pipeline.test_rules_mechanisms import final


@pytest.mark.parametrize(("text", "sentences"), [
    ("got a puppy lol. she chews everything",
     ["got a puppy.", "she chews everything"]),
    ("moved to york in may. loving it so far", ["moved to York in may.", "loving it so far"]),
])
def test_a_lower_case_sentence_after_a_full_stop_is_a_sentence_of_its_own(
        text: str, sentences: list[str]) -> None:
    assert own_text(text) == sentences


@pytest.mark.parametrize("text", [
    "my shift starts at 7 a.m. every weekday",
    "i paid approx. ninety quid for it",
    "the flat is on st. giles street",
    "my favourite film is alien. hmm actually aliens, the sequel",
])
def test_an_abbreviation_or_a_correction_opener_does_not_end_a_sentence(text: str) -> None:
    assert len(own_text(text)) == 1


@pytest.mark.parametrize("clause", ["bit nervous", "so excited", "knackered", "a little anxious",
                                    "pretty gutted"])
def test_a_passing_mood_without_a_subject_is_no_fact(clause: str) -> None:
    assert is_noise(clause)


@pytest.mark.parametrize("clause", ["nervous flyer", "excited about the new job",
                                    "a bit nervous of dogs since the bite"])
def test_a_mood_with_what_it_is_about_is_kept(clause: str) -> None:
    assert not is_noise(clause)


@pytest.mark.parametrize("clause", ["kayaking sounds scary", "that sounds expensive",
                                    "the night course sounds like a lot"])
def test_a_verdict_on_a_suggestion_is_no_fact(clause: str) -> None:
    assert is_noise(clause)


def test_a_next_step_after_a_comma_is_a_clause_of_its_own() -> None:
    assert split_clauses("left the bakery on friday, starting at a law firm in june") == [
        "left the bakery on friday", "I'm starting at a law firm in june"]
    assert split_clauses("sold the flat, moving to Galway next month") == [
        "sold the flat", "I'm moving to Galway next month"]


def test_a_participle_of_manner_stays_in_its_clause() -> None:
    assert split_clauses("I spent Sunday in the garden, starting with the roses") == [
        "I spent Sunday in the garden, starting with the roses"]


def test_a_lower_case_chat_message_yields_one_fact_a_sentence() -> None:
    state = final(["Drives to work"], "sold my car to a mate lol. cycling to work from now on")
    assert "Drives to work" not in state
    assert any(f.startswith("Sold their car") and "cycling" not in f for f in state)


@pytest.mark.parametrize(("content", "fact"), [
    ("me and Priya split up over the summer", "Split up with Priya over the summer"),
    ("dan and i broke up on friday", "Broke up with Dan on friday"),
    ("Priya and me are moving to Bath", "Is moving to Bath with Priya"),
    ("me and my cousin Ola run a food stall", "Runs a food stall with cousin Ola"),
])
def test_two_people_as_one_subject_said_as_chat_says_it(content: str, fact: str) -> None:
    assert fact in final([], content)


def test_a_plain_word_before_and_i_is_not_a_partner_when_it_is_not_first() -> None:
    assert not any("with" in f for f in final([], "Honestly the cat and dog hate each other"))


def test_a_negation_after_an_auxiliary_is_no_correction() -> None:
    assert not any(f.startswith("Meant") for f in final([], "My sister and I do not get along"))


def test_she_stays_who_she_was_when_her_sentence_names_someone_else() -> None:
    state = final([], "My uncle Pavel is a retired sailor. He lives with my cousin Irina in Gdansk.")
    assert "Uncle Pavel lives with their cousin Irina in Gdansk" in state


def test_literally_is_emphasis_between_a_frame_and_its_words() -> None:
    state = final([], "I'm Bartholomew but literally everyone calls me Barty")
    assert {"Name is Bartholomew", "Prefers to be called Barty"} <= set(state)


@pytest.mark.parametrize(("content", "facts"), [
    ("I'm a midwife who loves sea swimming", {"Is a midwife", "Loves sea swimming"}),
    ("My aunt Noor is a pharmacist who lives in Doha",
     {"Aunt Noor is a pharmacist", "Aunt Noor lives in Doha"}),
])
def test_a_role_and_what_its_holder_does_are_two_facts(content: str, facts: set[str]) -> None:
    assert facts <= set(final([], content))


def test_a_who_clause_of_someone_else_stays_whole() -> None:
    assert "Knows a plumber who works weekends" in final([], "I know a plumber who works weekends")


@pytest.mark.parametrize(("content", "fact"), [
    ("Ravi was diagnosed with coeliac disease last month",
     "Cousin Ravi was diagnosed with coeliac disease last month"),
    ("Ravi was just promoted to head of sales", "Cousin Ravi was just promoted to head of sales"),
])
def test_what_was_done_to_a_known_person_is_their_fact(content: str, fact: str) -> None:
    assert fact in final(["Has a cousin named Ravi"], content)


def test_how_a_known_person_felt_is_no_fact() -> None:
    assert final(["Has a cousin named Ravi"], "Ravi was thrilled with the result") == [
        "Has a cousin named Ravi"]


@pytest.mark.parametrize(("content", "fact"), [
    ("just found out im allergic to latex", "Is allergic to latex"),
    ("I found out that I'm anaemic", "Is anaemic"),
])
def test_news_of_oneself_found_out_is_the_news(content: str, fact: str) -> None:
    assert final([], content) == [fact]


def test_a_second_allergy_found_out_keeps_the_first() -> None:
    assert set(final(["Is allergic to peanuts"], "found out I'm allergic to wasps too")) == {
        "Is allergic to peanuts", "Is allergic to wasps"}


@pytest.mark.parametrize(("content", "fact"), [
    ("I'm starting nights in March, which means no more school runs", "Is starting nights in March"),
    ("We sold the caravan, which was a relief", "Sold the caravan"),
    ("I'm off dairy which explains the oat milk", "Is off dairy"),
])
def test_what_a_fact_means_or_how_it_felt_after_which_is_dropped(content: str, fact: str) -> None:
    assert final([], content) == [fact]


def test_which_that_tells_what_a_thing_is_stays() -> None:
    assert final([], "I drive a Leaf which is electric") == ["Drives a Leaf which is electric"]


def test_a_new_one_named_in_a_fragment_after_the_news_is_had() -> None:
    assert "Has a tabby named Biscuit" in final([], "We took in a stray! A tabby called Biscuit.")


@pytest.mark.parametrize(("content", "fact"), [
    ("Starting at the bakery on Monday - nervous but excited", "Is starting at the bakery on Monday"),
    ("We're selling the boat - gutted", "Is selling the boat"),
])
def test_how_it_feels_after_a_dash_is_dropped(content: str, fact: str) -> None:
    assert final([], content) == [fact]


def test_a_name_and_its_verb_after_a_dash_is_a_clause_of_its_own() -> None:
    assert split_clauses("I've left the choir - Sunday was my last service") == [
        "I've left the choir", "Sunday was my last service"]


def test_at_last_is_no_part_of_what_was_got() -> None:
    assert final([], "got a dishwasher at last") == ["Got a dishwasher"]
    assert final([], "we've got a dishwasher at long last!") == ["Has a dishwasher"]


@pytest.mark.parametrize("clause", ["I have no idea where my charger is",
                                    "no clue what the landlord wants"])
def test_not_knowing_where_a_thing_is_is_no_fact(clause: str) -> None:
    assert is_noise(clause)

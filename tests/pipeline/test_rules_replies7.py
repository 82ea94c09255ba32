"""Replies and asides read in full (#22): "none" to "any X?", a choice said in the plural
or after a shared verb, a second name after "but you can call me", an appositive name
after the relation, a subject-less "Been ...", and a person's own news passed on with
"she says she ...". Every sentence is written for this file; none is in an evaluation
set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._answers import answer_clause
from tests.pipeline.test_rules_mechanisms import texts, user


@pytest.mark.parametrize(("question", "reply", "expected"), [
    ("Happy to. Any pets I should plan around?", "nope, none", "I have no pets"),
    ("Any injuries?", "none at all", "I have no injuries"),
    ("Are you allergic to anything?", "no, nothing", "I'm not allergic to anything"),
])
def test_none_answers_an_any_question(question: str, reply: str, expected: str) -> None:
    assert answer_clause(question, reply) == expected


def test_none_to_a_question_with_no_blank_says_nothing() -> None:
    assert answer_clause("What did you have for lunch?", "nothing") is None


@pytest.mark.parametrize(("question", "reply", "expected"), [
    ("Do you prefer cycling in the morning or in the evening?", "evenings, definitely",
     "I prefer cycling in the evening"),
    ("Do you prefer cycling in the morning or in the evening?", "the first one",
     "I prefer cycling in the morning"),
    ("Would you rather sit by the window or by the aisle?", "aisle",
     "I'd rather sit by the aisle"),
])
def test_a_choice_keeps_the_verb_the_options_share(question: str, reply: str,
                                                   expected: str) -> None:
    assert answer_clause(question, reply) == expected


def test_a_reply_of_none_becomes_a_fact() -> None:
    facts = texts(("user", "Can you plan my week of meals?"),
                  ("assistant", "Sure! Any allergies I should know about?"), ("user", "nah, none"))
    assert "Has no allergies" in facts


@pytest.mark.parametrize(("content", "expected"), [
    ("Name's Gwendolyn, but you can just call me Gwen.",
     ["Name is Gwendolyn", "Prefers to be called Gwen"]),
    ("My name is Ines and I'm 30.", ["Name is Ines", "Is 30 years old"]),
])
def test_a_second_identity_fact_after_the_first_is_kept(content: str,
                                                        expected: list[str]) -> None:
    assert user(content) == expected


def test_a_name_set_off_by_commas_after_the_relation() -> None:
    assert user("My wife, Sofia, teaches chemistry at a college.") == [
        "Has a wife named Sofia", "Wife Sofia teaches chemistry at a college"]


def test_a_subjectless_been_is_a_has_been() -> None:
    assert user("Been learning Korean for about a year now.") == [
        "Has been learning Korean for about a year now"]


def test_her_own_news_passed_on_by_pronoun() -> None:
    facts = user("My daughter Zoe loves horses. She says she wants to be a vet.")
    assert "Daughter Zoe wants to be a vet" in facts


def test_what_she_says_of_someone_else_is_not_her_fact() -> None:
    facts = user("My daughter Zoe loves horses. She says he is a bully.")
    assert not any("bully" in f for f in facts)


@pytest.mark.parametrize(("content", "expected"), [
    ("I'm based in Leeds, well, Otley actually, just outside it.",
     ["Is based in Otley, just outside Leeds"]),
    ("I work in Leeds, sorry, Bradford.", ["Works in Bradford"]),
    ("My shift starts at 7, or rather 8.", ["Shift starts at 8"]),
])
def test_a_value_put_right_as_it_is_said_is_the_value(content: str, expected: list[str]) -> None:
    assert user(content) == expected


def test_well_before_a_common_phrase_corrects_nothing() -> None:
    assert user("I love Lisbon, well, most of it.") == ["Loves Lisbon, well, most of it"]


def test_a_reply_that_opens_by_correcting_is_no_answer_to_the_question() -> None:
    facts = texts(("user", "I'm planning to paint the kitchen yellow on Sunday."),
                  ("assistant", "Lovely! Do you need tips on brushes?"),
                  ("user", "Change of plan, we're going with a pale blue instead."))
    assert not any("tips" in f.lower() for f in facts)
    assert "Is going with a pale blue instead" in facts

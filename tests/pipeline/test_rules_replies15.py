"""Options asked after a comma, an aside after the question, a name asked for, a name
used by friends, clauses with their "I" left out, and a plan taken back by "well, we
were" (#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._answers import answer_clause
from engram.pipeline.rules._noise import is_noise
from tests.pipeline.test_rules_mechanisms import final


def test_options_after_a_comma_fill_the_questions_own_verb() -> None:
    assert final([], "oak", before="Which table did you go for, the oak or the pine?") == [
        "Went for the oak table"]


def test_each_option_keeps_its_own_verb() -> None:
    q = "Do you rent, or are you with a housing association?"
    assert answer_clause(q, "rent") == "I rent"
    assert answer_clause(q, "with a housing association") == "I'm with a housing association"


def test_an_aside_after_the_question_is_no_part_of_it() -> None:
    assert final([], "Osaka", before="Where did you grow up, if you don't mind me asking?") == [
        "Grew up in Osaka"]


def test_a_named_persons_news_after_how_is_she_doing() -> None:
    assert final(["Has a sister named Wren"], "She finally sold her first painting!",
                 before="How's Wren doing?") == [
        "Has a sister named Wren", "Sister Wren finally sold her first painting"]


@pytest.mark.parametrize("content", ["Could you call me Kit from now on?", "Can you use Kit instead?"])
def test_a_name_asked_for_is_the_name_to_use(content: str) -> None:
    assert final(["Prefers to be called Kat"], content) == ["Prefers to be called Kit"]


def test_a_request_that_is_no_name_is_still_a_question() -> None:
    assert final([], "Can you use a bigger font?") == []


@pytest.mark.parametrize("content", ["I'm Bartholomew but honestly just call me Bart",
                                     "I'm Bartholomew but you can call me Bart"])
def test_a_name_and_the_one_to_use_joined_by_but(content: str) -> None:
    assert final([], content) == ["Name is Bartholomew", "Prefers to be called Bart"]


def test_a_name_used_by_friends() -> None:
    assert "Is called Tolly by friends" in final([], "Name's Bartholomew, Tolly to my friends")


@pytest.mark.parametrize(("content", "facts"), [
    ("Originally from Cork, living in Bristol for work", ["Is originally from Cork",
                                                          "Is living in Bristol for work"]),
    ("Swimming twice a week, just got my 1k badge", ["Is swimming twice a week", "Got their 1k badge"]),
    ("I don't smoke anymore, been clean since March", ["No longer smokes",
                                                      "Has been clean since March"]),
])
def test_clauses_with_their_i_left_out(content: str, facts: list[str]) -> None:
    assert final([], content) == facts


@pytest.mark.parametrize("clause", ["I'll see what the market has", "I misheard the date",
                                    "must have mistyped it"])
def test_undecided_or_a_slip_owned_up_to_is_no_fact(clause: str) -> None:
    assert is_noise(clause)


def test_a_plan_taken_back_by_well_we_were() -> None:
    assert final(["Lives in Derby"], "We're moving to Hull in May. Well, we were. "
                 "The sale fell through.") == ["Lives in Derby", "Sale fell through"]


@pytest.mark.parametrize(("content", "facts"), [
    ("my cousin tam moved to oban, shes doing marine biology",
     ["Has a cousin named Tam", "Cousin Tam moved to Oban", "Cousin Tam is doing marine biology"]),
    ("i didnt eat meat as a kid", ["Did not eat meat as a kid"]),
])
def test_chat_without_apostrophes(content: str, facts: list[str]) -> None:
    assert final([], content) == facts


def test_an_age_then_the_next_one_coming() -> None:
    assert final([], "im 15 but turning sixteen in may") == ["Is 15 years old"]
    assert final([], "29 next week", before="How old are you?") == ["Is turning 29 next week"]


@pytest.mark.parametrize(("reply", "facts"), [
    ("nah, sober", ["Does not drink", "Is sober"]),
    ("nope teetotal", ["Does not drink", "Is teetotal"]),
])
def test_a_no_with_what_one_is_instead(reply: str, facts: list[str]) -> None:
    assert final([], reply, before="Do you drink at all?") == facts


def test_a_verdict_on_a_persons_plan_after_which_is_dropped() -> None:
    assert "Brother Jon is training for an ultra" in final(
        [], "my brother jon is training for an ultra which is honestly insane")


def test_how_much_is_no_part_of_what_is_asked() -> None:
    assert final([], "most weekends", before="Do you swim much?") == ["Swims most weekends"]


def test_a_used_to_reply_is_the_statement() -> None:
    assert final([], "used to play the cello, not anymore",
                 before="Do you play any instruments?") == ["Used to play the cello"]


@pytest.mark.parametrize(("question", "reply", "facts"), [
    ("How old are you?", "forty-four", ["Is 44 years old"]),
    ("Do you have any children?", "one on the way!", ["Is expecting a baby"]),
    ("Are you married?", "divorced, two years now", ["Is divorced"]),
])
def test_a_reply_that_says_what_one_is(question: str, reply: str, facts: list[str]) -> None:
    assert final([], reply, before=question)[:len(facts)] == facts


def test_a_hedge_on_how_often_is_no_condition() -> None:
    assert final([], "twice a week if I'm lucky", before="How often do you go climbing?") == [
        "Goes climbing twice a week"]
    assert final([], "I'll come if I can") == []

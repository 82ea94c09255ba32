"""Replies with their own verb, a name given as "X is fine", a headline before the news,
and a clause about a relative's thing after a comma (#22). Sentences written for this
file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._noise import is_noise
from engram.pipeline.rules._sentences import split_clauses
from tests.pipeline.test_rules_mechanisms import final


@pytest.mark.parametrize(("question", "reply", "fact"), [
    ("Which tent did you end up buying, the Vango or the MSR?", "went with the vango in the end",
     "Went with the vango in the end"),
    ("What did you decide about the course?", "signed up for the evening one",
     "Signed up for the evening one"),
])
def test_a_reply_with_its_own_past_verb_is_the_statement(question: str, reply: str,
                                                         fact: str) -> None:
    assert final([], reply, before=question) == [fact]


@pytest.mark.parametrize("reply", ["Lou is fine", "Lou please", "Lou works"])
def test_a_name_offered_as_fine_is_what_to_be_called(reply: str) -> None:
    assert final([], reply, before="What name would you like me to use when I call you?") == [
        "Prefers to be called Lou"]


@pytest.mark.parametrize("clause", ["Bad news on the house front", "Some good news",
                                    "Exciting news about work", "big news"])
def test_a_headline_before_the_news_is_no_fact(clause: str) -> None:
    assert is_noise(clause)


def test_a_headline_with_a_verb_is_kept() -> None:
    assert not is_noise("Good news travels fast in our village")


def test_a_relatives_thing_after_a_comma_is_a_clause_of_its_own() -> None:
    assert split_clauses("We cancelled Rome, my husband's boss won't sign off the leave") == [
        "We cancelled Rome", "my husband's boss won't sign off the leave"]


def test_a_cleft_of_two_words_is_read() -> None:
    assert final([], "it's pine nuts I'm allergic to") == ["Is allergic to pine nuts"]


@pytest.mark.parametrize("clause", ["I should have been clearer", "I wasn't very clear",
                                    "should've mentioned that"])
def test_an_apology_for_how_it_was_said_is_no_fact(clause: str) -> None:
    assert is_noise(clause)


def test_a_cleft_after_an_apology_corrects_what_is_held() -> None:
    assert final(["Is allergic to kiwi"],
                 "Oops, I wasn't clear - it's pine nuts I'm allergic to. Kiwi is fine.") == [
        "Is allergic to pine nuts"]

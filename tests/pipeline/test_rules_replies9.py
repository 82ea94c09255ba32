"""A no that goes on to say something else (#22): "do you drive?" - "no, I cycle
everywhere" is a denial and a statement, and "still in Porto?" - "not anymore, Lisbon
now" ends one value and gives the next. Every sentence is written for this file; none is
in an evaluation set. Not yet read: "no, I have a dog though" to "do you have kids?"
keeps the dog and loses the denial (the reconciler takes "Does not have kids" beside
"Has a dog" for a correction of one by the other), and a gerund after "not anymore" ("do
you still swim?" - "not really, rowing mostly" only ends the swimming)."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._answers import answer_clause


@pytest.mark.parametrize(("question", "reply", "expected"), [
    ("Do you drive?", "No, I take the tram everywhere.",
     "I don't drive; I take the tram everywhere"),
    ("Are you still at the bakery?", "No, I'm at a bookshop now.",
     "I'm no longer at the bakery; I'm at a bookshop now"),
])
def test_a_no_then_a_statement_keeps_both(question: str, reply: str, expected: str) -> None:
    assert answer_clause(question, reply) == expected


def test_a_yes_then_a_statement_lets_the_statement_speak() -> None:
    assert answer_clause("Are you vegetarian?", "Yes, I'm vegan actually.") is None


@pytest.mark.parametrize(("question", "reply", "expected"), [
    ("Do you still live in Ghent?", "Not anymore, Antwerp now.",
     "I don't live in Ghent anymore; I live in Antwerp now"),
    ("Are you still with Vodafone?", "Not anymore, Three now.",
     "I'm no longer with Vodafone; I'm with Three now"),
])
def test_not_anymore_then_a_value_ends_one_and_gives_the_next(question: str, reply: str,
                                                              expected: str) -> None:
    assert answer_clause(question, reply) == expected


def test_not_anymore_alone_only_ends_it() -> None:
    assert answer_clause("Do you still live in Ghent?", "Not anymore.") \
        == "I don't live in Ghent anymore"
    # an activity in the verb's place is not put there ("I rowing")
    assert answer_clause("Do you still swim?", "Not really, rowing mostly.") \
        == "I don't swim anymore"


@pytest.mark.parametrize("reply", ["Yes, I have.", "No, I have not."])
def test_a_short_confirmation_stays_one(reply: str) -> None:
    said = answer_clause("Have you been to Oslo?", reply)
    assert said is not None and ";" not in said


@pytest.mark.parametrize(("question", "reply", "expected"), [
    ("Are you an early bird or a night owl?", "Early bird, always.", "I'm an early bird"),
    ("Are you a cat person or a dog person?", "Definitely a cat person.", "I'm a cat person"),
])
def test_one_of_two_kinds_asked_of_the_user_is_what_they_are(question: str, reply: str,
                                                              expected: str) -> None:
    assert answer_clause(question, reply) == expected


def test_neither_kind_is_no_pick() -> None:
    assert answer_clause("Are you a cat person or a dog person?", "Neither, honestly.") is None


@pytest.mark.parametrize(("reply", "expected"), [
    ("Four, all girls.", "I have four grandchildren"),
    ("Two, both at uni.", "I have two grandchildren"),
])
def test_a_count_with_a_describing_tail_fills_the_blank(reply: str, expected: str) -> None:
    assert answer_clause("How many grandchildren do you have?", reply) == expected

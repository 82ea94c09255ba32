"""Short replies read against the assistant's turn (#22): an option picked by time ("the
later one") from a list offered before a "which" question, an option named in a verdict
("Fridays suit me best"), and a yes to an offer to keep doing something. Every sentence
is written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._answers import answer_clause


@pytest.mark.parametrize(("reply", "expected"), [
    ("The earlier one.", "I prefer 8:15 ferry"),
    ("the later one", "I prefer 11:40 ferry"),
])
def test_an_option_picked_by_time_from_a_list_given_before_which(reply: str,
                                                                 expected: str) -> None:
    question = "There's an 8:15 ferry and an 11:40 ferry. Which one works for you?"
    assert answer_clause(question, reply) == expected


def test_an_option_named_in_a_verdict_is_picked() -> None:
    got = answer_clause("Would you rather train on Tuesdays or on Fridays?",
                        "Fridays suit me best.")
    assert got == "I'd rather train on Fridays"


def test_a_verdict_on_no_offered_option_is_no_pick() -> None:
    assert answer_clause("Would you rather train on Tuesdays or on Fridays?",
                         "Honestly the weather is better.") is None


@pytest.mark.parametrize(("reply", "expected"), [
    ("Yes please!", "I want the assistant to keep sending weekly meal plans"),
    ("No thanks.", "I do not want the assistant to keep sending weekly meal plans"),
])
def test_an_offer_to_keep_doing_something_gives_a_standing_wish(reply: str,
                                                                expected: str) -> None:
    assert answer_clause("Should I keep sending weekly meal plans?", reply) == expected

"""Short replies read against the question they answer: a field named for a job, a yes
with its object, a habit that ended, a hedged yes, a choice with a detail after it
(issue #22). Every exchange is written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_round3 import conversation


@pytest.mark.parametrize(("question", "reply", "state"), [
    # a field is worked in, a role worked as, a status is what someone is
    ("What do you do for work?", "logistics, mostly night planning",
     ["Works in logistics", "Mostly works night planning"]),
    ("What do you do for a living?", "plumber", ["Works as a plumber"]),
    ("What do you do?", "retired", ["Is retired"]),
    # a yes to a question with no object of its own takes the reply's thing
    ("Do you cycle?", "yep, a battered Raleigh", ["Cycles a battered Raleigh"]),
    # a habit asked about that has ended
    ("Do you smoke?", "gave up in 2019", ["Gave up smoking in 2019"]),
    ("Do you still play the trombone?", "stopped after school",
     ["Stopped playing the trombone after school"]),
    # a hedged yes, then what qualifies it
    ("Are you vegan?", "mostly, I have honey sometimes",
     ["Is mostly vegan", "Has honey sometimes"]),
    # the option chosen, then a detail after a comma
    ("Window or aisle seats?", "aisle, for the legroom", ["Prefers aisle seats, for the legroom"]),
])
def test_a_short_reply_is_read_against_its_question(question: str, reply: str,
                                                    state: list[str]) -> None:
    assert conversation(("assistant", question), ("user", reply)) == state


@pytest.mark.parametrize(("question", "reply"), [
    ("Do you smoke?", "only at weddings"),
    ("Are you vegan?", "mostly Mondays"),
])
def test_a_reply_that_is_no_ending_or_hedge_is_not_read_as_one(question: str, reply: str) -> None:
    state = conversation(("assistant", question), ("user", reply))
    assert not any(f.startswith(("Gave up", "Quit", "Stopped", "Is mostly")) for f in state)


@pytest.mark.parametrize(("question", "reply", "state"), [
    # how a thing is had
    ("How do you like your tea?", "strong, splash of milk", ["Likes their tea strong, splash of milk"]),
    # where from, answered with where born and raised
    ("Where are you from?", "born in Nairobi, raised in Cardiff",
     ["Was born in Nairobi", "Is raised in Cardiff"]),
    # "any" with two words asked short
    ("Any food allergies?", "sesame", ["Is allergic to sesame"]),
    # "are you" left out of the question
    ("Still at the garage?", "yes but only three days a week",
     ["Is still at the garage, but only three days a week"]),
])
def test_more_short_replies_are_read(question: str, reply: str, state: list[str]) -> None:
    assert conversation(("assistant", question), ("user", reply)) == state


def test_not_yet_to_a_have_you_question_is_a_no() -> None:
    state = conversation(("assistant", "Have you tried kombucha? Lots of people like it."),
                         ("user", "Not yet."))
    assert state == ["Has not tried kombucha"]


@pytest.mark.parametrize(("said", "state"), [
    ("I was going to sell my bike but I changed my mind.", ["Decided not to sell their bike"]),
    ("We were thinking of moving to Leeds, decided against it.",
     ["Decided not to move to Leeds"]),
])
def test_a_plan_taken_back_is_one_fact(said: str, state: list[str]) -> None:
    assert conversation(("user", said)) == state

"""How one gets to work, said without "to work" ("I cycle in every day now", "I work from
home full time now"); a trade learnt anew ("Retrained as a joiner"); a partner named in
"been seeing X for a month"; and a reason said first without a comma ("Now that it's
winter I'm taking the bus") (#22). Every sentence is written for this file; none is in an
evaluation set. Also: one phone or one way in said plainly replaces the old, a place said
first ("Arup is where I work", "Norwich is home"), a job said in progress. Not yet read: a
job said as "Is at Monzo these days", "Is a nurse" after "Works as a teacher"."""

from __future__ import annotations

from typing import Any

import pytest

from engram.pipeline.rules._topics import topics
from tests.pipeline.test_rules_nearest import replaces, state


@pytest.mark.parametrize("fact", ["Cycles in every day now", "Scooters in most days",
                                  "Works from home full time now"])
def test_going_in_or_staying_home_is_the_commute(fact: str) -> None:
    assert "commute" in topics(fact)


@pytest.mark.parametrize("fact", ["Cycles in the park on Sundays", "Drives in Leeds",
                                  "Walks in the Peak District"])
def test_going_in_somewhere_named_is_no_commute(fact: str) -> None:
    assert "commute" not in topics(fact)


@pytest.mark.parametrize(("held", "message"), [
    ("Takes the train to work", "I cycle in every day now."),
    ("Drives to work", "I work from home full time now."),
    ("Works as a sales rep", "I retrained as a joiner last year."),
    ("Is single", "I've been seeing Priti for a couple of months."),
])
def test_the_new_one_replaces_the_old(shared_minilm: Any, held: str, message: str) -> None:
    assert replaces(shared_minilm, held, message)


def test_seeing_a_place_is_no_partner(shared_minilm: Any) -> None:
    assert "Is single" in state(shared_minilm, ["Is single"], "I'm seeing Paris for the first time in May.")


@pytest.mark.parametrize(("message", "fact"), [
    ("Now that the evenings are dark I'm taking the bus.", "Is taking the bus"),
    ("Because I moved I cycle to work.", "Cycles to work"),
])
def test_a_reason_said_first_leaves_the_users_clause(shared_minilm: Any, message: str,
                                                    fact: str) -> None:
    assert state(shared_minilm, [], message) == [fact]


@pytest.mark.parametrize(("held", "message"), [
    ("Uses an Android phone", "I use an iPhone 15."),
    ("Takes the tram to work", "I walk to work."),
])
def test_one_phone_or_way_in_said_plainly_replaces_the_old(shared_minilm: Any, held: str,
                                                          message: str) -> None:
    assert replaces(shared_minilm, held, message)


@pytest.mark.parametrize("message", [
    "I took the bus today because of the rain.",   # one journey, told in the past
    "I'm getting the bus this week while my bike is fixed.",  # under way for now
])
def test_a_journey_is_no_new_commute(shared_minilm: Any, message: str) -> None:
    assert "Cycles to work" in state(shared_minilm, ["Cycles to work"], message)


@pytest.mark.parametrize(("message", "fact"), [
    ("Arup is where I work.", "Works at Arup"),
    ("Derby is where we live now.", "Lives in Derby now"),
    ("Norwich is home.", "Lives in Norwich"),
])
def test_a_place_said_first_is_the_users(shared_minilm: Any, message: str, fact: str) -> None:
    assert state(shared_minilm, [], message) == [fact]


@pytest.mark.parametrize("message", ["Home is where I work.", "Norwich is home to a cathedral."])
def test_a_word_or_a_fact_about_the_place_is_no_home(shared_minilm: Any, message: str) -> None:
    assert not any(f.startswith(("Lives in", "Works at")) for f in state(shared_minilm, [], message))


def test_working_somewhere_said_in_progress_is_the_job(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Works at Halfords", "Likes crosswords"], "I'm working at Argos.")
    assert "Works at Halfords" not in after

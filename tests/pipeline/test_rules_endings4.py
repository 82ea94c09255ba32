"""Endings with the thing named in the middle ("Had to put Biscuit to sleep", "Got my
retainer out", "Handed the choir over to Ruth", "Cut sugar out"), a habit come off,
an injury healed, a sport over "for me", a job search settled by an offer from a named
firm, and an aside to the listener that is no fact ("..., don't ask"). Sentences
written for this file; none is in an eval set. Not yet read: a recovery said with
"is fine" alone ("My ankle is fine now" leaves "Has a sprained ankle"), a clause joined
by "so" without a comma, and a football club changed for another."""

from __future__ import annotations

from typing import Any

import pytest

from engram.pipeline.rules._slots import is_ending
from tests.pipeline.test_rules_nearest import replaces, state


@pytest.mark.parametrize(("held", "message"), [
    ("Has a hamster called Biscuit", "We had to put Biscuit to sleep on Monday."),
    ("Has an old greyhound named Dot", "Had to put Dot down in the spring."),
    ("Wears a retainer", "Got my retainer out last week, teeth look great."),
    ("Runs the church choir", "I handed the choir over to Ruth in September."),
    ("Eats a lot of sugar", "I've cut sugar out since January."),
    ("Takes sleeping pills", "I've come off the sleeping pills."),
    ("Has a torn ligament in the knee", "The knee ligament has fully healed."),
    ("Plays five-a-side on Wednesdays", "Five-a-side is over for me, my back can't take it."),
])
def test_the_ending_replaces_the_memory(shared_minilm: Any, held: str, message: str) -> None:
    assert replaces(shared_minilm, held, message)


@pytest.mark.parametrize("fact", [
    "Got the day off on Friday",            # a holiday, nobody's thing taken off
    "Cut the coupons out of the paper",     # out of something: a chore
    "Is over for dinner at their sister's",  # came round
    "Handed out flyers at the station",
    "Put the kettle on",
])
def test_a_near_miss_ends_nothing(fact: str) -> None:
    assert not is_ending(fact)


def test_an_offer_from_a_named_firm_settles_the_search_but_ends_no_job(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Is looking for a job", "Likes crosswords"],
                  "I accepted an offer from Arup.")
    assert "Is looking for a job" not in after and "Likes crosswords" in after
    # an offer is no job held: the one the user has stays
    after = state(shared_minilm, ["Works at Halfords", "Likes crosswords"],
                  "I got an offer from Arup but I turned it down.")
    assert "Works at Halfords" in after
    # someone else's offer leaves the user's search
    after = state(shared_minilm, ["Is looking for a job"], "Dad got an offer from Arup.")
    assert "Is looking for a job" in after


def test_an_aside_to_the_listener_is_no_fact(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Likes crosswords"], "I've taken up knitting, don't laugh.")
    assert not any("laugh" in f.lower() for f in after)
    assert any("knitting" in f.lower() for f in after)

"""A couple that called it a day, a band's last gig, a plan on the back burner, and time
away from work ended by the return (#22); and "..., flights and all" read as one thing
booked. Every sentence is written for this file; none is in an evaluation set. Not yet
read: a return said with a verdict after a comma ("Back at work since Monday, it's been
a shock" keeps the verdict in the fact), a viva that ends a PhD, a demonym that gives a
home ("We're Mancunians now")."""

from __future__ import annotations

from typing import Any

import pytest

from engram.pipeline.rules._slots import is_ending
from tests.pipeline.test_rules_nearest import replaces, state


@pytest.mark.parametrize(("held", "message"), [
    ("Has a girlfriend named Lotte", "Lotte and I called it a day in October."),
    ("Sings in a choir called The Larks", "The Larks gave their last concert at Christmas."),
    ("Is learning the banjo", "I've put the banjo on the back burner for now."),
])
def test_the_ending_replaces_the_memory(shared_minilm: Any, held: str, message: str) -> None:
    assert replaces(shared_minilm, held, message)


@pytest.mark.parametrize("fact", [
    "Called it a night early",
    "Saw the band's last gig of the tour",
    "Is the last match of the season on Saturday",
])
def test_a_near_miss_ends_nothing(fact: str) -> None:
    assert not is_ending(fact)


@pytest.mark.parametrize(("held", "message"), [
    ("Is on paternity leave", "I went back to work on Monday."),
    ("Is off sick", "Back at work today, feeling much better."),
    ("Is on a career break", "I've returned to work at the council."),
])
def test_the_return_ends_time_away(shared_minilm: Any, held: str, message: str) -> None:
    assert replaces(shared_minilm, held, message)


@pytest.mark.parametrize("message", [
    "Back in the office from next Monday.",   # still to come
    "My husband is back at work already.",    # someone else's return
])
def test_a_return_to_come_or_of_someone_else_leaves_it(shared_minilm: Any, message: str) -> None:
    assert "Is on paternity leave" in state(shared_minilm, ["Is on paternity leave"], message)


def test_and_all_is_no_list_of_things(shared_minilm: Any) -> None:
    after = state(shared_minilm, [], "Lisbon is booked for April, hotel and all.")
    assert not any(f.endswith(("for hotel", "for all")) for f in after)
    assert any("Lisbon" in f and "April" in f for f in after)


@pytest.mark.parametrize(("held", "message"), [
    ("Runs a vintage clothes stall", "I shut down the stall in the summer."),
    ("Has a YouTube channel about birds", "Closed down my channel, no time for it."),
])
def test_a_venture_wound_up_ends_it(shared_minilm: Any, held: str, message: str) -> None:
    assert replaces(shared_minilm, held, message)


@pytest.mark.parametrize("fact", ["Shut down the laptop before bed", "Closed up the garage for winter"])
def test_a_thing_switched_off_or_shut_ends_nothing(fact: str) -> None:
    assert not is_ending(fact)

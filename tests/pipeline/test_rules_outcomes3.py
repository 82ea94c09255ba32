"""Waits and states that an outcome ends (#22): a pregnancy ends trying for a baby, an
animal brought home ends a waiting list, an operation that went well ends the wait for
it, an abstinence counted by day ends a habit, ", no more flatmates" ends living with
them, and a place bought is a home. Every sentence is written for this file; none is in
an evaluation set. Not yet read: a purchase collected by its model name ("Picked up the
new Golf" after "Is looking for a new car": "golf" is a sport to the topic lexicon),
"it" after a comma ("The Corsa failed its MOT so we scrapped it")."""

from __future__ import annotations

from typing import Any

import pytest

from tests.pipeline.test_rules_nearest import replaces, state


@pytest.mark.parametrize(("held", "message"), [
    ("Is trying for a baby", "We're expecting twins in the autumn!"),
    ("Is on a waiting list for a cat", "We brought our kitten home on Saturday."),
    ("Is waiting for a hip replacement", "The hip replacement went well, I'm walking already."),
    ("Vapes", "Day 12 with no vape."),
    ("Lives with two flatmates", "Got a studio to myself at last, no more flatmates."),
    ("Rents a room in Hackney", "We bought our own place in Walthamstow."),
])
def test_the_outcome_ends_what_waited_for_it(shared_minilm: Any, held: str, message: str) -> None:
    assert replaces(shared_minilm, held, message)


@pytest.mark.parametrize(("held", "message"), [
    ("Is trying for a baby", "My sister is expecting in May."),           # someone else's
    ("Is on a waiting list for a cat", "We brought the shopping home."),   # no cat
    ("Lives in Hackney", "We had dinner at our place last night."),        # no purchase
])
def test_a_near_miss_ends_nothing(shared_minilm: Any, held: str, message: str) -> None:
    assert held in state(shared_minilm, [held], message)

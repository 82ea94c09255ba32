"""Changes said in passing: bumped to a grade, studies "done", a thing bid goodbye, a
couple that "split", a diet broken by "started having", who one lives with (#22).
Sentences written for this file; none is in an evaluation set. The MiniLM reconciler
is the one Memory wires."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("message", "held"), [
    ("Got bumped to senior nurse, new badge and all!", "Works as a staff nurse"),
    ("Submitted my thesis and that's college done for good", "Is a student at Trinity College"),
    ("Company car arrived today, goodbye Corsa!", "Drives a Vauxhall Corsa"),
    ("Priya and I split last month", "Has a girlfriend named Priya"),
    ("Started having fish again, my iron was low", "Is vegetarian"),
    ("Living on my own now, bliss", "Lives with flatmates"),
])
def test_the_held_state_goes(minilm_after, message: str, held: str) -> None:  # type: ignore[no-untyped-def]
    assert held not in minilm_after(message, held)


def test_what_came_with_it_is_no_fact(minilm_after) -> None:  # type: ignore[no-untyped-def]
    assert not any(f.endswith(("badge", "new badge")) for f in minilm_after("Got bumped to senior nurse, new badge and all!"))


def test_split_the_bill_is_no_break_up(minilm_after) -> None:  # type: ignore[no-untyped-def]
    assert "Has a girlfriend named Priya" in minilm_after("Priya and I split the bill", "Has a girlfriend named Priya")


@pytest.mark.parametrize(("message", "held", "now"), [
    ("Second night in the new Cardiff flat, still no curtains", "Lives in Swansea", "Lives in Cardiff"),
    ("Two weeks into the new job at Ocado and loving it", "Works at Tesco", "Works at Ocado"),
    ("I've retrained as a plumber", "Works as a barista", None),
    ("Our Dublin days are over, hello Galway!", "Lives in Dublin", "Lives in Galway"),
])
def test_a_new_home_or_job_said_in_passing(minilm_after, message: str, held: str, now: str | None) -> None:  # type: ignore[no-untyped-def]
    state = minilm_after(message, held)
    assert held not in state and (now is None or now in state)

"""Endings said the way people say them: a pet's death by the rainbow bridge, a plan
off for the year, an abstinence counted by its day, a couple's time together ending
"single", a birth told of "the baby" (#22). Sentences written for this file; none is in
an evaluation set. The MiniLM reconciler is the one Memory wires."""

from __future__ import annotations

import pytest


def test_a_pet_over_the_rainbow_bridge_died(minilm_after) -> None:  # type: ignore[no-untyped-def]
    state = minilm_after("Biscuit crossed the rainbow bridge on Sunday, 16 good years",
                  "Has a rabbit named Biscuit", "Lives in Truro")
    assert state[0] == "Lives in Truro" and state[1].startswith("Rabbit Biscuit died on Sunday")


def test_a_plan_off_for_the_season_ends_the_training(minilm_after) -> None:  # type: ignore[no-untyped-def]
    state = minilm_after("Broke my wrist so the triathlon is off for this season",
                  "Is training for a triathlon")
    assert "Is training for a triathlon" not in state


@pytest.mark.parametrize(("message", "held"), [
    ("Day 19 vape-free!", "Vapes"),
    ("day 60 sober today", "Drinks most weekends"),
])
def test_a_day_counted_without_the_habit_ends_it(minilm_after, message: str, held: str) -> None:  # type: ignore[no-untyped-def]
    assert held not in minilm_after(message, held)


def test_time_together_ends_single(minilm_after) -> None:  # type: ignore[no-untyped-def]
    assert "Is single" not in minilm_after("Kofi and I have been together four months now", "Is single")


def test_a_team_together_for_years_leaves_single(minilm_after) -> None:  # type: ignore[no-untyped-def]
    assert "Is single" in minilm_after("Our book club has been together since 2015", "Is single")


def test_the_baby_arriving_is_no_baby_named_baby(minilm_after) -> None:  # type: ignore[no-untyped-def]
    state = minilm_after("The baby arrived on Friday night!", "Is pregnant")
    assert "Is pregnant" not in state and not any("named Baby" in f for f in state)

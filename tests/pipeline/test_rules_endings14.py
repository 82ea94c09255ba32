"""Endings said the way people say them: a pet's death by the rainbow bridge, a plan
off for the year, an abstinence counted by its day, a couple's time together ending
"single", a birth told of "the baby" (#22). Sentences written for this file; none is in
an evaluation set. The MiniLM reconciler is the one Memory wires."""

from __future__ import annotations

import pytest

from tests.pipeline._state import minilm_reconciler, state_after


@pytest.fixture(scope="module")
def after(shared_minilm):  # type: ignore[no-untyped-def]
    rec = minilm_reconciler(shared_minilm)

    def run(message: str, *held: str) -> list[str]:
        return state_after([("user", message)], list(held), rec)
    return run


def test_a_pet_over_the_rainbow_bridge_died(after) -> None:  # type: ignore[no-untyped-def]
    state = after("Biscuit crossed the rainbow bridge on Sunday, 16 good years",
                  "Has a rabbit named Biscuit", "Lives in Truro")
    assert state[0] == "Lives in Truro" and state[1].startswith("Rabbit Biscuit died on Sunday")


def test_a_plan_off_for_the_season_ends_the_training(after) -> None:  # type: ignore[no-untyped-def]
    state = after("Broke my wrist so the triathlon is off for this season",
                  "Is training for a triathlon")
    assert "Is training for a triathlon" not in state


@pytest.mark.parametrize(("message", "held"), [
    ("Day 19 vape-free!", "Vapes"),
    ("day 60 sober today", "Drinks most weekends"),
])
def test_a_day_counted_without_the_habit_ends_it(after, message: str, held: str) -> None:  # type: ignore[no-untyped-def]
    assert held not in after(message, held)


def test_time_together_ends_single(after) -> None:  # type: ignore[no-untyped-def]
    assert "Is single" not in after("Kofi and I have been together four months now", "Is single")


def test_a_team_together_for_years_leaves_single(after) -> None:  # type: ignore[no-untyped-def]
    assert "Is single" in after("Our book club has been together since 2015", "Is single")


def test_the_baby_arriving_is_no_baby_named_baby(after) -> None:  # type: ignore[no-untyped-def]
    state = after("The baby arrived on Friday night!", "Is pregnant")
    assert "Is pregnant" not in state and not any("named Baby" in f for f in state)

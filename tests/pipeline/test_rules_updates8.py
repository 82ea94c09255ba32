"""Implicit updates found by what the new fact is about (#22): work under way that a
completion ends, and a role named after "as" that is the job, not a reason. Every
sentence is written for this file; none is in an evaluation set."""

from __future__ import annotations

from typing import Any

import pytest

from tests.pipeline._state import minilm_reconciler, state_after
from tests.pipeline.test_rules_mechanisms import final

HELD = ["Is building a wooden canoe in the garage", "Likes crosswords"]


@pytest.mark.parametrize("message", [
    "Finished the canoe on Saturday, it floats!",
    "I finally completed my canoe last weekend.",
])
def test_a_completion_ends_the_work_under_way(message: str) -> None:
    after = final(HELD, message)
    assert HELD[0] not in after and "Likes crosswords" in after


@pytest.mark.parametrize("message", [
    "Finished a jigsaw on Saturday.",  # another thing
    "Watched a canoe race on Saturday.",  # no completion
    "My brother finished his canoe on Saturday.",  # someone else's
])
def test_what_is_not_a_completion_of_the_held_work_leaves_it(message: str) -> None:
    assert HELD[0] in final(HELD, message)


def test_a_new_job_named_after_as_replaces_the_old_one() -> None:
    after = final(["Teaches history at Oakfield School"],
                  "Started my new job as head of history at a college in Derby this week.")
    assert "Teaches history at Oakfield School" not in after


def test_a_swap_naming_both_values_keeps_the_held_frame_with_the_new_one() -> None:
    after = final(["Daughter Mina plays the clarinet", "Likes crosswords"],
                  "Mina has swapped the clarinet for the saxophone.")
    assert "Daughter Mina plays the saxophone" in after
    assert "Daughter Mina plays the clarinet" not in after


def test_an_arrangement_imposed_from_next_month_replaces_the_held_one() -> None:
    after = final(["Works from home every day", "Likes crosswords"],
                  "My boss is making us work from the office on Mondays from next month.")
    assert "Works from home every day" not in after and "Likes crosswords" in after
    assert any(f.startswith("Has to work from the office on Mondays") for f in after)


def test_from_next_month_alone_replaces_nothing_of_another_kind() -> None:
    after = final(["Lives in Hull", "Plays the oboe"], "I'm joining a book club from next month.")
    assert "Lives in Hull" in after and "Plays the oboe" in after


@pytest.mark.parametrize("message", [
    "I'm joining a book club from next month.",
    "From next month I'm volunteering at the animal shelter on Saturdays.",
])
def test_a_new_thing_from_next_month_keeps_what_is_held_with_the_embedding(
        message: str, shared_minilm: Any) -> None:
    held = ["Lives in Hull", "Plays the oboe", "Works as a pharmacist"]
    after = state_after([("user", message)], held, minilm_reconciler(shared_minilm))
    assert set(held) <= set(after)


def test_an_exception_keeps_the_statement_and_denies_the_other_object() -> None:
    assert final([], "I drink wine, just not rosé.") == ["Drinks wine", "Does not drink rosé"]


def test_a_denial_narrowed_replaces_the_broader_one() -> None:
    after = final(["Doesn't watch TV"], "Well, I do watch documentaries, just not reality TV.")
    assert sorted(after) == ["Does not watch reality TV", "Watches documentaries"]


def test_said_no_with_a_thing_after_it_is_words_said() -> None:
    assert all(not f.startswith("Said no") for f in final([], "I said no sugar, but I do take honey."))


def test_the_partner_an_action_was_done_with_is_not_replaced() -> None:
    after = final([], "My wife Oona and I just bought a narrowboat called Heron.")
    assert "Has a wife named Oona" in after

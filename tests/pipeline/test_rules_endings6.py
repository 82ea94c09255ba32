"""An ending said with "had to" ("We've had to scrap Rome"), and a thing's news said
with "'s been" ("the gig's been moved"), even after a clause of its own (#22). Sentences
written for this file; none is in an evaluation set."""

from __future__ import annotations

from typing import Any

import pytest

from engram.pipeline.rules._contracted import uncontracted
from engram.pipeline.rules._idioms import plain_change
from engram.pipeline.rules._sentences import split_clauses
from tests.pipeline.test_rules_nearest import replaces, state


@pytest.mark.parametrize(("fact", "plain"), [
    ("Had to scrap the Crete holiday", "Scrapped the Crete holiday"),
    ("Has had to scrap the kitchen refit", "Scrapped the kitchen refit"),
])
def test_an_ending_that_had_to_happen_is_said_as_done(fact: str, plain: str) -> None:
    assert plain_change(fact) == plain


@pytest.mark.parametrize("fact", ["Had to take a taxi home", "Had to wait an hour"])
def test_what_had_to_be_done_otherwise_is_left_as_said(fact: str) -> None:
    assert plain_change(fact) == fact


def test_a_perfect_had_to_and_a_contracted_has_been_are_spelt_out() -> None:
    assert uncontracted("We've had to sell the van") == "We had to sell the van"
    assert uncontracted("The recital's been moved to May") == "The recital has been moved to May"
    assert uncontracted("The recital's in May") == "The recital is in May"


def test_a_contracted_has_been_opens_a_clause_after_so() -> None:
    assert split_clauses("The band pulled out so the gig's been pushed back to June") == [
        "The band pulled out", "the gig's been pushed back to June"]


def test_a_trip_scrapped_because_it_had_to_be_ends_the_plan(shared_minilm: Any) -> None:
    assert replaces(shared_minilm, "Is planning a trip to Crete in May",
                    "We've had to scrap Crete, the flights doubled in price.")


def test_a_date_moved_after_a_clause_of_its_own_moves_the_held_date(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Recital is on 3 May", "Likes crosswords"],
                  "The hall flooded so the recital's been pushed back to the 20th of May.")
    assert "Recital is on 3 May" not in after and "Likes crosswords" in after

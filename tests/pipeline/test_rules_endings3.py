"""Endings said of the thing rather than by the user: a pause ("on ice", "on pause"), an
end brought by something else ("put a stop to"), and a group or a business that ended
("folded", "went bust"); and the near misses that end nothing. Sentences
written for this file; none is in an eval set. Not yet read: the same with an article
("The choir folded at Easter" gives no fact: "folded" is no verb the thing readers know)
and an ending brought by someone else ("The council put a stop to the stall" is kept as
the council's fact)."""

from __future__ import annotations

from typing import Any

import pytest

from engram.pipeline.rules._inferred import inferred_facts
from engram.pipeline.rules._slots import is_ending
from tests.pipeline.test_rules_nearest import state


@pytest.mark.parametrize(("held", "message"), [
    ("Is learning the cello", "Cello lessons are on ice until I find a new teacher."),
    ("Does pottery on Thursdays", "Pottery is on pause while the studio gets a new kiln."),
    ("Plays Sunday league football", "A torn hamstring put an end to Sunday league football."),
    ("Sings with the Harbour Singers", "Harbour Singers folded at Easter."),
    ("Works at Paperchase", "Paperchase went under in January, so I'm looking for work."),
])
def test_an_ending_said_of_the_thing_replaces_the_memory(shared_minilm: Any, held: str,
                                                        message: str) -> None:
    # wired as Memory wires it: the embedder's cosine beside the lexical links
    after = state(shared_minilm, [held, "Likes crosswords"], message)
    assert held not in after and "Likes crosswords" in after


@pytest.mark.parametrize("fact", [
    "Folded the tea towels before dinner",   # the verb with an object: a chore
    "Shut down the desktop for the night",   # a machine switched off
    "Closed down the spreadsheet",
    "Went under the knife in April",          # surgery
    "Went under general anaesthetic",
])
def test_a_near_miss_ends_nothing(fact: str) -> None:
    assert not is_ending(fact)


@pytest.mark.parametrize(("held", "message"), [
    ("Owns a canoe", "The canoe's gone, no room for it in the new place."),
    ("Has a sewing machine", "Sewing machine is gone for good, sold it on eBay."),
    ("Plays the bassoon", "The bassoon has been collecting dust for a year."),
])
def test_a_thing_gone_or_left_unused_ends_it(shared_minilm: Any, held: str, message: str) -> None:
    after = state(shared_minilm, [held, "Likes crosswords"], message)
    assert held not in after and "Likes crosswords" in after


@pytest.mark.parametrize("fact", [
    "Has gone to Lisbon for the week",   # a trip
    "Mum has gone shopping",
    "Is gone for the weekend",           # away, back soon
])
def test_gone_somewhere_ends_nothing(fact: str) -> None:
    assert not is_ending(fact)


def test_a_new_start_after_years_somewhere_is_a_leaving(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Works at Aviva", "Likes crosswords"],
                  "Signed with a rival insurer after five years at Aviva.")
    assert "Works at Aviva" not in after and "Likes crosswords" in after
    assert inferred_facts("Joined the fire service after a year at Ocado") == ["Left Ocado"]
    # no place named, or no new start: nothing is left
    assert inferred_facts("Joined a gym after two years at home") == []
    assert inferred_facts("Spent six years at Aviva") == []

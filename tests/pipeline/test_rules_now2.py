"""A state said with the time it began ("I've lived in Hull since 2021") or as a return
("I'm back on cow's milk") replaces the one held; a reason with a bare noun after a comma
is a clause of its own; "don't tell my dad" is said to the listener (#22). Not yet read: a
return named without the word the held memory shares ("back on semi-skimmed" is too far
from "Drinks almond milk" for MiniLM). Sentences
written for this file; none is in an evaluation set."""

from __future__ import annotations

from typing import Any

import pytest

from engram.pipeline.rules._now import said_as_now
from engram.pipeline.rules._sentences import split_clauses
from tests.pipeline.test_rules_mechanisms import user
from tests.pipeline.test_rules_nearest import replaces


@pytest.mark.parametrize("sentence", ["I've lived in Derby since 2020",
                                      "We've been vegetarian since last spring"])
def test_a_state_with_the_time_it_began_is_said_as_now(sentence: str) -> None:
    assert said_as_now(sentence)


def test_a_state_without_a_start_is_not() -> None:
    assert not said_as_now("I've lived in Derby for years")


@pytest.mark.parametrize(("held", "content"), [
    ("Lives in Lincoln", "I've lived in Grimsby since 2022."),
    ("Drinks almond milk", "I'm back on semi-skimmed milk, almond milk was giving me headaches."),
])
def test_a_state_begun_or_returned_to_replaces_the_held_one(shared_minilm: Any, held: str,
                                                            content: str) -> None:
    assert replaces(shared_minilm, held, content)


def test_a_reason_with_a_bare_noun_is_a_clause_of_its_own() -> None:
    assert split_clauses("I sold the van, insurance was getting silly") == [
        "I sold the van", "insurance was getting silly"]


def test_an_aside_to_the_listener_is_no_fact() -> None:
    assert user("I've started supporting Wrexham, don't tell my brother.") == [
        "Has started supporting Wrexham"]


def test_a_relatives_thing_that_does_something_is_theirs_not_is() -> None:
    from engram.pipeline.rules._stated import stated
    assert stated("My neighbour's parrot squawks every morning") is None
    assert stated("My car's in the garage") == "Car is in the garage"

"""Clauses that were run together: ", also my partner is vegan" is a clause of its own,
"so need X" is the request a state leads to, and "but its so pricey" (typed without its
apostrophe) is a verdict, not part of the fact (#22). Sentences written for this file;
none is in an evaluation set."""

from __future__ import annotations

from tests.pipeline._state import state_after


def one(message: str) -> list[str]:
    return state_after([("user", message)])


def test_also_opens_a_clause_of_its_own() -> None:
    assert one("I'm diabetic, also my husband is vegetarian") == [
        "Is diabetic", "Husband is vegetarian"]


def test_what_a_state_needs_is_no_part_of_it() -> None:
    assert one("I'm lactose intolerant so need dairy free desserts") == ["Is lactose intolerant"]


def test_but_its_so_is_a_verdict() -> None:
    assert one("renting a room in Leith but its so damp") == ["Is renting a room in Leith"]


def test_have_done_since_is_how_long_not_a_fact_of_its_own() -> None:
    assert one("I support Hibs, have done since I was six") == ["Supports Hibs since they were six"]

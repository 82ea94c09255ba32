""""It" of an act that parts with a thing is the thing the message named: "had a Polo
but sold it" sold the Polo, and the held car goes (#22). Sentences written for this
file; none is in an evaluation set."""

from __future__ import annotations

from typing import Any

import pytest

from tests.pipeline._state import minilm_reconciler, state_after


@pytest.mark.parametrize(("message", "sold"), [
    ("I had a Fiesta for years but sold it in May", "Sold the Fiesta in May"),
    ("my harp was gathering dust so I sold it", "Sold their harp"),
])
def test_it_is_the_thing_named_before(message: str, sold: str) -> None:
    assert sold in state_after([("user", message)])


def test_the_held_thing_sold_goes(shared_minilm: Any) -> None:
    out = state_after([("user", "the Fiesta kept failing its MOT so we got rid of it")],
                      ["Drives a Ford Fiesta", "Lives in Hull"], minilm_reconciler(shared_minilm))
    assert "Drives a Ford Fiesta" not in out and "Lives in Hull" in out


def test_a_day_or_a_month_is_no_thing() -> None:
    out = state_after([("user", "I make candles and sell it at a Saturday market")])
    assert not any("the Saturday" in f for f in out)


def test_them_still_means_the_things() -> None:
    assert state_after([("user", "I love my bonsai trees, I prune them every week")]) == [
        "Loves their bonsai trees", "Prunes their bonsai trees every week"]


def test_scratch_that_takes_the_sentence_before_back(shared_minilm: Any) -> None:
    out = state_after([("user", "I ride a Vespa. Scratch that, I sold it in the spring")],
                      ["Rides a Vespa"], minilm_reconciler(shared_minilm))
    assert out == ["Sold the Vespa in the spring"]


def test_scratch_that_before_a_bare_value_keeps_the_sentence_before() -> None:
    # no statement follows, so nothing is said instead: the value corrector reads it
    assert state_after([("user", "I work Mondays. Scratch that, Tuesdays")]) != []

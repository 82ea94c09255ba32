"""A list's later item that opens with "mostly", "especially" or "such as" says more of
the item before it; the fact is not split there (#22). Sentences written for this file."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._facts import split_lists


@pytest.mark.parametrize("fact", ["Enjoys baking, mostly making bread and cakes",
                                  "Reads a lot, especially crime novels and memoirs",
                                  "Collects records, such as old soul singles and jazz"])
def test_an_elaboration_is_not_split_as_a_list(fact: str) -> None:
    assert split_lists(fact) == [fact]


def test_a_plain_list_is_still_split() -> None:
    assert split_lists("Plays chess, go and backgammon") == [
        "Plays chess", "Plays go", "Plays backgammon"]

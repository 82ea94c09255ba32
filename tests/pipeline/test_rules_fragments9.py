"""States listed with no verb and no "I" (#22): "Married, three kids, live near Bath",
a family counted ("Two kids, both at uni now"), "Live near X", "Never been to X", "Off to X for
good" (a move); "Never been to X" said alone is no order to the assistant ("Never use
emoji" is). Every sentence is written for this file; none is in an evaluation set."""

from __future__ import annotations

from typing import Any

import pytest

from engram.pipeline.rules._fragments import subjectless, subjectless_list
from tests.pipeline.test_rules_nearest import state


@pytest.mark.parametrize(("fragment", "fact"), [
    ("Three grandchildren", "Has three grandchildren"),
    ("Two cats", "Has two cats"),
    ("Live just outside Galway", "Lives just outside Galway"),
    ("Never been skiing", "Has never been skiing"),
    ("Off to Dundee for good in June", "Is moving to Dundee in June"),
])
def test_a_fragment_is_read(fragment: str, fact: str) -> None:
    assert subjectless(fragment) == fact


@pytest.mark.parametrize("fragment", ["Live your best life", "Two more days", "Three cheers",
                                      "Off to Dundee for the weekend"])
def test_a_near_miss_is_no_fact(fragment: str) -> None:
    assert subjectless(fragment) is None


def test_a_list_of_states_gives_each() -> None:
    assert subjectless_list("Divorced, two kids, live in Truro") == [
        "Is divorced", "Has two kids", "Lives in Truro"]
    # a tail that describes the one before is left out
    assert subjectless_list("Four sisters, all older") == ["Has four sisters"]
    # a list with a part that is no state is not read as one
    assert subjectless_list("Married, lovely weather today") == []


def test_the_list_reaches_the_memory(shared_minilm: Any) -> None:
    after = state(shared_minilm, [], "Widowed, two sons, live near Ely.")
    assert sorted(after) == ["Has two sons", "Is widowed", "Lives near Ely"]


def test_never_with_a_participle_is_the_users_past(shared_minilm: Any) -> None:
    assert state(shared_minilm, [], "Never been to Lapland.") == ["Has never been to Lapland"]
    assert state(shared_minilm, [], "Never use exclamation marks in replies.") == []

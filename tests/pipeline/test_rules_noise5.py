"""Disbelief at one's own news ("Can't quite believe it"), a value said and taken back
("I said Leeds earlier, but ..."), and a proposal accepted (#22). Sentences written for
this file; none is in an evaluation set."""

from __future__ import annotations

from typing import Any

import pytest

from engram.pipeline.rules._noise import is_noise
from engram.pipeline.rules._resaid import resaid
from engram.pipeline.rules._worth import worth
from tests.pipeline.test_rules_nearest import replaces, state


@pytest.mark.parametrize("clause", ["Can't quite believe it", "I still cannot believe it",
                                    "Couldn't believe it."])
def test_disbelief_at_ones_own_news_is_no_fact(clause: str) -> None:
    assert is_noise(clause)


def test_disbelief_about_something_named_is_kept() -> None:
    assert not is_noise("Can't believe my sister is 40")


@pytest.mark.parametrize("fact", ["Said Derby earlier", "Said Thursday", "Said Kraków before"])
def test_a_bare_value_said_before_is_no_fact(fact: str) -> None:
    assert not worth(fact)


@pytest.mark.parametrize("fact", ["Said goodbye to the old flat", "Said Ciao to the whole office"])
def test_something_said_that_is_news_is_kept(fact: str) -> None:
    assert worth(fact)


def test_the_value_taken_back_leaves_only_the_statement(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Lives in Derby"],
                  "Sorry, I said Derby earlier but I actually live in Belper.")
    assert after == ["Lives in Belper"]


def test_a_proposal_accepted_is_an_engagement() -> None:
    assert resaid("Priya proposed at the top of Snowdon and I said yes") == \
        "I got engaged to Priya at the top of Snowdon"
    # someone else's proposal is theirs
    assert resaid("Priya proposed to her girlfriend and she said yes") == \
        "Priya proposed to her girlfriend and she said yes"


def test_an_engagement_ends_dating(shared_minilm: Any) -> None:
    assert replaces(shared_minilm, "Is dating Priya",
                    "Priya proposed at the top of Snowdon and I said yes!")

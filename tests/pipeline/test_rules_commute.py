"""How one gets to work, said without "to work" ("I cycle in every day now", "I work from
home full time now"); a trade learnt anew ("Retrained as a joiner"); a partner named in
"been seeing X for a month"; and a reason said first without a comma ("Now that it's
winter I'm taking the bus") (#22). Every sentence is written for this file; none is in an
evaluation set. Not yet read: a new way in said plainly, with no "now" ("I scooter in
most days" leaves "Walks to work"), a job said as "Is at Monzo these days"."""

from __future__ import annotations

from typing import Any

import pytest

from engram.pipeline.rules._topics import topics
from tests.pipeline.test_rules_nearest import state


@pytest.mark.parametrize("fact", ["Cycles in every day now", "Scooters in most days",
                                  "Works from home full time now"])
def test_going_in_or_staying_home_is_the_commute(fact: str) -> None:
    assert "commute" in topics(fact)


@pytest.mark.parametrize("fact", ["Cycles in the park on Sundays", "Drives in Leeds",
                                  "Walks in the Peak District"])
def test_going_in_somewhere_named_is_no_commute(fact: str) -> None:
    assert "commute" not in topics(fact)


@pytest.mark.parametrize(("held", "message"), [
    ("Takes the train to work", "I cycle in every day now."),
    ("Drives to work", "I work from home full time now."),
    ("Works as a sales rep", "I retrained as a joiner last year."),
    ("Is single", "I've been seeing Priti for a couple of months."),
])
def test_the_new_one_replaces_the_old(shared_minilm: Any, held: str, message: str) -> None:
    after = state(shared_minilm, [held, "Likes crosswords"], message)
    assert held not in after and "Likes crosswords" in after


def test_seeing_a_place_is_no_partner(shared_minilm: Any) -> None:
    assert "Is single" in state(shared_minilm, ["Is single"], "I'm seeing Paris for the first time in May.")


@pytest.mark.parametrize(("message", "fact"), [
    ("Now that the evenings are dark I'm taking the bus.", "Is taking the bus"),
    ("Because I moved I cycle to work.", "Cycles to work"),
])
def test_a_reason_said_first_leaves_the_users_clause(shared_minilm: Any, message: str,
                                                    fact: str) -> None:
    assert state(shared_minilm, [], message) == [fact]

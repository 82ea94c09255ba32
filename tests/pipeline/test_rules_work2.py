"""A new workplace said as a start ("I start at Lloyds on Monday") changes the job held,
and a reason told first with "since" ("Since the office moved out of town I ...") is a
reason, not the time the statement holds from (#22). Sentences written for this file;
none is in an evaluation set."""

from __future__ import annotations

from typing import Any

import pytest

from engram.pipeline.rules._slots import slot_of
from tests.pipeline.test_rules_nearest import replaces, state


@pytest.mark.parametrize("fact", ["Starts at Barclays on Monday",
                                  "Started at the vet practice last week",
                                  "Is starting a new job at the housing agency in June"])
def test_a_start_at_a_workplace_is_a_job(fact: str) -> None:
    assert slot_of(fact) is not None and slot_of(fact)[0] == "job"


@pytest.mark.parametrize("fact", ["Starts at 9 on Mondays", "Starts at noon",
                                  "Started at the deep end"])
def test_a_start_at_a_time_or_anything_else_is_no_job(fact: str) -> None:
    assert slot_of(fact) is None or slot_of(fact)[0] != "job"


def test_a_new_workplace_replaces_the_job_held(shared_minilm: Any) -> None:
    assert replaces(shared_minilm, "Works as a cook at a pub in York",
                    "I start at the district council's housing office on Monday.")


def test_a_pupils_new_school_leaves_the_users_job(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Works as a cook at a pub in York"],
                  "My daughter starts at Westfield High in September.")
    assert "Works as a cook at a pub in York" in after


def test_a_reason_told_first_with_since_is_not_kept_as_the_time(shared_minilm: Any) -> None:
    assert replaces(shared_minilm, "Cycles to work",
                    "Since the depot moved out past the ring road I've been getting the bus in.")
    # "since" with a time is when the statement holds from
    assert any("since the spring" in f for f in state(
        shared_minilm, [], "Since the spring I've been swimming twice a week."))
    # with a comma the reason is news of its own
    assert "Office moved" in state(shared_minilm, [], "Since the office moved, I take the bus.")

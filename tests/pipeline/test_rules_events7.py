"""Whose event, whose verb (#22): a role or an invitation takes the event named just
before it, a couple's own event takes the partner as its object, and "'s" before a past
participle is "has". Every sentence is written for this file; none is in an evaluation
set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._roles import at_the_event
from tests.pipeline.test_rules_mechanisms import user


@pytest.mark.parametrize(("content", "expected"), [
    ("My brother Ivo is getting married in August and I'm the best man!",
     "Is the best man at brother Ivo's wedding"),
    ("Jess is having a housewarming party on Saturday and I'm invited.",
     "Is invited to Jess's housewarming party"),
])
def test_a_role_takes_the_event_named_before_it(content: str, expected: str) -> None:
    assert expected in user(content)


def test_a_role_with_no_event_named_stays_as_said() -> None:
    assert user("I'm the best man.") == ["Is the best man"]


def test_a_role_with_its_own_event_is_left_alone() -> None:
    facts = ["Brother Ivo is getting married", "Is the best man at a friend's wedding"]
    assert at_the_event(facts) == facts


@pytest.mark.parametrize(("content", "expected"), [
    ("Ines and I got married in Porto last June.", "Got married to Ines in Porto last June"),
    ("Callum and I separated after ten years.", "Separated from Callum after ten years"),
    ("Noor and I split up in March.", "Split up with Noor in March"),
    ("My husband Ed and I are planning a trip to Oslo.",
     "Is planning a trip to Oslo with husband Ed"),
])
def test_a_couples_event_takes_the_partner_after_the_verb(content: str, expected: str) -> None:
    assert expected in user(content)


@pytest.mark.parametrize(("content", "expected"), [
    ("My dad is 70 and he's given up golf.", "Dad has given up golf"),
    ("My mum's cut out sugar.", "Mum has cut out sugar"),
    ("My sister is a nurse and she's moving to Leeds.", "Sister is moving to Leeds"),
])
def test_s_before_a_participle_is_has(content: str, expected: str) -> None:
    assert expected in user(content)

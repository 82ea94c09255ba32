"""A fact already in the form memories are kept in (as Mem0's extractor or an agent's
own notes write them) is stored as it is: importing such memories with ``infer=True``
loses or mangles none (#22). Facts written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after

KEPT_AS_IS = [
    "Is a pescatarian",
    "Is an architect",
    "Prefers phone calls over texts",
    "Loves sea swimming in winter",
    "Has a cat named Biscuit",
    "Lives in Rotterdam",
    "Works as a paramedic in Leeds",
    "Favourite band is Radiohead",
    "Name is Ingrid",
    "Is 41 years old",
    "Speaks Tagalog and English",
    "Is allergic to penicillin",
    "Wants to learn to sail",
    "Dislikes horror films",
    "Is learning the cello",
]


@pytest.mark.parametrize("fact", KEPT_AS_IS)
def test_a_fact_in_the_kept_form_is_stored_as_it_is(fact: str) -> None:
    assert state_after([("user", fact)]) == [fact]


@pytest.mark.parametrize(("fact", "facts"), [
    ("Is a pescatarian and allergic to shellfish", ["Is a pescatarian", "Is allergic to shellfish"]),
    ("User is a midwife and married with one child", ["Is a midwife", "Is married with one child"]),
])
def test_two_states_joined_are_two_facts(fact: str, facts: list[str]) -> None:
    assert state_after([("user", fact)]) == facts

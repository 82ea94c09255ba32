""""It" and "one" after the assistant's suggestion, and what "already" says (issue #22).
Sentences written for these tests, in no eval set."""

from __future__ import annotations

from tests.pipeline._state import state_after


def replied(offer: str, answer: str) -> list[str]:
    return state_after([("assistant", offer), ("user", answer)], [])


def test_read_it_after_a_book_suggested_is_that_book() -> None:
    assert replied("Try Piranesi by Susanna Clarke.", "Already read it") == \
        ["Has already read Piranesi"]


def test_one_after_a_suggested_switch_is_the_thing_switched_to() -> None:
    assert replied("Have you considered switching to an e-reader?", "I got one in March") == \
        ["Got an e-reader in March"]


def test_already_with_a_thing_named_is_done() -> None:
    assert state_after([("user", "Already read the tenancy agreement")], []) == \
        ["Has already read the tenancy agreement"]


def test_already_with_only_it_names_nothing() -> None:
    assert state_after([("user", "Already done that")], []) == []


def test_how_a_fact_bears_on_the_question_is_dropped() -> None:
    assert replied("What would you like for dinner, the lamb or the dal?",
                   "Dal please. I'm vegan so that works") == ["Would like dal", "Is vegan"]

"""Values put right in passing, and an allergy to the thing just named (issue #22).
Sentences written for these tests, in no eval set."""

from __future__ import annotations

from tests.pipeline._state import state_after


def facts(message: str, *held: str) -> list[str]:
    return state_after([("user", message)], list(held))


def test_a_hesitation_before_the_right_word_puts_it_right() -> None:
    assert facts("My cousin is a plumber, er, an electrician actually") == \
        ["Cousin is an electrician"]
    assert facts("I coach rugby, um, hockey") == ["Coaches hockey"]


def test_well_technically_puts_a_place_right() -> None:
    assert facts("I'm in Salford, well technically Eccles") == ["Is in Eccles"]


def test_allergic_with_its_object_unsaid_is_allergic_to_what_was_named() -> None:
    assert facts("I don't like hazelnuts, I'm allergic") == \
        ["Does not like hazelnuts", "Is allergic to hazelnuts"]


def test_allergic_alone_stays_as_it_is() -> None:
    assert facts("Turns out I'm allergic") == ["Is allergic"]

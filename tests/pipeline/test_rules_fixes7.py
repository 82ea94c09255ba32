"""A held memory put right by telling the assistant it has it wrong (issue #22).
Sentences written for these tests, in no eval set; the reconciler is MiniLM's, as
``Memory`` wires it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.pipeline._state import minilm_reconciler, state_after

Minilm = Callable[..., list[str]]


def test_you_have_me_down_as_x_but_it_is_y_puts_x_right(minilm_after: Minilm) -> None:
    assert minilm_after("You've got me down as working in Harlow but it's Hatfield",
                        "Works in Harlow") == ["Works in Hatfield"]


def test_you_think_x_but_it_is_y_puts_x_right(minilm_after: Minilm) -> None:
    assert minilm_after("You think I teach in Luton but it's actually Dunstable",
                        "Teaches in Luton") == ["Teaches in Dunstable"]


def test_thats_wrong_opens_a_correction(minilm_after: Minilm) -> None:
    assert minilm_after("That's wrong, I ride a Ducati", "Rides a Triumph") == ["Rides a Ducati"]


def test_an_opinion_someone_else_holds_is_still_no_fact(minilm_after: Minilm) -> None:
    assert minilm_after("You think I'm stubborn but I'm not") == []


def test_a_relatives_people_doing_something_is_no_is(minilm_after: Minilm) -> None:
    # "'s" before a plural and its verb is whose, never "is"
    assert not any(" is " in f for f in minilm_after("My husband's cousins run a vineyard"))


def test_a_taste_is_no_change_of_diet(minilm_after: Minilm) -> None:
    state = minilm_after("Had a forkful of my dad's lamb curry", "Is pescatarian")
    assert "Is pescatarian" in state and not any(f.startswith("Eats meat") for f in state)


def test_a_feeling_about_a_trip_is_no_part_of_it(minilm_after: Minilm) -> None:
    assert minilm_after("Spent Easter at my aunt's in Whitby, so nice to get away") == \
        ["Spent Easter at their aunt's in Whitby"]


def test_yes_to_still_confirms_the_memory_as_held(shared_minilm: Any) -> None:
    state = state_after([("assistant", "Still with the Co-op?"), ("user", "yep, for now")],
                        ["Works at the Co-op"], minilm_reconciler(shared_minilm))
    assert state == ["Works at the Co-op"]


def test_a_still_that_says_something_new_is_no_confirmation(minilm_after: Minilm) -> None:
    assert "Still plays darts on Fridays" in minilm_after("I still play darts on Fridays",
                                                           "Works at the Co-op")


def test_a_loss_of_someone_named_is_a_death(minilm_after: Minilm) -> None:
    state = minilm_after("We lost Pepper on Sunday", "Has a cat named Pepper")
    assert state == ["Cat Pepper died on Sunday"]


def test_a_loss_of_kin_is_a_death(minilm_after: Minilm) -> None:
    assert minilm_after("Sadly lost my nan in the spring") == ["Grandmother died in the spring"]


def test_a_lost_thing_is_no_death(minilm_after: Minilm) -> None:
    assert minilm_after("Lost my wallet on the bus") == ["Lost their wallet on the bus"]


def test_only_these_days_replaces_the_drink_held(minilm_after: Minilm) -> None:
    assert minilm_after("I only drink rooibos these days", "Drinks espresso after lunch") == \
        ["Only drinks rooibos these days"]


def test_an_adverb_opening_a_fact_is_no_one_named() -> None:
    from engram.pipeline.rules._topics import split_subject
    assert split_subject("Only drinks rooibos these days") == ("", "Only drinks rooibos these days")
    assert split_subject("Lena got a job in Oslo") == ("lena", "Got a job in Oslo")


def test_one_drink_only_now_said_without_a_verb(minilm_after: Minilm) -> None:
    assert minilm_after("Herbal tea only these days", "Drinks cola with lunch") == \
        ["Only drinks herbal tea these days"]

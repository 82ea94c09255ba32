"""One's own things said as notes in the form facts are kept in ("Name is Priyanka"),
an event that names a state ("got married") kept as the event, and a gapped clause
("my mum lives in Cork and my dad in Galway") read for both people (#22). Sentences
written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def one(message: str, held: tuple[str, ...] = ()) -> list[str]:
    return state_after([("user", message)], list(held))


@pytest.mark.parametrize(("message", "facts"), [
    ("Name is Oyelaran", ["Name is Oyelaran"]),
    ("Favourite film is Paddington 2", ["Favourite film is Paddington 2"]),
    ("Pronouns are they/them", ["Pronouns are they/them"]),
    ("Name is Theodora, Theo for short", ["Name is Theodora", "Prefers to be called Theo"]),
])
def test_an_own_thing_said_as_a_note(message: str, facts: list[str]) -> None:
    assert one(message) == facts


def test_a_note_of_the_name_replaces_the_held_name() -> None:
    assert one("Name is Joanna now", ("Name is Jo",)) == ["Name is Joanna"]


def test_getting_married_is_an_event_not_a_state_with_is() -> None:
    assert one("got married") == ["Got married"]


@pytest.mark.parametrize(("message", "facts"), [
    ("my gran lives in Sligo and my aunt in Dublin", ["Grandmother lives in Sligo", "Aunt lives in Dublin"]),
    ("I work at Boots and my wife Nia at Specsavers",
     ["Has a wife named Nia", "Works at Boots", "Wife Nia works at Specsavers"]),
])
def test_a_gapped_clause_gives_each_person_the_verb(message: str, facts: list[str]) -> None:
    assert one(message) == facts


def test_a_clause_that_is_not_gapped_is_left_whole() -> None:
    # no preposition after the second kin: nothing is left out, so nothing is copied
    assert "Sister lives in Galway" not in one("my mum lives in Cork and my sister loves Galway")


def test_our_relative_named_is_tied_as_my_relative_is() -> None:
    assert state_after([("user", "our granddaughter Elif is learning the violin")]) == [
        "Has a granddaughter named Elif", "Granddaughter Elif is learning the violin"]


@pytest.mark.parametrize(("turns", "held", "after"), [
    ([("assistant", "Thanks, Margaret!"), ("user", "Mags please, only my gran says Margaret")],
     ["Name is Margaret"], ["Name is Margaret", "Prefers to be called Mags"]),
    ([("assistant", "Hi Dan!"), ("user", "Daniela actually")], ["Name is Dan"], ["Name is Daniela"]),
    ([("assistant", "Thanks, Dan!"), ("user", "Leeds please")], [], []),
])
def test_a_name_put_right_after_the_assistant_used_one(turns: list[tuple[str, str]], held: list[str],
                                                      after: list[str]) -> None:
    assert state_after(turns, held) == after


def test_a_name_said_first_and_its_kind_after() -> None:
    assert one("Ayo is my first name, Bello is my surname") == ["Name is Ayo", "Surname is Bello"]


def test_a_nickname_short_for_the_full_name() -> None:
    assert sorted(one("Call me Rafa, short for Rafaela")) == [
        "Name is Rafaela", "Prefers to be called Rafa"]


@pytest.mark.parametrize(("message", "facts"), [
    ("one of our dogs has diabetes", ["One of their dogs has diabetes"]),
    ("one of my brothers lives in Oslo", ["One of their brothers lives in Oslo"]),
    ("one of my mates said hello", []),  # what someone said is theirs, not a fact of the user's
])
def test_one_of_the_speakers_own(message: str, facts: list[str]) -> None:
    assert one(message) == facts


def test_a_short_form_with_please_after_a_name_given_in_the_same_message() -> None:
    # "please" after a short form, with no assistant turn before: it crashed the extractor
    assert one("Name's Theodora, Theo please") == ["Name is Theodora", "Prefers to be called Theo"]
    assert one("I'm Sam, Leeds please") == ["Name is Sam"]

"""Names said after what was got, counted: "Adopted two kittens from the shelter, Salt
and Pepper" names the kittens, not where they came from (#22). Sentences written for
this file; none is in an evaluation set."""

from __future__ import annotations

from tests.pipeline._state import state_after


def one(message: str) -> list[str]:
    return state_after([("user", message)], [])


def test_names_after_animals_got_are_theirs() -> None:
    assert one("We rescued two greyhounds from a charity in Kent, Dash and Dot") == [
        "Rescued two greyhounds from a charity in Kent", "Has two greyhounds named Dash and Dot"]


def test_a_name_after_one_animal_is_its_name() -> None:
    assert one("Brought home a kitten on Saturday, Nori") == ["Brought home a kitten on Saturday",
                                                             "Has a kitten named Nori"]


def test_no_count_no_names() -> None:
    assert not any("named" in f for f in one("Went to the market with friends, Ade and Tolu"))


def test_he_after_a_relative_had_is_that_relative() -> None:
    assert one("I've got an older brother. He's a pilot with Ryanair.") == [
        "Has an older brother", "Brother is a pilot with Ryanair"]

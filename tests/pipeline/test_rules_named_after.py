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


def test_a_habit_stopped_in_the_next_clause_names_what_stopped() -> None:
    held = state_after([("user", "I used to bite my nails but I stopped last year")], ["Bites their nails"])
    assert "Bites their nails" not in held
    assert one("I was a heavy drinker for years but I quit in 2021")[-1] == "Quit drinking in 2021"


def test_coming_back_to_live_is_a_move_and_a_weekend_is_not() -> None:
    assert "Lives in Derry" in one("Came back to Derry in 2018 after years in London")
    assert not any(f.startswith("Lives in") for f in one("Came back to Derry for my cousin's party"))


def test_what_would_be_by_now_is_no_fact() -> None:
    assert one("If I'd kept up the violin, I'd be grade 8 by now") == []


def test_a_clause_after_but_for_now_is_its_own() -> None:
    assert one("I love the city, but for now we're renting in Salford")[-1].startswith("Is renting in Salford")


def test_an_end_named_by_what_it_ends() -> None:
    assert state_after([("user", "Passed my viva this afternoon!")], ["Is doing a PhD in geology"]) == [
        "Passed their viva this afternoon"]
    assert "Is training for an ultramarathon" not in state_after(
        [("user", "Crossed the finish line after 14 hours, broken but happy")], ["Is training for an ultramarathon"])


def test_back_in_a_place_for_good_is_where_one_lives() -> None:
    assert state_after([("user", "Dad's back in Ghana for good now")], ["Dad lives in Croydon"]) == [
        "Dad is back in Ghana for good now"]


def test_an_age_said_with_now_and_more() -> None:
    assert one("My cat Olive is 15 now and a bit deaf")[-2:] == ["Cat Olive is 15 years old", "Cat Olive is a bit deaf"]

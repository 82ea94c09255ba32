"""Corrections said with more around them: a value put right with "not", then a remark;
a value put right that shares its first word with the held one; "I said X earlier but
I'm actually Y" (#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

from tests.pipeline._state import state_after


def after(message: str, *held: str) -> list[str]:
    return state_after([("user", message)], list(held))


def test_a_remark_after_the_value_put_right_is_a_clause_of_its_own() -> None:
    assert after("I'm 29, not 28, turned it in October", "Is 28 years old")[0] == "Is 29 years old"


def test_the_new_value_is_not_said_twice_over_the_held_one() -> None:
    assert after("It's a Ford Kuga actually, not a Fiesta", "Drives a Ford Fiesta") == ["Drives a Ford Kuga"]


def test_said_earlier_but_actually_is_a_correction() -> None:
    assert after("I said plumber earlier but I'm actually an electrician",
                 "Works as a plumber") == ["Works as an electrician"]


def test_said_and_a_plan_is_no_correction() -> None:
    assert after("I said I'd help but I'm swamped") != []
    assert not any(f.startswith("Meant") for f in after("I said I'd help but I'm swamped"))


def test_a_match_lost_ends_no_sport() -> None:
    assert "Plays squash" in after("Lost my squash final 3-1 last night, gutted", "Plays squash")
    assert "Plays squash" not in after("I've lost interest in squash", "Plays squash")


def test_advice_from_someone_at_a_workplace_keeps_who_gave_it() -> None:
    assert after("My supervisor at Arup wants me to take the chartership exam") == [
        "Supervisor advised them to take the chartership exam"]


def test_a_denial_limited_to_a_time_leaves_the_held_fact() -> None:
    assert "Drinks tea" in after("I don't drink tea after 6pm, it keeps me up", "Drinks tea")
    assert "Drinks tea" not in after("I don't drink tea anymore", "Drinks tea")
    assert "Plays video games" in after("I don't play video games on weeknights", "Plays video games")


def test_someone_elses_denial_is_spelt_out_as_the_users_are() -> None:
    assert after("My brother doesn't eat pork and my mum can't drive") == [
        "Brother does not eat pork", "Mum cannot drive"]


def test_a_home_rented_or_owned_is_one_at_a_time() -> None:
    assert after("Officially a homeowner!", "Is renting") == ["Is officially a homeowner"]
    assert after("Is renting a van for the move", "Is renting") == ["Is renting", "Is renting a van for the move"]


def test_a_count_said_alone_is_of_the_things_named_before() -> None:
    assert after("I'm allergic to rabbits but I still have two") == ["Is allergic to rabbits", "Still has two rabbits"]


def test_a_verdict_on_what_was_done_is_no_part_of_it() -> None:
    assert after("I handed in my notice at the bank, it was long overdue")[0] == "Handed in their notice at the bank"

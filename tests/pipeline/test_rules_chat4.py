"""A number is no person, a brand keeps its case, chat openers, an age in words, a
relation put right, a couple made, a new home or job said in passing, a pet buried, a
theft in slang, and a contract signed (#22). Sentences written for this file; none is in
an evaluation set."""

from __future__ import annotations

from typing import Any

import pytest

from engram.pipeline.rules._inferred import new_home, new_job
from engram.pipeline.rules._rewrite import capitalise
from tests.pipeline.test_rules_mechanisms import final
from tests.pipeline.test_rules_nearest import state


def test_a_number_word_opening_a_sentence_is_no_person() -> None:
    state = final([], "Twenty-two years at the mill and they threw me a party on Friday.")
    assert not any(f.startswith("Twenty") for f in state)


def test_a_brand_with_a_capital_inside_keeps_its_case() -> None:
    assert capitalise("iPad arrived today") == "iPad arrived today"
    assert capitalise("ipad arrived") == "Ipad arrived"


@pytest.mark.parametrize("content", ["haha yeah I'm a nurse", "lol no, I'm a nurse"])
def test_a_laugh_opening_a_sentence_is_no_part_of_it(content: str) -> None:
    assert final([], content) == ["Is a nurse"]


@pytest.mark.parametrize(("content", "age"), [
    ("Forty-one today!!", "Is 41 years old"),
    ("turned sixty-two on sunday", "Is 62 years old"),
    ("I'm nineteen", "Is 19 years old"),
])
def test_an_age_in_words_is_an_age(content: str, age: str) -> None:
    assert final([], content) == [age]


def test_a_relation_put_right_replaces_the_held_tie_once() -> None:
    assert final(["Has a daughter named Ines", "Lives in Faro"],
                 "Ines is my niece, not my daughter") == ["Has a niece named Ines", "Lives in Faro"]


def test_a_value_put_right_before_a_remark_on_the_mix_up() -> None:
    assert final(["Anniversary is on 3 June"],
                 "our anniversary is the 8th of June not the 3rd, no clue where that came from") == [
        "Anniversary is the 8th of June"]


@pytest.mark.parametrize(("content", "fact"), [
    ("Ravi got down on one knee on the beach and of course I said yes", "Is engaged to Ravi"),
    ("Noor asked me to be her girlfriend last night and I said yes", "Is in a relationship with Noor"),
])
def test_a_couple_made_in_so_many_words(content: str, fact: str) -> None:
    assert fact in final(["Is single"], content)
    assert "Is single" not in final(["Is single"], content)


@pytest.mark.parametrize(("text", "home"), [
    ("Still unpacking in the new flat in Girona", "Lives in Girona"),
    ("We went to see the new flat in Girona", None),
])
def test_a_new_home_said_in_passing(text: str, home: str | None) -> None:
    assert new_home(text) == home


@pytest.mark.parametrize(("text", "job"), [
    ("Survived my first week as head chef at Nobu", "Works as a head chef at Nobu"),
    ("First shift on the tills at Aldi done", "Works at Aldi"),
    ("My first day at the gym was brutal", None),
    ("Sister Ana survived her first week at Lidl", None),
])
def test_the_first_stretch_of_a_job_says_where_one_works(text: str, job: str | None) -> None:
    assert new_job(text) == job


def test_a_pet_buried_by_name_is_gone(shared_minilm: Any) -> None:
    assert state(shared_minilm, ["Has a hamster named Fudge"], "We buried Fudge in the garden") == [
        "Buried Fudge in the garden"]


def test_a_theft_in_slang_ends_what_was_taken_not_where_it_was(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Rides a moped to college", "Studies at Leeds College of Art"],
                  "Someone pinched the moped from outside college last night")
    assert "Rides a moped to college" not in after
    assert "Studies at Leeds College of Art" in after


def test_a_contract_signed_with_a_firm_settles_a_job_search() -> None:
    assert final(["Is looking for a job in design"], "Signed my contract with Pentagram today!") == [
        "Signed their contract with Pentagram today"]


def test_a_send_off_given_to_the_speaker_says_they_retired() -> None:
    assert final(["Works as a postman"], "Forty years on the rounds and they threw me a retirement do") == [
        "Had their retirement do", "Is retired; no longer works as a postman"]


@pytest.mark.parametrize(("content", "home"), [
    ("We finally bought a house in Otley", "Lives in Otley"),
    ("Just bought a tiny flat in Margate", "Lives in Margate"),
])
def test_a_home_bought_somewhere_is_where_one_lives(content: str, home: str) -> None:
    assert home in final(["Lives in Leeds"], content)


def test_a_holiday_home_bought_is_no_move() -> None:
    assert "Lives in Leeds" in final(["Lives in Leeds"], "We bought a holiday flat in Whitby")

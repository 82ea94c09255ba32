"""Chat shapes said plainly before reading (#22): a condition or a state noted in lower
case and without "I", a self-correction with "wait no", a pet named after a comma, a
move "for good", a sale told by its buyer or its keys, a graduation, a change of shifts.
Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def one(message: str, held: tuple[str, ...] = ()) -> list[str]:
    return state_after([("user", message)], held)


@pytest.mark.parametrize(("message", "fact"), [
    ("allergic to wasps", "Is allergic to wasps"),
    ("severely allergic to sesame tbh", "Is severely allergic to sesame"),
    ("don't own a car", "Does not own a car"),
    ("Don't drink coffee after noon", "Does not drink coffee after noon"),
])
def test_a_lower_case_note_or_a_bare_dont_is_the_users_state(message: str, fact: str) -> None:
    assert one(message) == [fact]


@pytest.mark.parametrize("message", ["don't suggest anything with mushrooms",
                                     "happy to help with that"])
def test_a_request_or_a_piece_of_a_sentence_stays_unread(message: str) -> None:
    assert one(message) == []


@pytest.mark.parametrize("message", ["my niece is 11, wait no she turned 12 in June",
                                     "My niece is 11. hang on no, she turned 12 in June"])
def test_wait_no_takes_back_the_clause_before_it(message: str) -> None:
    state = one(message)
    assert "Niece is 12 years old" in state
    assert not any("11" in s for s in state)


def test_a_pet_named_after_a_comma_is_one_fact() -> None:
    assert one("Adopted a greyhound, called Biro.") == ["Adopted a greyhound called Biro"]


def test_off_somewhere_for_good_is_a_move() -> None:
    assert one("off to Tallinn in spring for good!") == ["Is moving to Tallinn in spring"]
    assert one("off to Tallinn in spring") == []  # a trip, not a move


@pytest.mark.parametrize(("held", "message"), [
    ("Drives a Vauxhall Astra", "found a buyer for the astra yesterday"),
    ("Owns a florist in Harrogate", "Handed the florist keys to the new owners this morning"),
])
def test_a_sale_told_by_its_buyer_or_its_keys_ends_the_ownership(held: str, message: str) -> None:
    state = one(message, (held,))
    assert held not in state
    assert any(s.startswith("Sold the") for s in state)


def test_a_graduation_ends_the_studies() -> None:
    state = one("graduation was on Thursday, finally", ("Is a student at Bangor University",))
    assert "Is a student at Bangor University" not in state
    assert any(s.startswith("Graduated") for s in state)


@pytest.mark.parametrize("message", ["since switching to days I sleep far better",
                                     "I moved onto days in March"])
def test_a_change_of_shifts_replaces_the_old_shifts(message: str) -> None:
    state = one(message, ("Works night shifts at the depot",))
    assert "Works night shifts at the depot" not in state
    assert any("day shift" in s for s in state)

"""Short replies read against the question they answer (issue #22): a kind of person
said instead of the thing asked about, a yes/no question about one of the user's
things ("Is your ... ?"). Sentences written for these tests, in no eval set."""

from __future__ import annotations

from tests.pipeline._state import state_after


def replied(question: str, answer: str, *held: str) -> list[str]:
    return state_after([("assistant", question), ("user", answer)], list(held))


def test_a_kind_of_person_in_place_of_the_thing_asked_is_a_no_and_who_one_is() -> None:
    assert replied("Do you enjoy camping?", "nah, hotel person") == \
        ["Does not enjoy camping", "Is a hotel person"]


def test_a_value_in_place_of_the_thing_asked_still_swaps() -> None:
    assert replied("Do you drink red wine?", "no, white") == ["Drinks white wine"]


def test_a_yes_to_a_question_about_the_users_thing_states_it() -> None:
    assert replied("Is your appointment on Tuesday?", "yep") == ["Appointment is on Tuesday"]


def test_a_no_with_the_right_value_puts_it_right() -> None:
    assert replied("Is your dentist in Harrow?", "no, Pinner") == ["Dentist is in Pinner"]
    assert replied("Is your exam in June?", "July actually") == ["Exam is in July"]


def test_a_bare_no_to_it_says_nothing_of_what_holds() -> None:
    assert replied("Is your train at six?", "no") == []


def test_you_after_than_is_the_user() -> None:
    assert replied("Is your cousin younger than you?", "yes") == ["Cousin is younger than them"]


def test_a_kind_put_right_replaces_the_kind_and_its_article() -> None:
    assert replied("Do you take soya milk?", "no, oat") == ["Takes oat milk"]
    assert replied("Do you drive a manual?", "nope, automatic") == ["Drives an automatic"]


def test_it_is_the_users_thing_the_assistant_asked_about() -> None:
    assert replied("Shall I note down your physio appointment?", "yes please, it's on Friday at 10") == \
        ["Physio appointment is on Friday at 10"]


def test_it_is_nothing_asked_about_when_no_thing_of_the_users_was() -> None:
    assert replied("How was the documentary?", "it's on iPlayer") == []

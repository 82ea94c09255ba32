"""Names as people give them (issue #22): typed in lower case, with a title, under a
label, put right with "I prefer". Sentences written for these tests, in no eval set."""

from __future__ import annotations

from tests.pipeline._state import state_after


def facts(message: str, *held: str) -> list[str]:
    return state_after([("user", message)], list(held))


def test_a_name_and_the_one_gone_by_typed_in_lower_case() -> None:
    assert facts("my name's rosalind but i go by roz") == \
        ["Name is Rosalind", "Prefers to be called Roz"]


def test_call_me_before_a_time_names_no_one() -> None:
    assert facts("call me whenever you're free") == []


def test_a_title_is_no_part_of_the_name() -> None:
    assert facts("Hello, I'm Dr. Ifeoma Nwosu") == ["Name is Ifeoma Nwosu"]


def test_a_labelled_name_and_the_short_one_that_is_fine() -> None:
    assert facts("Name: Bartholomew, but Bart is fine") == \
        ["Name is Bartholomew", "Prefers to be called Bart"]
    assert facts("nickname: dodo") == ["Prefers to be called Dodo"]


def test_i_prefer_a_short_form_after_a_name_is_the_name_to_use() -> None:
    assert facts("Please don't call me Frederick, I prefer Fred") == \
        ["Does not want to be called Frederick", "Prefers to be called Fred"]


def test_i_prefer_something_else_after_a_name_is_no_name() -> None:
    assert "Prefers to be called Waitrose" not in facts("I'm Olu, I prefer Waitrose")


def test_a_denial_of_a_habit_then_its_replacement_is_not_garbled() -> None:
    assert facts("I never drink lager, it's cider") == ["Drinks cider"]

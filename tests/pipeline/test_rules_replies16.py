"""Work said done as its own subject, a nickname offered to the name the assistant used,
"no X" to a question about X (#22). Sentences written for this file; none is in an
evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


@pytest.mark.parametrize("message", ["apprenticeship done as of monday!!", "the apprenticeship is over"])
def test_work_said_done_ends_the_work_under_way(message: str) -> None:
    state = state_after([("user", message)], ["Is doing a plumbing apprenticeship", "Lives in Leek"])
    assert "Is doing a plumbing apprenticeship" not in state and "Lives in Leek" in state


def test_someone_elses_work_done_leaves_the_users() -> None:
    held = ["Is doing a plumbing apprenticeship"]
    assert held[0] in state_after([("user", "my cousin's apprenticeship is done")], held)


def test_a_short_name_offered_to_the_name_the_assistant_used() -> None:
    state = state_after([("assistant", "Lovely to meet you, Bartholomew!"),
                         ("user", "bart is fine, only my gran says bartholomew")])
    assert state == ["Name is Bartholomew", "Prefers to be called Bart"]


def test_a_short_form_must_be_the_names_own() -> None:
    assert state_after([("assistant", "Lovely to meet you, Bartholomew!"),
                        ("user", "pasta is fine for dinner")]) == []


@pytest.mark.parametrize(("question", "reply", "fact"), [
    ("Do you have any siblings?", "no siblings, only child", "Does not have any siblings"),
    ("Do you have kids?", "nope no kids yet", "Does not have kids"),
])
def test_no_before_the_thing_asked_about_is_a_denial(question: str, reply: str, fact: str) -> None:
    assert state_after([("assistant", question), ("user", reply)])[0] == fact


def test_a_birth_told_as_little_boy_and_a_name() -> None:
    state = state_after([("user", "she came early!! little girl, nia, born june 2nd")],
                        ["Is expecting a baby in July"])
    assert state == ["Baby Nia was born june 2nd"]


@pytest.mark.parametrize(("message", "fact"), [
    ("got 3 kids under 10, chaos is a lifestyle", "Has 3 kids under 10"),
    ("work lates at the depot", "Works lates at the depot"),
    ("surname's mbeki if u need it for the booking", "Surname is Mbeki"),
])
def test_notes_typed_in_chat(message: str, fact: str) -> None:
    assert state_after([("user", message)])[0] == fact


def test_a_relatives_name_said_as_theirs_with_pronouns() -> None:
    assert state_after([("user", "my partners name is robin btw, they/them")]) \
        == ["Has a partner named Robin", "Partner Robin's pronouns are they/them"]


def test_a_relatives_name_put_right_stays_a_correction() -> None:
    state = state_after([("user", "my daughter's name is Nell, not Bell")], ["Has a daughter named Bell"])
    assert "Has a daughter named Bell" not in state

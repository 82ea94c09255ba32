"""Short replies: a yes or no said by echoing the verb ("I did!"), a yes said by how
often ("twice, loved it"), what kind a named animal is (#22). Sentences written for this
file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def reply(question: str, answer: str) -> list[str]:
    return state_after([("assistant", question), ("user", answer)], [])


@pytest.mark.parametrize(("question", "answer", "facts"), [
    ("Did you go for the Leeds flat in the end?", "I did!", ["Went for the Leeds flat in the end"]),
    ("Did you sign up for the half marathon?", "no, I didn't", ["Did not sign up for the half marathon"]),
    ("Have you ever been to Vietnam?", "Once, back in 2019", ["Has been to Vietnam once"]),
])
def test_a_yes_or_no_said_by_echo_or_by_how_often(question: str, answer: str, facts: list[str]) -> None:
    assert reply(question, answer) == facts


def test_what_kind_a_named_animal_is() -> None:
    assert reply("What breed is Juniper?", "a border collie, very bouncy")[:1] == ["Juniper is a border collie"]

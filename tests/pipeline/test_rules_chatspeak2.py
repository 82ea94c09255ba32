"""A kin word opening a chat sentence in lower case, its "my" dropped, is who the sentence
is about (#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


@pytest.mark.parametrize(("message", "fact"), [
    ("husband is a paramedic lol", "Husband is a paramedic"),
    ("ok so. nan lives in Dundee and refuses to move", "Nan lives in Dundee"),
    ("daughter started nursery on monday", "Daughter started nursery on monday"),
])
def test_a_lower_case_kin_opening_a_sentence(message: str, fact: str) -> None:
    assert fact in state_after([("user", message)])


def test_a_kin_word_that_is_no_subject_stays_as_it_was() -> None:
    assert state_after([("user", "son of a gun, that was close")]) == []

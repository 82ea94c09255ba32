"""A thing said of as another of its kind (a work phone, a company car, a partner's) is
no replacement of the one held: no memory is lost to it (#22). Sentences written for this
file; none is in an evaluation set."""

from __future__ import annotations

from typing import Any

import pytest

from tests.pipeline._state import minilm_reconciler, state_after


@pytest.mark.parametrize(("held", "message"), [
    ("Uses a Samsung Galaxy", "my work phone is an iPhone 14"),
    ("Drives a Skoda Octavia", "my company car is a Polestar"),
    ("Drives a Skoda Octavia", "my wife's car is a Mini"),
])
def test_another_of_its_kind_leaves_the_one_held(shared_minilm: Any, held: str, message: str) -> None:
    assert held in state_after([("user", message)], [held], minilm_reconciler(shared_minilm))


def test_a_new_one_still_replaces(shared_minilm: Any) -> None:
    out = state_after([("user", "my new phone is a Pixel 9")], ["Uses a Samsung Galaxy"],
                      minilm_reconciler(shared_minilm))
    assert "Uses a Samsung Galaxy" not in out

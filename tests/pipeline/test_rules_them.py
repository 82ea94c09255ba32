""""Them" is the plural kind the sentence before named, read in the speaker's own words
before they are put in the third person, so the speaker's "me" (which becomes "them") is
never taken for it (#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def one(message: str, held: tuple[str, ...] = ()) -> list[str]:
    return state_after([("user", message)], held)


@pytest.mark.parametrize(("message", "fact"), [
    ("Allergic to horses, sadly. Adore them though.", "Adores horses"),
    ("I used to hate mushrooms. Now I love them.", "Loves mushrooms"),
    ("I keep bees. I check them every Sunday.", "Checks bees every Sunday"),
    ("I finally repotted my chilli plants. I water them twice a day.",
     "Waters their chilli plants twice a day"),
])
def test_them_is_the_kind_named_before(message: str, fact: str) -> None:
    assert fact in one(message)


def test_the_speakers_me_is_not_the_kind() -> None:
    state = one("I can't stand spiders anymore, they give me the creeps.")
    assert not any("give spiders" in f for f in state)

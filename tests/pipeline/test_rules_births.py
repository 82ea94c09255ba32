"""A baby of the speaker's own told as news keeps the child and the day, and ends the
wait for it (#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def one(message: str, held: tuple[str, ...] = ()) -> list[str]:
    return state_after([("user", message)], held)


@pytest.mark.parametrize(("message", "child"), [
    ("Our little boy Idris arrived last night, 8lb 1oz of noise", "Has a newborn son named Idris"),
    ("Baby girl Maeve was born on Sunday!! Everyone is smitten", "Has a newborn daughter named Maeve"),
    ("Little Kit arrived yesterday, we're all knackered", "Has a newborn baby named Kit"),
])
def test_the_child_is_kept_and_the_wait_ends(message: str, child: str) -> None:
    state = one(message, ("Is expecting a baby in the autumn",))
    assert child in state
    assert any(f.endswith(("was born last night", "was born on Sunday", "was born yesterday"))
               for f in state)
    assert "Is expecting a baby in the autumn" not in state


@pytest.mark.parametrize("message", ["My nephew Oskar was born on Monday",
                                     "Grandpa Stan was born in 1938 in Gdansk",
                                     "Dev arrived on Friday for the long weekend"])
def test_a_birth_not_the_speakers_or_a_visit_is_no_newborn(message: str) -> None:
    assert not any(f.startswith("Has a newborn") for f in one(message))

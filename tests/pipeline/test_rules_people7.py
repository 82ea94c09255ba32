"""What a relative does to a thing of their own keeps the tie to them, and ends only the
thing it names (#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def one(message: str, held: tuple[str, ...] = ()) -> list[str]:
    return state_after([("user", message)], held)


@pytest.mark.parametrize(("message", "tie"), [
    ("My cousin Dara sold his flat and moved out to Galway in May", "Has a cousin named Dara"),
    ("My aunt Bridget quit the choir after twenty years", "Has an aunt named Bridget"),
    ("my brother Emeka left Unilever last month", "Has a brother named Emeka"),
])
def test_their_own_ending_keeps_the_tie(message: str, tie: str) -> None:
    assert tie in one(message)


@pytest.mark.parametrize("message", ["My rabbit Clementine died on Sunday",
                                     "I sold my pony Sorrel in the spring",
                                     "My girlfriend Ana dumped me last night"])
def test_an_ending_of_the_tie_itself_adds_no_tie(message: str) -> None:
    assert not any(f.startswith("Has a") for f in one(message))


def test_a_move_said_with_a_new_job_keeps_both() -> None:
    state = one("My cousin Dara got a job in Galway and moved out there in May")
    assert "Cousin Dara got a job in Galway" in state
    assert any(f.startswith("Cousin Dara moved out") for f in state)


def test_a_relatives_move_ends_where_they_lived_not_their_job() -> None:
    held = ("Cousin Dara works at a bakery", "Cousin Dara lives with them")
    state = one("My cousin Dara moved out on Friday", held)
    assert "Cousin Dara works at a bakery" in state
    assert "Cousin Dara lives with them" not in state


def test_a_relatives_bare_quit_still_ends_their_job() -> None:
    state = one("My cousin Dara quit", ("Cousin Dara works at a bakery",))
    assert "Cousin Dara works at a bakery" not in state

"""Notes of work and home said short ("Part-time at Boots", "Night shifts" after "on",
"now in Manchester" after where one is from, "Mum of twins"), a note with a word of
emphasis after it ("Dog person, definitely"), a state held "12 years", a name that is
no name ("Vegan now"), and a change asked for by naming the thing ("can you update my
surname? It's ...") (#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def one(message: str, held: tuple[str, ...] = ()) -> list[str]:
    return state_after([("user", message)], list(held))


@pytest.mark.parametrize(("message", "facts"), [
    ("Full-time at Greggs", ["Works full-time at Greggs"]),
    ("on night shifts till March", ["Works night shifts till March"]),
    ("Originally from Cork, now in Bristol", ["Is originally from Cork", "Lives in Bristol"]),
    ("Dad of triplets", ["Has triplets"]),
    ("Cat person, obviously", ["Is a cat person"]),
    ("Plant-based since the summer", ["Is plant-based since the summer"]),
    ("Teetotal 3 years", ["Is teetotal 3 years"]),
    ("Vegetarian now", ["Is vegetarian now"]),
])
def test_a_note_of_work_or_home(message: str, facts: list[str]) -> None:
    assert one(message) == facts


def test_a_change_asked_for_names_what_it_is_of() -> None:
    out = one("Could you update my surname? It's Mensah now.", ("Surname is Owusu",))
    assert out == ["Surname is Mensah now"]


def test_a_name_before_an_adverb_and_a_verb_is_still_a_name() -> None:
    assert one("Kofi now lives in Accra") == ["Kofi now lives in Accra"]

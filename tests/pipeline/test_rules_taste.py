"""A taste said as what is or is not "my thing" (#22). Sentences written for this file;
none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def one(message: str) -> list[str]:
    return state_after([("user", message)])


@pytest.mark.parametrize(("message", "fact"), [
    ("Board games are not really my thing.", "Does not like board games"),
    ("Nightclubs were never my scene tbh", "Does not like nightclubs"),
    ("Poetry isn't my cup of tea at all.", "Does not like poetry"),
    ("Audiobooks are more my thing.", "Prefers audiobooks"),
    ("Salsa dancing is so my jam!", "Loves salsa dancing"),
])
def test_my_thing_is_a_taste(message: str, fact: str) -> None:
    assert one(message) == [fact]


@pytest.mark.parametrize("message", ["That's not my thing.", "It isn't really my scene."])
def test_a_pronoun_names_no_taste(message: str) -> None:
    assert not any(f.startswith(("Does not like", "Prefers", "Loves")) for f in one(message))


@pytest.mark.parametrize(("message", "fact"), [
    ("Give me a pub quiz over a nightclub any day.", "Prefers a pub quiz over a nightclub"),
    ("Miss my grandad's allotment.", "Misses their grandfather's allotment"),
])
def test_a_preference_or_a_longing_said_without_i(message: str, fact: str) -> None:
    assert one(message) == [fact]


def test_missing_you_is_no_fact() -> None:
    assert one("Miss you already!") == []

"""How one feels today, or how a body part does, is no lasting fact; a condition said
with since when is (#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def one(message: str) -> list[str]:
    return state_after([("user", message)])


@pytest.mark.parametrize("message", [
    "Honestly I'm shattered after the move.",
    "My calves are absolutely dead after that hill.",
    "Can't stop laughing at that video.",
    "I'm buzzing!!",
    "Honestly I'm heartbroken.",
    "Honestly, I am terrified.",
    "My mum is already crying.",
])
def test_a_feeling_of_the_day_stores_nothing(message: str) -> None:
    assert one(message) == []


def test_a_lasting_condition_is_kept() -> None:
    assert one("My knee has been sore since the ski trip in January.") \
        == ["Knee has been sore since the ski trip in January"]


def test_news_said_with_a_feeling_keeps_the_news() -> None:
    state = one("Got the job at Arup!! I'm over the moon.")
    assert any("Arup" in f for f in state)
    assert not any("over the moon" in f for f in state)


@pytest.mark.parametrize("message", [
    "I'm just settling a bet with my flatmate.",
    "I can't believe how fast this year went.",
    "I'll have a proper look at those tomorrow.",
    "I keep forgetting to water things.",
])
def test_what_the_speaker_does_in_the_chat_stores_nothing(message: str) -> None:
    assert one(message) == []


def test_an_eagerness_to_do_something_is_kept() -> None:
    assert one("Can't wait to start my pottery course in March!") \
        == ["Cannot wait to start their pottery course in March"]


@pytest.mark.parametrize("message", ["My nan cried when I told her.", "Grandad was so chuffed."])
def test_someones_reaction_to_the_news_is_not_stored(message: str) -> None:
    assert not any(f.endswith(("cried when they told her", "was so chuffed")) for f in one(message))


def test_what_someone_is_stays() -> None:
    assert one("My mum is a proud Yorkshirewoman.") == ["Mum is a proud Yorkshirewoman"]


def test_a_fear_of_something_is_kept() -> None:
    assert one("I'm scared of deep water.") == ["Is scared of deep water"]

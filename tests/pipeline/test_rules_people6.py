"""An -ly adverb before the verb, a name changed or shortened, "her" as whom a thing is
sent to, "he"/"she" after "my uncle's coming", a wish for what one lacks, a verb whose
object is left unsaid (#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def one(message: str, held: tuple[str, ...] = ()) -> list[str]:
    return state_after([("user", message)], held)


@pytest.mark.parametrize(("message", "fact"), [
    ("I quietly handed in my notice at Boots", "Quietly handed in their notice at Boots"),
    ("I apply for two grants a year", "Applies for two grants a year"),
])
def test_an_ly_adverb_is_not_the_verb(message: str, fact: str) -> None:
    assert one(message) == [fact]


def test_a_name_changed_is_the_name_now() -> None:
    assert one("I officially changed my name to Wren in March", ("Name is Jenny",)) \
        == ["Name is Wren"]


def test_a_short_name_for_short() -> None:
    assert one("My name's Bartholomew, Bart for short") \
        == ["Name is Bartholomew", "Prefers to be called Bart"]


def test_her_before_something_is_whom_it_is_for() -> None:
    state = one("My aunt Gwen turns 70 in June, I want to get her something special")
    assert "Wants to get Aunt Gwen something special" in state


@pytest.mark.parametrize("message", ["My nan's moving in with us in July, she only eats halal",
                                     "my nan's moving in with us in July. She only eats halal."])
def test_she_after_a_contracted_is_is_that_person(message: str) -> None:
    assert "Grandmother only eats halal" in one(message)


def test_a_wish_for_what_one_lacks_is_a_want() -> None:
    assert one("I wish I had a garden honestly") == ["Would like a garden"]
    assert one("i wish i had stayed longer") == []  # a regret


def test_a_verb_with_its_object_unsaid_is_no_fact() -> None:
    assert one("not going to yet, just looking") == []
    assert one("not planning to sell the car") == ["Is not planning to sell the car"]

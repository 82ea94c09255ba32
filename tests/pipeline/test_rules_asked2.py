"""Short replies read against the question they answer: a family tie asked about, what
the user has, what the user eats or keeps off (#22). Sentences written for this file;
none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def reply(question: str, answer: str, *held: str) -> list[str]:
    return state_after([("assistant", question), ("user", answer)], list(held))


def test_a_tie_put_right_in_the_reply() -> None:
    assert reply("Is Nadia your aunt?", "Godmother? no, cousin actually") in (
        ["Has a cousin named Nadia"], [])  # a reply with a question in it may give nothing
    assert reply("Is Nadia your aunt?", "cousin actually") == ["Has a cousin named Nadia"]
    assert reply("Is Omar your brother?", "yep") == ["Has a brother named Omar"]


def test_the_tie_put_right_replaces_the_held_one_said_either_way() -> None:
    assert reply("Is Nadia your aunt?", "no, she's my cousin", "Nadia is their aunt") == [
        "Has a cousin named Nadia"]


@pytest.mark.parametrize(("answer", "facts"), [
    ("Three younger sisters.", ["Has three younger sisters"]),
    ("A stepson, he's 15.", ["Has a stepson"]),
])
def test_what_is_had_said_as_the_answer(answer: str, facts: list[str]) -> None:
    assert reply("Do you have siblings or step-kids?", answer)[:1] == facts[:1] or \
        reply("Do you have any family nearby?", answer)[:1] == facts[:1]


def test_a_question_of_what_was_done_is_no_thing_had() -> None:
    assert "Has a tabby" not in reply("Have you chosen a kitten yet?", "A tabby")


@pytest.mark.parametrize(("answer", "facts"), [
    ("Dairy, I'm lactose intolerant", ["Avoids dairy", "Is lactose intolerant"]),
    ("no pork", ["Avoids pork"]),
    ("halal (no pork)", ["Is halal", "Avoids pork"]),
])
def test_a_diet_reply_names_foods_kept_off_and_states(answer: str, facts: list[str]) -> None:
    assert reply("Any dietary restrictions?", answer) == facts


def test_allergies_listed_with_and_are_each_one() -> None:
    assert reply("Any allergies?", "Sesame, and kiwi") == ["Is allergic to sesame", "Is allergic to kiwi"]

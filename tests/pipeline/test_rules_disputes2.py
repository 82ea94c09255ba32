"""A challenge that names what it disputes ("You've got my birthday wrong"), a value put
right after a filler ("oh hang on"), a reply opened by "nah", and a count said again with
another word for the same thing ("kids" for "children") (#22). Every sentence is written
for this file; none is in an evaluation set."""

from __future__ import annotations

from typing import Any

import pytest

from engram.pipeline.rules._challenged import disputed
from engram.pipeline.rules._restated import restated
from tests.pipeline.test_rules_nearest import replaces, state


@pytest.mark.parametrize(("sentence", "read"), [
    ("You've got my postcode wrong, it's LS6 2AB", ("postcode", "my postcode is LS6 2AB")),
    ("You have my shoe size wrong btw, it's 9", ("shoe size", "my shoe size is 9")),
    ("That's not my surname, it's Mensah.", ("surname", "my surname is Mensah")),
    ("You've got my age wrong.", ("age", None)),
])
def test_a_challenge_names_what_it_disputes(sentence: str, read: tuple[str, str | None]) -> None:
    assert disputed(sentence) == read


@pytest.mark.parametrize("sentence", ["You've got my back, thanks", "That's not my problem",
                                      "You've got my vote"])
def test_a_sentence_that_disputes_nothing_is_not_read_as_a_challenge(sentence: str) -> None:
    assert disputed(sentence) is None


@pytest.mark.parametrize(("held", "content"), [
    ("Birthday is on 4 May", "You've got my birthday wrong, it's the 14th of May."),
    ("Birthday is on 4 May", "You've got my birthday wrong. It's the 14th of May."),
    ("Surname is Patel", "That's not my surname, it's Shah."),
    ("Is 50 years old", "You have my age wrong, I'm 52."),
])
def test_the_value_after_a_named_challenge_replaces_the_held_one(
        shared_minilm: Any, held: str, content: str) -> None:
    assert replaces(shared_minilm, held, content)


def test_a_filler_before_the_marker_still_takes_the_value_back() -> None:
    assert restated("I'm 41, oh hang on, 42 now") == "I'm 42"
    assert restated("We land at 6, um, sorry, 7") == "We land at 7"
    # a filler alone takes nothing back
    assert restated("I'm 41, oh, and I swim") == "I'm 41, oh, and I swim"


def test_a_reply_opened_by_nah_is_read_as_the_statement_after_it(shared_minilm: Any) -> None:
    assert replaces(shared_minilm, "Is allergic to wasps", "Nah it's bees I'm allergic to.")
    assert "Lives in Derby" in state(shared_minilm, [], "Nope, I live in Derby.")


@pytest.mark.parametrize("content", ["Just to correct you, I've got three kids, not two.",
                                     "I have three children, not two."])
def test_a_count_corrected_with_another_word_for_it_replaces_the_count(
        shared_minilm: Any, content: str) -> None:
    after = state(shared_minilm, ["Has two kids", "Likes crosswords"], content)
    assert "Has two kids" not in after and "Likes crosswords" in after
    assert any(f.startswith("Has three") for f in after)


def test_a_remark_about_the_children_keeps_their_count(shared_minilm: Any) -> None:
    assert "Has two children" in state(shared_minilm, ["Has two children"], "My kids love Lego.")

"""People as chat names them: short relations and lower-case names (#22). Sentences
written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._chatnames import chat_names
from tests.pipeline.test_rules_mechanisms import final


@pytest.mark.parametrize(("text", "said"), [
    ("my gf lou is a vet", "my girlfriend Lou is a vet"),
    ("our little sis nia starts school", "our little sister Nia starts school"),
    ("my mate baz's moving to perth", "my mate Baz's moving to perth"),
    ("my cousin tam, she's a pilot", "my cousin Tam, she's a pilot"),
])
def test_a_lower_case_name_after_a_relation_is_a_name(text: str, said: str) -> None:
    assert chat_names(text) == said


@pytest.mark.parametrize("text", [
    "my sister lives in hull", "my dad always says that", "I'm helping my mum paint her kitchen",
    "my son plays rugby", "my kids love it", "thanks bro", "my brother in law is here",
])
def test_a_verb_or_a_word_of_manner_after_a_relation_is_no_name(text: str) -> None:
    assert chat_names(text) == text


def test_a_named_relative_in_lower_case_gets_facts_of_their_own() -> None:
    assert final([], "my bf tariq is allergic to sesame") == [
        "Has a boyfriend named Tariq", "Boyfriend Tariq is allergic to sesame"]


def test_a_name_the_assistant_used_is_a_name_in_the_reply() -> None:
    assert final(["Has a cat named Pip"], "pip is a rabbit actually",
                 before="How's Pip getting on?") == ["Has a rabbit named Pip"]


def test_a_word_that_is_only_spelled_like_the_name_stays() -> None:
    assert final([], "we're going to max out the budget", before="Is Max coming too?") == [
        "Is going to max out the budget"]


def test_a_known_ones_kind_put_right_keeps_the_tie() -> None:
    state = final(["Has a dog named Biscuit"], "Biscuit is a cat, she'd be offended")
    assert "Has a cat named Biscuit" in state and "Has a dog named Biscuit" not in state

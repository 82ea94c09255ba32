"""Corrections of what the assistant said: a place put right ("wrong city, I'm in Bath"),
a value denied after a tag question, and a relation said with "'s my" (#22). Sentences
written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_mechanisms import final


@pytest.mark.parametrize(("before", "reply"), [
    ("Since you're in Derby, try the museum.", "wrong city, I'm in Lincoln"),
    ("Derby has a good market.", "I'm in Lincoln actually, moved in March"),
    ("What's the weather like in Derby?", "nope, I'm in Lincoln"),
])
def test_a_place_put_right_is_where_the_user_lives(before: str, reply: str) -> None:
    state = final(["Lives in Derby"], reply, before=before)
    assert "Lives in Lincoln" in state and "Lives in Derby" not in state


def test_being_somewhere_said_plainly_is_no_move() -> None:
    assert final(["Lives in Derby"], "I'm in Lincoln for the weekend") == [
        "Lives in Derby", "Is in Lincoln for the weekend"]


@pytest.mark.parametrize(("before", "reply", "fact"), [
    ("Your anniversary is on 4 June, right?", "nope, 14 June", "Anniversary is on 14 June"),
    ("You work at Boots, don't you?", "no, Superdrug", "Works at Superdrug"),
])
def test_a_no_to_a_tagged_statement_gives_the_right_value(before: str, reply: str,
                                                          fact: str) -> None:
    assert fact in final([], reply, before=before)


def test_a_relation_said_with_s_my() -> None:
    assert "Has a nephew named Alfie" in final([], "Alfie's my nephew, he's six")


def test_the_first_stretch_on_other_shifts_moves_the_shifts() -> None:
    assert final(["Works night shifts at the depot"], "first week back on days, feel human again") == [
        "Works day shifts at the depot"]


def test_a_common_word_put_right_at_the_end_of_a_clause() -> None:
    assert final([], "I coach netball, sorry, hockey") == ["Coaches hockey"]


@pytest.mark.parametrize(("content", "facts"), [
    ("I don't eat pork, beef and lamb are fine though", ["Does not eat pork"]),
    ("no dairy for me, goat's cheese is ok", ["Avoids dairy"]),
])
def test_what_is_allowed_after_what_is_not_is_no_fact_of_its_own(content: str,
                                                                 facts: list[str]) -> None:
    assert final([], content) == facts

"""Who "she" and "he" are, and a relative's state said with "'s" (issue #22). Sentences
written for these tests, in no eval set."""

from __future__ import annotations

from tests.pipeline._state import state_after


def facts(message: str, *held: str) -> list[str]:
    return state_after([("user", message)], list(held))


def test_she_after_a_relatives_news_is_that_relative() -> None:
    state = facts("My boss quit in May. My aunt's knee op went fine, she's home now")
    assert "Aunt is home now" in state and not any(f.startswith("Boss is home") for f in state)


def test_she_is_never_a_brother() -> None:
    assert facts("My brother came round, she was lovely") == ["Brother came round"]


def test_a_relatives_state_with_s_as_is() -> None:
    assert facts("my grandad's diabetic") == ["Grandfather is diabetic"]
    assert facts("My aunt's car was stolen") == ["Aunt's car was stolen"]


def test_days_joined_by_and_are_one_time() -> None:
    assert facts("I do pilates on Monday and Wednesday evenings") == \
        ["Does pilates on Monday and Wednesday evenings"]


def test_twins_named_are_the_users_children_born_together() -> None:
    assert facts("I have twins, Noor and Zain") == ["Has twins named Noor and Zain"]


def test_a_clause_before_a_colon_is_no_label() -> None:
    assert facts("We have triplets: Ike, Oli and Ray") == ["Has triplets named Ike, Oli and Ray"]

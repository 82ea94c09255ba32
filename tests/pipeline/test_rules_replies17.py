"""Short replies: a place one would like to go is gone to, and a kin named alone is who
"she" or "he" is next (#22). Sentences written for this file; none is in an evaluation
set."""

from __future__ import annotations

from tests.pipeline._state import state_after


def test_where_one_would_like_to_go_is_gone_to() -> None:
    state = state_after([("user", "Help me plan a holiday."),
                         ("assistant", "Of course! Where would you like to go?"),
                         ("user", "Vietnam, probably")])
    assert any(f.startswith("Would like to go to Vietnam") for f in state)


def test_a_kin_named_alone_is_who_she_is() -> None:
    state = state_after([("user", "I need a present idea."),
                         ("assistant", "Happy to help. Who is it for?"),
                         ("user", "my aunt, she loves gardening")])
    assert "Aunt loves gardening" in state

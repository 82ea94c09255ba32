"""News after what brought it, in one sentence: ", turns out I ..." is a clause of its own
(#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


@pytest.mark.parametrize(("message", "fact"), [
    ("Skin prick test this morning, turns out I'm allergic to birch pollen.",
     "Is allergic to birch pollen"),
    ("Had the hearing test on Monday, turned out I have tinnitus in one ear.",
     "Has tinnitus in one ear"),
])
def test_turns_out_opens_a_clause(message: str, fact: str) -> None:
    assert fact in state_after([("user", message)])


def test_a_treat_is_a_purchase() -> None:
    assert state_after([("user", "Treated myself to a second-hand Brompton!")]) \
        == ["Bought a second-hand Brompton"]

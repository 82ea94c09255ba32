"""One thing exchanged with someone is a favour, not a change; a noun that is also a
word of change still names a thing ("the book club novel") (issue #22). Every sentence
is written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_mechanisms import final


@pytest.mark.parametrize(("held", "message"), [
    ("Works early shifts", "Swapped a shift with a workmate for Friday."),
    ("Works weekends at the garden centre", "Traded two Saturdays with my brother this month."),
    ("Is in a book club", "Finished the book club thriller on the train."),
])
def test_a_favour_or_a_qualifying_noun_changes_nothing(held: str, message: str) -> None:
    assert held in final([held], message)


def test_a_real_swap_still_changes() -> None:
    assert "Works early shifts" not in final(["Works early shifts"],
                                            "Switched to late shifts from next month.")

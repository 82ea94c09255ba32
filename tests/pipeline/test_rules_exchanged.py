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


# Near misses of today's new endings, written to break them: each leaves the held memory.
@pytest.mark.parametrize(("held", "message"), [
    ("Works nights", "Swapped nights with my colleague Raj for Christmas."),
    ("Plays tennis", "My tennis days are over for this season, back in spring."),
    ("Has a dog named Rolo", "Rolo didn't make it to the vet on time, we had to rebook."),
    ("Is married to Ana", "Ana and I split the cooking, she does weekdays."),
    ("Lives in Bristol", "Off to Bristol airport at 5am tomorrow."),
    ("Drinks coffee", "Two days without coffee on this retreat, tough."),
    ("Is training for a marathon", "Crossed the finish line of the park run in 24 min."),
])
def test_a_near_miss_of_an_ending_leaves_the_held_memory(held: str, message: str) -> None:
    assert held in final([held], message)

"""A relative's news never changes what the user holds of themselves: "Sister now works at
the Royal Infirmary too" deleted the user's own "Works at the Royal Infirmary". Every
sentence is written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._theirs import theirs
from tests.pipeline.test_rules_mechanisms import final


@pytest.mark.parametrize(("held", "message"), [
    ("Teaches at Hillside Primary", "My brother now teaches at Hillside Primary too."),
    ("Goes climbing on Sundays", "My wife took up climbing again this spring."),
    ("Is gluten-free", "My dad went gluten-free this month as well."),
])
def test_a_relatives_news_leaves_the_users_own_memory(held: str, message: str) -> None:
    after = final([held], message)
    assert held in after and len(after) == 2, after


def test_the_tie_to_the_relative_and_a_wait_for_them_still_follow_their_news() -> None:
    assert "Is expecting a baby in May" not in final(
        ["Is expecting a baby in May"], "Our baby girl Iris was born on Friday!")
    assert any("Arlo" in f and "school" in f for f in final(
        ["Has a son named Arlo"], "My son Arlo started school this week."))


@pytest.mark.parametrize(("fact", "held", "expected"), [
    ("Sister now teaches yoga", "Teaches yoga", True),
    ("Sister Ana now teaches yoga", "Has a sister named Ana", False),  # the tie: named
    ("Boss now lets them leave at four", "Leaves work at five", False),  # the user's news
    ("Sister now teaches yoga", "Sister Ana teaches pilates", False),  # not the user's own
    ("Now teaches yoga", "Teaches pilates", False),  # the user's own news
])
def test_theirs(fact: str, held: str, expected: bool) -> None:
    assert theirs(fact, held) is expected


def test_a_relation_with_a_word_before_it_is_a_subject_of_its_own() -> None:
    held = "Is learning Italian"
    assert held in final([held], "My Italian teacher moved to Bari last month.")
    from engram.pipeline.rules._topics import split_subject
    assert split_subject("Older brother Sam lives in Leeds") == ("older brother sam", "Lives in Leeds")
    assert split_subject("Called mum yesterday evening") == ("", "Called mum yesterday evening")

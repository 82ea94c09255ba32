"""Repairs made inside one message: a value put right after a trailing "...", a "typo"
or a "Correction:" heading, an article before the right value, a clause taken back with
"no wait" (issue #22). Every sentence is written for this file; none is in an evaluation
set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_round3 import conversation


@pytest.mark.parametrize(("said", "state"), [
    # a sentence trailing off, then the right value after any opener
    ("I work at Boots... sorry, Superdrug.", ["Works at Superdrug"]),
    ("I live in Derby... well, Belper now.", ["Lives in Belper"]),
    ("I'm allergic to kiwi... actually it's mango, not kiwi.", ["Is allergic to mango"]),
    # "typo" and a "Correction:" heading put a value right; neither is a label of its own
    ("My cousin's name is Jon. Sorry, typo, Joan.", ["Has a cousin named Joan"]),
    ("The recital is on the 3rd. Correction: the 5th.", ["Recital is on the 5th"]),
    # the right value may come with its article
    ("I ride a Vespa, or rather a Lambretta.", ["Rides a Lambretta"]),
])
def test_a_value_put_right_in_the_same_message_replaces_it(said: str, state: list[str]) -> None:
    assert conversation(("user", said)) == state


def test_a_clause_taken_back_gives_no_fact_and_keeps_its_person() -> None:
    # "she" in the clause that puts it right is still the niece named in the one taken back
    state = conversation(("user", "My niece is 11, no wait, she turned 12 in May."))
    assert not any("11" in f for f in state)
    assert any(f.startswith("Niece") and "12" in f for f in state)


@pytest.mark.parametrize("said", [
    "Correction: the 5th.", "Typo: Joan.", "Update: all good.",
])
def test_a_repair_heading_is_no_label(said: str) -> None:
    assert not any(f.startswith(("Correction is", "Typo is", "Update is"))
                   for f in conversation(("user", said)))


def test_a_trailing_off_without_a_value_after_it_changes_nothing() -> None:
    # "well, most of it" names no value: the first sentence stands
    assert conversation(("user", "I love Lyon... well, most of it.")) == ["Loves Lyon"]


@pytest.mark.parametrize(("held", "said", "state"), [
    # a name put right in a full clause, the wrong one named
    (["Has a daughter named Lia"], "Oops, my daughter is called Leah, not Lia.",
     ["Has a daughter named Leah"]),
    # a common word put right, with the speaker's own comment on the slip after it
    (["Enjoys salsa dancing"], "Not salsa, bachata, I always mix them up.",
     ["Enjoys bachata dancing"]),
])
def test_a_value_put_right_against_what_is_held(held: list[str], said: str,
                                                state: list[str]) -> None:
    assert conversation(("user", said), existing=held) == state

"""Chat fragments and contractions: a word to the assistant after a comma, a negative
clause with its "I" left out, "Baby's here", "hit 40", a relative's "'s" before a past
form, a rented home, an allergy said by its noun, and a new slot that moves both the day
and the date (#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

from typing import Any

import pytest

from engram.pipeline.rules._contracted import uncontracted
from engram.pipeline.rules._identity import identity_fact
from engram.pipeline.rules._sentences import split_clauses
from engram.pipeline.rules._slots import slot_of
from tests.pipeline.test_rules_nearest import replaces, state


def test_a_word_to_the_assistant_after_a_comma_is_a_clause_of_its_own() -> None:
    assert split_clauses("I'm 52 actually, you've mixed me up with someone") == [
        "I'm 52 actually", "you've mixed me up with someone"]


def test_a_negative_clause_without_its_subject_is_the_speakers() -> None:
    assert split_clauses("I love olives, don't like capers though") == [
        "I love olives", "I don't like capers"]


def test_a_word_with_s_before_here_is_no_name() -> None:
    assert identity_fact("Baby's here") is None
    assert identity_fact("Otto here") == "Name is Otto"


@pytest.mark.parametrize(("held", "content"), [
    ("Is 39 years old", "Hit 40 on Saturday, feeling ancient."),
    ("Is 61 years old", "I'm 16 actually, you've got the digits backwards."),
    ("Smokes twenty a day", "eight weeks without a single cigarette, didn't think I'd manage it"),
])
def test_the_fact_after_chat_trimmings_replaces_the_held_one(shared_minilm: Any, held: str,
                                                              content: str) -> None:
    assert replaces(shared_minilm, held, content)


def test_hitting_a_number_that_is_no_age_is_left_alone(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Is 39 years old"], "I hit 100 on the motorway today.")
    assert "Is 39 years old" in after


def test_a_relatives_s_before_a_past_form_is_has_and_a_things_is_is() -> None:
    assert uncontracted("Dad's sold the caravan") == "Dad has sold the caravan"
    assert uncontracted("my grandma's moved in with us") == "my grandma has moved in with us"
    assert uncontracted("The match's cancelled") == "The match is cancelled"


def test_a_relative_who_moved_leaves_the_home_held(shared_minilm: Any) -> None:
    assert replaces(shared_minilm, "Dad lives in Wigan", "Dad's moved to Preston.")


def test_a_rented_home_is_where_the_user_lives(shared_minilm: Any) -> None:
    assert slot_of("Rents a studio in Leith") is not None
    assert replaces(shared_minilm, "Rents a room in Leith",
                    "We moved into our flat in Portobello on Friday.")


def test_an_allergy_said_by_its_noun_corrects_the_allergy_held(shared_minilm: Any) -> None:
    assert replaces(shared_minilm, "Is allergic to penicillin",
                    "No, that's not right. My allergy is to amoxicillin, not penicillin.")


def test_a_new_day_and_date_both_move(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Has a scan on Monday the 3rd"],
                  "The hospital rang and moved my scan to Thursday the 6th.")
    assert after == ["Has a scan on Thursday the 6th"]

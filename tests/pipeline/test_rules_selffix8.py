"""Values put right inside one message (#22): a marker that takes a value back ("no wait",
"sorry", "well actually", "hang on") and the value that stands, within a sentence or in
the next one. The right value replaces the one of its own kind, so "from Leeds on Friday,
no wait, York" fixes the place and keeps the day. Every sentence is written for this
file; none is in an evaluation set."""

from __future__ import annotations

from typing import Any

import pytest

from engram.pipeline.rules._restated import restated
from tests.pipeline._state import minilm_reconciler, state_after
from tests.pipeline.test_rules_mechanisms import final


@pytest.mark.parametrize(("said", "meant"), [
    ("The train leaves Leeds on Friday, no wait, York", "The train leaves York on Friday"),
    ("Book it for Friday, sorry, Saturday, at noon", "Book it for Saturday, at noon"),
    ("The gig is in July, well actually August", "The gig is in August"),
    ("I'm 52, sorry, 53", "I'm 53"),
    ("Her party starts at 6pm, hang on, 7pm", "Her party starts at 7pm"),
])
def test_the_value_said_after_a_marker_replaces_the_one_of_its_kind(said: str,
                                                                    meant: str) -> None:
    assert restated(said) == meant


@pytest.mark.parametrize("said", [
    "I adore Venice, well, most of it",  # no value after the marker
    "We meet on Mondays, sorry, Leeds is far",  # a name follows, but no name came before
    "I said Bristol, but I meant Bath",  # a retraction of its own (``_corrections``)
    "My sister moved to Lyon in May, no regrets",
])
def test_a_marker_without_a_value_of_a_kind_said_before_changes_nothing(said: str) -> None:
    assert restated(said) == said


def test_a_date_put_right_in_the_next_sentence_replaces_it_in_the_fact() -> None:
    after = final([], "My driving lesson is on the 3rd of June. Hold on, no, they moved it "
                      "to the 5th.")
    assert after == ["Driving lesson is on the 5th of June"]


def test_a_time_put_right_in_the_next_sentence_leaves_one_fact() -> None:
    after = final([], "My haircut is Wednesday at 2. Scratch that, it's at 5.")
    assert after == ["Haircut is Wednesday at 5"]


def test_the_place_put_right_mid_sentence_keeps_the_day() -> None:
    after = final([], "I'm driving up from Cardiff on Sunday, no wait, Swansea.")
    assert len(after) == 1 and "Swansea on Sunday" in after[0] and "Cardiff" not in after[0]


def test_no_to_a_still_question_ends_the_old_value_and_keeps_the_new() -> None:
    after = final(["Works Saturdays at the bike shop"],
                  "No, Thursdays since the summer.",
                  before="Are you still doing Saturdays at the bike shop?")
    assert "Works Saturdays at the bike shop" not in after
    assert any("Thursdays" in f and "bike shop" in f for f in after)


def test_no_to_a_still_question_without_a_value_only_ends_it() -> None:
    after = final(["Is on night shifts"], "Nope.", before="Are you still on night shifts?")
    assert "Is on night shifts" not in after


def test_a_statement_narrowed_a_moment_later_keeps_only_the_narrower_thing() -> None:
    after = final([], "I react badly to dairy. Oh wait, it's actually just cream, butter is fine.")
    assert after == ["Reacts badly to cream"]


@pytest.mark.parametrize("said", [
    "I react badly to dairy. It's just a phase.",  # no opener: no correction
    "I react badly to dairy. Oh, it's only Monday.",  # no common noun to narrow to
])
def test_what_is_not_a_narrowing_leaves_the_statement(said: str) -> None:
    assert "Reacts badly to dairy" in final([], said)


def test_a_held_statement_narrowed_later_by_its_object_with_the_embedding(
        shared_minilm: Any) -> None:
    held = ["Is allergic to seafood", "Lives in Bristol", "Plays the banjo"]
    after = state_after([("user", "Sorry, I got that wrong before: it's only prawns that do it.")],
                        held, minilm_reconciler(shared_minilm))
    assert "Is allergic to prawns" in after and "Is allergic to seafood" not in after
    assert {"Lives in Bristol", "Plays the banjo"} <= set(after)


def test_a_narrowing_near_no_held_object_changes_nothing(shared_minilm: Any) -> None:
    held = ["Lives in Bristol", "Plays the banjo"]
    after = state_after([("user", "Oh wait, it's actually just prawns.")], held,
                        minilm_reconciler(shared_minilm))
    assert set(held) <= set(after)

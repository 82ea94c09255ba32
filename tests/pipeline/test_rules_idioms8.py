"""Changes said with an idiom replace what they change (#22): a wedding, a promotion, a
switch, a habit or a renewal given up, a car written off, a course dropped, a last day
at work. Every sentence is written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._idioms import last_day, plain_change, said_plainly
from tests.pipeline.test_rules_mechanisms import final


@pytest.mark.parametrize(("fact", "plain"), [
    ("Tied the knot with Ines in June", "Got married with Ines in June"),
    ("Got bumped up to shift supervisor", "Got promoted to shift supervisor"),
    ("Got the sack from the call centre", "Was fired from the call centre"),
    ("Kicked the habit last spring", "Quit last spring"),
    ("Made the switch to oat milk", "Switched to oat milk"),
    ("Is finally out of Croydon", "Is finally out of Croydon"),  # no adverb of for-good
    ("Is officially out of Croydon", "Moved out of Croydon"),
    ("Tied a knot in the rope", "Tied a knot in the rope"),
])
def test_a_change_idiom_is_said_in_plain_words(fact: str, plain: str) -> None:
    assert plain_change(fact) == plain


def test_a_last_day_said_in_the_past_is_a_leaving() -> None:
    assert last_day("My last day at the library was Thursday") == "I left the library on Thursday"
    assert last_day("My last day at the library is Thursday") is None  # still to come


def test_a_last_day_said_without_my_is_a_leaving() -> None:
    assert last_day("Last shift at the garden centre was Sunday") == \
        "I left the garden centre on Sunday"
    assert last_day("Final day at Halfords was the 2nd") == "I left Halfords on the 2nd"
    assert last_day("Last day with the orchestra was in March") == \
        "I left the orchestra in March"
    assert last_day("Last day at the garden centre is Sunday") is None  # still to come


@pytest.mark.parametrize(("held", "message", "gone"), [
    ("Owns a Ford Fiesta", "The Fiesta got written off on the motorway.", "Owns a Ford Fiesta"),
    ("Has a gym membership at PureGym", "Didn't renew the PureGym membership, too far away.",
     "Has a gym membership at PureGym"),
    ("Takes Spanish evening classes", "Dropped the Spanish classes after Christmas.",
     "Takes Spanish evening classes"),
    ("Works as a porter at St Mary's", "My last day at St Mary's was Monday.",
     "Works as a porter at St Mary's"),
    ("Uses a Dell laptop", "Went over to a ThinkPad and never looked back.", "Uses a Dell laptop"),
    ("Drinks five cups of tea a day", "I've cut down to two cups of tea.",
     "Drinks five cups of tea a day"),
])
def test_the_idiom_replaces_the_memory_it_changes(held: str, message: str, gone: str) -> None:
    after = final([held, "Likes crosswords"], message)
    assert gone not in after and "Likes crosswords" in after


@pytest.mark.parametrize(("fact", "plain"), [
    ("Grandad hit 90 on Sunday", "Grandad turned 90 on Sunday"),
    ("Hit 40 deer signs on the drive", "Hit 40 deer signs on the drive"),  # no age
    ("Karaoke has never been their thing", "Does not like karaoke"),
    ("Is not their thing", "Is not their thing"),
])
def test_an_age_reached_and_a_dislike_said_as_not_my_thing(fact: str, plain: str) -> None:
    assert plain_change(fact) == plain


def test_one_name_with_another_relation_is_no_duplicate() -> None:
    after = final(["Has a sister named Roisin"], "No, Roisin is my niece, I don't have a sister.")
    assert "Has a niece named Roisin" in after and "Has a sister named Roisin" not in after


@pytest.mark.parametrize(("clause", "plain"), [
    ("My Saturday mornings are parkrun now", "I do parkrun on Saturday mornings now"),
    ("Our weekends are all about the allotment these days",
     "I do the allotment on weekends these days"),
    ("My evenings are quiet", None),
    ("My Mondays are busy now", None),  # how the time feels, no activity
    # without "my", only with "for" or "all about"
    ("Lunchtimes are for swimming now", "I do swimming on lunchtimes now"),
    ("Sunday afternoons are all about the garden these days",
     "I do the garden on Sunday afternoons these days"),
    ("Evenings are dark now", None),
    ("Weekends are chaos these days", None),
])
def test_a_regular_time_given_over_to_an_activity(clause: str, plain: str | None) -> None:
    assert said_plainly(clause) == plain


def test_the_time_given_over_to_a_new_sport_replaces_the_old_one() -> None:
    after = final(["Plays squash on Thursdays", "Likes crosswords"],
                  "My Thursday evenings are badminton now.")
    assert "Plays squash on Thursdays" not in after and "Likes crosswords" in after


@pytest.mark.parametrize(("fact", "plain"), [
    ("Ended up selling the caravan", "Sold the caravan"),
    ("Ended up quitting the band", "Quit the band"),
    ("Ended up doing medicine", "Ended up doing medicine"),  # an outcome, no change verb
])
def test_ended_up_with_a_change_is_the_change_in_the_past(fact: str, plain: str) -> None:
    assert plain_change(fact) == plain

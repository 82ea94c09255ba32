"""A corrected value put in place once, and an event said after a state in one breath
(issue #22). Every sentence is written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._coordination import split_comma_predicates
from tests.pipeline.test_rules_round3 import conversation


@pytest.mark.parametrize(("held", "said", "expected"), [
    # the value's unit is already in the held memory: it is not said twice
    (["Has two cats"], "Sorry, three cats, not two.", ["Has three cats"]),
    (["Keeps four hens in the garden"], "Oops, five hens, not four.",
     ["Keeps five hens in the garden"]),
    # a value without a unit is put in as it was
    (["Lives in Leeds"], "Sorry, I meant York, not Leeds.", ["Lives in York"]),
])
def test_a_corrected_value_replaces_the_old_one_once(held: list[str], said: str,
                                                     expected: list[str]) -> None:
    assert conversation(("user", said), existing=held) == expected


@pytest.mark.parametrize(("fact", "parts"), [
    # a past verb with its object after a state or a habit is an event of its own
    ("Is 41, had their birthday on Friday", ["Is 41", "Had their birthday on Friday"]),
    ("Is shattered, ran a half marathon this morning",
     ["Is shattered", "Ran a half marathon this morning"]),
    ("Loves the new kayak, bought a paddle for it", ["Loves the new kayak",
                                                    "Bought a paddle for it"]),
    # a bare participle is still a state, and a list is still one fact
    ("Is 52, divorced with one son", ["Is 52", "Is divorced with one son"]),
    ("Likes plums, pears and figs", ["Likes plums, pears and figs"]),
    # a past verb with no object is not split off ("raised" describes where they are from)
    ("Is from Hull, born and raised", ["Is from Hull, born and raised"]),
])
def test_a_past_event_after_a_state_is_a_fact_of_its_own(fact: str, parts: list[str]) -> None:
    assert split_comma_predicates(fact) == parts


def test_an_age_said_with_its_occasion_updates_the_age_held() -> None:
    out = conversation(("user", "I'm 41, had my birthday on Friday."),
                       existing=["Is 40 years old", "Lives in Hull"])
    assert sorted(out) == ["Had their birthday on Friday", "Is 41 years old", "Lives in Hull"]


@pytest.mark.parametrize(("held", "said", "expected"), [
    # the thing itself is the subject; the held memory keeps its words, with the new time
    (["Plays badminton on Fridays"], "Badminton is on Sundays now.", ["Plays badminton on Sundays"]),
    (["Goes to choir on Wednesdays"], "Choir moved to Mondays.", ["Goes to choir on Mondays"]),
    # someone else moved it
    (["Has a physio appointment on the 11th"], "The clinic moved my physio to the 15th.",
     ["Has a physio appointment on the 15th"]),
    # a correction of an appointment's date, said as a statement
    (["Has a vet appointment on the 2nd"], "Correction: the vet appointment is on the 3rd.",
     ["Has a vet appointment on the 3rd"]),
    # days said together move together, in the held memory's form
    (["Swims on Mondays and Wednesdays"], "I moved my swimming to Tuesday and Thursday.",
     ["Swims on Tuesdays and Thursdays"]),
    # a clock time for a clock time
    (["Walks the dog at 7am"], "I walk the dog at 6am now.", ["Walks the dog at 6am"]),
])
def test_a_schedule_held_moves_to_the_new_time(held: list[str], said: str,
                                                expected: list[str]) -> None:
    assert conversation(("user", said), existing=held) == expected


def test_a_day_added_to_the_days_held_moves_none_of_them() -> None:
    out = conversation(("user", "I'm in the office on Tuesdays as well as Mondays now."),
                       existing=["Works from the office on Mondays"])
    assert out and all("Mondays" in f for f in out if "office" in f)


@pytest.mark.parametrize(("held", "said", "kept"), [
    # another activity on another day moves nothing
    (["Plays badminton on Fridays"], "Yoga is on Sundays now.", "Plays badminton on Fridays"),
    # a relative's schedule is theirs
    (["Goes to choir on Wednesdays"], "My sister's choir moved to Mondays.",
     "Goes to choir on Wednesdays"),
])
def test_a_time_that_moves_nothing_held_leaves_it(held: list[str], said: str, kept: str) -> None:
    assert kept in conversation(("user", said), existing=held)


@pytest.mark.parametrize(("held", "said", "expected"), [
    # an amount said as where it has got to replaces the amount held, in the held words
    (["Smokes about ten cigarettes a day"], "Down to two cigarettes a day now.",
     ["Smokes two cigarettes a day"]),
    (["Drinks five cans of cola a week"], "I'm down to one can of cola a week.",
     ["Drinks one can of cola a week"]),
    # the period goes with the amount
    (["Drinks three teas a day"], "I've cut back to a single tea in the evening.",
     ["Drinks a single tea in the evening"]),
])
def test_a_new_amount_replaces_the_amount_held(held: list[str], said: str,
                                               expected: list[str]) -> None:
    assert conversation(("user", said), existing=held) == expected


def test_an_amount_of_another_thing_leaves_the_held_one() -> None:
    out = conversation(("user", "Down to two biscuits a day now."),
                       existing=["Drinks three teas a day"])
    assert "Drinks three teas a day" in out


@pytest.mark.parametrize(("held", "said", "expected"), [
    # a count corrected by itself, with what it counts, corrects the held count
    (["Has two sons"], "Three sons actually, the eldest is at uni.", "Has three sons"),
    (["Keeps three hens"], "Four hens, sorry.", "Keeps four hens"),
])
def test_a_count_said_again_corrects_the_held_count(held: list[str], said: str,
                                                    expected: str) -> None:
    out = conversation(("user", said), existing=held)
    assert expected in out and held[0] not in out


def test_a_bare_value_does_not_guess_at_a_held_memory() -> None:
    assert "Lives in Cork" in conversation(("user", "Galway actually."), existing=["Lives in Cork"])


def test_the_part_of_the_day_a_shift_is_worked_moves_in_the_held_words() -> None:
    out = conversation(("user", "I'm on early shifts now, thankfully."),
                       existing=["Works late shifts at the warehouse"])
    assert out == ["Works early shifts at the warehouse"]


@pytest.mark.parametrize(("fact", "parts"), [
    # an adverb of how often goes with each verb phrase, a bare verb included
    ("Usually cooks dinner, swim, and read before bed",
     ["Usually cooks dinner", "Usually swims", "Usually reads before bed"]),
    # a list of things after one verb stays one fact
    ("Usually drinks tea, coffee and juice", ["Usually drinks tea, coffee and juice"]),
])
def test_an_adverb_of_how_often_goes_with_each_phrase(fact: str, parts: list[str]) -> None:
    assert split_comma_predicates(fact) == parts

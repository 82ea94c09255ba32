"""A relative's wait settled by what happened, and a visit that moves nobody (issue #22).
Every sentence is written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_round3 import conversation


@pytest.mark.parametrize(("held", "said", "gone", "kept"), [
    # the verb after the person's name is what happened: the training is over
    (["Husband Ian is training for a triathlon"], "Ian did the Bristol triathlon on Saturday.",
     "Husband Ian is training for a triathlon", "Husband Ian did the Bristol triathlon on Saturday"),
    # a birth settles a pregnancy however it is told
    (["Has a friend named Greta", "Friend Greta is pregnant"], "Greta had a baby boy last night!",
     "Friend Greta is pregnant", "Has a friend named Greta"),
    # the user's own wait too
    (["Is training for a half marathon"], "I ran the Cardiff half marathon on Sunday.",
     "Is training for a half marathon", "Ran the Cardiff half marathon on Sunday"),
])
def test_what_happened_settles_the_wait_held(held: list[str], said: str, gone: str,
                                             kept: str) -> None:
    out = conversation(("user", said), existing=held)
    assert gone not in out and kept in out


@pytest.mark.parametrize(("held", "said"), [
    # a visit to the city a relative lives in moves nobody
    (["Brother Kai lives in Lyon"], "Kai's visiting Lyon again next month."),
    (["Lives in Porto"], "I'm visiting Porto again in June with my cousins."),
    (["Lives in Galway"], "I'm staying with friends in Galway again this weekend."),
])
def test_a_visit_leaves_where_someone_lives(held: list[str], said: str) -> None:
    assert held[0] in conversation(("user", said), existing=held)


@pytest.mark.parametrize(("held", "said", "now"), [
    # how one gets to work is one commute, whatever the means
    (["Takes the tram to work"], "I walk to work these days.", "Walks to work these days"),
    (["Commutes by bus"], "I drive to work now.", "Drives to work now"),
    # back in a city, said as how things are now, is a home
    (["Lives in Vienna"], "I'm back in Graz these days.", "Is back in Graz these days"),
])
def test_a_commute_or_a_home_said_as_now_replaces_the_held_one(held: list[str], said: str,
                                                               now: str) -> None:
    assert conversation(("user", said), existing=held) == [now]


@pytest.mark.parametrize(("held", "said"), [
    # one journey is no new commute
    (["Walks to work"], "It was pouring, so I took a taxi to work this morning."),
    (["Cycles to work"], "Chain snapped, caught the train today."),
    # a trip back is no move
    (["Lives in Vienna"], "I'm back in Graz for my cousin's wedding next week."),
    # someone else's commute is theirs
    (["Takes the tram to work"], "My wife drives to work."),
])
def test_a_journey_or_a_trip_leaves_the_commute_and_the_home(held: list[str], said: str) -> None:
    assert held[0] in conversation(("user", said), existing=held)


@pytest.mark.parametrize(("held", "said"), [
    # the last day at a place held ends the job there
    (["Works at the garden centre"], "Today was my last day at the garden centre."),
    (["Works as a porter at St Mary's"], "Last shift at St Mary's today, then a month off."),
])
def test_the_last_day_at_a_job_ends_it(held: list[str], said: str) -> None:
    out = conversation(("user", said), existing=held)
    assert held[0] not in out and any("last" in f for f in out)


@pytest.mark.parametrize(("held", "said"), [
    # one shift or lesson done is no ending
    (["Works at the garden centre"], "Finished my shift at the garden centre, shattered."),
    (["Takes piano lessons"], "Just finished my piano lesson."),
    # the last day of something else is not the job
    (["Works as a teacher"], "Last day of term today!"),
])
def test_a_routine_done_or_another_last_day_keeps_the_job(held: list[str], said: str) -> None:
    assert held[0] in conversation(("user", said), existing=held)


def test_a_habit_given_up_after_a_comma_ends_it() -> None:
    out = conversation(("user", "My back's gone, no more climbing for me."),
                       existing=["Goes climbing twice a week"])
    assert "Goes climbing twice a week" not in out and "No longer climbs" in out


@pytest.mark.parametrize(("held", "said"), [
    # what a thing was done for is not what began: the learning goes on
    (["Is learning Portuguese"], "Booked a week in Porto to practise my Portuguese."),
    # a session of the preparation is no outcome of it
    (["Is training for a triathlon"], "Swam 2k this morning as triathlon training."),
    (["Is revising for the bar exam"], "Did a mock bar exam today for revision."),
])
def test_a_step_of_what_is_under_way_leaves_it(held: list[str], said: str) -> None:
    assert held[0] in conversation(("user", said), existing=held)

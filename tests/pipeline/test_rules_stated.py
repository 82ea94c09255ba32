"""News told with a thing as subject ("The new job starts Monday"), the endings it can
carry ("fell through", "ran out", "on hold"), and relations named in the plural (issue
#22). Every sentence is written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._facts import is_relation
from engram.pipeline.rules._stated import stated
from tests.pipeline.test_rules_round3 import conversation


@pytest.mark.parametrize(("said", "kept"), [
    ("The new contract starts on the 3rd.", "New contract starts on the 3rd"),
    ("Our mortgage deal ends in October.", "Mortgage deal ends in October"),
    ("The choir rehearsals moved to Wednesdays.", "Choir rehearsals moved to Wednesdays"),
    ("The house purchase fell through last week.", "House purchase fell through last week"),
    ("My passport's at the embassy until March.", "Passport is at the embassy until March"),
    ("Book club meets at Ana's now.", None),  # no time, no change: not read (see below)
])
def test_a_things_news_is_kept(said: str, kept: str | None) -> None:
    out = conversation(("user", said))
    if kept is None:
        assert out == []
    else:
        assert kept in out


@pytest.mark.parametrize("said", [
    "The sunset was gorgeous tonight.",
    "The coffee here is really good.",
    "That show was so boring.",
    "The train was packed again.",
])
def test_an_opinion_of_the_moment_is_not_a_fact(said: str) -> None:
    assert conversation(("user", said)) == []


@pytest.mark.parametrize(("held", "said", "gone"), [
    (["Has a climbing gym membership"], "The climbing gym membership ran out in May.",
     "Has a climbing gym membership"),
    (["Is buying a flat in Leith"], "The flat in Leith fell through, the survey was awful.",
     "Is buying a flat in Leith"),
    (["Takes cello lessons"], "Cello lessons are on hold for now.", "Takes cello lessons"),
])
def test_a_things_ending_ends_what_is_held_of_it(held: list[str], said: str, gone: str) -> None:
    assert gone not in conversation(("user", said), existing=held)


@pytest.mark.parametrize(("held", "said"), [
    (["Has three kids", "Enjoys sudoku"], "The kids are back at nursery from Tuesday."),
    (["Has two daughters"], "The twins start swimming lessons next week."),
])
def test_news_of_relatives_in_the_plural_leaves_the_tie(held: list[str], said: str) -> None:
    out = conversation(("user", said), existing=held)
    assert held[0] in out and len(out) == len(held) + 1


def test_a_request_verb_that_names_a_thing_is_no_request() -> None:
    assert stated("Book club moved to Thursdays") == "Book club moved to Thursdays"
    assert conversation(("user", "Book club moved to Thursdays.")) \
        == ["Book club moved to Thursdays"]
    assert conversation(("user", "Book a table for two at eight, please.")) == []


def test_relations_one_or_several() -> None:
    assert [is_relation(w) for w in ("nieces", "Kids", "in-laws", "sister")] == [True] * 4
    assert [is_relation(w) for w in ("lessons", "classes", "plans")] == [False] * 3


@pytest.mark.parametrize(("held", "said", "gone"), [
    # the thing awaited, as the subject, settles the wait
    (["Is waiting for their passport"], "Passport arrived this morning!",
     "Is waiting for their passport"),
    # a thing said done, without a verb, is what was prepared for
    (["Is training for the Snowdon ultra"], "Snowdon ultra done! Legs are gone.",
     "Is training for the Snowdon ultra"),
    # abstinence told in time, with or without the hyphen
    (["Smokes roll-ups"], "I'm four months smoke free.", "Smokes roll-ups"),
    # a group's split ends the user's place in it
    (["Sings in a choir"], "The choir split up over the summer.", "Sings in a choir"),
])
def test_what_settles_or_ends_a_held_state(held: list[str], said: str, gone: str) -> None:
    assert gone not in conversation(("user", said), existing=held)


@pytest.mark.parametrize(("held", "said"), [
    (["Is writing a novel"], "Chapter nine done!"),  # a step of the work, not its end
    (["Works as a nurse"], "Finished my first week as a volunteer at the food bank."),
    (["Is waiting for their visa"], "My brother's visa came through."),  # someone else's
])
def test_a_step_or_someone_elses_news_leaves_the_state(held: list[str], said: str) -> None:
    assert held[0] in conversation(("user", said), existing=held)


def test_a_job_taken_as_a_role_is_a_job() -> None:
    out = conversation(("user", "I took a job as a lab technician at the hospital."),
                       existing=["Works as a barista"])
    assert "Works as a barista" not in out


@pytest.mark.parametrize(("said", "fact"), [
    ("My cousin's wedding got moved to May.", "Cousin's wedding got moved to May"),
    ("Our neighbour's builders start on Monday.", "Neighbour's builders start on Monday"),
    ("My bike's at the repair shop until Friday.", "Bike is at the repair shop until Friday"),
])
def test_a_possessive_subject_is_not_read_as_is(said: str, fact: str) -> None:
    assert stated(said.rstrip(".")) == fact


def test_a_relatives_thing_settles_the_wait_for_it() -> None:
    out = conversation(("user", "Mum's scan results came back clear."),
                       existing=["Is waiting for their mum's scan results"])
    assert "Is waiting for their mum's scan results" not in out


def test_someone_elses_thing_of_the_moment_is_no_fact() -> None:
    assert stated("My flatmate's cat knocked over my plant") is None
    assert stated("Our neighbour's builders start on Monday") == \
        "Neighbour's builders start on Monday"


def test_may_is_a_month_only_after_a_preposition() -> None:
    assert stated("The leisure centre may shut soon") is None
    assert stated("The leisure centre closes in May") == "Leisure centre closes in May"

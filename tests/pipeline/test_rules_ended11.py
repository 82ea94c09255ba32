"""A correction that says when the wrong word was said, a clause that dropped its "I've",
and a state that "lasted" a while (issue #22). Every sentence is written for this file;
none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_round3 import conversation


@pytest.mark.parametrize(("held", "said", "now"), [
    (["Lives in Leipzig"], "Oops, I said Leipzig earlier but I meant Dresden.", "Lives in Dresden"),
    (["Works at Siemens"], "I said Siemens a minute ago but I meant Bosch.", "Works at Bosch"),
])
def test_when_the_wrong_word_was_said_is_not_part_of_it(held: list[str], said: str,
                                                        now: str) -> None:
    assert conversation(("user", said), existing=held) == [now]


def test_a_clause_opened_by_a_participle_is_the_users() -> None:
    assert conversation(("user", "Become a regular at the climbing wall since spring.")) \
        == ["Has become a regular at the climbing wall since spring"]
    out = conversation(("user", "Gone pescatarian since the new year."),
                       existing=["Is a vegetarian"])
    assert "Is a vegetarian" not in out and out


@pytest.mark.parametrize(("held", "said", "gone"), [
    (["Is doing intermittent fasting"], "The fasting lasted about three weeks, I caved.",
     "Is doing intermittent fasting"),
    (["Goes to pottery class on Thursdays"], "Pottery didn't last, too messy for me.",
     "Goes to pottery class on Thursdays"),
])
def test_a_state_that_lasted_a_while_is_over(held: list[str], said: str, gone: str) -> None:
    assert gone not in conversation(("user", said), existing=held)


def test_something_else_that_lasted_ends_nothing_held() -> None:
    held = ["Likes hot weather", "Swims in the sea"]
    out = conversation(("user", "The heatwave lasted about two weeks."), existing=held)
    assert all(h in out for h in held)


def test_a_named_persons_birthday_updates_their_age() -> None:
    out = conversation(("user", "Mira turned 12 on Friday, she wants a phone now."),
                       existing=["Has a daughter named Mira", "Daughter Mira is 11"])
    assert "Daughter Mira is 11" not in out and "Daughter Mira is 12 years old" in out
    assert conversation(("user", "It turned 5 last week and still runs fine.")) \
        == [] or all("years old" not in f for f in
                     conversation(("user", "It turned 5 last week and still runs fine.")))


@pytest.mark.parametrize(("said", "fact"), [
    ("Pescatarian since the spring.", "Is pescatarian since the spring"),
    ("Teetotal for five years.", "Is teetotal for five years"),
])
def test_a_condition_dated_without_a_subject(said: str, fact: str) -> None:
    assert conversation(("user", said)) == [fact]

"""The periods a query's time phrases name (``engram._periods``), each phrase type read on
a fixed day, never the clock: Tuesday 21 March 2023."""

from __future__ import annotations

from datetime import date

import pytest

from engram._periods import in_periods, named_periods, relative_periods
from engram.search import query_periods

ON = date(2023, 3, 21)  # a Tuesday
D = date


@pytest.mark.parametrize(("query", "periods"), [
    ("what did I do yesterday", [(D(2023, 3, 20), D(2023, 3, 20))]),
    ("the day before yesterday", [(D(2023, 3, 19), D(2023, 3, 19))]),
    ("what did I eat today", [(ON, ON)]),
    ("what did I plan last week", [(D(2023, 3, 13), D(2023, 3, 19))]),
    ("earlier this week", [(D(2023, 3, 20), D(2023, 3, 26))]),
    ("anything in the past week", [(D(2023, 3, 14), ON)]),
    ("last month", [(D(2023, 2, 1), D(2023, 2, 28))]),
    ("next month", [(D(2023, 4, 1), D(2023, 4, 30))]),
    ("last year", [(D(2022, 1, 1), D(2022, 12, 31))]),
    ("two days ago", [(D(2023, 3, 18), D(2023, 3, 20))]),  # a day either side
    ("a week ago", [(D(2023, 3, 13), D(2023, 3, 15))]),
    ("3 months ago", [(D(2022, 11, 29), D(2023, 1, 12))]),  # 90 days back, ±22
    ("over the past few weeks", [(D(2023, 2, 28), ON)]),
    ("in the last 10 days", [(D(2023, 3, 11), ON)]),
    ("last Tuesday", [(D(2023, 3, 14), D(2023, 3, 14))]),  # said on a Tuesday: a week back
    ("last Sunday", [(D(2023, 3, 19), D(2023, 3, 19))]),
    ("the past weekend", [(D(2023, 3, 18), D(2023, 3, 19))]),
    ("last winter", [(D(2022, 12, 1), D(2023, 2, 28))]),
    ("this spring", [(D(2023, 3, 1), D(2023, 5, 31))]),
    ("last summer", [(D(2022, 6, 1), D(2022, 8, 31))]),
])
def test_each_relative_phrase(query: str, periods: list[tuple[date, date]]) -> None:
    assert relative_periods(query, ON) == periods


@pytest.mark.parametrize("query", ["what did I do recently", "on Friday", "next Friday",
                                   "how many weeks did it take", "a few times",
                                   "my weekly plan"])
def test_unclear_phrases_name_no_period(query: str) -> None:
    assert relative_periods(query, ON) == []


def test_named_dates_take_their_latest_occurrence_by_the_reference_date() -> None:
    assert named_periods([(None, 2, None)], ON) == [(D(2023, 2, 1), D(2023, 2, 28))]
    assert named_periods([(None, 5, None)], ON) == [(D(2022, 5, 1), D(2022, 5, 31))]
    assert named_periods([(None, 3, 25)], ON) == [(D(2022, 3, 25), D(2022, 3, 25))]
    assert named_periods([(2021, 5, 8)], ON) == [(D(2021, 5, 8), D(2021, 5, 8))]
    assert named_periods([(None, 2, 30)], ON) == []  # no such day
    assert query_periods("What did I buy in May 2022 and yesterday?", ON) == [
        (D(2022, 5, 1), D(2022, 5, 31)), (D(2023, 3, 20), D(2023, 3, 20))]


def test_in_periods_reads_the_day_of_a_stored_time() -> None:
    week = relative_periods("last week", ON)
    assert in_periods("2023-03-19T23:59:59.000000+00:00", week)
    assert not in_periods("2023-03-20T00:00:00.000000+00:00", week)
    assert not in_periods(None, week) and not in_periods("not a date", week)
    assert not in_periods("2023-03-19", [])

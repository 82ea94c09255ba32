"""``search(reference_date=)`` (issue #19): the day a query is asked on. Its relative time
phrases ("last week", "two months ago") are read against that day, never the clock, and
memories whose event time falls in the period they name are preferred (the date lever,
``search.date_boost``). Pure period arithmetic is in ``tests/test_periods.py``."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from engram import InvalidInput, Memory
from engram._validate import check_reference_date


@pytest.mark.parametrize(("given", "day"), [
    ("2023-03-21", date(2023, 3, 21)),
    ("2023-03-21T23:30:00", date(2023, 3, 21)),  # naive: UTC
    ("2023-03-21T23:30:00-02:00", date(2023, 3, 22)),  # its UTC day
    (date(2023, 3, 21), date(2023, 3, 21)),
    (datetime(2023, 3, 21, 8, tzinfo=timezone(timedelta(hours=5))), date(2023, 3, 21)),
    (1679400000, date(2023, 3, 21)),  # Unix seconds (12:00 UTC)
    (None, None),
])
def test_reference_date_forms(given: Any, day: date | None) -> None:
    assert check_reference_date(given) == day


@pytest.mark.parametrize("bad", ["last tuesday", "2023-13-01", True, [2023], float("nan"),
                                 "2023-03-21\x00"])
def test_a_bad_reference_date_names_the_field(memory: Memory, bad: Any) -> None:
    with pytest.raises(InvalidInput) as err:
        memory.search("hiking", user_id="u", reference_date=bad)
    assert err.value.field == "reference_date"


def _hikes(memory: Memory) -> None:
    memory.config.search = memory.config.search.model_copy(update={"date_boost": 1.0})
    for text, when in [("I went hiking with Alex in the hills", "2023-02-01T10:00:00"),
                       ("I went hiking with Sam in the hills", "2023-03-14T10:00:00"),
                       ("I went hiking with Kim in the hills", "2022-11-20T10:00:00")]:
        memory.add(text, user_id="u", infer=False, timestamp=when)


def _first(memory: Memory, query: str, **kw: Any) -> str:
    return str(memory.search(query, user_id="u", **kw)["results"][0]["memory"])


def test_relative_phrases_are_read_on_the_reference_date(memory: Memory) -> None:
    _hikes(memory)
    q = "Who did I go hiking with last week?"
    assert "Sam" in _first(memory, q, reference_date="2023-03-21")
    assert "Alex" in _first(memory, q, reference_date=date(2023, 2, 8))
    assert "Kim" in _first(memory, "Who did I go hiking with four months ago?",
                           reference_date="2023-03-21")
    assert "Alex" in _first(memory, "Who did I go hiking with in February?",
                            reference_date="2023-03-21")


def test_without_a_reference_date_the_clock_is_today(memory: Memory) -> None:
    _hikes(memory)
    q = "Who did I go hiking with last week?"
    lever = memory.config.search
    memory.config.search = lever.model_copy(update={"date_boost": 0.0})
    plain = [r["memory"] for r in memory.search(q, user_id="u")["results"]]
    memory.config.search = lever
    # None of the hikes is in the week before today: the phrase names no memory's period.
    assert [r["memory"] for r in memory.search(q, user_id="u")["results"]] == plain
    today = datetime.now(UTC).date()
    memory.add("I went hiking with Jo in the hills", user_id="u", infer=False,
               timestamp=today - timedelta(days=7))
    assert "Jo" in _first(memory, q)


def test_the_lever_off_leaves_the_order_alone(memory: Memory) -> None:
    _hikes(memory)
    memory.config.search = memory.config.search.model_copy(update={"date_boost": 0.0})
    q = "Who did I go hiking with last week?"
    a = memory.search(q, user_id="u", reference_date="2023-03-21")["results"]
    b = memory.search(q, user_id="u", reference_date="2023-02-08")["results"]
    assert [r["id"] for r in a] == [r["id"] for r in b]

"""The periods a search query names, as day ranges, read against a reference date.

A question that names when something happened ("last week", "two months ago", "in
May", "yesterday") is asked on some day: ``search(reference_date=)`` says which (the
clock's UTC day when it is not given). These pure functions turn the query's time phrases
into inclusive ``(first day, last day)`` ranges on that day, which the date lever of
:mod:`engram.search` uses to prefer memories whose event time (``happened_at``) falls
inside. "N weeks ago" is said loosely, so it gets a margin (a quarter of the distance,
at least a day); "last Tuesday" or "yesterday" is one day; a phrase whose period is
unclear ("recently", "on Friday") names none.

>>> on = date(2023, 3, 21)  # a Tuesday
>>> relative_periods("Which bike did I service the past weekend?", on)
[(datetime.date(2023, 3, 18), datetime.date(2023, 3, 19))]
>>> relative_periods("What did I mention four weeks ago?", on)
[(datetime.date(2023, 2, 14), datetime.date(2023, 2, 28))]
>>> relative_periods("Who did I have lunch with last Tuesday?", on)
[(datetime.date(2023, 3, 14), datetime.date(2023, 3, 14))]
>>> named_periods([(None, 5, None), (2022, None, None)], on)
[(datetime.date(2022, 5, 1), datetime.date(2022, 5, 31)), (datetime.date(2022, 1, 1), datetime.date(2022, 12, 31))]
>>> in_periods("2023-03-19T07:08:00+00:00", relative_periods("last weekend", on))
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

__all__ = ["Period", "relative_periods", "named_periods", "in_periods"]

Period = tuple[date, date]  # first and last day, both included

_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
            "a couple of": 2, "couple of": 2, "a few": 3, "few": 3, "several": 3}
_N = r"(\d{1,3}|a couple of|couple of|a few|few|several|an?|one|two|three|four|five|six|seven" \
     r"|eight|nine|ten|eleven|twelve)"
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
# Meteorological seasons (northern hemisphere): first month of each.
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

_WORD_DAY = re.compile(r"\b(the day before yesterday|yesterday|today|tonight|this morning"
                       r"|this evening)\b")
_AGO = re.compile(rf"\b{_N} (day|week|month|year)s? (?:ago|back|earlier)\b")
_PAST_N = re.compile(rf"\b(?:past|last|previous) {_N} (day|week|month|year)s?\b")
_UNIT = re.compile(r"\b(last|this|next|past|previous|earlier this) (week|month|year)\b")
_WEEKEND = re.compile(r"\b(last|past|this|previous) weekend\b")
_LAST_DAY = re.compile(rf"\b(?:last|past|previous) ({'|'.join(_DAYS)})\b")
_SEASON = re.compile(r"\b(last|this|past) (spring|summer|autumn|fall|winter)\b")


def _month_span(year: int, month: int) -> Period:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, 1), nxt - timedelta(days=1)


def _shift_month(d: date, n: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + n
    return total // 12, total % 12 + 1


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word]


def _calendar(unit: str, which: str, on: date) -> Period:
    """The calendar week (Monday first), month or year ``which`` means on ``on``."""
    step = {"last": -1, "previous": -1, "next": 1}.get(which, 0)
    if unit == "week":
        monday = on - timedelta(days=on.weekday()) + timedelta(weeks=step)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return _month_span(*_shift_month(on, step))
    return date(on.year + step, 1, 1), date(on.year + step, 12, 31)


def _season(which: str, name: str, on: date) -> Period:
    """The last season of that name that has begun (``this``) or ended (``last``)."""
    first = _SEASONS[name]
    for year in range(on.year, on.year - 3, -1):
        start = date(year, first, 1)
        y, m = _shift_month(start, 2)
        end = _month_span(y, m)[1]
        if start <= on and (which == "this" or end < on):
            return start, end
    return on, on  # unreachable: some season began within the last three years


def relative_periods(query: str, on: date) -> list[Period]:
    """The periods the query's relative time phrases name, read on day ``on``."""
    q = query.lower()
    out: list[Period] = []
    for m in _WORD_DAY.finditer(q):
        back = {"the day before yesterday": 2, "yesterday": 1}.get(m[1], 0)
        out.append((on - timedelta(days=back), on - timedelta(days=back)))
    for m in _AGO.finditer(q):
        days = _number(m[1]) * _UNIT_DAYS[m[2]]
        centre, slack = on - timedelta(days=days), timedelta(days=max(1, days // 4))
        out.append((centre - slack, min(on, centre + slack)))
    for m in _PAST_N.finditer(q):
        out.append((on - timedelta(days=_number(m[1]) * _UNIT_DAYS[m[2]]), on))
    for m in _UNIT.finditer(q):
        if m[1] == "past":  # "in the past week": the last seven days, not a calendar week
            out.append((on - timedelta(days=_UNIT_DAYS[m[2]]), on))
        else:
            out.append(_calendar(m[2], "this" if m[1] == "earlier this" else m[1], on))
    for m in _WEEKEND.finditer(q):
        back = (on.weekday() - 5) % 7 + (7 if on.weekday() >= 5 and m[1] != "this" else 0)
        saturday = on - timedelta(days=back)
        out.append((saturday, saturday + timedelta(days=1)))
    for m in _LAST_DAY.finditer(q):
        back = (on.weekday() - _DAYS.index(m[1])) % 7 or 7
        out.append((on - timedelta(days=back), on - timedelta(days=back)))
    for m in _SEASON.finditer(q):
        out.append(_season(m[1], m[2], on))
    return list(dict.fromkeys(out))


def named_periods(specs: Sequence[tuple[int | None, int | None, int | None]],
                  on: date) -> list[Period]:
    """Calendar dates a query names (``engram.search.query_dates``: year, month, day, None
    where not said) as periods; a month or day without a year is its latest occurrence
    on or before ``on`` (asked in March, "in May" is last May)."""
    out: list[Period] = []
    for y, m, d in specs:
        if m is None:
            if y is not None:
                out.append((date(y, 1, 1), date(y, 12, 31)))
            continue
        year = y if y is not None else on.year
        try:
            first, last = _month_span(year, m) if d is None else (date(year, m, d),) * 2
            if y is None and first > on:
                first, last = _month_span(year - 1, m) if d is None else (date(year - 1, m, d),) * 2
        except ValueError:  # 30 February and the like
            continue
        out.append((first, last))
    return list(dict.fromkeys(out))


def in_periods(iso: str | None, periods: Sequence[Period]) -> bool:
    """Does the day of an ISO date or date-time fall in any of ``periods``?"""
    if not iso or not periods:
        return False
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return False
    return any(a <= day <= b for a, b in periods)

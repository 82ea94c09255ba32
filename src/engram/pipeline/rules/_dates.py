"""Relative time in a fact, made absolute against the time its message was said.

"Is flying to Lisbon next month", said on 5 December 2026, is kept as "Is flying to
Lisbon in January 2027": once stored, the fact no longer depends on when it is read.
A phrase whose date is unclear stays as said ("next Friday": this coming one or the one
after?; "on Friday" in a sentence with no tense to go by; "this spring" said in autumn).

>>> at = datetime(2026, 12, 5, 10, 0)
>>> resolve_dates("Is flying to Lisbon next month", at)
'Is flying to Lisbon in January 2027'
>>> resolve_dates("Went hiking last Saturday", at)
'Went hiking on 28 November 2026'
>>> resolve_dates("Has a dentist appointment next Friday", at)
'Has a dentist appointment next Friday'
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

__all__ = ["resolve_dates"]

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a couple of": 2}
# "a few", "several": how many is unclear, so those phrases stay as said.
_N = r"(\d{1,2}|a couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten)"
# Season -> first month (northern hemisphere, meteorological seasons); winter starts in
# December and is named by both of its years.
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# A fact's first word says whether a weekday is behind or ahead of its message.
_AHEAD = frozenset(["is", "are", "will", "has", "have", "plans", "wants", "needs", "hopes", "intends", "going"])
_PAST_IRREGULAR = frozenset(
    ["went", "ran", "saw", "had", "was", "were", "got", "made", "took", "met", "bought", "gave", "came", "left", "found", "told", "spent", "flew", "drove", "ate", "wrote", "began", "swam", "sang", "won", "lost", "sold", "sent", "felt", "kept", "heard", "paid"])

_WORD_DAY = re.compile(r"\b(yesterday|today|tonight|tomorrow)\b", re.I)
_UNIT = re.compile(r"\b(last|next|this) (week|month|year)\b", re.I)
_IN_N = re.compile(rf"\bin {_N} (day|week|month|year)s?\b", re.I)
_AGO = re.compile(rf"\b{_N} (day|week|month|year)s? ago\b", re.I)
_SEASON = re.compile(r"\b(last|next|this) (spring|summer|autumn|fall|winter)\b", re.I)
_LAST_DAY = re.compile(rf"\blast ({'|'.join(_DAYS)})\b", re.I)
_ON_DAY = re.compile(rf"\b(?:on|this) ({'|'.join(_DAYS)})\b", re.I)


def _day(d: date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _month(year: int, month: int) -> str:
    return f"{_MONTHS[month - 1]} {year}"


def _add_months(d: date, n: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + n
    return total // 12, total % 12 + 1


def _number(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else _NUMBERS[w]


def _shift(d: date, n: int, unit: str) -> str:
    """``n`` units after ``d`` (before it when negative), as said of that unit."""
    unit = unit.lower()
    if unit == "day":
        return f"on {_day(d + timedelta(days=n))}"
    if unit == "week":
        monday = d + timedelta(weeks=n) - timedelta(days=d.weekday())
        return f"in the week of {_day(monday)}"
    if unit == "month":
        return f"in {_month(*_add_months(d, n))}"
    return f"in {d.year + n}"


def _season(d: date, which: str, name: str) -> str | None:
    """The season occurrence ``which`` (last/next/this) means on ``d``, or None when
    unclear. Occurrences are identified by the year they start in."""
    first = _SEASONS[name.lower()]

    def span(year: int) -> tuple[date, date]:
        start = date(year, first, 1)
        y, m = _add_months(start, 3)
        return start, date(y, m, 1)

    years = range(d.year - 2, d.year + 2)
    if which == "last":
        year = max(y for y in years if span(y)[1] <= d)
    elif which == "next":
        year = min(y for y in years if span(y)[0] > d)
    else:
        inside = [y for y in years if span(y)[0] <= d < span(y)[1]]
        soon = [y for y in years if d < span(y)[0] <= d + timedelta(days=120)]
        if not (inside or soon):
            return None
        year = (inside or soon)[0]
    label = "autumn" if name.lower() == "fall" else name.lower()
    return f"in {label} {year}/{str(year + 1)[2:]}" if first == 12 else f"in {label} {year}"


def _tense(text: str) -> int:
    """+1 when the fact is about what is coming, -1 about what happened, 0 unclear."""
    first = text.split(maxsplit=1)[0].lower() if text.strip() else ""
    if first in _AHEAD:
        return 1
    if first in _PAST_IRREGULAR or (first.endswith("ed") and len(first) > 3):
        return -1
    return 0


def resolve_dates(text: str, at: datetime | date) -> str:
    """``text`` with its relative time phrases replaced by absolute ones, read on ``at``."""
    d = at.date() if isinstance(at, datetime) else at
    word_days = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    text = _WORD_DAY.sub(lambda m: f"on {_day(d + timedelta(days=word_days[m[1].lower()]))}",
                         text)
    text = _SEASON.sub(lambda m: _season(d, m[1].lower(), m[2]) or m[0], text)
    text = _UNIT.sub(lambda m: _shift(d, {"last": -1, "this": 0, "next": 1}[m[1].lower()],
                                      m[2]), text)
    text = _IN_N.sub(lambda m: _shift(d, _number(m[1]), m[2]), text)
    text = _AGO.sub(lambda m: _shift(d, -_number(m[1]), m[2]), text)
    text = _LAST_DAY.sub(lambda m: f"on {_day(_weekday(d, m[1], -1))}", text)
    tense = _tense(text)
    if tense:
        text = _ON_DAY.sub(lambda m: f"on {_day(_weekday(d, m[1], tense))}", text)
    return text


def _weekday(d: date, name: str, direction: int) -> date:
    """The nearest ``name`` day strictly before (-1) or after (+1) ``d``."""
    target = _DAYS.index(name.lower())
    step = timedelta(days=direction)
    day = d + step
    while day.weekday() != target:
        day += step
    return day

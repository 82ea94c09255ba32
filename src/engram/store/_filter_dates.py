"""Date operands of filters: normalised to the stored UTC form; a date-only value
names the whole UTC day (see :mod:`engram.store.filters`)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from engram.errors import InvalidFilter
from engram.store._filter_nodes import And, Cmp, Node, Not, Or

__all__ = ["_Day", "date_day", "date_list", "normalise_date"]


class _Day(str):
    """Midnight UTC of a date-only value; the condition covers the whole day up to ``end``."""

    end: str

    def __new__(cls, start: str, end: str) -> _Day:
        self = super().__new__(cls, start)
        self.end = end
        return self


def date_day(field: str, op: str, day: _Day) -> Node:
    start, end = str(day), day.end
    within = And((Cmp(field, "gte", start, False), Cmp(field, "lt", end, False)))
    table: dict[str, Node] = {
        "eq": within, "ne": Not(within),
        "gt": Cmp(field, "gte", end, False), "gte": Cmp(field, "gte", start, False),
        "lt": Cmp(field, "lt", start, False), "lte": Cmp(field, "lt", end, False),
    }
    return table[op]


def date_list(field: str, op: str, items: tuple[object, ...]) -> Node:
    exact = tuple(str(v) for v in items if not isinstance(v, _Day))
    days = [date_day(field, "eq", v) for v in items if isinstance(v, _Day)]
    if not days:
        return Cmp(field, op, exact, False)
    parts = ([Cmp(field, "in", exact, False)] if exact else []) + days
    either = parts[0] if len(parts) == 1 else Or(tuple(parts))
    return either if op == "in" else Not(either)


def normalise_date(value: object, path: str) -> str:
    """Normalise a date/time operand to the stored UTC string (a _Day for date-only)."""
    if isinstance(value, datetime):
        return _utc(value, path)
    if isinstance(value, date):
        return _day(value, path)
    if not isinstance(value, str):
        raise InvalidFilter(path, "expected an ISO-8601 date or timestamp string, got "
                            + ("null" if value is None else type(value).__name__))
    text = value.strip()
    try:
        return _day(date.fromisoformat(text), path)
    except InvalidFilter:
        raise
    except ValueError:
        pass  # not date-only: try a full timestamp
    try:
        return _utc(datetime.fromisoformat(text), path)
    except InvalidFilter:
        raise
    except ValueError:
        raise InvalidFilter(path, "expected an ISO-8601 date or timestamp such as "
                            f"'2024-05-01' or '2024-05-01T12:00:00Z', got {value!r}") from None


def _day(d: date, path: str) -> _Day:
    start = datetime(d.year, d.month, d.day, tzinfo=UTC)
    try:
        return _Day(_utc(start, path), _utc(start + timedelta(days=1), path))
    except OverflowError:
        raise InvalidFilter(path, f"date out of range: {d.isoformat()}") from None


def _utc(dt: datetime, path: str) -> str:
    """The stored form: UTC, microseconds, ``+00:00``; a naive time is taken as UTC."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    try:
        return dt.astimezone(UTC).isoformat(timespec="microseconds")
    except OverflowError:
        raise InvalidFilter(path, f"date out of range: {dt.isoformat()}") from None

"""Mem0's ``timestamp``: Unix seconds, ISO-8601 text or a datetime, as ISO-8601 text.

>>> event_time(1714557600)
'2024-05-01T10:00:00+00:00'
>>> event_time("2024-05-01")
'2024-05-01'
>>> event_time("yesterday")
Traceback (most recent call last):
...
engram.errors.InvalidInput: timestamp: must be Unix seconds, ISO-8601 text or a datetime, got 'yesterday'
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from engram.errors import InvalidInput

__all__ = ["event_time"]


def event_time(value: object, field: str = "timestamp") -> str:
    """``value`` as ISO-8601 text (UTC for Unix seconds and naive datetimes)."""
    problem = f"must be Unix seconds, ISO-8601 text or a datetime, got {value!r}"
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value, UTC).isoformat()
        except (OverflowError, OSError, ValueError):
            raise InvalidInput(field, problem) from None
    if isinstance(value, str):
        text = value.strip()
        try:
            datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise InvalidInput(field, problem) from None
        return text
    raise InvalidInput(field, problem)

"""Mem0's ``timestamp``: Unix seconds, a datetime or text, as text for the extraction.

Numbers and datetimes become ISO-8601 (UTC when no zone is given); text is kept as written,
since conversations date themselves in free form ("1:56 pm on 8 May, 2023").

>>> event_time(1714557600)
'2024-05-01T10:00:00+00:00'
>>> event_time("1:56 pm on 8 May, 2023")
'1:56 pm on 8 May, 2023'
>>> event_time(True)
Traceback (most recent call last):
...
engram.errors.InvalidInput: timestamp: must be Unix seconds, a datetime or text, got True
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from engram.errors import InvalidInput

__all__ = ["event_time"]


def event_time(value: object, field: str = "timestamp") -> str:
    """``value`` as text: ISO-8601 for Unix seconds and datetimes."""
    problem = f"must be Unix seconds, a datetime or text, got {value!r}"
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value, UTC).isoformat()
        except (OverflowError, OSError, ValueError):
            raise InvalidInput(field, problem) from None
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise InvalidInput(field, problem)

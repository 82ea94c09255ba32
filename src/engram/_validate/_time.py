"""Times a call takes: when messages were said (``timestamp``), the last day a memory holds
(``expiration_date``) and the moment a read looks back to (``as_of``).

Stored times are the sortable UTC text every layer writes (``engram._ids.now``), so the
filters compare them as text; a naive time is taken as UTC, as the filters do.

>>> check_timestamp(0)
'1970-01-01T00:00:00+00:00'
>>> event_time("2025-05-01T14:00:00+02:00")
'2025-05-01T12:00:00.000000+00:00'
>>> check_expiration("2026-01-31T08:00:00Z")
'2026-01-31'
>>> check_as_of("2025-05-01")
'2025-05-01T23:59:59.999999+00:00'
>>> check_reference_date("2023-05-20T23:30:00-02:00")
datetime.date(2023, 5, 21)
"""

from __future__ import annotations

import contextlib
import math
from datetime import UTC, date, datetime, time
from typing import Any

from engram._chars import brief
from engram._validate._text import check_safe
from engram.errors import InvalidInput
from engram.store import filters as F

__all__ = ["check_timestamp", "event_time", "check_event_time", "check_expiration",
           "check_as_of", "check_reference_date", "not_expired"]


def check_timestamp(value: Any, field: str = "timestamp") -> str | None:
    """When a conversation happened: an ISO-8601 date or date-time (kept as given), a
    ``datetime``/``date``, or unix seconds (given as ISO-8601 UTC)."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            if not math.isfinite(value):
                raise ValueError(value)
            return datetime.fromtimestamp(value, UTC).isoformat()
        except (OverflowError, OSError, ValueError):
            raise InvalidInput(field, f"is not a valid unix time: {brief(value)}") from None
    if not isinstance(value, str) or len(value) > 64:
        raise InvalidInput(field, "must be an ISO-8601 date or date-time string, a datetime "
                                  f"or unix seconds, got {brief(value)}")
    text = check_safe(value, field).strip()
    try:
        datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput(field, "is not an ISO-8601 date or date-time such as '2025-05-01' "
                                  f"or '2025-05-01T12:00:00Z': {brief(value)}") from None
    return text


def event_time(text: str, field: str = "timestamp") -> str:
    """A text :func:`check_timestamp` returned, in the stored UTC form."""
    dt = datetime.fromisoformat(text)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    try:
        return dt.astimezone(UTC).isoformat(timespec="microseconds")
    except OverflowError:  # e.g. year 1 with a positive offset
        raise InvalidInput(field, f"is out of range once in UTC: {brief(text)}") from None


def check_event_time(value: Any, field: str = "timestamp") -> str | None:
    """Any accepted timestamp form, straight to the stored UTC form (None stays None)."""
    text = check_timestamp(value, field)
    return None if text is None else event_time(text, field)


def check_expiration(value: Any, field: str = "expiration_date") -> str | None:
    """Mem0's ``expiration_date``: the last day (UTC) a memory holds, as ``YYYY-MM-DD``.
    A date-time counts for its UTC day; None means "never expires"."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return (value if value.tzinfo is None else value.astimezone(UTC)).date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or len(value) > 64:
        raise InvalidInput(field, "must be a date such as '2026-01-31' (text, date or "
                                  f"datetime) or null, got {brief(value)}")
    text = check_safe(value, field).strip()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass  # not date-only: a full date-time names its UTC day
    try:
        return check_expiration(datetime.fromisoformat(text), field)
    except (ValueError, OverflowError):
        raise InvalidInput(field, f"is not a date such as '2026-01-31': {brief(value)}") from None


def check_as_of(value: Any, field: str = "as_of") -> str | None:
    """The moment a read looks back to, in the stored UTC form. A date alone means the
    end of that UTC day: what was held once that day's changes were made."""
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime.combine(value, time.max, UTC)
    elif isinstance(value, str) and len(value.strip()) == 10:
        with contextlib.suppress(ValueError):  # if not a date, check_timestamp says why
            value = datetime.combine(date.fromisoformat(value.strip()), time.max, UTC)
    return check_event_time(value, field)


def check_reference_date(value: Any, field: str = "reference_date") -> date | None:
    """The day a query is asked on, which its relative time phrases ("last week", "two
    days ago") are read against: any accepted timestamp form, as its UTC day. A date
    alone is that day."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    text = check_event_time(value, field)
    return None if text is None else date.fromisoformat(text[:10])


def not_expired(today: date) -> F.Node:
    """The filter condition of memories that still hold on ``today`` (UTC): no
    ``expiration_date``, or one on or after today."""
    return F.Not(F.Cmp("expiration_date", "lt", today.isoformat(), False))

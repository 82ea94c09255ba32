"""Reads in time: which memories still hold today (``expiration_date``).

Expiry only hides: an expired memory stays stored, listed by ``show_expired=True``, and
is deleted only when someone deletes it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from engram._validate import not_expired
from engram.store import filters as F
from engram.store.base import BoundStore

__all__ = ["unexpired"]


def unexpired(store: BoundStore, where: F.Node, show_expired: bool) -> F.Node:
    """``where``, narrowed to memories that have not expired (UTC today) unless
    ``show_expired``. The narrowing is added only when the scope holds an expired memory:
    one indexed count, and scope-only filters keep the stores' fast path otherwise."""
    if show_expired:
        return where
    today = datetime.now(UTC).date()
    if not store.count(F.and_(where, F.Cmp("expiration_date", "lt", today.isoformat(), False))):
        return where
    return F.and_(where, not_expired(today))

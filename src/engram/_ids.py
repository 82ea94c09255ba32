"""Ids and the clock: the two values every layer stamps on what it writes.

A neutral home (neither the store nor the pipeline owns them), so the add flow, the
graph planner and the stores all mint ids and timestamps the same way.

>>> len(new_id()), now() < now()
(36, True)
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

__all__ = ["new_id", "now"]


def new_id() -> str:
    return str(uuid.uuid4())


def now() -> str:
    """UTC ISO-8601 with microseconds: sorts as text, which the filters rely on."""
    return datetime.now(UTC).isoformat(timespec="microseconds")

"""Per-call limits of the served edges (the REST server and the MCP tools), checked once.

``Memory`` has its own bounds (``top_k`` up to 1,000...); a server exposed to many callers
sets tighter ones (``ENGRAM_SERVER_MAX_*``, see :class:`engram.server.ServerSettings`),
and both edges ask this one object, so a limit and its message cannot drift apart.

>>> Limits().cap(300, "top_k")
Traceback (most recent call last):
...
engram.errors.InvalidInput: top_k: must be between 1 and 200 on this server, got 300
>>> Limits().cap(None, "page_size") is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engram.errors import InvalidInput

__all__ = ["Limits"]


@dataclass(frozen=True)
class Limits:
    """The caps on one call; the defaults are the server's (docs/server.md)."""

    max_top_k: int = 200
    max_page_size: int = 1_000
    max_messages: int = 500
    max_batch: int = 1_000

    def cap(self, value: Any, field: str) -> Any:
        """``value`` unchanged if it is None or within its cap (``page_size`` has the
        page cap; ``top_k``, ``limit`` and the rest the result cap)."""
        if value is None:
            return None
        limit = self.max_page_size if field == "page_size" else self.max_top_k
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= limit:
            raise InvalidInput(field, f"must be between 1 and {limit} on this server, "
                                      f"got {value!r}")
        return value

    def messages(self, messages: Any) -> None:
        """An add's message list must not exceed ``max_messages``."""
        if isinstance(messages, list) and len(messages) > self.max_messages:
            raise InvalidInput("messages", f"holds {len(messages)} messages; the limit per "
                                           f"add is {self.max_messages}")

    def batch(self, n: int) -> None:
        """A batch call's item count must not exceed ``max_batch``."""
        if n > self.max_batch:
            raise InvalidInput("memories", f"holds {n} items; the limit per batch is "
                                           f"{self.max_batch}")

"""What the SDK-backed providers share: an HTTP client to release, as a context manager.

>>> class Fake(SDKClient):
...     def __init__(self): self._client = type("C", (), {"close": lambda self: None})()
>>> with Fake() as f: pass
"""

from __future__ import annotations

from typing import Any, Self


class SDKClient:
    """Mixin for providers holding an SDK client in ``self._client``."""

    _client: Any

    def close(self) -> None:
        """Release the HTTP connection pool."""
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

"""Engram's one exception tree.

Every error Engram raises on purpose is an :class:`EngramError`::

    EngramError
    ├── InvalidInput        (also a ValueError) bad argument: names the field
    │   └── InvalidFilter   a malformed filter: names the offending part
    ├── NotFound            (also a KeyError) unknown memory id
    ├── StoreError          the storage backend failed; nothing was half-written
    ├── EmbedderError       the embedder could not load or run
    ├── LLMError            the LLM failed after its retries (``retryable`` says why)
    ├── ConfigError         configuration is missing or inconsistent
    └── NotSupported        (also NotImplementedError) a feature this setup lacks

Catch ``EngramError`` to handle all of them; the CLI and server map each class to an
exit code or HTTP status in one table.

>>> from engram.errors import InvalidInput
>>> try:
...     raise InvalidInput("top_k", "must be a positive integer, got 0")
... except ValueError as e:
...     print(e)
top_k: must be a positive integer, got 0
"""

from __future__ import annotations

__all__ = [
    "EngramError",
    "InvalidInput",
    "InvalidFilter",
    "NotFound",
    "StoreError",
    "EmbedderError",
    "LLMError",
    "ConfigError",
    "NotSupported",
]


class EngramError(Exception):
    """Base of every error Engram raises on purpose."""


class InvalidInput(EngramError, ValueError):
    """An argument is missing, of the wrong type, or out of range.

    ``field`` names the argument (``"messages[2].role"``, ``"top_k"``), ``problem`` says
    what is wrong with it.
    """

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


class InvalidFilter(InvalidInput):
    """A filter could not be parsed; ``field`` is the path to the offending part."""


class NotFound(EngramError, KeyError):
    """No memory (or other object) with that id in reach of the caller."""

    def __init__(self, what: str, ident: str) -> None:
        self.what = what
        self.ident = ident
        super().__init__(f"{what} {ident!r} not found")

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class StoreError(EngramError):
    """The storage backend failed; the transaction was rolled back."""


class EmbedderError(EngramError):
    """The embedder could not be loaded or failed to embed."""


class LLMError(EngramError):
    """The LLM call failed after its retries.

    ``retryable`` is True when the last failure was transient (timeout, 429, 5xx,
    unparseable output) and a later call may succeed.
    """

    def __init__(self, message: str, *, retryable: bool = False, attempts: int = 1) -> None:
        self.retryable = retryable
        self.attempts = attempts
        super().__init__(message)


class ConfigError(EngramError):
    """The configuration is missing a value or holds an inconsistent one."""


class NotSupported(EngramError, NotImplementedError):
    """The feature exists in the API but not in this setup (names what would enable it)."""

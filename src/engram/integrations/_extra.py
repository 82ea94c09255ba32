"""The message of the ImportError raised when an adapter's framework is missing."""

from __future__ import annotations


def missing(framework: str, extra: str) -> str:
    return f"{framework} is not installed; install it with: pip install 'engram[{extra}]'"

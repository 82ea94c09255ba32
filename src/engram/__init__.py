"""Engram: long-term memory for LLM agents, offline by default.

>>> import engram
>>> sorted(engram.__all__)[:3]
['AsyncMemory', 'ConfigError', 'EmbedderError']
"""

from engram.aio import AsyncMemory
from engram.config import EmbedderConfig, LLMConfig, MemoryConfig, SearchConfig, StoreConfig
from engram.errors import (
    ConfigError,
    EmbedderError,
    EngramError,
    InvalidFilter,
    InvalidInput,
    LLMError,
    NotFound,
    NotSupported,
    StoreError,
)
from engram.memory import Memory

__version__ = "0.1.0"

TYPE_CHECKING = False
if TYPE_CHECKING:
    from engram.client import AsyncMemoryClient, MemoryClient


def __getattr__(name: str) -> object:
    # The HTTP clients pull in httpx: imported on first use, so `import engram` (and the
    # embedded cold start) does not pay for them.
    if name in ("MemoryClient", "AsyncMemoryClient"):
        from engram import client

        return getattr(client, name)
    raise AttributeError(f"module 'engram' has no attribute {name!r}")

__all__ = [
    "Memory",
    "AsyncMemory",
    "MemoryClient",
    "AsyncMemoryClient",
    "MemoryConfig",
    "EmbedderConfig",
    "StoreConfig",
    "LLMConfig",
    "SearchConfig",
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

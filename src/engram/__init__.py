"""Engram: long-term memory for LLM agents, offline by default.

>>> import engram
>>> sorted(engram.__all__)[:3]
['AsyncMemory', 'ConfigError', 'EmbedderError']
"""

from engram.aio import AsyncMemory
from engram.client import AsyncMemoryClient, MemoryClient
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

"""Fakes for true boundaries, for tests of Engram and of code built on it.

``HashEmbedder`` is a deterministic bag-of-words embedder (no model); ``ScriptedLLM``
returns scripted answers through the real retry and parsing path.

>>> from engram.testing import HashEmbedder
>>> HashEmbedder().embed(["tea"]).shape
(1, 64)
"""

from engram.testing._embedder import HashEmbedder
from engram.testing._llm import ScriptedLLM

__all__ = ["HashEmbedder", "ScriptedLLM"]

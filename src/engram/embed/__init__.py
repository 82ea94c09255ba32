"""Embedders: texts in, float32 unit-norm rows out, behind one small protocol.

The default, :class:`~engram.embed.onnx.MiniLMEmbedder`, runs offline with no PyTorch;
:class:`CachedEmbedder` adds a content-hash cache in front of any of them.

>>> from engram.embed import make_embedder, text_hash
>>> make_embedder().dims
384
>>> len(text_hash("hello"))
64
"""

from engram.embed.base import Embedder, text_hash
from engram.embed.cache import CachedEmbedder, EmbeddingCache, MemoryCache
from engram.embed.factory import make_embedder

__all__ = [
    "Embedder",
    "EmbeddingCache",
    "CachedEmbedder",
    "MemoryCache",
    "make_embedder",
    "text_hash",
]

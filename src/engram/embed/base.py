"""The embedder contract and the one definition of text normalisation.

An :class:`Embedder` turns texts into a float32 matrix with one L2-normalised row per
text. :func:`text_hash` is the content hash used both by the embedding cache and by the
store for memory content, so the two always agree on when two texts are "the same".

>>> text_hash("  Hello\\n  world ") == text_hash("Hello world")
True
>>> text_hash("Hello world") == text_hash("hello world")  # case is kept
False
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from engram.errors import InvalidInput

__all__ = [
    "Embedder",
    "Matrix",
    "normalize_text",
    "text_hash",
    "l2_normalize",
    "empty_matrix",
    "check_texts",
]

#: What every embedder returns: float32, shape (n, dims).
Matrix = npt.NDArray[np.float32]

# \s in a str pattern already covers Unicode whitespace (NBSP, ideographic space...).
_WHITESPACE = re.compile(r"\s+")


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into vectors.

    ``embed(texts)`` returns float32 of shape ``(len(texts), dims)``, each row of unit
    L2 norm (an all-zero row stays zero); ``embed([])`` returns shape ``(0, dims)``.
    ``model_id`` names the model and its quantisation: vectors from different ids must
    never be mixed, and caches are keyed by it.
    """

    @property
    def model_id(self) -> str: ...

    @property
    def dims(self) -> int: ...

    def embed(self, texts: Sequence[str]) -> Matrix: ...


def normalize_text(text: str) -> str:
    """Unicode NFC, every run of whitespace folded to one space, ends stripped.

    >>> normalize_text("  a\\u00a0\\tb\\n")
    'a b'
    """
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def text_hash(text: str) -> str:
    """sha256 hex digest of :func:`normalize_text` of ``text`` (UTF-8); case is kept.

    >>> text_hash("e\\u0301") == text_hash("\\u00e9")  # NFC: decomposed == composed
    True
    """
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def l2_normalize(matrix: npt.ArrayLike) -> Matrix:
    """Rows scaled to unit L2 norm, as float32; all-zero rows are left at zero.

    >>> l2_normalize([[3.0, 4.0]]).tolist()
    [[0.6000000238418579, 0.800000011920929]]
    """
    m = np.asarray(matrix, dtype=np.float32)
    if m.ndim != 2:
        raise ValueError(f"expected a 2-D matrix, got shape {m.shape}")
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    # Dividing a zero row by 1 keeps it zero instead of producing NaNs.
    return (m / np.where(norms > 0, norms, 1.0)).astype(np.float32, copy=False)


def empty_matrix(dims: int) -> Matrix:
    """The result of embedding no texts: float32 of shape (0, dims)."""
    return np.zeros((0, dims), dtype=np.float32)


def check_texts(texts: Sequence[str]) -> list[str]:
    """``texts`` as a list, refusing a bare string and non-string items.

    A bare ``str`` is itself a sequence of strings; embedding it character by character
    is never what the caller meant.

    >>> check_texts(("a", "b"))
    ['a', 'b']
    """
    if isinstance(texts, str | bytes):
        raise InvalidInput("texts", "expected a sequence of strings, got a single string")
    items = list(texts)
    for i, t in enumerate(items):
        if not isinstance(t, str):
            raise InvalidInput(f"texts[{i}]", f"expected str, got {type(t).__name__}")
    return items

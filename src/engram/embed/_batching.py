"""Pure helpers for transformer embedders: length-sorted batches and mean pooling.

Padding costs compute, so texts are grouped by token length before batching and the
original order is restored afterwards.

>>> plan_batches([5, 1, 3, 2], batch_size=2)
[[1, 3], [2, 0]]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from engram.embed.base import Matrix, l2_normalize

__all__ = ["plan_batches", "pad_batch", "mean_pool"]

IntMatrix = npt.NDArray[np.int64]


def plan_batches(lengths: Sequence[int], batch_size: int) -> list[list[int]]:
    """Indices grouped into batches of at most ``batch_size``, shortest texts first.

    The sort is stable, so equal lengths keep their input order.
    """
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    return [order[i : i + batch_size] for i in range(0, len(order), batch_size)]


def pad_batch(rows: Sequence[Sequence[int]], pad_id: int = 0) -> tuple[IntMatrix, IntMatrix]:
    """``(ids, attention_mask)`` as int64 matrices padded to the longest row.

    >>> ids, mask = pad_batch([[7, 8], [9]])
    >>> ids.tolist(), mask.tolist()
    ([[7, 8], [9, 0]], [[1, 1], [1, 0]])
    """
    width = max((len(r) for r in rows), default=0)
    ids = np.full((len(rows), width), pad_id, dtype=np.int64)
    mask = np.zeros((len(rows), width), dtype=np.int64)
    for i, row in enumerate(rows):
        ids[i, : len(row)] = row
        mask[i, : len(row)] = 1
    return ids, mask


def mean_pool(hidden: npt.NDArray[np.floating], mask: IntMatrix) -> Matrix:
    """Average token vectors over the attention mask, then L2-normalise each row.

    ``hidden`` is (batch, seq, dims), ``mask`` (batch, seq); padding does not count.
    """
    weights = mask.astype(np.float32)[:, :, None]
    summed = (hidden.astype(np.float32, copy=False) * weights).sum(axis=1)
    counts = np.clip(weights.sum(axis=1), 1e-9, None)
    return l2_normalize(summed / counts)

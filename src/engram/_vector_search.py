"""Search by a query vector the caller embedded itself (``Memory.search_by_vector``).

Frameworks that own the embedding step (CrewAI's memory embeds every query before it
reaches its storage backend) hand Engram a vector, not text. Only the vector arm of the
search applies then: no keywords, no date boost, no graph. The vector must come from the
same model as the store's (same dimensions); it is scaled to unit length, so ``score`` is
the cosine similarity, as in ``search``.

>>> import numpy as np
>>> check_vector([3, 4], 2).tolist()
[0.6000000238418579, 0.800000011920929]
>>> check_vector([0.1, 0.2, 0.3], 384)
Traceback (most recent call last):
...
engram.errors.InvalidInput: vector: has 3 numbers; this memory's embedder gives 384 (embed the query with the same model)
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from engram._chars import brief
from engram._validate import check_threshold, check_top_k
from engram.errors import InvalidInput
from engram.store.base import BoundStore
from engram.store.filters import Node

__all__ = ["check_vector", "search_by_vector"]

DEFAULT_TOP_K = 20  # as search's


def check_vector(value: Any, dims: int) -> np.ndarray:
    """A list of ``dims`` finite numbers, not all zero, as a unit-length float32 row."""
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if not isinstance(value, list | tuple) or not all(
            isinstance(x, int | float) and not isinstance(x, bool) for x in value):
        raise InvalidInput("vector", f"must be a list of numbers, got {brief(value)}")
    if len(value) != dims:
        raise InvalidInput("vector", f"has {len(value)} numbers; this memory's embedder gives "
                                     f"{dims} (embed the query with the same model)")
    if not all(math.isfinite(x) for x in value):
        raise InvalidInput("vector", "holds a number that is not finite (NaN or infinity)")
    vec = np.asarray(value, dtype=np.float32)
    norm = float(np.linalg.norm(vec))
    if norm == 0.0 or not math.isfinite(norm):
        raise InvalidInput("vector", "must not be all zeros")
    return vec / norm


def search_by_vector(store: BoundStore, where: Node, vector: Any, *, top_k: Any,
                     threshold: Any) -> dict[str, Any]:
    """``{"results": [...]}``: the memories matching ``where`` nearest to ``vector``."""
    qvec = check_vector(vector, store.dims)
    k = check_top_k(DEFAULT_TOP_K if top_k is None else top_k, "top_k")
    thr = check_threshold(threshold)
    hits = [(mid, sim) for mid, sim in store.vector_search(where, qvec, k)
            if thr is None or sim >= thr]
    recs = store.get_many([mid for mid, _ in hits])
    results = []
    for mid, sim in hits:
        rec = recs.get(mid)
        if rec is None:  # deleted between the two reads
            continue
        rec.score = round(float(sim), 6)
        results.append(rec.to_dict())
    return {"results": results}

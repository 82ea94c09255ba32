"""An in-process exact vector index, partitioned by scope: a cache, never the truth.

The store rebuilds it from its rows and keeps it in step through a change log, so every
search scores only the partitions of the scopes it may see, and its cost grows with the
caller's data, not with everyone's.

>>> import numpy as np
>>> ix = VectorIndex(dims=2)
>>> ix.upsert(("", "u1", None, None, False), 7, np.array([1.0, 0.0], dtype=np.float32), "m7")
>>> ix.search(ix.partitions("", {"user_id": "u1"}), np.array([1.0, 0.0], dtype=np.float32), 5)
[(7, 1.0)]
>>> ix.search(ix.partitions("", {"user_id": "u1"}, episodes=True), np.array([1.0, 0.0], dtype=np.float32), 5)
[]
>>> ix.search(ix.partitions("", {"user_id": "u1"}, episodes=False), np.array([1.0, 0.0], dtype=np.float32), 5)
[(7, 1.0)]
>>> ix.id_of(7), ix.similarities_of("", ["m7", "gone"], np.array([0.6, 0.8], dtype=np.float32))
('m7', {'m7': 0.6000000238418579})
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

# (ns, user, agent, run, is an episode): facts and stored turns sit apart, since most
# searches want one kind only (a fact's neighbours, the facts of a search); picking
# them out of a shared partition took a SQL read of the scope's rows per search.
PartitionKey = tuple[str, str | None, str | None, str | None, bool]


class _Partition:
    """One scope's vectors in a growable matrix with swap-remove deletion."""

    __slots__ = ("rids", "mat", "size", "pos")

    def __init__(self, dims: int) -> None:
        self.rids = np.zeros(16, dtype=np.int64)
        self.mat = np.zeros((16, dims), dtype=np.float32)
        self.size = 0
        self.pos: dict[int, int] = {}

    def upsert(self, rid: int, vec: np.ndarray) -> None:
        i = self.pos.get(rid)
        if i is None:
            if self.size == len(self.rids):  # amortised doubling
                self.rids = np.resize(self.rids, 2 * self.size)
                grown = np.zeros((2 * self.size, self.mat.shape[1]), dtype=np.float32)
                grown[: self.size] = self.mat[: self.size]
                self.mat = grown
            i = self.size
            self.size += 1
            self.pos[rid] = i
            self.rids[i] = rid
        self.mat[i] = vec

    def remove(self, rid: int) -> None:
        i = self.pos.pop(rid, None)
        if i is None:
            return
        last = self.size - 1
        if i != last:
            moved = int(self.rids[last])
            self.rids[i] = moved
            self.mat[i] = self.mat[last]
            self.pos[moved] = i
        self.size = last


class VectorIndex:
    """Exact cosine search over L2-normalised float32 vectors, one partition per scope."""

    def __init__(self, dims: int) -> None:
        self.dims = dims
        self._parts: dict[PartitionKey, _Partition] = {}
        self._where: dict[int, PartitionKey] = {}
        # Memory ids both ways: a search's candidates come as ids (keyword hits), and
        # looking their rows up in SQL cost more than scoring them (~1 ms a search).
        self._ids: dict[int, str] = {}
        self._rids: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._where)

    def clear(self) -> None:
        self._parts.clear()
        self._where.clear()
        self._ids.clear()
        self._rids.clear()

    def upsert(self, key: PartitionKey, rid: int, vec: np.ndarray, mid: str = "") -> None:
        """Store row ``rid``'s vector in partition ``key``; ``mid`` is its memory id."""
        old = self._where.get(rid)
        if old is not None and old != key:
            self.remove(rid)
        part = self._parts.get(key)
        if part is None:
            part = self._parts[key] = _Partition(self.dims)
        part.upsert(rid, vec)
        self._where[rid] = key
        if mid:
            self._ids[rid] = mid
            self._rids[mid] = rid

    def id_of(self, rid: int) -> str:
        return self._ids[rid]

    def remove(self, rid: int) -> None:
        mid = self._ids.pop(rid, None)
        if mid is not None and self._rids.get(mid) == rid:
            del self._rids[mid]
        key = self._where.pop(rid, None)
        if key is None:
            return
        part = self._parts[key]
        part.remove(rid)
        if part.size == 0:
            del self._parts[key]

    def partitions(self, ns: str, pinned: dict[str, str], episodes: bool | None = None
                   ) -> list[PartitionKey]:
        """The partitions of namespace ``ns`` whose scope agrees with the pinned ids, and
        with ``episodes`` when it says which kind (None: both)."""
        want = (pinned.get("user_id"), pinned.get("agent_id"), pinned.get("run_id"))
        return [
            k for k in self._parts
            if k[0] == ns and (episodes is None or k[4] == episodes)
            and all(w is None or w == have for w, have in zip(want, k[1:4], strict=True))
        ]

    def search(
        self,
        keys: Iterable[PartitionKey],
        query: np.ndarray,
        k: int,
        allowed: set[int] | None = None,
    ) -> list[tuple[int, float]]:
        """Top ``k`` (rid, cosine) in the given partitions, optionally only ``allowed`` rids."""
        rid_chunks: list[np.ndarray] = []
        score_chunks: list[np.ndarray] = []
        for key in keys:
            part = self._parts.get(key)
            if part is None or part.size == 0:
                continue
            if allowed is None:
                rids, mat = part.rids[: part.size], part.mat[: part.size]
            else:
                idx = [part.pos[r] for r in allowed if r in part.pos]
                if not idx:
                    continue
                rids, mat = part.rids[idx], part.mat[idx]
            rid_chunks.append(rids)
            score_chunks.append(mat @ query)
        if not rid_chunks:
            return []
        rids = np.concatenate(rid_chunks)
        scores = np.concatenate(score_chunks)
        if k < len(scores):
            top = np.argpartition(-scores, k - 1)[:k]
            top = top[np.argsort(-scores[top], kind="stable")]
        else:
            top = np.argsort(-scores, kind="stable")
        # tolist: the same Python ints and floats as int()/float() of each, in one call.
        return list(zip(rids[top].tolist(), scores[top].tolist(), strict=True))

    def ids_of(self, hits: Sequence[tuple[int, float]]) -> list[tuple[str, float]]:
        """:meth:`search`'s hits with memory ids for row ids."""
        ids = self._ids
        return [(ids[rid], s) for rid, s in hits]

    def similarities_of(self, ns: str, ids: Sequence[str], query: np.ndarray) -> dict[str, float]:
        """Cosine of the query with each memory id indexed in namespace ``ns`` (ids not
        indexed are left out), in id order, as the SQL lookup this replaces gave them:
        fusion breaks exact ties (duplicate texts) by that order."""
        # Grouped by partition in id order (each product's rows in the order they always
        # had: a row's cosine must not change with the rows computed beside it), with
        # the lookups bound to locals: this loop ran twice a search over ~200 ids.
        rids, where = self._rids, self._where
        by_part: dict[PartitionKey, tuple[list[str], list[int]]] = {}
        for mid in sorted(set(ids)):
            rid = rids.get(mid)
            key = None if rid is None else where.get(rid)
            if key is None or key[0] != ns:
                continue
            got = by_part.get(key)
            if got is None:
                got = by_part[key] = ([], [])
            got[0].append(mid)
            got[1].append(rid)  # type: ignore[arg-type]
        found: dict[str, float] = {}
        for key, (mids, in_part) in by_part.items():  # one product per scope, not per id
            part = self._parts[key]
            rows = [part.pos[rid] for rid in in_part]
            found.update(zip(mids, (part.mat[rows] @ query).tolist(), strict=True))
        return found if len(by_part) < 2 else {mid: found[mid] for mid in sorted(found)}

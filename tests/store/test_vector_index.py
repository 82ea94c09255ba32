"""The in-process vector index's reads that search uses: scores of given ids, and hits
mapped to memory ids."""

from __future__ import annotations

import numpy as np

from engram.store._vector_index import VectorIndex

A, B, OTHER = ("", "a", None, None, False), ("", "b", None, None, False), ("ns2", "a", None, None, False)
A_TURNS = ("", "a", None, None, True)


def _unit(*xs: float) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_similarities_of_ids_over_partitions_in_id_order() -> None:
    ix = VectorIndex(dims=2)
    ix.upsert(A, 1, _unit(1, 0), "m3")
    ix.upsert(B, 2, _unit(0, 1), "m1")
    ix.upsert(A, 3, _unit(1, 1), "m2")
    ix.upsert(OTHER, 4, _unit(1, 0), "m0")  # another namespace: never scored
    q = _unit(1, 0)
    got = ix.similarities_of("", ["m3", "m1", "m2", "m0", "gone", "m3"], q)
    assert list(got) == ["m1", "m2", "m3"]
    assert got == {"m1": 0.0, "m2": float(_unit(1, 1) @ q), "m3": 1.0}
    only_a = ix.similarities_of("", ["m3", "m2"], q)
    assert list(only_a) == ["m2", "m3"]


def test_search_hits_are_python_numbers_and_map_to_ids() -> None:
    ix = VectorIndex(dims=2)
    for rid, (v, mid) in enumerate([(_unit(1, 0), "x"), (_unit(1, 1), "y"), (_unit(0, 1), "z")]):
        ix.upsert(A, rid, v, mid)
    hits = ix.search([A], _unit(1, 0), 2)
    assert [type(r) for r, _ in hits] == [int, int] and all(type(s) is float for _, s in hits)
    assert ix.ids_of(hits) == [("x", 1.0), ("y", float(_unit(1, 1)[0]))]
    ix.remove(0)
    assert [m for m, _ in ix.ids_of(ix.search([A], _unit(1, 0), 5))] == ["y", "z"]


def test_partitions_pick_a_kind_and_a_row_moves_when_its_kind_changes() -> None:
    ix = VectorIndex(dims=2)
    ix.upsert(A, 1, _unit(1, 0), "fact")
    ix.upsert(A_TURNS, 2, _unit(1, 0.1), "turn")
    ix.upsert(B, 3, _unit(1, 0), "other user's fact")
    q = _unit(1, 0)
    ids = lambda keys: [m for m, _ in ix.ids_of(ix.search(keys, q, 5))]  # noqa: E731
    assert ids(ix.partitions("", {"user_id": "a"})) == ["fact", "turn"]
    assert ids(ix.partitions("", {"user_id": "a"}, episodes=False)) == ["fact"]
    assert ids(ix.partitions("", {"user_id": "a"}, episodes=True)) == ["turn"]
    assert ids(ix.partitions("", {}, episodes=False)) == ["fact", "other user's fact"]
    ix.upsert(A, 2, _unit(1, 0.1), "turn")  # the same row, now a fact: it moves
    assert ids(ix.partitions("", {"user_id": "a"}, episodes=True)) == []
    assert ids(ix.partitions("", {"user_id": "a"}, episodes=False)) == ["fact", "turn"]

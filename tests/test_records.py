"""engram._rerank.Records: each memory is read once per search, whole or as its head,
and what was read whole answers later head reads without the store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from engram._rerank import Records, dates_of
from engram._types import Scope
from engram.store.base import ChangeSet, NewMemory
from engram.store.sqlite import SQLiteStore


class Counting:
    """A bound store that counts the rows each read asks for."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.whole, self.heads = inner, 0, 0

    def get_many(self, ids: list[str]) -> Any:
        self.whole += len(ids)
        return self.inner.get_many(ids)

    def get_heads(self, ids: list[str]) -> Any:
        self.heads += len(ids)
        return self.inner.get_heads(ids)


def _store(tmp_path: Path) -> Any:
    st = SQLiteStore(tmp_path / "r.db", dims=2, model_id="m")
    v = np.array([1.0, 0.0], dtype=np.float32)
    st.apply("", ChangeSet(adds=[
        NewMemory(f"m{i}", f"turn {i}", f"h{i}", Scope("u"), v, metadata={"session": i % 2},
                  role="user" if i % 2 else "assistant",
                  happened_at=f"2023-05-0{i + 1}T10:00:00+00:00") for i in range(4)]))
    return st


def test_heads_and_whole_records_are_each_read_once(tmp_path: Path) -> None:
    st = _store(tmp_path)
    store = Counting(st.bind(""))
    recs = Records(store)  # type: ignore[arg-type]
    whole = recs.get(["m0", "m1"])
    assert [r.memory for r in whole.values()] == ["turn 0", "turn 1"]
    heads = recs.heads(["m0", "m1", "m2", "gone"])
    assert store.heads == 2  # m2 and the unknown id: m0, m1 came with their records
    assert list(heads) == ["m0", "m1", "m2"]
    assert heads["m1"].role == "user" and heads["m2"].metadata == {"session": 0}
    recs.heads(["m2"])
    assert store.heads == 2
    assert recs.get(["m2"])["m2"].memory == "turn 2"  # a head is not a whole record
    assert store.whole == 3
    st.close()


def test_dates_of_reads_the_event_time_or_a_metadata_date(tmp_path: Path) -> None:
    st = _store(tmp_path)
    heads = Records(st.bind("")).heads(["m0", "m3"])
    assert dates_of(heads, "happened_at") == {"m0": "2023-05-01T10:00:00+00:00",
                                              "m3": "2023-05-04T10:00:00+00:00"}
    assert dates_of(heads, "session") == {}  # not text: no date
    st.close()

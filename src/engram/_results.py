"""From a search's ranked ids to the result dicts it returns (``Memory.search``)."""

from __future__ import annotations

from typing import Any

from engram.store.base import BoundStore

__all__ = ["ranked_records"]


def ranked_records(store: BoundStore, chosen: list[tuple[str, float | None]],
                   parts: dict[str, dict[str, Any]] | None,
                   threshold: float | None) -> list[dict[str, Any]]:
    """The records of ``chosen`` (id, similarity) in order, each with its ``score`` and,
    when ``parts`` is given (``explain``), its ``score_details``."""
    recs = store.get_many([i for i, _ in chosen])
    results = []
    for mid, sim in chosen:
        rec = recs.get(mid)
        if rec is None:  # deleted between the two reads
            continue
        rec.score = round(sim, 6) if sim is not None else None
        item = rec.to_dict()
        if parts is not None:
            item["score_details"] = {**parts.get(mid, {}), "threshold": threshold}
        results.append(item)
    return results

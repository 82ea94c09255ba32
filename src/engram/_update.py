"""One memory's update, validated and planned before anything is embedded or written
(``Memory.update`` and each item of ``Memory.batch_update``).

>>> plan_update("m1", None, None, "", expiration_date=None).expiration_set
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from engram import _validate as V
from engram._spoken import embedded_text
from engram._types import KEEP
from engram.embed import Embedder, text_hash
from engram.errors import InvalidInput
from engram.store.base import BoundStore, MemoryUpdate

__all__ = ["plan_update", "plan_batch", "embed_updates"]


def plan_update(memory_id: Any, text: Any, metadata: dict[str, Any] | None,
                where: str, happened_at: str | None = None,
                expiration_date: Any = KEEP) -> MemoryUpdate:
    """Validated new text, metadata and/or times for one memory (the vector comes later)."""
    upd = MemoryUpdate(id=V.check_id(memory_id, f"{where}memory_id"), happened_at=happened_at)
    if expiration_date is not KEEP:
        upd.expiration_set = True
        upd.expiration_date = V.check_expiration(expiration_date, f"{where}expiration_date")
    if text is None and metadata is None and happened_at is None and not upd.expiration_set:
        raise InvalidInput(f"{where}text", "give text, metadata, timestamp and/or "
                                           "expiration_date to update")
    if text is not None:
        upd.text = V.check_text(text, f"{where}text")
        upd.hash = text_hash(upd.text)
    upd.metadata = metadata  # already checked against the configured limits
    return upd


def plan_batch(memories: Any, metadata: Callable[[Any, str], dict[str, Any] | None]
               ) -> list[MemoryUpdate]:
    """``batch_update``'s items (``[{"memory_id", "text"?, "metadata"?, ...}]``), each
    planned as one update; ``metadata`` checks an item's metadata against the config."""
    if not isinstance(memories, list) or not memories:
        raise InvalidInput("memories", "must be a non-empty list")
    ups = []
    for i, item in enumerate(memories):
        if not isinstance(item, Mapping):
            raise InvalidInput(f"memories[{i}]", "must be a dict with memory_id")
        meta = metadata(item.get("metadata"), f"memories[{i}].metadata")
        ups.append(plan_update(
            item.get("memory_id"), item.get("text"), meta, f"memories[{i}].",
            V.check_event_time(item.get("timestamp"), f"memories[{i}].timestamp"),
            item.get("expiration_date", KEEP)))
    if len({u.id for u in ups}) != len(ups):
        raise InvalidInput("memories", "names one memory_id more than once")
    return ups


def embed_updates(embedder: Embedder, ups: list[MemoryUpdate], store: BoundStore) -> None:
    """The new vectors of the updates that change text, in one batch, each embedded (and
    hashed) as its memory's kind is (a stored turn with its speaker: engram._spoken)."""
    texts = [u for u in ups if u.text is not None]
    if not texts:
        return
    held = store.get_many([u.id for u in texts])  # an unknown id: apply raises NotFound
    said = []
    for u in texts:
        rec = held.get(u.id)
        text = u.text or ""
        said.append(embedded_text(rec.memory_type, rec.actor_id, text) if rec else text)
        u.hash = text_hash(said[-1])
    for u, v in zip(texts, embedder.embed(said), strict=True):
        u.embedding = v

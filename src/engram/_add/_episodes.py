"""Episodes: the turns of an ``infer=True`` add, kept as evidence for its facts.

Each non-system turn becomes a memory row with ``memory_type="episode"`` and ``raw``
set, so it gets the same keyword document (with the turns around it) and vector as an
``infer=False`` memory. The add's facts cite them: a fact's ``source_ids`` are episode
ids (durable), not positions in the call. Written in the add's transaction, so a failed
add leaves neither facts nor turns (``pipeline.keep_episodes`` turns this off).

A turn is who said it as well as what was said: its vector encodes the speaker's name
with the text (:func:`spoken`) and its keyword document holds the name, so a question
that names the speaker ("what did Anna say about ...") reaches that speaker's own turns,
which rarely name her; the stored text stays as said (:mod:`engram._spoken` decides
this once for every path). Measured on the LOCOMO dev conversations
(``bench/locomo.py``): evidence recall@10 of the default search over facts and episodes
rose on every conversation.

>>> spoken(Message("user", "I adopted a cat.", "Anna")), spoken(Message("user", "Hi"))
('Anna: I adopted a cat.', 'Hi')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engram._add._commit import Times
from engram._ids import new_id
from engram._spoken import embedded_hash, embedded_text
from engram._types import EPISODE, Message, Scope
from engram.store.base import NewMemory

__all__ = ["Episodes", "episodes_for", "spoken"]


@dataclass
class Episodes:
    """The episode rows of one add and, for each message position, its episode id."""

    adds: list[NewMemory] = field(default_factory=list)
    by_index: dict[str, str] = field(default_factory=dict)

    def cite(self, positions: list[str]) -> list[str]:
        """A fact's provenance as episode ids (positions without an episode are kept:
        a system message is never stored, so it cannot be cited by id)."""
        return [self.by_index.get(p, p) for p in positions]

    def ids(self) -> list[str]:
        return [a.id for a in self.adds]


def spoken(m: Message) -> str:
    """What an episode's vector encodes: the speaker's name (when the message gives one)
    and the text."""
    return embedded_text(EPISODE, m.name, m.content)


def episodes_for(kept: list[Message], vectors: Sequence[np.ndarray | None], scope: Scope,
                 metadata: dict[str, Any], times: Times) -> Episodes:
    """One episode per kept message (``vectors[i]`` embeds ``spoken(kept[i])``; None: it
    is queued, :mod:`engram._vectors`), dated by the message's own time, else the
    call's, and expiring with what the add writes."""
    out = Episodes()
    for m, vec in zip(kept, vectors, strict=True):
        add = NewMemory(id=new_id(), text=m.content, hash=embedded_hash(EPISODE, m.name, m.content), scope=scope,
                        embedding=vec, metadata=dict(metadata), role=m.role, actor_id=m.name,
                        memory_type=EPISODE, raw=True,
                        happened_at=times.of_sources([str(m.index)]),
                        expiration_date=times.expiration_date)
        out.adds.append(add)
        out.by_index[str(m.index)] = add.id
    return out

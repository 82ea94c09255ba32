"""Episodes: the turns of an ``infer=True`` add, kept as evidence for its facts.

Each non-system turn becomes a memory row with ``memory_type="episode"`` and ``raw``
set, so it gets the same keyword document (with the turns around it) and vector as an
``infer=False`` memory. The add's facts cite them: a fact's ``source_ids`` are episode
ids (durable), not positions in the call. Written in the add's transaction, so a failed
add leaves neither facts nor turns (``pipeline.keep_episodes`` turns this off).

A turn is who said it as well as what was said: its vector encodes the speaker's name
with the text (:func:`spoken`), so a question that names the speaker ("what did Anna
say about ...") reaches that speaker's own turns, which rarely name her. The stored text
stays as said; the row's ``hash`` is that of what was embedded, so the embedding cache,
which reuses a stored row's vector for the same hash, never hands the named vector to
the bare text. Measured on the LOCOMO dev conversations (``bench/locomo.py``): evidence
recall@10 of the default search over facts and episodes rose on every conversation.

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
from engram._types import EPISODE, Message, Scope
from engram.embed import text_hash
from engram.store.base import NewMemory

__all__ = ["Episodes", "episodes_for", "spoken_text", "spoken"]


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
    return spoken_text(m.name, m.content)


def spoken_text(speaker: str | None, text: str) -> str:
    """:func:`spoken` from a stored turn's ``actor_id`` and text (the vector writer
    embeds a queued turn this way: engram._vectors)."""
    return f"{speaker}: {text}" if speaker else text


def episodes_for(kept: list[Message], vectors: Sequence[np.ndarray | None], scope: Scope,
                 metadata: dict[str, Any], times: Times) -> Episodes:
    """One episode per kept message (``vectors[i]`` embeds ``spoken(kept[i])``; None: it
    is queued, :mod:`engram._vectors`), dated by the message's own time, else the
    call's, and expiring with what the add writes."""
    out = Episodes()
    for m, vec in zip(kept, vectors, strict=True):
        add = NewMemory(id=new_id(), text=m.content, hash=text_hash(spoken(m)), scope=scope,
                        embedding=vec, metadata=dict(metadata), role=m.role, actor_id=m.name,
                        memory_type=EPISODE, raw=True,
                        happened_at=times.of_sources([str(m.index)]),
                        expiration_date=times.expiration_date)
        out.adds.append(add)
        out.by_index[str(m.index)] = add.id
    return out

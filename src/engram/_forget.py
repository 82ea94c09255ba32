"""Deleting one memory, and with ``with_evidence`` the turns only it was extracted from.

A fact's evidence (the episodes its ``source_ids`` name) outlives the fact by default:
the turns are what was said, and other facts may cite them. ``with_evidence=True``
deletes, in the fact's transaction, each of its episodes that no other fact still
cites (:func:`orphaned`); a turn another fact stands on is kept. The whole change has
one ``add_id`` and ``origin: "delete_with_evidence"`` on every history row, so
``history()`` says why each turn went and ``undo(add_id)`` puts the fact and its turns
back together.

Why under the scope lock: the add flow and re-extraction make facts cite turns while
holding it, so no fact can start citing a turn between the check and the delete.

>>> orphaned("f1", ["e1", "e2", "e3"], {"e1": ["f1"], "e2": ["f1", "f2"]})
['e1', 'e3']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from engram._ids import new_id
from engram._types import EPISODE
from engram.errors import NotFound
from engram.store.base import ChangeSet
from engram.store.filters import parse_filters

if TYPE_CHECKING:
    from engram.store.base import BoundStore

__all__ = ["ORIGIN", "orphaned", "delete_memory"]

ORIGIN = "delete_with_evidence"  # on the history rows of such a delete


def orphaned(fact_id: str, episodes: Sequence[str], cited_by: dict[str, list[str]]) -> list[str]:
    """The ``episodes`` that no fact other than ``fact_id`` cites (``cited_by``: episode
    -> the live facts citing it), in the order given."""
    return [e for e in dict.fromkeys(episodes) if not set(cited_by.get(e, [])) - {fact_id}]


def delete_memory(store: BoundStore, memory_id: str, with_evidence: bool) -> dict[str, Any]:
    """``Memory.delete`` after validation: its answer."""
    out: dict[str, Any] = {"message": "Memory deleted successfully!", "id": memory_id}
    if not with_evidence:
        store.apply(ChangeSet(deletes=[memory_id]))
        return out
    first = store.get(memory_id)
    if first is None:
        raise NotFound("memory", memory_id)
    with store.scope_lock(first.scope):
        rec = store.get(memory_id)  # again, under the lock: what the delete acts on
        if rec is None:
            raise NotFound("memory", memory_id)
        turns = [e.id for e in store.get_many(rec.source_ids).values()
                 if e.memory_type == EPISODE]
        turns = [s for s in rec.source_ids if s in set(turns)]  # citation order
        cited = store.citing(parse_filters(rec.scope.as_dict()), turns) if turns else {}
        gone = orphaned(memory_id, turns, cited)
        cs = ChangeSet(deletes=[memory_id, *gone], add_id=new_id(), origin=ORIGIN)
        store.apply(cs)
    return out | {"evidence_deleted": gone, "add_id": cs.add_id}

"""CrewAI: a ``StorageBackend`` (``crewai.memory.storage.backend``) on Engram, for
``crewai.Memory(storage=EngramStorage(...))``.

CrewAI's memory does its own analysis (scope, categories, importance) and embeds every
text itself; its storage keeps records and answers vector searches. Each CrewAI record is
one raw Engram memory (``infer=False``) in the adapter's Engram scope (``agent_id="crewai"``
unless told otherwise): the content is the memory's text, CrewAI's fields live in its
metadata under ``crewai_*`` keys, next to the record's own metadata. CrewAI's hierarchical
scope (``/project/alpha``) is kept as the path and the list of its ancestors, so a scope
prefix is an Engram filter matching the subtree (``/a`` covers ``/a/b``, never ``/ab``).

Search takes CrewAI's query vector to :meth:`engram.Memory.search_by_vector`, so CrewAI must
embed with the memory's own model: pass :func:`crewai_embedder` as ``embedder=``. A vector
of other dimensions is refused (``InvalidInput`` naming ``vector``), never compared.

>>> import tempfile, os, engram
>>> from crewai.memory.types import MemoryRecord
>>> from engram.integrations.crewai import EngramStorage, crewai_embedder
>>> storage = EngramStorage(engram.Memory({"store": {"path": os.path.join(tempfile.mkdtemp(), "c.db")}}))
>>> storage.save([MemoryRecord(content="The API rate limit is 1000 requests a minute",
...                            scope="/project/api", categories=["limits"])])
>>> vec = crewai_embedder()(["how many requests may we send?"])[0]
>>> [(r.content, r.scope) for r, _ in storage.search(vec, scope_prefix="/project")]
[('The API rate limit is 1000 requests a minute', '/project/api')]
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from engram.integrations._bridge import PAGE, every_row, missing

try:
    from crewai.memory.types import MemoryRecord, ScopeInfo
except ImportError as e:  # pragma: no cover - the extra is missing
    raise ImportError(missing("crewai", "crewai")) from e

__all__ = ["EngramStorage", "crewai_embedder"]

PREFIX = "crewai_"
ID, SCOPE, PATHS, CATS = "crewai_id", "crewai_scope", "crewai_scopes", "crewai_categories"
IMPORTANCE, CREATED, ACCESSED = "crewai_importance", "crewai_created_at", "crewai_last_accessed"
SOURCE, PRIVATE = "crewai_source", "crewai_private"
# CrewAI's datetimes are naive UTC; written at a fixed width so text order is time order.
TIME = "%Y-%m-%dT%H:%M:%S.%f"


def crewai_embedder(embedder: Any = None) -> Callable[[list[str]], list[list[float]]]:
    """The embedding callable CrewAI's ``Memory(embedder=...)`` takes, over an Engram
    embedder (default: Engram's offline MiniLM, the default ``Memory``'s model)."""
    if embedder is None:
        from engram.embed import make_embedder

        embedder = make_embedder()
    model = embedder

    def embed(texts: list[str]) -> list[list[float]]:
        return [row.tolist() for row in model.embed(list(texts))]

    return embed


class EngramStorage:
    """CrewAI's ``StorageBackend`` over an ``engram.Memory`` (or ``MemoryClient``).

    Every record lives in one Engram scope (``user_id``/``agent_id``/``run_id``; default
    ``agent_id="crewai"``), so one Engram file can hold several crews apart.
    """

    def __init__(self, memory: Any, *, user_id: str | None = None, agent_id: str | None = None,
                 run_id: str | None = None) -> None:
        self.memory = memory
        scope = {k: v for k, v in (("user_id", user_id), ("agent_id", agent_id),
                                   ("run_id", run_id)) if v is not None}
        self.scope = scope or {"agent_id": "crewai"}

    # -- writes ---------------------------------------------------------------------------

    def save(self, records: list[MemoryRecord]) -> None:
        for rec in records:
            self.memory.add([{"role": "user", "content": rec.content}], infer=False,
                            metadata=_meta(rec), **self.scope)

    def update(self, record: MemoryRecord) -> None:
        """Replace the record with the same id (a new one if there is none)."""
        found = self._engram_ids(record_ids=[record.id])
        if not found:
            self.save([record])
            return
        self.memory.update(found[0], text=record.content, metadata=_meta(record))

    def touch_records(self, record_ids: list[str]) -> None:
        """Mark records as read now (CrewAI's recency uses ``last_accessed``)."""
        now = datetime.now(UTC).replace(tzinfo=None).strftime(TIME)
        rows = self._rows(self._where(record_ids=record_ids)) if record_ids else []
        updates = [{"memory_id": r["id"], "metadata": {**r["metadata"], ACCESSED: now}}
                   for r in rows]
        if updates:
            self.memory.batch_update(updates)

    def delete(self, scope_prefix: str | None = None, categories: list[str] | None = None,
               record_ids: list[str] | None = None, older_than: datetime | None = None,
               metadata_filter: dict[str, Any] | None = None) -> int:
        """Delete what matches every criterion given (all records of the scope when none)."""
        ids = self._engram_ids(scope_prefix, categories, record_ids, older_than, metadata_filter)
        for start in range(0, len(ids), PAGE):
            self.memory.batch_delete(ids[start:start + PAGE])
        return len(ids)

    def reset(self, scope_prefix: str | None = None) -> None:
        self.delete(scope_prefix=scope_prefix)

    # -- reads ----------------------------------------------------------------------------

    def search(self, query_embedding: list[float], scope_prefix: str | None = None,
               categories: list[str] | None = None, metadata_filter: dict[str, Any] | None = None,
               limit: int = 10, min_score: float = 0.0) -> list[tuple[MemoryRecord, float]]:
        """Nearest records first; the score is the cosine similarity, floored at 0 (CrewAI
        blends it with recency and importance as a value in [0, 1])."""
        if not query_embedding:
            return []
        where = self._where(scope_prefix, categories, metadata_filter=metadata_filter)
        found = self.memory.search_by_vector(list(query_embedding), filters=where,
                                             top_k=max(1, min(limit, PAGE)))["results"]
        hits = [(_record(r), max(0.0, float(r["score"]))) for r in found]
        return [(rec, s) for rec, s in hits if s >= min_score]

    def get_record(self, record_id: str) -> MemoryRecord | None:
        rows = self.memory.get_all(filters=self._where(record_ids=[record_id]), top_k=1)["results"]
        return _record(rows[0]) if rows else None

    def list_records(self, scope_prefix: str | None = None, limit: int = 200,
                     offset: int = 0) -> list[MemoryRecord]:
        """Newest first by CrewAI's own ``created_at``."""
        recs = sorted((_record(r) for r in self._rows(self._where(scope_prefix))),
                      key=lambda r: r.created_at, reverse=True)
        return recs[max(offset, 0):max(offset, 0) + max(limit, 0)]

    def get_scope_info(self, scope: str) -> ScopeInfo:
        path = _norm(scope)
        recs = [_record(r) for r in self._rows(self._where(path))]
        times = [r.created_at for r in recs]
        return ScopeInfo(path=path, record_count=len(recs),
                         categories=sorted({c for r in recs for c in r.categories}),
                         oldest_record=min(times, default=None),
                         newest_record=max(times, default=None),
                         child_scopes=_children(path, (r.scope for r in recs)))

    def list_scopes(self, parent: str = "/") -> list[str]:
        path = _norm(parent)
        return _children(path, (r["metadata"][SCOPE] for r in self._rows(self._where(path))))

    def list_categories(self, scope_prefix: str | None = None) -> dict[str, int]:
        counts: dict[str, int] = {}
        for r in self._rows(self._where(scope_prefix)):
            for c in r["metadata"].get(CATS) or []:
                counts[c] = counts.get(c, 0) + 1
        return counts

    def count(self, scope_prefix: str | None = None) -> int:
        return sum(1 for _ in self._rows(self._where(scope_prefix)))

    # -- the async twins: the same calls in a worker thread --------------------------------

    async def asave(self, records: list[MemoryRecord]) -> None:
        await asyncio.to_thread(self.save, records)

    async def asearch(self, query_embedding: list[float], scope_prefix: str | None = None,
                      categories: list[str] | None = None,
                      metadata_filter: dict[str, Any] | None = None, limit: int = 10,
                      min_score: float = 0.0) -> list[tuple[MemoryRecord, float]]:
        return await asyncio.to_thread(self.search, query_embedding, scope_prefix, categories,
                                       metadata_filter, limit, min_score)

    async def adelete(self, scope_prefix: str | None = None, categories: list[str] | None = None,
                      record_ids: list[str] | None = None, older_than: datetime | None = None,
                      metadata_filter: dict[str, Any] | None = None) -> int:
        return await asyncio.to_thread(self.delete, scope_prefix, categories, record_ids,
                                       older_than, metadata_filter)

    # -- mapping onto Engram filters ------------------------------------------------------

    def _where(self, scope_prefix: str | None = None, categories: list[str] | None = None,
               record_ids: list[str] | None = None, older_than: datetime | None = None,
               metadata_filter: dict[str, Any] | None = None) -> dict[str, Any]:
        # Metadata keys inside {"metadata": ...}: the form both Memory and the server
        # (which refuses unknown top-level filter fields) read as metadata.
        meta: list[dict[str, Any]] = [{ID: "*"}]
        path = _norm(scope_prefix) if scope_prefix is not None else "/"
        if path != "/":
            meta.append({PATHS: {"contains": path}})
        if record_ids is not None:
            meta.append({ID: {"in": list(record_ids)}})
        if older_than is not None:
            meta.append({CREATED: {"lt": _naive_utc(older_than).strftime(TIME)}})
        if metadata_filter:
            meta.append(dict(metadata_filter))
        conds: list[dict[str, Any]] = [dict(self.scope), *({"metadata": m} for m in meta)]
        if categories:  # any of them
            conds.append({"OR": [{"metadata": {CATS: {"contains": c}}} for c in categories]})
        return {"AND": conds}

    def _rows(self, where: dict[str, Any]) -> Iterator[dict[str, Any]]:
        return every_row(self.memory, where)

    def _engram_ids(self, scope_prefix: str | None = None, categories: list[str] | None = None,
                    record_ids: list[str] | None = None, older_than: datetime | None = None,
                    metadata_filter: dict[str, Any] | None = None) -> list[str]:
        if record_ids is not None and not record_ids:
            return []
        where = self._where(scope_prefix, categories, record_ids, older_than, metadata_filter)
        return [r["id"] for r in self._rows(where)]


def _norm(scope: str | None) -> str:
    """``/a/b`` for ``a/b/``, ``/a//b`` and the like; ``/`` for the root."""
    parts = [p for p in (scope or "").split("/") if p]
    return "/" + "/".join(parts)


def _ancestors(path: str) -> list[str]:
    parts = [p for p in path.split("/") if p]
    return ["/" + "/".join(parts[:i]) for i in range(1, len(parts) + 1)]


def _children(path: str, scopes: Iterator[str] | Any) -> list[str]:
    depth = len([p for p in path.split("/") if p])
    out = set()
    for s in scopes:
        parts = [p for p in s.split("/") if p]
        if len(parts) > depth:
            out.add("/" + "/".join(parts[:depth + 1]))
    return sorted(out)


def _naive_utc(when: datetime) -> datetime:
    return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when


def _meta(rec: MemoryRecord) -> dict[str, Any]:
    own = dict(rec.metadata or {})
    taken = sorted(k for k in own if k.startswith(PREFIX))
    if taken:
        raise ValueError(f"metadata keys starting with {PREFIX!r} are the Engram adapter's own: "
                         f"{', '.join(taken)}")
    path = _norm(rec.scope)
    return {**own, ID: rec.id, SCOPE: path, PATHS: _ancestors(path), CATS: list(rec.categories),
            IMPORTANCE: rec.importance, CREATED: _naive_utc(rec.created_at).strftime(TIME),
            ACCESSED: _naive_utc(rec.last_accessed).strftime(TIME), SOURCE: rec.source,
            PRIVATE: rec.private}


def _record(row: dict[str, Any]) -> MemoryRecord:
    meta = dict(row.get("metadata") or {})
    mine = {k: meta.pop(k) for k in list(meta) if k.startswith(PREFIX)}
    return MemoryRecord(
        id=mine[ID], content=row["memory"], scope=mine.get(SCOPE, "/"),
        categories=list(mine.get(CATS) or []), metadata=meta,
        importance=mine.get(IMPORTANCE, 0.5),
        created_at=datetime.strptime(mine[CREATED], TIME),
        last_accessed=datetime.strptime(mine.get(ACCESSED) or mine[CREATED], TIME),
        source=mine.get(SOURCE), private=bool(mine.get(PRIVATE, False)))

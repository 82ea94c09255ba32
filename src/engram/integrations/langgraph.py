"""LangGraph's long-term memory store (``BaseStore``) on Engram.

Each LangGraph item is one raw Engram memory (``infer=False``) in the store's agent scope:
its text is the indexed field(s) of the value, so search is Engram's hybrid search; the
value itself, the key and the namespace live in the memory's metadata. A namespace level
can be lifted into the scope's ``user_id`` (``user_level=``), so one user's items are
confined, listed and deleted like any other Engram user's.

>>> import tempfile, os, engram
>>> from engram.integrations.langgraph import EngramStore
>>> store = EngramStore(engram.Memory({"store": {"path": os.path.join(tempfile.mkdtemp(), "s.db")}}),
...                     user_level=0)
>>> store.put(("alice", "food"), "likes", {"text": "Loves spicy ramen"})
>>> [i.value["text"] for i in store.search(("alice",), query="noodles")]
['Loves spicy ramen']
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from engram.integrations._bridge import PAGE, every_row, missing

try:
    from langgraph.store.base import (
        BaseStore,
        GetOp,
        Item,
        ListNamespacesOp,
        MatchCondition,
        Op,
        PutOp,
        Result,
        SearchItem,
        SearchOp,
        get_text_at_path,
        tokenize_path,
    )
except ImportError as e:  # pragma: no cover - the extra is missing
    raise ImportError(missing("langgraph", "langgraph")) from e

__all__ = ["EngramStore"]

NS, KEY, VALUE = "lg_namespace", "lg_key", "lg_value"


def _level(i: int) -> str:
    return f"lg_ns_{i}"


class EngramStore(BaseStore):
    """A LangGraph ``BaseStore`` over an ``engram.Memory`` (or ``MemoryClient``).

    ``agent_id`` is the Engram scope every item lives in; ``user_level`` (optional) names
    the namespace position that is the user's id; ``fields`` are the value's fields whose
    text is indexed (LangGraph paths such as ``"text"`` or ``"notes[*].body"``); without
    them the whole value, as JSON, is the searchable text.
    """

    supports_ttl = False

    def __init__(self, memory: Any, *, agent_id: str = "langgraph", user_level: int | None = None,
                 fields: Sequence[str] | None = None) -> None:
        self.memory = memory
        self.agent_id = agent_id
        self.user_level = user_level
        self.fields = list(fields) if fields else None

    # -- BaseStore ------------------------------------------------------------------------

    def batch(self, ops: Iterable[Op]) -> list[Result]:
        """Reads see the store as it was before the batch; puts apply after, last one wins
        per (namespace, key), as in LangGraph's own stores."""
        ops = list(ops)
        puts: dict[tuple[tuple[str, ...], str], PutOp] = {}
        results: list[Result] = []
        for op in ops:
            if isinstance(op, GetOp):
                results.append(self._get(op.namespace, op.key))
            elif isinstance(op, SearchOp):
                results.append(self._search(op))
            elif isinstance(op, ListNamespacesOp):
                results.append(self._list_namespaces(op))
            elif isinstance(op, PutOp):
                puts[(tuple(op.namespace), op.key)] = op
                results.append(None)
            else:
                raise TypeError(f"unknown LangGraph store operation: {type(op).__name__}")
        for op in puts.values():
            self._put(op)
        return results

    async def abatch(self, ops: Iterable[Op]) -> list[Result]:
        return await asyncio.to_thread(self.batch, list(ops))

    # -- operations -----------------------------------------------------------------------

    def _get(self, namespace: tuple[str, ...], key: str) -> Item | None:
        rec = self._find(namespace, key)
        return _item(rec) if rec is not None else None

    def _put(self, op: PutOp) -> None:
        ns = tuple(op.namespace)
        rec = self._find(ns, op.key)
        if op.value is None:
            if rec is not None:
                self.memory.delete(rec["id"])
            return
        value = dict(op.value)
        meta = {NS: json.dumps(list(ns)), KEY: op.key, VALUE: value,
                **{_level(i): part for i, part in enumerate(ns)}}
        text = self._text(value, op.index)
        if rec is not None:
            self.memory.update(rec["id"], text=text, metadata=meta)
        else:
            self.memory.add([{"role": "user", "content": text}], infer=False, metadata=meta,
                            **self._scope(ns))

    def _search(self, op: SearchOp) -> list[SearchItem]:
        where = self._where(op.namespace_prefix)
        if op.query:
            # Engram ranks; the value filter, which Engram cannot see inside the stored
            # value, narrows the ranked list, so ask for as many as it will give.
            k = PAGE if op.filter else max(op.offset + op.limit, 1)
            hits = self.memory.search(op.query, filters=where, top_k=min(k, PAGE))["results"]
            found = [(r, r.get("score")) for r in hits if _matches(r["metadata"][VALUE], op.filter)]
        else:
            # Oldest first: the order LangGraph's in-memory store lists items in.
            found = [(r, None) for r in reversed(list(self._scan(where)))
                     if _matches(r["metadata"][VALUE], op.filter)]
        page = found[op.offset:op.offset + op.limit]
        return [_search_item(r, score) for r, score in page]

    def _list_namespaces(self, op: ListNamespacesOp) -> list[tuple[str, ...]]:
        seen = {tuple(json.loads(r["metadata"][NS])) for r in self._scan(self._where(()))}
        spaces = [ns for ns in seen if all(_path_matches(c, ns) for c in op.match_conditions or ())]
        if op.max_depth is not None:
            spaces = list({ns[:op.max_depth] for ns in spaces})
        return sorted(spaces)[op.offset:op.offset + op.limit]

    # -- mapping onto Engram --------------------------------------------------------------

    def _scope(self, namespace: tuple[str, ...]) -> dict[str, str]:
        scope = {"agent_id": self.agent_id}
        if self.user_level is not None and len(namespace) > self.user_level:
            scope["user_id"] = namespace[self.user_level]
        return scope

    def _where(self, prefix: tuple[str, ...]) -> dict[str, Any]:
        conds: list[dict[str, Any]] = [{"agent_id": self.agent_id}]
        if self.user_level is not None and len(prefix) > self.user_level:
            conds.append({"user_id": prefix[self.user_level]})
        conds += [{_level(i): part} for i, part in enumerate(prefix)]
        return {"AND": conds}

    def _find(self, namespace: tuple[str, ...], key: str) -> dict[str, Any] | None:
        where = {"AND": [*self._where(namespace)["AND"], {NS: json.dumps(list(namespace))},
                         {KEY: key}]}
        rows = self.memory.get_all(filters=where, top_k=1)["results"]
        return rows[0] if rows else None

    def _scan(self, where: dict[str, Any]) -> Iterator[dict[str, Any]]:
        return every_row(self.memory, where)

    def _text(self, value: dict[str, Any], index: Any) -> str:
        paths = self.fields if index is None else (None if index is False else list(index))
        texts = [t for p in paths or () for t in get_text_at_path(value, tokenize_path(p))]
        # No indexed field (or index=False): the value's JSON still lets keywords find it.
        return "\n".join(t for t in texts if t.strip()) or json.dumps(value, sort_keys=True)


def _when(text: str | None) -> datetime:
    if not text:
        return datetime.now(UTC)
    return datetime.fromisoformat(text)


def _item(rec: dict[str, Any]) -> Item:
    meta = rec["metadata"]
    created = _when(rec.get("created_at"))
    return Item(value=meta[VALUE], key=meta[KEY], namespace=tuple(json.loads(meta[NS])),
                created_at=created, updated_at=_when(rec.get("updated_at")) if rec.get("updated_at") else created)


def _search_item(rec: dict[str, Any], score: float | None) -> SearchItem:
    it = _item(rec)
    return SearchItem(namespace=it.namespace, key=it.key, value=it.value,
                      created_at=it.created_at, updated_at=it.updated_at, score=score)


def _path_matches(cond: MatchCondition, ns: tuple[str, ...]) -> bool:
    path = tuple(cond.path)
    if len(ns) < len(path):
        return False
    part = ns[:len(path)] if cond.match_type == "prefix" else ns[len(ns) - len(path):]
    return all(want in ("*", got) for want, got in zip(path, part, strict=True))


_COMPARE = {
    "$eq": lambda a, b: a == b,
    "$ne": lambda a, b: a != b,
    "$gt": lambda a, b: a is not None and float(a) > float(b),
    "$gte": lambda a, b: a is not None and float(a) >= float(b),
    "$lt": lambda a, b: a is not None and float(a) < float(b),
    "$lte": lambda a, b: a is not None and float(a) <= float(b),
}


def _matches(value: Any, flt: dict[str, Any] | None) -> bool:
    """LangGraph's value filter: exact values, nested dicts, and ``$eq``/``$ne``/``$gt``/
    ``$gte``/``$lt``/``$lte`` operators."""
    if not flt:
        return True
    if not isinstance(value, dict):
        return False
    return all(_condition(value.get(k), want) for k, want in flt.items())


def _condition(got: Any, want: Any) -> bool:
    if isinstance(want, dict) and any(k.startswith("$") for k in want):
        for op, arg in want.items():
            if op not in _COMPARE:
                raise ValueError(f"filter operator {op!r} is not supported; use one of {sorted(_COMPARE)}")
            if not _COMPARE[op](got, arg):
                return False
        return True
    if isinstance(want, dict):
        return _matches(got, want)
    return bool(got == want)

"""The pure half of the HTTP clients: each Memory method's request built once as a value.

:class:`Calls` holds one :class:`Endpoint` per method declared in
:class:`engram._api.MemoryAPI`; called with that method's own arguments, it gives the
:class:`Call` (method, path, query, body) that ``MemoryClient`` and ``AsyncMemoryClient``
send. No I/O happens here, so both clients share every decision.

>>> c = Calls.search("tea", user_id="alice")
>>> (c.method, c.path, c.json["query"], c.json["user_id"])
('POST', '/v3/memories/search/', 'tea', 'alice')
>>> Calls.add("hi \\ud800", user_id="alice")
Traceback (most recent call last):
...
engram.errors.InvalidInput: messages: contains a lone surrogate (U+D800) at position 3
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar
from urllib.parse import quote

from engram import errors as E
from engram._api import MemoryAPI
from engram._chars import text_problem
from engram._types import KEEP
from engram._validate import check_expiration, check_timestamp

__all__ = ["Call", "Calls", "Endpoint"]

P = ParamSpec("P")
R = TypeVar("R")
# Deeper than any metadata the server accepts (config.limits), and shallow enough for the
# JSON encoder: past it a request could only fail, with a RecursionError, before sending.
MAX_DEPTH = 100


@dataclass(frozen=True)
class Call:
    """One HTTP request, fully described; ``idempotent`` says whether resending it after a
    lost answer is safe."""

    method: str
    path: str
    params: dict[str, Any] | None = None
    json: Any = None
    idempotent: bool = True
    shape: Callable[[Any], Any] | None = None  # reshape the JSON answer (for Memory parity)


def _clean(d: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


def _mid(memory_id: str, field: str = "memory_id") -> str:
    if not isinstance(memory_id, str) or not memory_id:
        raise E.InvalidInput(field, f"must be an id string, got {memory_id!r}")
    return quote(memory_id, safe="")


def _list_shape(paged: bool) -> Callable[[Any], Any]:
    def shape(body: Any) -> Any:
        out = {"results": body["results"], "next_cursor": body.get("next_cursor")}
        if "relations" in body:  # enable_graph
            out["relations"] = body["relations"]
        if paged:
            out.update(page=body.get("page"), page_size=body.get("page_size"),
                       total=body.get("total"))
        return out

    return shape


def _scopes_shape(body: Any) -> Any:
    return [{"type": r["type"], "id": r["id"], "total_memories": r["total_memories"],
             "created_at": r.get("created_at"), "updated_at": r.get("updated_at")}
            for r in body["results"]]


def _check_sendable(args: Mapping[str, Any]) -> None:
    """Refuse what cannot travel as UTF-8 JSON (a lone surrogate would fail inside httpx
    with a UnicodeEncodeError) or be stored (NUL), naming the argument and the path in it,
    as the server and ``Memory`` do; nothing is sent."""
    stack: list[tuple[str, Any, int]] = [(name, v, 0) for name, v in args.items()]
    while stack:
        path, value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise E.InvalidInput(path, f"is nested more than {MAX_DEPTH} levels deep")
        if isinstance(value, str):
            problem = text_problem(value)
            if problem:
                raise E.InvalidInput(path, problem)
        elif isinstance(value, Mapping):
            for k, v in value.items():
                key_problem = text_problem(k) if isinstance(k, str) else None
                if key_problem:
                    raise E.InvalidInput(path, f"has a key that {key_problem}")
                stack.append((f"{path}.{k}", v, depth + 1))
        elif isinstance(value, list | tuple):
            stack.extend((f"{path}[{i}]", v, depth + 1) for i, v in enumerate(value))


class Endpoint(Generic[P, R]):
    """The request builder of one declared method (:class:`engram._api.MemoryAPI`):
    called with that method's own arguments (checked against its signature, defaults
    filled in), it gives the :class:`Call`. ``R`` carries the method's result type to the
    clients that send it."""

    def __init__(self, spec: Callable[Concatenate[Any, P], R],
                 build: Callable[[dict[str, Any]], Call]) -> None:
        sig = inspect.signature(spec)
        self._sig = sig.replace(parameters=list(sig.parameters.values())[1:])  # no self
        self._build = build
        self.__name__ = spec.__name__
        self.__doc__ = spec.__doc__
        self.__signature__ = self._sig

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> Call:
        bound = self._sig.bind(*args, **kwargs)  # TypeError for what Memory would refuse
        bound.apply_defaults()
        _check_sendable(bound.arguments)
        return self._build(bound.arguments)


def _add_body(a: dict[str, Any]) -> dict[str, Any]:
    """JSON for add: the timestamp as text; an LLM object cannot travel to the server."""
    if a["llm"] is not None:
        raise E.InvalidInput("llm", "an LLM object cannot be sent to the server; configure "
                                    "the server's LLM instead")
    when = a["timestamp"]
    return {k: v for k, v in a.items() if k != "llm"} | {
        "timestamp": check_timestamp(when), "expiration_date": check_expiration(
            a["expiration_date"])}


def _update_body(a: dict[str, Any]) -> dict[str, Any]:
    """JSON for update: times as text; ``expiration_date`` sent as null (clear it) only
    when given as None, left out when not given (keep it)."""
    out = _clean({k: a[k] for k in ("text", "data", "metadata")})
    if a["timestamp"] is not None:
        out["timestamp"] = check_timestamp(a["timestamp"])
    if a["expiration_date"] is not KEEP:
        out["expiration_date"] = check_expiration(a["expiration_date"])
    return out


def _as_of_text(a: dict[str, Any]) -> dict[str, Any]:
    """``as_of`` as ISO text (a datetime cannot travel as JSON)."""
    return a | {"as_of": check_timestamp(a["as_of"], "as_of")}


def _search_body(a: dict[str, Any]) -> dict[str, Any]:
    """``as_of`` and ``reference_date`` as ISO text (JSON has no date type)."""
    return _as_of_text(a) | {"reference_date": check_timestamp(a["reference_date"],
                                                               "reference_date")}


def _batch_items(ids: list[Any]) -> list[Any]:
    if not isinstance(ids, list):
        raise E.InvalidInput("memory_ids", "must be a non-empty list")
    return [m if isinstance(m, Mapping) else {"memory_id": m} for m in ids]


class Calls:
    """Pure request builders, one per Memory method (same arguments, same results)."""

    add = Endpoint(MemoryAPI.add, lambda a: Call(
        "POST", "/v3/memories/add/", json=_clean(_add_body(a)), idempotent=False))
    search = Endpoint(MemoryAPI.search, lambda a: Call(
        "POST", "/v3/memories/search/", json=_clean(_search_body(a))))
    search_by_vector = Endpoint(MemoryAPI.search_by_vector, lambda a: Call(
        "POST", "/v1/memories/search/vector/", json=_clean(a)))
    get = Endpoint(MemoryAPI.get, lambda a: Call(
        "GET", f"/v1/memories/{_mid(a['memory_id'])}/"))
    get_all = Endpoint(MemoryAPI.get_all, lambda a: Call(
        "POST", "/v3/memories/", json=_clean(_as_of_text(a)),
        shape=_list_shape(a["page"] is not None)))
    update = Endpoint(MemoryAPI.update, lambda a: Call(
        "PUT", f"/v1/memories/{_mid(a['memory_id'])}/", json=_update_body(a)))
    delete = Endpoint(MemoryAPI.delete, lambda a: Call(
        "DELETE", f"/v1/memories/{_mid(a['memory_id'])}/",
        params={"with_evidence": "true"} if a["with_evidence"] is True else None))
    delete_all = Endpoint(MemoryAPI.delete_all, lambda a: Call(
        "DELETE", "/v1/memories/", params=_clean(
            a | {"filters": json.dumps(a["filters"]) if a["filters"] is not None else None})))
    history = Endpoint(MemoryAPI.history, lambda a: Call(
        "GET", f"/v1/memories/{_mid(a['memory_id'])}/history/"))
    undo = Endpoint(MemoryAPI.undo, lambda a: Call(
        "POST", f"/v1/memories/undo/{_mid(a['add_id'], 'add_id')}/", idempotent=False))
    reextract = Endpoint(MemoryAPI.reextract, lambda a: Call(
        "POST", "/v1/memories/reextract/", idempotent=False,
        json=_clean(a | {"since": check_timestamp(a["since"], "since")})))
    scopes = Endpoint(MemoryAPI.scopes, lambda a: Call(
        "GET", "/v1/entities/", shape=_scopes_shape))
    # ``memories``: ``[{"memory_id", "text"?, "metadata"?}]``; all or nothing for unknown
    # ids (checked before any write).
    batch_update = Endpoint(MemoryAPI.batch_update, lambda a: Call(
        "PUT", "/v1/batch/", json={"memories": a["memories"]}))
    # ids, or ``[{"memory_id": ...}]`` as Mem0's client sends them.
    batch_delete = Endpoint(MemoryAPI.batch_delete, lambda a: Call(
        "DELETE", "/v1/batch/", json={"memories": _batch_items(a["memory_ids"])}))
    flush = Endpoint(MemoryAPI.flush, lambda a: Call(
        "POST", "/v1/flush/", params=_clean(a)))
    # Forget every memory of the key's project.
    reset = Endpoint(MemoryAPI.reset, lambda a: Call("POST", "/v1/reset/", idempotent=True))

    # Two calls of the server only (not Memory methods).
    @staticmethod
    def users() -> Call:
        """``{"count", "results": [{"type", "id", "name", "total_memories", ...}]}``."""
        return Call("GET", "/v1/entities/")

    @staticmethod
    def ping() -> Call:
        """``{"org_id", "project_id", "key_id", ...}`` of the key in use."""
        return Call("GET", "/v1/ping/")

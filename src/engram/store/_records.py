"""Row <-> record mapping and small helpers shared by every SQL backend.

>>> decode_cursor(encode_cursor(42))
42
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from engram._types import SCOPE_KEYS, MemoryRecord, Scope
from engram.errors import InvalidInput
from engram.store import filters as F
from engram.store.base import Page


def now() -> str:
    """UTC ISO-8601 with microseconds: sorts as text, which the filters rely on."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_id() -> str:
    return str(uuid.uuid4())


def from_row(row: Sequence[Any]) -> MemoryRecord:
    """A record from the columns ``id, user_id, agent_id, run_id, actor_id, role,
    memory_type, memory, hash, metadata, source_ids, created_at, updated_at``."""
    (mid, user_id, agent_id, run_id, actor_id, role, memory_type, memory, hsh, meta,
     source_ids, created_at, updated_at) = row
    return MemoryRecord(
        id=mid,
        memory=memory,
        hash=hsh,
        scope=Scope(user_id, agent_id, run_id),
        metadata=meta if isinstance(meta, dict) else json.loads(meta or "{}"),
        created_at=_iso(created_at),
        updated_at=_iso(updated_at) if updated_at is not None else None,
        role=role,
        actor_id=actor_id,
        memory_type=memory_type,
        source_ids=source_ids if isinstance(source_ids, list) else json.loads(source_ids or "[]"),
    )


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value)


def _term(kind: str, value: str) -> str:
    # Letters then digits only: the porter/unicode61 tokenizer keeps such a token whole.
    return f"z{kind}{int.from_bytes(hashlib.blake2b(value.encode(), digest_size=8).digest(), 'big')}"


def scope_terms(ns: str, user_id: str | None, agent_id: str | None, run_id: str | None) -> str:
    """Tokens naming a memory's namespace and scope ids, for the keyword index.

    >>> scope_terms("", "alice", None, None).count(" ")
    1
    """
    terms = [_term("n", ns)]
    terms += [_term(k, v) for k, v in (("u", user_id), ("a", agent_id), ("r", run_id)) if v]
    return " ".join(terms)


def scope_match(ns: str, pinned: dict[str, str]) -> str:
    """The FTS5 expression matching the rows of a namespace and its pinned scope ids."""
    kinds = {"user_id": "u", "agent_id": "a", "run_id": "r"}
    terms = [_term("n", ns)] + [_term(kinds[k], v) for k, v in sorted(pinned.items())]
    return " AND ".join(f"scope_terms : {t}" for t in terms)


def encode_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(f"r{position}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int | None:
    if cursor is None:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if not raw.startswith("r"):
            raise ValueError(raw)
        return int(raw[1:])
    except ValueError as e:
        raise InvalidInput("cursor", "not a cursor returned by a previous page") from e


def is_scope_only(node: F.Node) -> bool:
    """True when the filter is nothing but equalities on scope ids (AND-ed)."""
    if isinstance(node, F.Cmp):
        return node.field in SCOPE_KEYS and node.op == "eq" and isinstance(node.value, str)
    if isinstance(node, F.And):
        return all(is_scope_only(n) for n in node.items)
    return node is F.TRUE


def page_from_rows(rows: Sequence[Sequence[Any]], limit: int) -> Page:
    """A Page from ``limit + 1`` rows of ``rid, <record columns>``: the extra row only
    says that there is a next page."""
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = encode_cursor(rows[-1][0]) if more and rows else None
    return Page([from_row(r[1:]) for r in rows], nxt)


def group_by_scope(items: Sequence[Any]) -> dict[Scope, list[Any]]:
    """Items with a ``.scope``, grouped by it in first-seen order."""
    groups: dict[Scope, list[Any]] = {}
    for item in items:
        groups.setdefault(item.scope, []).append(item)
    return groups


def plan_contexts(
    tail: Sequence[tuple[int, str]], new_texts: Sequence[str], before: int, after: int
) -> tuple[list[tuple[str, int]], list[str]]:
    """Keyword contexts for raw turns appended to a scope.

    ``tail`` is the scope's last ``before + after`` stored raw turns as (rid, text),
    oldest first. Returns the (context, rid) refreshes for stored turns whose "after"
    window now includes new turns, and the context of each new turn.

    >>> plan_contexts([(1, "a"), (2, "b")], ["c"], 1, 1)
    ([('a\\nc', 2)], ['b'])
    """
    texts = [t for _, t in tail] + list(new_texts)
    full_from = 0 if len(tail) < before + after else before  # older ones lack a full window
    refresh = [(_window(texts, j, before, after), tail[j][0])
               for j in range(max(full_from, len(tail) - after), len(tail))]
    fresh = [_window(texts, len(tail) + i, before, after) for i in range(len(new_texts))]
    return refresh, fresh


def _window(texts: list[str], i: int, before: int, after: int) -> str:
    return "\n".join(texts[max(0, i - before) : i] + texts[i + 1 : i + 1 + after])

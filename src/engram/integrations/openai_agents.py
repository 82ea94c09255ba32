"""OpenAI Agents SDK: a session (``SessionABC``) kept in Engram, feeding its long-term memory.

Each session item is a raw Engram memory in the scope ``(user_id, agent_id,
run_id=session_id)`` with the item itself in its metadata, so ``Runner.run(...,
session=...)`` reads the conversation back exactly. With a ``user_id``, the user's and the
assistant's text turns are also handed to Engram's extractor (``infer=True``) in the
user's scope, and :meth:`EngramSession.recall` returns the facts relevant to a query, e.g.
for the agent's dynamic instructions in a later session.

>>> import asyncio, tempfile, os, engram
>>> from engram.integrations.openai_agents import EngramSession
>>> m = engram.AsyncMemory({"store": {"path": os.path.join(tempfile.mkdtemp(), "oa.db")}})
>>> s = EngramSession(m, "chat-1", user_id="maya")
>>> asyncio.run(s.add_items([{"role": "user", "content": "I live in Lisbon"}]))
>>> asyncio.run(s.get_items())
[{'role': 'user', 'content': 'I live in Lisbon'}]
>>> asyncio.run(s.recall("where does she live"))
['Lives in Lisbon']
"""

from __future__ import annotations

import json
from typing import Any, cast

from engram.integrations._bridge import acall, missing

try:
    from agents.items import TResponseInputItem
    from agents.memory.session import SessionABC
except ImportError as e:  # pragma: no cover - the extra is missing
    raise ImportError(missing("openai-agents", "openai-agents")) from e

__all__ = ["EngramSession"]

ITEM = "agents_item"  # the metadata key holding the session item
PAGE = 1_000
ROLES = ("user", "assistant", "tool")  # Engram keeps no system turns: those are stored as "user"


class EngramSession(SessionABC):
    """Session items of one conversation in Engram; long-term facts for ``user_id``."""

    def __init__(self, memory: Any, session_id: str, *, user_id: str | None = None,
                 agent_id: str | None = None, remember: bool = True) -> None:
        self.memory = memory
        self.session_id = session_id
        self.user_id = user_id
        self.agent_id = agent_id
        self.remember = remember
        self.scope = {k: v for k, v in (("user_id", user_id), ("agent_id", agent_id),
                                        ("run_id", session_id)) if v is not None}

    async def get_items(self, limit: int | None = None) -> list[TResponseInputItem]:
        rows: list[dict[str, Any]] = []
        cursor = None
        while limit is None or len(rows) < limit:
            size = PAGE if limit is None else min(PAGE, limit - len(rows))
            page = await acall(self.memory.get_all, filters=self.scope, page_size=max(size, 1),
                               cursor=cursor)
            rows += page["results"]
            cursor = page.get("next_cursor")
            if not cursor:
                break
        if limit is not None:
            rows = rows[:max(limit, 0)]
        return [r["metadata"][ITEM] for r in reversed(rows) if ITEM in r.get("metadata", {})]

    async def add_items(self, items: list[TResponseInputItem]) -> None:
        plain = [cast("dict[str, Any]", item) for item in items]  # TypedDicts, read as dicts
        for item in plain:
            role = item.get("role")
            await acall(self.memory.add, [{"role": role if role in ROLES else "user",
                                           "content": _text(item) or json.dumps(item, default=str)}],
                        infer=False, metadata={ITEM: item}, **self.scope)
        turns = [{"role": item["role"], "content": t} for item in plain
                 if item.get("role") in ("user", "assistant")
                 and (t := _text(item))]
        if self.remember and self.user_id and turns:
            scope = {k: v for k, v in self.scope.items() if k != "run_id"}
            await acall(self.memory.add, turns, infer=True, **scope)

    async def pop_item(self) -> TResponseInputItem | None:
        rows = (await acall(self.memory.get_all, filters=self.scope, top_k=1))["results"]
        if not rows:
            return None
        await acall(self.memory.delete, rows[0]["id"])
        item: TResponseInputItem = rows[0]["metadata"][ITEM]
        return item

    async def clear_session(self) -> None:
        """Forget this session's items; the user's distilled facts stay."""
        await acall(self.memory.delete_all, filters=self.scope)

    async def recall(self, query: str, top_k: int = 5) -> list[str]:
        """The user's long-term facts relevant to ``query``, best first."""
        if not self.user_id:
            raise ValueError("recall needs the session's user_id")
        where: dict[str, Any] = {"AND": [{"user_id": self.user_id},
                                         {"NOT": [{"run_id": "*"}]}]}
        found = await acall(self.memory.search, query, filters=where, top_k=top_k)
        return [r["memory"] for r in found["results"]]


def _text(item: Any) -> str:
    """The text of a message item (string content, or its text parts)."""
    if not isinstance(item, dict):
        return ""
    content = item.get("content")
    if isinstance(content, str):
        return content.strip()
    if isinstance(content, list):
        parts = [p.get("text", "") for p in content if isinstance(p, dict)]
        return " ".join(p for p in parts if isinstance(p, str) and p).strip()
    return ""

"""AutoGen: ``autogen_core.memory.Memory`` on Engram.

``add`` stores a ``MemoryContent`` in the adapter's scope (as given, or distilled into
facts with ``infer=True``); ``query`` is Engram's hybrid search; ``update_context`` searches
with the model context's last message and appends the hits as one ``SystemMessage``, as
AutoGen's own memories do.

>>> import asyncio, tempfile, os, engram
>>> from autogen_core.memory import MemoryContent, MemoryMimeType
>>> from engram.integrations.autogen import EngramMemory
>>> mem = EngramMemory(engram.Memory({"store": {"path": os.path.join(tempfile.mkdtemp(), "ag.db")}}),
...                    user_id="maya")
>>> asyncio.run(mem.add(MemoryContent(content="Prefers metric units", mime_type=MemoryMimeType.TEXT)))
>>> [r.content for r in asyncio.run(mem.query("units")).results]
['Prefers metric units']
"""

from __future__ import annotations

import json
from typing import Any

from engram.integrations._bridge import acall, missing

try:
    from autogen_core import CancellationToken
    from autogen_core.memory import (
        Memory,
        MemoryContent,
        MemoryMimeType,
        MemoryQueryResult,
        UpdateContextResult,
    )
    from autogen_core.model_context import ChatCompletionContext
    from autogen_core.models import SystemMessage
except ImportError as e:  # pragma: no cover - the extra is missing
    raise ImportError(missing("autogen-core", "autogen")) from e

__all__ = ["EngramMemory"]

MIME = "autogen_mime_type"
# How the memories are introduced to the model; a named constant so it is easy to change.
CONTEXT_HEADER = "Relevant memories about the user and past conversations:"


class EngramMemory(Memory):
    """Engram as an AutoGen memory for one scope (``user_id``/``agent_id``/``run_id``)."""

    def __init__(self, memory: Any, *, user_id: str | None = None, agent_id: str | None = None,
                 run_id: str | None = None, top_k: int = 5, threshold: float | None = None,
                 infer: bool = False) -> None:
        self.memory = memory
        self.scope = {k: v for k, v in (("user_id", user_id), ("agent_id", agent_id),
                                        ("run_id", run_id)) if v is not None}
        if not self.scope:
            raise ValueError("EngramMemory needs a user_id, agent_id or run_id")
        self.top_k = top_k
        self.threshold = threshold
        self.infer = infer

    async def add(self, content: MemoryContent, cancellation_token: CancellationToken | None = None) -> None:
        mime = content.mime_type.value if isinstance(content.mime_type, MemoryMimeType) else str(content.mime_type)
        if isinstance(content.content, str):
            text = content.content
        elif isinstance(content.content, dict):
            text = json.dumps(content.content, sort_keys=True)
        else:
            raise ValueError(f"EngramMemory stores text and JSON, not {type(content.content).__name__}")
        meta = {**(content.metadata or {}), MIME: mime}
        await acall(self.memory.add, [{"role": "user", "content": text}], infer=self.infer,
                    metadata=meta, **self.scope)

    async def query(self, query: str | MemoryContent = "", cancellation_token: CancellationToken | None = None,
                    **kwargs: Any) -> MemoryQueryResult:
        """Engram's search in the scope; ``top_k``/``threshold`` may be overridden per call."""
        text = query.content if isinstance(query, MemoryContent) else query
        if not isinstance(text, str) or not text.strip():
            return MemoryQueryResult(results=[])
        found = await acall(self.memory.search, text, filters=self.scope,
                            top_k=kwargs.get("top_k", self.top_k),
                            threshold=kwargs.get("threshold", self.threshold))
        return MemoryQueryResult(results=[_content(r) for r in found["results"]])

    async def update_context(self, model_context: ChatCompletionContext) -> UpdateContextResult:
        messages = await model_context.get_messages()
        last = messages[-1].content if messages else ""
        found = await self.query(last if isinstance(last, str) else "")
        if found.results:
            lines = [f"{i}. {_as_text(r.content)}" for i, r in enumerate(found.results, 1)]
            await model_context.add_message(SystemMessage(content="\n".join([CONTEXT_HEADER, *lines])))
        return UpdateContextResult(memories=found)

    async def clear(self) -> None:
        """Forget every memory of this adapter's scope."""
        await acall(self.memory.delete_all, filters=self.scope)

    async def close(self) -> None:
        """Nothing to release: the Engram memory belongs to the caller, who closes it."""


def _content(rec: dict[str, Any]) -> MemoryContent:
    meta = dict(rec.get("metadata") or {})
    mime = meta.pop(MIME, MemoryMimeType.TEXT.value)
    meta.update({k: rec[k] for k in ("id", "score", "created_at") if rec.get(k) is not None})
    body: Any = rec["memory"]
    if mime == MemoryMimeType.JSON.value:
        try:
            body = json.loads(body)
        except ValueError:  # distilled by the extractor: no longer the JSON it was given
            mime = MemoryMimeType.TEXT.value
    return MemoryContent(content=body, mime_type=mime, metadata=meta)


def _as_text(body: Any) -> str:
    return body if isinstance(body, str) else json.dumps(body, sort_keys=True, default=str)

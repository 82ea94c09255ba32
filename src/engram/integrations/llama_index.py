"""LlamaIndex: a long-term memory block (``BaseMemoryBlock``) for ``llama_index.core.memory.Memory``.

Messages the short-term memory flushes out are handed to Engram, which distils them into
facts for the block's scope (``infer=True``: the offline rules extractor, or the configured
LLM); on every ``Memory.get`` the block searches those facts with the latest messages and
returns the relevant ones as text for the memory-blocks template.

>>> import tempfile, os, engram
>>> from engram.integrations.llama_index import EngramMemoryBlock
>>> m = engram.Memory({"store": {"path": os.path.join(tempfile.mkdtemp(), "li.db")}})
>>> block = EngramMemoryBlock(memory=m, user_id="maya")
>>> block.name
'engram'
"""

from __future__ import annotations

from typing import Any

from engram.integrations._bridge import acall, missing

try:
    from llama_index.core.base.llms.types import ChatMessage
    from llama_index.core.bridge.pydantic import Field
    from llama_index.core.memory.memory import BaseMemoryBlock
except ImportError as e:  # pragma: no cover - the extra is missing
    raise ImportError(missing("llama-index-core", "llama-index")) from e

__all__ = ["EngramMemoryBlock"]

ROLES = ("user", "assistant")  # the turns worth remembering; tool and system turns are not


class EngramMemoryBlock(BaseMemoryBlock[str]):
    """Facts Engram holds for a user (and/or agent), recalled by the conversation so far."""

    name: str = Field(default="engram", description="The block's name in the template.")
    memory: Any = Field(description="An engram Memory, AsyncMemory or client.")
    user_id: str | None = Field(default=None, description="Engram scope: the user.")
    agent_id: str | None = Field(default=None, description="Engram scope: the agent.")
    top_k: int = Field(default=5, description="How many memories to recall.")
    query_messages: int = Field(default=3, description="How many recent messages form the query.")
    infer: bool = Field(default=True, description="Distil facts (True) or keep the turns as they are.")

    async def _aget(self, messages: list[ChatMessage] | None = None, **block_kwargs: Any) -> str:
        recent = [m.content for m in (messages or [])[-self.query_messages:] if m.content]
        query = "\n".join(recent).strip()
        if not query:
            return ""
        found = await acall(self.memory.search, query, filters=self._scope(), top_k=self.top_k)
        return "\n".join(f"- {r['memory']}" for r in found["results"])

    async def _aput(self, messages: list[ChatMessage]) -> None:
        turns = [{"role": m.role.value, "content": m.content} for m in messages
                 if m.role.value in ROLES and m.content and m.content.strip()]
        if turns:
            await acall(self.memory.add, turns, infer=self.infer, **self._scope())

    def _scope(self) -> dict[str, str]:
        scope = {k: v for k, v in (("user_id", self.user_id), ("agent_id", self.agent_id)) if v}
        if not scope:
            raise ValueError("EngramMemoryBlock needs a user_id or an agent_id")
        return scope


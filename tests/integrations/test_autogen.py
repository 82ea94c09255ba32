"""The AutoGen memory on Engram: add/query/clear, and update_context adding the relevant
memories to a real AutoGen model context."""

from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("autogen_core")
from autogen_core.memory import MemoryContent, MemoryMimeType  # noqa: E402
from autogen_core.model_context import UnboundedChatCompletionContext  # noqa: E402
from autogen_core.models import SystemMessage, UserMessage  # noqa: E402

from engram import AsyncMemory, Memory  # noqa: E402
from engram.integrations.autogen import EngramMemory  # noqa: E402


def test_update_context_adds_the_relevant_memories(memory: Memory) -> None:
    mem = EngramMemory(memory, user_id="maya", top_k=2)
    other = EngramMemory(memory, user_id="tom")

    async def run() -> tuple[list[object], list[str]]:
        for text in ("Maya prefers metric units", "Maya's cat is called Miso",
                     "Maya is training for a marathon in October"):
            await mem.add(MemoryContent(content=text, mime_type=MemoryMimeType.TEXT,
                                        metadata={"source": "onboarding"}))
        await other.add(MemoryContent(content="Tom runs marathons too", mime_type=MemoryMimeType.TEXT))
        ctx = UnboundedChatCompletionContext()
        await ctx.add_message(UserMessage(content="How should I plan my marathon training?",
                                          source="user"))
        result = await mem.update_context(ctx)
        return await ctx.get_messages(), [str(r.content) for r in result.memories.results]

    messages, recalled = asyncio.run(run())
    assert recalled[0] == "Maya is training for a marathon in October"
    assert "Tom runs marathons too" not in recalled and len(recalled) <= 2
    assert isinstance(messages[-1], SystemMessage)
    assert "1. Maya is training for a marathon in October" in messages[-1].content


def test_query_json_metadata_clear(amemory: AsyncMemory) -> None:
    mem = EngramMemory(amemory, agent_id="planner", run_id="r1")

    async def run() -> None:
        await mem.add(MemoryContent(content={"city": "Oslo", "nights": 3}, mime_type=MemoryMimeType.JSON,
                                    metadata={"kind": "booking"}))
        hit = (await mem.query(MemoryContent(content="Oslo", mime_type=MemoryMimeType.TEXT))).results[0]
        assert hit.content == {"city": "Oslo", "nights": 3} and hit.mime_type == "application/json"
        assert hit.metadata is not None and hit.metadata["kind"] == "booking" and hit.metadata["score"] > 0
        assert (await mem.query("")).results == []
        await mem.clear()
        assert (await mem.query("Oslo")).results == []
        await mem.close()

    asyncio.run(run())
    with pytest.raises(ValueError, match="user_id, agent_id or run_id"):
        EngramMemory(amemory)


def test_infer_distils_facts(memory: Memory) -> None:
    mem = EngramMemory(memory, user_id="ana", infer=True)
    asyncio.run(mem.add(MemoryContent(content="I'm vegetarian and I live in Lisbon.",
                                      mime_type=MemoryMimeType.TEXT)))
    assert {r["memory"] for r in memory.get_all(user_id="ana")["results"]} == {"Is vegetarian", "Lives in Lisbon"}

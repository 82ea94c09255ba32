"""The LlamaIndex memory block inside LlamaIndex's own Memory: turns flushed out of the
short-term memory become Engram facts, recalled into the system message later."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

pytest.importorskip("llama_index.core")
from llama_index.core.base.llms.types import ChatMessage, MessageRole  # noqa: E402
from llama_index.core.memory import Memory as LlamaMemory  # noqa: E402

from engram import AsyncMemory, Memory  # noqa: E402
from engram.integrations.llama_index import EngramMemoryBlock  # noqa: E402


def _chat(memory: LlamaMemory, turns: list[tuple[MessageRole, str]]) -> None:
    for role, text in turns:
        memory.put(ChatMessage(role=role, content=text))


@pytest.mark.parametrize("face", ["sync", "async"])
def test_block_inside_llama_index_memory(memory: Memory, amemory: AsyncMemory, face: str) -> None:
    engram_side: Any = memory if face == "sync" else amemory
    reader = memory if face == "sync" else amemory.sync
    block = EngramMemoryBlock(memory=engram_side, user_id="maya", priority=0)
    # A tiny short-term budget, so the first turns are flushed into the block.
    short = LlamaMemory.from_defaults(session_id="s1", token_limit=60, chat_history_token_ratio=0.5,
                                      token_flush_size=30, memory_blocks=[block])
    _chat(short, [
        (MessageRole.USER, "I'm vegetarian and I live in Lisbon."),
        (MessageRole.ASSISTANT, "Got it, vegetarian options in Lisbon then."),
        (MessageRole.USER, "My sister Ana visits me in June."),
        (MessageRole.ASSISTANT, "Lovely, June it is."),
        (MessageRole.USER, "Can you suggest a restaurant for dinner tonight?"),
    ])
    facts = [r["memory"] for r in reader.get_all(user_id="maya")["results"]]
    assert "Is vegetarian" in facts  # distilled by the offline extractor, not the raw turn
    messages = short.get()
    system = messages[0]
    assert system.role == MessageRole.SYSTEM
    assert "<engram>" in system.content and "- Is vegetarian" in system.content
    assert messages[-1].content == "Can you suggest a restaurant for dinner tonight?"


def test_block_recall_is_scoped_and_needs_a_scope(memory: Memory) -> None:
    memory.add("Is allergic to peanuts", user_id="tom", infer=False)
    block = EngramMemoryBlock(memory=memory, user_id="maya")
    asked = [ChatMessage(role=MessageRole.USER, content="any allergies?")]
    assert asyncio.run(block.aget(asked)) == ""
    with pytest.raises(ValueError, match="user_id or an agent_id"):
        asyncio.run(EngramMemoryBlock(memory=memory).aget(asked))

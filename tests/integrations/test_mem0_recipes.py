"""The Mem0 integrations that take a client object, handed Engram's instead: LlamaIndex's
``Mem0Memory(client=...)`` and Agent Framework's ``Mem0ContextProvider(mem0_client=...)``,
against the embedded Memory/AsyncMemory and against a real server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("MEM0_TELEMETRY", "false")  # mem0ai is imported by llama-index-memory-mem0
pytest.importorskip("llama_index.memory.mem0")
pytest.importorskip("agent_framework_mem0")
from agent_framework import Agent, BaseChatClient, ChatResponse, Message  # noqa: E402
from agent_framework_mem0 import Mem0ContextProvider  # noqa: E402
from llama_index.core.base.llms.types import ChatMessage, MessageRole  # noqa: E402
from llama_index.core.memory import Memory as LlamaMemory  # noqa: E402
from llama_index.memory.mem0 import Mem0Memory  # noqa: E402

from engram import AsyncMemory, AsyncMemoryClient, Memory, MemoryClient  # noqa: E402
from tests.server.conftest import Running, start  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    thread, running = start(tmp_path_factory.mktemp("recipes"), rate_per_second=0)
    with thread:
        yield running


# -- LlamaIndex: Mem0Memory(client=engram.Memory()) -------------------------------------------

def _llama_recipe(client: Any) -> list[ChatMessage]:
    mem = Mem0Memory(context={"user_id": "maya"}, client=client,
                     primary_memory=LlamaMemory.from_defaults(session_id="s1"))
    mem.put(ChatMessage(role=MessageRole.USER, content="I'm vegetarian and I live in Lisbon."))
    mem.put(ChatMessage(role=MessageRole.USER, content="What should I cook tonight?"))
    return mem.get(input="dinner ideas for a vegetarian")


def test_llama_index_mem0_memory_on_engram_memory(memory: Memory) -> None:
    messages = _llama_recipe(memory)
    assert messages[0].role == MessageRole.SYSTEM and "Is vegetarian" in str(messages[0].content)
    assert [m.content for m in messages[1:]] == ["I'm vegetarian and I live in Lisbon.",
                                                 "What should I cook tonight?"]
    assert {r["memory"] for r in memory.get_all(user_id="maya")["results"]} >= {"Is vegetarian"}


def test_llama_index_mem0_memory_on_engram_serve(server: Running) -> None:
    with MemoryClient(api_key=server.new_key(), host=server.url) as client:
        messages = _llama_recipe(client)
        stored = {r["memory"] for r in client.get_all(filters={"user_id": "maya"})["results"]}
    assert "Is vegetarian" in stored
    assert "Is vegetarian" in str(messages[0].content)


# -- Agent Framework: Mem0ContextProvider(mem0_client=engram.AsyncMemory()) --------------------

class ScriptedClient(BaseChatClient):
    """The model boundary: answers from a script and records what the agent sent it."""

    def __init__(self, replies: list[str]) -> None:
        super().__init__()
        self.replies = list(replies)
        self.seen: list[list[str]] = []

    async def _inner_get_response(self, *, messages: Sequence[Message], stream: bool,
                                  options: Mapping[str, Any], **kwargs: Any) -> ChatResponse:
        self.seen.append([m.text for m in messages])
        return ChatResponse(messages=[Message(role="assistant", contents=[self.replies.pop(0)])])


async def _agent_recipe(mem0_client: Any) -> ScriptedClient:
    model = ScriptedClient(["Noted: vegetarian.", "How about a mushroom risotto?"])
    memory = Mem0ContextProvider(mem0_client=mem0_client, user_id="maya", search_user_id="maya")
    agent = Agent(client=model, instructions="You are a cook.", context_providers=[memory])
    await agent.run("I'm vegetarian.", session=agent.create_session())
    # A new session: only Engram can carry the fact over.
    await agent.run("What should I cook tonight as a vegetarian?", session=agent.create_session())
    return model


def _recalled(model: ScriptedClient) -> str:
    return "\n".join(model.seen[1])


def test_agent_framework_provider_on_engram_async_memory(amemory: AsyncMemory) -> None:
    model = asyncio.run(_agent_recipe(amemory))
    assert "Is vegetarian" in _recalled(model)
    assert "Is vegetarian" not in "\n".join(model.seen[0])  # nothing known before the first run


def test_agent_framework_provider_on_engram_serve(server: Running, tmp_path: Path) -> None:
    key = server.new_key()

    async def run() -> tuple[ScriptedClient, list[str]]:
        async with AsyncMemoryClient(api_key=key, host=server.url) as client:
            model = await _agent_recipe(client)
            stored = await client.get_all(filters={"user_id": "maya"})
        return model, [r["memory"] for r in stored["results"]]

    model, stored = asyncio.run(run())
    assert "Is vegetarian" in stored and "Is vegetarian" in _recalled(model)

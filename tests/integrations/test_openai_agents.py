"""The Agents SDK session on Engram: the SessionABC contract, and a Runner round trip with a
scripted model (the SDK's Model interface; no network) whose second session is told what
Engram distilled from the first."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

pytest.importorskip("agents")
from agents import Agent, ModelResponse, RunConfig, RunContextWrapper, Runner, Usage  # noqa: E402
from agents.models.interface import Model  # noqa: E402
from openai.types.responses import ResponseOutputMessage, ResponseOutputText  # noqa: E402

from engram import AsyncMemory, Memory  # noqa: E402
from engram.integrations.openai_agents import EngramSession  # noqa: E402

OFFLINE = RunConfig(tracing_disabled=True)  # no trace export, which would need the network


class ScriptedModel(Model):
    """The model boundary: scripted replies; records the instructions and input it got."""

    def __init__(self, replies: list[str]) -> None:
        self.replies = list(replies)
        self.calls: list[tuple[str | None, Any]] = []

    async def get_response(self, system_instructions: str | None, input: Any, *args: Any,
                           **kwargs: Any) -> ModelResponse:
        self.calls.append((system_instructions, input))
        text = ResponseOutputText(type="output_text", text=self.replies.pop(0), annotations=[])
        out = ResponseOutputMessage(id="m", type="message", role="assistant", status="completed",
                                    content=[text])
        return ModelResponse(output=[out], usage=Usage(), response_id=None)

    def stream_response(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError("the tests do not stream")


def test_session_contract(amemory: AsyncMemory) -> None:
    s = EngramSession(amemory, "s1", user_id="maya", remember=False)
    items: list[Any] = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hi, I'm Maya."},
        {"type": "function_call", "call_id": "c1", "name": "lookup", "arguments": "{}"},
        {"role": "assistant", "content": [{"type": "output_text", "text": "Hello Maya!"}]},
    ]

    async def run() -> None:
        assert await s.get_items() == []
        await s.add_items(items)
        assert await s.get_items() == items
        assert await s.get_items(limit=2) == items[2:]
        assert await s.pop_item() == items[3]
        assert await s.get_items() == items[:3]
        other = EngramSession(amemory, "s2", user_id="maya")
        assert await other.get_items() == []
        await s.clear_session()
        assert await s.get_items() == [] and await s.pop_item() is None

    asyncio.run(run())
    # remember=False: nothing but the session's items was ever stored.
    assert amemory.sync.get_all(user_id="maya")["results"] == []


def test_runner_round_trip_and_long_term_recall(memory: Memory) -> None:
    model = ScriptedModel(["Nice to meet you, Maya.", "Noted.", "Try the vegetable curry."])

    async def instructions(ctx: RunContextWrapper[Any], agent: Agent[Any]) -> str:
        facts = await ctx.context.recall("food preferences and diet")
        return "You are a cook. Known about the user: " + "; ".join(facts)

    agent = Agent[Any](name="cook", instructions=instructions, model=model)

    async def run() -> None:
        first = EngramSession(memory, "monday", user_id="maya")
        await Runner.run(agent, "Hi, I'm Maya.", session=first, context=first,
                         run_config=OFFLINE)
        await Runner.run(agent, "I'm vegetarian.", session=first, context=first,
                         run_config=OFFLINE)
        # The second turn saw the first one, read back from Engram.
        _, sent = model.calls[1]
        assert [i.get("content") for i in sent if i.get("role") == "user"] == \
            ["Hi, I'm Maya.", "I'm vegetarian."]
        later = EngramSession(memory, "friday", user_id="maya")
        result = await Runner.run(agent, "What should I cook?", session=later, context=later,
                                  run_config=OFFLINE)
        assert result.final_output == "Try the vegetable curry."
        assert len(await later.get_items()) == 2  # the question and the answer

    asyncio.run(run())
    instructions_friday, sent_friday = model.calls[2]
    assert "Is vegetarian" in str(instructions_friday)
    assert "Is vegetarian" not in str(model.calls[0][0])
    assert [i.get("content") for i in sent_friday] == ["What should I cook?"]

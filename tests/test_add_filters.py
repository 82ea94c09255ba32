"""``add(messages, filters={...})``: Mem0's spelling of an add's scope (agent-framework-mem0
passes it), on Memory, AsyncMemory and the facade's error path."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from engram import AsyncMemory, InvalidInput, Memory


def test_filters_scope_an_add_like_keywords(memory: Memory) -> None:
    r = memory.add("I drink oat milk", filters={"user_id": "ana", "agent_id": "barista"},
                   infer=False)["results"][0]
    got = memory.get(r["id"])
    assert (got["user_id"], got["agent_id"]) == ("ana", "barista")
    # The same id given both ways is one scope, not a conflict.
    memory.add("I like rye bread", user_id="ana", filters={"user_id": "ana"}, infer=False)
    assert len(memory.get_all(user_id="ana")["results"]) == 2


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"filters": {"user_id": "a"}, "user_id": "b"}, "filters.user_id"),
        ({"filters": {"app_id": "x", "user_id": "a"}}, "filters.app_id"),
        ({"filters": {"user_id": {"in": ["a", "b"]}}}, "filters.user_id"),
        ({"filters": {"user_id": 3}}, "user_id"),
        ({"filters": ["user_id"]}, "filters"),
        ({"filters": {}}, "user_id"),
    ],
)
def test_bad_filters_on_add_name_the_field_and_write_nothing(
        memory: Memory, kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidInput) as e:
        memory.add("nothing stored", infer=False, **kwargs)
    assert e.value.field == field
    assert memory.scopes() == []


def test_async_add_takes_filters(tmp_path: Any, shared_minilm: Any) -> None:
    async def run() -> dict[str, Any]:
        async with AsyncMemory({"store": {"path": str(tmp_path / "a.db")}},
                               embedder=shared_minilm) as m:
            await m.add([{"role": "user", "content": "I fly to Oslo on Friday"}],
                        filters={"run_id": "trip"}, infer=False)
            return await m.get_all(filters={"run_id": "trip"})

    assert [r["memory"] for r in asyncio.run(run())["results"]] == ["I fly to Oslo on Friday"]

"""What MemoryClient cannot send is refused before anything is sent, as an engram error
naming the argument (a lone surrogate used to escape as httpx's UnicodeEncodeError)."""

from __future__ import annotations

import asyncio
import doctest
import socket

import pytest

import engram._calls
from engram import AsyncMemoryClient, InvalidInput, MemoryClient


def _dead_host() -> str:
    # A port nobody listens on: reaching the network would raise StoreError, not InvalidInput.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


CASES = [
    (lambda c: c.add("hi \ud800", user_id="u"), "messages"),
    (lambda c: c.add([{"role": "user", "content": "ok \udcff"}], user_id="u"),
     "messages[0].content"),
    (lambda c: c.add("fine", user_id="u\x00"), "user_id"),
    (lambda c: c.add("fine", user_id="u", metadata={"k": ["x", "\ud801"]}), "metadata.k[1]"),
    (lambda c: c.add("fine", user_id="u", metadata={"bad \ud800": 1}), "metadata"),
    (lambda c: c.search("q \ud800", user_id="u"), "query"),
    (lambda c: c.get("id-\ud800"), "memory_id"),
    (lambda c: c.delete_all(filters={"user_id": "\ud800"}), "filters.user_id"),
]


@pytest.mark.parametrize(("call", "field"), CASES)
def test_unsendable_text_is_refused_naming_the_field(call, field) -> None:
    with MemoryClient(api_key="k", host=_dead_host(), max_retries=0) as c, \
            pytest.raises(InvalidInput) as info:
        call(c)
    assert info.value.field == field


def test_too_deep_a_value_is_refused_not_a_recursion_error() -> None:
    deep: dict = {}
    node = deep
    for _ in range(1_000):
        node["x"] = {}
        node = node["x"]
    with MemoryClient(api_key="k", host=_dead_host(), max_retries=0) as c, \
            pytest.raises(InvalidInput) as info:
        c.add("fine", user_id="u", metadata=deep)
    assert info.value.field.startswith("metadata.x")


def test_async_client_refuses_the_same() -> None:
    async def scenario() -> None:
        async with AsyncMemoryClient(api_key="k", host=_dead_host(), max_retries=0) as c:
            with pytest.raises(InvalidInput) as info:
                await c.search("q \ud800", user_id="u")
            assert info.value.field == "query"

    asyncio.run(scenario())


def test_doctests() -> None:
    assert doctest.testmod(engram._calls).failed == 0

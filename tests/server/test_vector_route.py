"""``search_by_vector`` through the real server: ``POST /v1/memories/search/vector/`` and both
HTTP clients, against the server's embedder (the shared server's HashEmbedder)."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from engram import errors as E
from engram.client import AsyncMemoryClient, MemoryClient
from engram.testing import HashEmbedder


def test_clients_search_by_a_vector_of_the_servers_model(server) -> None:
    vec = HashEmbedder().embed(["green tea"])[0].tolist()
    with MemoryClient(api_key=server.new_key(), host=server.url) as c:
        c.add("I like green tea", user_id="u1", infer=False)
        c.add("I live in Lisbon", user_id="u1", infer=False)
        c.add("I like green tea too", user_id="u2", infer=False)
        hits = c.search_by_vector(vec, user_id="u1")["results"]
        assert [h["memory"] for h in hits][0] == "I like green tea"
        assert {h["user_id"] for h in hits} == {"u1"} and hits[0]["score"] > hits[-1]["score"]
        assert len(c.search_by_vector(vec, filters={"user_id": "u1"}, top_k=1)["results"]) == 1
        with pytest.raises(E.InvalidInput, match="vector"):
            c.search_by_vector([0.5, 0.5], user_id="u1")  # the server's model has 64 dims
        # As on search: metadata keys go inside {"metadata": ...}; a bare one is refused.
        with pytest.raises(E.InvalidFilter, match="unknown filter field"):
            c.search_by_vector(vec, filters={"user_id": "u1", "kind": "x"})
        assert c.search_by_vector(vec, filters={"user_id": "u1", "metadata": {"kind": "x"}}) \
            == {"results": []}
        with pytest.raises(E.InvalidInput, match="top_k"):
            c.search_by_vector(vec, user_id="u1", top_k=101)  # over this server's cap

        async def run() -> dict:
            async with AsyncMemoryClient(api_key=c.api_key, host=server.url) as ac:
                return await ac.search_by_vector(vec, user_id="u1")

        assert asyncio.run(run()) == {"results": hits}


def test_the_route_refuses_a_body_without_a_vector(server) -> None:
    r = httpx.post(f"{server.url}/v1/memories/search/vector/", json={"user_id": "u1"},
                   headers={"Authorization": f"Token {server.new_key()}"})
    assert r.status_code in (400, 422) and "vector" in r.text

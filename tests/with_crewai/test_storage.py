"""EngramStorage against CrewAI's StorageBackend protocol: records round-trip, and scope
prefixes, categories, metadata and dates filter search, listing and deletion. Each test
runs on a local ``engram.Memory`` (MiniLM) and on ``MemoryClient`` against a real
``engram serve`` app on 127.0.0.1 (its embedder: the HashEmbedder of the server tests)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from crewai.memory.storage.backend import StorageBackend
from crewai.memory.types import MemoryRecord

from engram import Memory, MemoryClient
from engram.errors import InvalidInput
from engram.integrations.crewai import EngramStorage, crewai_embedder
from engram.testing import HashEmbedder
from tests.server.conftest import start


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    thread, running = start(tmp_path_factory.mktemp("crewai-server"), rate_per_second=0)
    with thread:
        yield running


@pytest.fixture(params=["memory", "client"])
def face(request: pytest.FixtureRequest, emem: Memory, shared_minilm: Any) -> Iterator[Any]:
    """(an Engram face, CrewAI's embedder for it): the local Memory, or a MemoryClient of
    a fresh project on the server."""
    if request.param == "memory":
        yield emem, crewai_embedder(shared_minilm)
        return
    srv = request.getfixturevalue("server")
    with MemoryClient(api_key=srv.new_key(), host=srv.url) as client:
        yield client, crewai_embedder(HashEmbedder())


def rec(content: str, scope: str, cats: list[str], **kw: Any) -> MemoryRecord:
    return MemoryRecord(content=content, scope=scope, categories=cats, **kw)


@pytest.fixture
def filled(face: Any) -> tuple[EngramStorage, list[MemoryRecord]]:
    s = EngramStorage(face[0], agent_id="research")
    old = datetime.utcnow() - timedelta(days=40)
    records = [
        rec("We chose PostgreSQL for the user database", "/project/alpha", ["decisions"],
            importance=0.9, metadata={"team": "db"}),
        rec("The staging server listens on port 8080", "/project/alpha/ops", ["infra"],
            metadata={"team": "ops"}),
        rec("Alpha's launch moved to March", "/project/alphabet", ["dates"], created_at=old),
        rec("Maya prefers short status reports", "/people/maya", ["preferences"],
            source="maya", private=True),
    ]
    s.save(records)
    return s, records


def test_the_adapter_is_a_crewai_storage_backend(emem: Memory) -> None:
    assert isinstance(EngramStorage(emem), StorageBackend)


def test_records_round_trip_with_their_crewai_fields(filled: Any, face: Any) -> None:
    s, records = filled
    emem = face[0]
    got = s.get_record(records[3].id)
    assert got is not None
    want = records[3].model_dump(exclude={"created_at", "last_accessed"})
    assert got.model_dump(exclude={"created_at", "last_accessed"}) == want
    assert abs((got.created_at - records[3].created_at).total_seconds()) < 1e-3
    assert s.get_record("no-such-id") is None
    # Each record is one raw Engram memory of the adapter's scope, the text as given.
    rows = emem.get_all(agent_id="research")["results"]
    assert sorted(r["memory"] for r in rows) == sorted(r.content for r in records)
    assert emem.get_all(agent_id="crewai")["results"] == []


def test_search_is_by_vector_within_a_scope_subtree(filled: Any, face: Any) -> None:
    s, records = filled
    embed = face[1]
    q = embed(["which database did we pick?"])[0]
    hits = s.search(q, scope_prefix="/project/alpha", limit=5)
    assert hits[0][0].content == records[0].content and 0 < hits[0][1] <= 1
    # /project/alpha covers /project/alpha/ops, never its sibling /project/alphabet.
    assert {r.scope for r, _ in hits} == {"/project/alpha", "/project/alpha/ops"}
    assert [r.content for r, _ in s.search(q, categories=["infra", "dates"], limit=5)] \
        and {r.categories[0] for r, _ in s.search(q, categories=["infra", "dates"])} == {"infra", "dates"}
    assert [r.content for r, _ in s.search(q, metadata_filter={"team": "ops"})] == [records[1].content]
    assert s.search(q, min_score=0.99) == []
    assert len(s.search(q, limit=2)) == 2
    with pytest.raises(InvalidInput, match="vector"):
        s.search([0.1] * 1536)  # another model's vector is refused, not compared


def test_scopes_categories_counts_and_listing(filled: Any) -> None:
    s, records = filled
    assert s.list_scopes("/") == ["/people", "/project"]
    assert s.list_scopes("/project") == ["/project/alpha", "/project/alphabet"]
    info = s.get_scope_info("/project/alpha")
    assert (info.record_count, info.categories, info.child_scopes) == \
        (2, ["decisions", "infra"], ["/project/alpha/ops"])
    assert s.list_categories("/project") == {"decisions": 1, "infra": 1, "dates": 1}
    assert s.count() == 4 and s.count("/project/alpha") == 2
    listed = s.list_records("/project")
    assert listed[-1].content == "Alpha's launch moved to March"  # oldest created_at last
    assert [r.id for r in s.list_records(limit=2, offset=1)] == [r.id for r in s.list_records()[1:3]]


def test_update_touch_and_every_delete_criterion(filled: Any) -> None:
    s, records = filled
    changed = records[1].model_copy(update={"content": "The staging server listens on port 9090"})
    s.update(changed)
    got = s.get_record(records[1].id)
    assert got is not None and got.content.endswith("9090") and s.count() == 4
    before = got.last_accessed
    s.touch_records([records[1].id])
    touched = s.get_record(records[1].id)
    assert touched is not None and touched.last_accessed > before
    assert s.delete(older_than=datetime.utcnow() - timedelta(days=30)) == 1
    assert s.delete(metadata_filter={"team": "db"}) == 1
    assert s.delete(categories=["preferences"]) == 1
    assert s.delete(record_ids=[]) == 0
    assert s.delete(record_ids=[records[1].id]) == 1 and s.count() == 0
    with pytest.raises(ValueError, match="crewai_id"):
        s.save([rec("x", "/", [], metadata={"crewai_id": "mine"})])


def test_reset_a_subtree_and_the_async_twins(filled: Any, face: Any) -> None:
    s, records = filled
    s.reset("/project/alpha")
    assert s.count() == 2 and s.list_scopes("/project") == ["/project/alphabet"]
    q = face[1](["status reports"])[0]

    async def run() -> None:
        await s.asave([rec("Maya reads reports on Fridays", "/people/maya", ["habits"])])
        hits = await s.asearch(q, scope_prefix="/people", limit=1)
        assert hits[0][0].content.startswith("Maya")
        assert await s.adelete(scope_prefix="/people") == 2

    asyncio.run(run())
    s.reset()
    assert s.count() == 0

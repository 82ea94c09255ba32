"""A Memory with the graph on, over every store backend, with the fast hash embedder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engram import Memory
from engram.testing import HashEmbedder
from tests.store.conftest import BACKENDS

DIMS = 64


def make_memory(store: Any, **kw: Any) -> Memory:
    emb = HashEmbedder(dims=DIMS)
    emb.model_id = "test-embedder"  # type: ignore[misc]  # the contract stores' embedder id
    return Memory({"graph": {"enabled": True}, "llm": {"provider": "rules"}},
                  embedder=emb, store=store, **kw)


@pytest.fixture(params=sorted(BACKENDS))
def gstore(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    st = BACKENDS[request.param](tmp_path, DIMS, request)
    yield st
    st.close()


@pytest.fixture
def gmem(gstore: Any) -> Iterator[Memory]:
    m = make_memory(gstore)
    yield m

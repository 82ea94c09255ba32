"""The SQLite store's scope write lock, held across threads AND processes.

Why lock files and not a lock row: a lock row would have to be taken inside a
``BEGIN IMMEDIATE`` transaction, which holds SQLite's one database-wide write lock from
the scope's read to the commit, so every other scope and every other writer (the
embedding cache the reconciler fills on the same thread included: it would wait on
itself until ``busy_timeout``) would queue behind one add. A lock file is outside
SQLite, so the order is always: scope lock, then the short ``BEGIN IMMEDIATE`` of the
commit; nothing ever waits for a scope lock while holding the database's write lock,
so the two cannot deadlock, and WAL readers are never blocked.

``flock`` locks belong to an open file description: two threads (each opening the
file) exclude each other like two processes do, and the kernel drops the lock when
its holder dies, so a killed process never leaves a scope locked. Scopes hash onto a
fixed number of lock files (:data:`SLOTS`) so a store with a million users does not
grow a million files; two scopes sharing a slot only wait for each other. Lock files
live in ``<store file>.locks/`` (0700), created 0600 on first use.

>>> import tempfile, pathlib
>>> locks = ScopeFileLocks(pathlib.Path(tempfile.mkdtemp()) / "m.db")
>>> with locks.hold("", "alice"), locks.hold("", "alice"):  # re-entrant per thread
...     len(list(locks.folder.iterdir()))
1
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from engram.errors import StoreError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: threads only (no flock)
    fcntl = None  # type: ignore[assignment]

__all__ = ["ScopeFileLocks", "SLOTS"]

SLOTS = 256


class ScopeFileLocks:
    """Per-scope exclusive locks for one SQLite file; see the module docstring."""

    def __init__(self, db_path: Path) -> None:
        self.folder = db_path.with_name(db_path.name + ".locks")
        self._held = threading.local()
        self._thread_locks: list[threading.Lock] = [threading.Lock() for _ in range(SLOTS)] if fcntl is None else []

    @staticmethod
    def slot(ns: str, scope_key: str) -> int:
        digest = hashlib.blake2b(f"{ns}\x1e{scope_key}".encode(), digest_size=8).digest()
        return int.from_bytes(digest, "big") % SLOTS

    @contextmanager
    def hold(self, ns: str, scope_key: str) -> Iterator[None]:
        slot = self.slot(ns, scope_key)
        held: set[int] = self._held.__dict__.setdefault("slots", set())
        if slot in held:  # nested in this thread (e.g. a lock joined by apply): one lock
            yield
            return
        with self._acquire(slot):
            held.add(slot)
            try:
                yield
            finally:
                held.discard(slot)

    @contextmanager
    def _acquire(self, slot: int) -> Iterator[None]:
        if fcntl is None:  # pragma: no cover
            with self._thread_locks[slot]:
                yield
            return
        fd = self._open(slot)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)  # waits, like pg_advisory_xact_lock
            yield
        finally:
            os.close(fd)  # releases the lock

    def _open(self, slot: int) -> int:
        path = self.folder / f"slot-{slot:03d}.lock"
        try:
            return os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        except FileNotFoundError:
            pass
        except OSError as e:
            raise StoreError(f"cannot open the scope lock {str(path)!r}: {e}") from e
        try:
            self.folder.mkdir(mode=0o700, exist_ok=True)
            return os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        except OSError as e:
            raise StoreError(f"cannot create the scope lock {str(path)!r}: {e}") from e

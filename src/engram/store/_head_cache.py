"""Record heads of one SQLite file kept between searches until anything is committed.

A search reads the heads (:class:`~engram.store._rows.RecordHead`) of 50-250 candidates;
searches of one scope keep meeting the same turns, and on a store that is not being
written the heads cannot change. So the heads read are kept, per namespace and id, until
the file changes: a connection of its own that never writes asks SQLite's
``PRAGMA data_version``, which moves whenever any other connection (another thread's,
another process's) commits. The version is read before the rows, so rows read across a
commit are kept under the older version and dropped at the next read.

Only heads built from rows are kept, never those of records handed to callers (a caller
may change a record's metadata); search only reads them.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from engram.store._rows import RecordHead

__all__ = ["HeadCache"]

LIMIT = 100_000  # heads kept at most (~200 bytes each); past it, reads go to the store


class HeadCache:
    """See the module docstring."""

    def __init__(self, path: Path, limit: int = LIMIT) -> None:
        self._path = path
        self._limit = limit
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._version = -1
        self._heads: dict[tuple[str, str], RecordHead] = {}

    def _current(self) -> int:
        """The file's data version; the kept heads are dropped when it moved."""
        with self._lock:
            if self._db is None:
                self._db = sqlite3.connect(self._path, isolation_level=None,
                                           check_same_thread=False)
            version = int(self._db.execute("PRAGMA data_version").fetchone()[0])
            if version != self._version:
                self._heads.clear()
                self._version = version
            return version

    def get(self, ns: str, ids: Sequence[str],
            read: Callable[[list[str]], dict[str, RecordHead]]) -> dict[str, RecordHead]:
        """The heads of ``ids`` (unknown ids left out): kept ones, the rest by ``read``."""
        version = self._current()
        with self._lock:
            found = {i: h for i in ids if (h := self._heads.get((ns, i))) is not None}
        missing = [i for i in dict.fromkeys(ids) if i not in found]
        if missing:
            fresh = read(missing)
            with self._lock:
                if self._version == version and len(self._heads) + len(fresh) <= self._limit:
                    self._heads.update(((ns, i), h) for i, h in fresh.items())
            found.update(fresh)
        return found

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
            self._heads.clear()
            self._version = -1

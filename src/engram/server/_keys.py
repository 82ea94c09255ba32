"""API keys: random, shown once, stored only as SHA-256 hashes in a small SQLite file.

A key names one tenant (an org and a project); every request made with it lives in the
namespace ``"org/project"`` of the shared store. SHA-256 without salt is enough here
because keys are 256-bit random strings, not passwords a dictionary could guess.

>>> import tempfile, os
>>> ks = KeyStore(os.path.join(tempfile.mkdtemp(), "keys.db"))
>>> key_id, secret = ks.create("acme", "support")
>>> ks.verify(secret).namespace
'acme/support'
>>> ks.verify("eng_wrong") is None
True
"""

from __future__ import annotations

import hashlib
import re
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from engram._files import private_file
from engram.errors import InvalidInput, NotFound, StoreError

__all__ = ["KeyInfo", "KeyStore", "Tenant", "hash_key", "check_name"]

KEY_PREFIX = "eng_"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS api_keys (
    id TEXT PRIMARY KEY,
    key_hash TEXT NOT NULL UNIQUE,
    org TEXT NOT NULL,
    project TEXT NOT NULL,
    hint TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
)
"""


@dataclass(frozen=True)
class Tenant:
    """Who a request acts for: resolved from its key, never from its body."""

    org: str
    project: str
    key_id: str

    @property
    def namespace(self) -> str:
        return f"{self.org}/{self.project}"


@dataclass(frozen=True)
class KeyInfo:
    """A key as ``engram keys list`` shows it (never the secret)."""

    id: str
    org: str
    project: str
    hint: str  # the first characters of the secret, to recognise it
    created_at: str
    revoked_at: str | None


def hash_key(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def check_name(value: str, field: str) -> str:
    """Org and project names: 1-64 of letters, digits, ``.``, ``_``, ``-`` (no ``/``, so
    ``org/project`` namespaces can never collide)."""
    if not isinstance(value, str) or not _NAME.match(value):
        raise InvalidInput(field, "must be 1-64 letters, digits, '.', '_' or '-', "
                                  f"starting with a letter or digit; got {value!r}")
    return value


class KeyStore:
    """The keys table; one SQLite connection per thread, opened on first use."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        self._local = threading.local()
        self._ready = False
        self._init_lock = threading.Lock()

    def _db(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            try:
                private_file(self.path)  # 0600 in a 0700 folder when we create them
                db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None,
                                     check_same_thread=False)
                db.execute("PRAGMA journal_mode=WAL")
                with self._init_lock:
                    if not self._ready:
                        db.execute(_SCHEMA)
                        self._ready = True
            except (OSError, sqlite3.Error) as e:
                raise StoreError(f"cannot open the keys file {str(self.path)!r}: {e}") from e
            self._local.db = db
        return db

    def create(self, org: str, project: str) -> tuple[str, str]:
        """A new key for ``org``/``project``: returns ``(key_id, secret)``; the secret is
        not stored and cannot be shown again."""
        check_name(org, "org")
        check_name(project, "project")
        secret = KEY_PREFIX + secrets.token_urlsafe(32)
        key_id = "key_" + secrets.token_hex(6)
        now = datetime.now(UTC).isoformat()
        try:
            self._db().execute(
                "INSERT INTO api_keys (id, key_hash, org, project, hint, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (key_id, hash_key(secret), org, project, secret[:10], now))
        except sqlite3.Error as e:
            raise StoreError(f"cannot write the keys file: {e}") from e
        return key_id, secret

    def verify(self, secret: str) -> Tenant | None:
        """The tenant of a valid, unrevoked key; None otherwise."""
        if not secret.startswith(KEY_PREFIX) or len(secret) > 200:
            return None
        try:
            row = self._db().execute(
                "SELECT id, org, project FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL",
                (hash_key(secret),)).fetchone()
        except sqlite3.Error as e:
            raise StoreError(f"cannot read the keys file: {e}") from e
        return Tenant(org=row[1], project=row[2], key_id=row[0]) if row else None

    def list(self) -> list[KeyInfo]:
        try:
            rows = self._db().execute(
                "SELECT id, org, project, hint, created_at, revoked_at FROM api_keys "
                "ORDER BY created_at").fetchall()
        except sqlite3.Error as e:
            raise StoreError(f"cannot read the keys file: {e}") from e
        return [KeyInfo(*r) for r in rows]

    def revoke(self, key_id: str) -> None:
        """Revoke a key at once (the server checks the table on every request)."""
        now = datetime.now(UTC).isoformat()
        try:
            cur = self._db().execute(
                "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                (now, key_id))
        except sqlite3.Error as e:
            raise StoreError(f"cannot write the keys file: {e}") from e
        if cur.rowcount == 0:
            raise NotFound("active api key", key_id)

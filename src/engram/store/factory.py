"""Build a store by provider name, importing only what that backend needs.

>>> import tempfile, os
>>> make_store("sqlite", path=os.path.join(tempfile.mkdtemp(), "m.db"), dims=4, model_id="m").dims
4
>>> make_store("mongodb", dims=4, model_id="m")
Traceback (most recent call last):
...
engram.errors.ConfigError: unknown store provider 'mongodb'; choose one of: sqlite, postgres
"""

from __future__ import annotations

from pathlib import Path

from engram.errors import ConfigError
from engram.store.base import Store

__all__ = ["make_store", "PROVIDERS"]

PROVIDERS = ("sqlite", "postgres")


def make_store(provider: str = "sqlite", *, dims: int, model_id: str,
               path: str | Path | None = None, dsn: str | None = None,
               pool_size: int | None = None, context_before: int = 2, context_after: int = 2,
               context_weight: float = 0.5, context_session: str | None = None,
               context_chars: int = 0) -> Store:
    """The store for ``provider``: SQLite at ``path`` (default: the Engram home's file)
    or PostgreSQL at ``dsn`` (``pool_size`` connections at most); ``dims``/``model_id``
    name the embedder that writes it."""
    if provider == "sqlite":
        if pool_size is not None:
            raise ConfigError("store.pool_size: only the postgres store has a pool")
        from engram.config import default_db_path
        from engram.store.sqlite import SQLiteStore

        return SQLiteStore(path or default_db_path(), dims=dims, model_id=model_id,
                           context_before=context_before, context_after=context_after,
                           context_weight=context_weight, context_session=context_session,
                           context_chars=context_chars)
    if provider == "postgres":
        if not dsn:
            raise ConfigError("store.dsn: required for the postgres store")
        try:
            from engram.store.postgres import PostgresStore
        except ImportError as e:
            raise ConfigError(
                "the postgres store needs its extra: pip install 'engram[postgres]'") from e
        return PostgresStore(dsn, dims=dims, model_id=model_id, context_before=context_before,
                             context_after=context_after, context_weight=context_weight,
                             context_session=context_session, context_chars=context_chars,
                             **({"pool_size": pool_size} if pool_size else {}))
    raise ConfigError(f"unknown store provider {provider!r}; choose one of: {', '.join(PROVIDERS)}")

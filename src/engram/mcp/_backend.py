"""Where the MCP tools keep memories: the embedded store, or a remote Engram server.

Remote when ``host`` (``--host``) or ``ENGRAM_HOST`` is set: calls go through
:class:`engram.MemoryClient` with ``ENGRAM_API_KEY``, and the server's project is the
scope of every id. Otherwise a :class:`engram.Memory` on ``db`` (or the configured store,
``$ENGRAM_HOME/engram.db`` by default), shared with the ``engram`` CLI.

>>> Target.choose(None, None, {}).remote, Target.choose(None, None, {"ENGRAM_HOST": "http://h"}).remote
(False, True)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from engram.errors import ConfigError

__all__ = ["Target", "open_backend"]


@dataclass(frozen=True)
class Target:
    """A pure decision: which backend ``engram mcp`` uses, from options and environment."""

    remote: bool
    host: str | None = None
    db: str | None = None

    @classmethod
    def choose(cls, db: str | None, host: str | None,
               env: Mapping[str, str] | None = None) -> Target:
        env = os.environ if env is None else env
        host = host or env.get("ENGRAM_HOST") or None
        if host and db:
            raise ConfigError("give --db (embedded store) or --host (remote server), not both")
        return cls(remote=bool(host), host=host, db=db)

    def describe(self) -> str:
        return f"remote Engram server {self.host}" if self.remote else \
            f"embedded store {self.db or '(configured default)'}"


def open_backend(target: Target, config: Mapping[str, Any] | None = None) -> Any:
    """A ``Memory`` or a ``MemoryClient``, opened and checked (model loaded, key verified),
    so a bad set-up fails at start rather than in the first tool call."""
    if target.remote:
        from engram.client import MemoryClient

        client = MemoryClient(host=target.host, max_retries=2)
        client.ping()  # ConfigError for a rejected key, StoreError when unreachable
        return client
    from engram.memory import Memory

    cfg: dict[str, Any] = dict(config or {})
    if target.db:
        cfg["store"] = {**cfg.get("store", {}), "path": target.db}
    mem = Memory(cfg or None)
    mem.search("warm up", user_id="engram-mcp-warm-up")  # opens the store, loads the model
    return mem

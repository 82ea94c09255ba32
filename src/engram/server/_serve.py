"""``engram serve``: run the app under uvicorn, one process or ``workers`` processes.

The store and keys file are opened once first (:func:`preflight`); then with several
workers each process builds its own app from the environment (uvicorn's factory mode); they share the SQLite store file (WAL; each notices the others' writes)
and the keys file. Rate limits and ``/metrics`` are per process.
"""

from __future__ import annotations

import os

from engram.errors import ConfigError

__all__ = ["run"]


def run(*, host: str = "127.0.0.1", port: int = 8000, workers: int = 1, db: str | None = None,
        keys: str | None = None, log_level: str = "info") -> None:
    try:
        import uvicorn
    except ImportError as e:
        raise ConfigError("the server needs its extra: pip install 'engram[server]'") from e
    if workers < 1:
        raise ConfigError(f"workers: must be at least 1, got {workers}")
    # Workers are separate processes: hand them the choices through the environment.
    if db:
        os.environ["ENGRAM_DB"] = db
    if keys:
        os.environ["ENGRAM_KEYS_DB"] = keys
    os.environ["ENGRAM_SERVER_LOG_LEVEL"] = log_level
    preflight()
    from engram.server._protocol import HeaderDeadlineProtocol

    uvicorn.run("engram.server._app:app_from_env", factory=True, host=host, port=port,
                workers=workers, log_config=None, log_level=log_level, access_log=False,
                http=HeaderDeadlineProtocol, timeout_keep_alive=5)


def preflight() -> None:
    """Open the store and the keys file once before uvicorn starts, so that a missing
    extra, a bad configuration or a corrupted file stops ``engram serve`` with its engram
    error (one line and its exit code: 6 for a store) instead of a traceback from every
    worker's start-up."""
    from engram.memory import Memory
    from engram.server._keys import KeyStore
    from engram.server._settings import ServerSettings

    with Memory() as mem:
        _ = mem.store
    KeyStore(ServerSettings.from_env().keys_path).list()

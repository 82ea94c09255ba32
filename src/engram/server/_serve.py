"""``engram serve``: run the app under uvicorn, one process or ``workers`` processes.

With several workers each process builds its own app from the environment (uvicorn's
factory mode); they share the SQLite store file (WAL; each notices the others' writes)
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
    uvicorn.run("engram.server._app:app_from_env", factory=True, host=host, port=port,
                workers=workers, log_config=None, log_level=log_level, access_log=False)

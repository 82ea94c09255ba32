"""Server settings: limits, rate limiting and file locations, from arguments or ``ENGRAM_SERVER_*``.

Plain data, no I/O: reading the environment is the only thing :meth:`from_env` does.

>>> s = ServerSettings.from_env({"ENGRAM_SERVER_RATE": "5", "ENGRAM_HOME": "/tmp/e"})
>>> s.rate_per_second, str(s.keys_path)
(5.0, '/tmp/e/keys.db')
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from engram._limits import Limits
from engram.errors import ConfigError

__all__ = ["ServerSettings"]


def _home(env: Mapping[str, str]) -> Path:
    home = env.get("ENGRAM_HOME")
    return Path(home) if home else Path.home() / ".engram"


@dataclass(frozen=True)
class ServerSettings:
    """Everything the REST server needs besides the Memory configuration.

    ``rate_per_second``/``rate_burst`` set each API key's token bucket (0 turns rate
    limiting off); the other limits bound one request.
    """

    keys_path: Path = field(default_factory=lambda: _home(os.environ) / "keys.db")
    max_body_bytes: int = 2_000_000
    max_messages: int = 500
    max_top_k: int = 200
    max_page_size: int = 1_000
    max_batch: int = 1_000
    rate_per_second: float = 50.0
    rate_burst: int = 100
    auth_fail_rate: float = 1.0  # invalid keys per second and client address (0: off)
    auth_fail_burst: int = 20
    header_timeout: float = 10.0  # seconds to send a request's headers
    body_timeout: float = 30.0  # seconds to send a request's whole body
    memory_cache: int = 1_024  # Memory facades kept (one per org/project namespace)
    job_workers: int = 1  # threads applying queued adds and webhooks (0: none here)
    job_lease: float = 30.0  # seconds a claimed job is held; renewed while it runs
    job_poll: float = 1.0  # seconds between looks at the queue when idle
    job_attempts: int = 3  # tries of a queued add whose failure may pass
    job_backoff: float = 2.0  # seconds before the first retry of an add, then doubling
    webhook_attempts: int = 5  # tries of one webhook delivery
    webhook_backoff: float = 2.0  # seconds before the first redelivery, then doubling
    webhook_timeout: float = 10.0  # seconds a receiver has to answer

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> ServerSettings:
        """Defaults < ``ENGRAM_SERVER_<FIELD>`` (e.g. ``ENGRAM_SERVER_RATE_BURST``) < overrides.

        ``ENGRAM_SERVER_RATE`` is a short spelling of ``..._RATE_PER_SECOND``;
        ``ENGRAM_KEYS_DB`` names the keys file (default ``$ENGRAM_HOME/keys.db``).
        """
        env = os.environ if env is None else env
        values: dict[str, Any] = {"keys_path": Path(env.get("ENGRAM_KEYS_DB") or
                                                    _home(env) / "keys.db")}
        if env.get("ENGRAM_SERVER_RATE"):
            values["rate_per_second"] = env["ENGRAM_SERVER_RATE"]
        for f in fields(cls):
            raw = env.get(f"ENGRAM_SERVER_{f.name.upper()}")
            if raw not in (None, "") and f.name != "keys_path":
                values[f.name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**{k: _convert(k, v) for k, v in values.items()})

    @property
    def limits(self) -> Limits:
        """The per-call caps, as the REST routes and the MCP tools check them."""
        return Limits(max_top_k=self.max_top_k, max_page_size=self.max_page_size,
                      max_messages=self.max_messages, max_batch=self.max_batch)

    def __post_init__(self) -> None:
        for name in ("max_body_bytes", "max_messages", "max_top_k", "max_page_size",
                     "max_batch", "memory_cache"):
            if getattr(self, name) < 1:
                raise ConfigError(f"server.{name}: must be at least 1")
        if self.rate_per_second < 0 or self.rate_burst < 0:
            raise ConfigError("server.rate: must not be negative")
        if self.rate_per_second > 0 and self.rate_burst < 1:
            raise ConfigError("server.rate_burst: must be at least 1 when rate limiting is on")
        if self.auth_fail_rate < 0 or (self.auth_fail_rate > 0 and self.auth_fail_burst < 1):
            raise ConfigError("server.auth_fail_rate/auth_fail_burst: the rate must not be "
                              "negative, and the burst at least 1 when it is on")
        if not (self.header_timeout > 0 and self.body_timeout > 0):
            raise ConfigError("server.header_timeout/body_timeout: must be positive seconds")
        for name in ("job_lease", "job_poll", "job_backoff", "webhook_backoff",
                     "webhook_timeout"):
            if not getattr(self, name) > 0:
                raise ConfigError(f"server.{name}: must be positive seconds")
        if self.job_workers < 0 or self.job_attempts < 1 or self.webhook_attempts < 1:
            raise ConfigError("server.job_workers must be >= 0, job_attempts and "
                              "webhook_attempts >= 1")


def _convert(name: str, value: Any) -> Any:
    if name == "keys_path":
        return Path(value).expanduser()
    kind = float if name in ("rate_per_second", "auth_fail_rate", "header_timeout",
                             "body_timeout", "job_lease", "job_poll", "job_backoff",
                             "webhook_backoff", "webhook_timeout") else int
    try:
        return kind(value)
    except (TypeError, ValueError) as e:
        raise ConfigError(f"server.{name}: expected a number, got {value!r}") from e

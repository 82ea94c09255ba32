"""Structured logs: one JSON object per line, with the request id on every request line.

``configure_logging()`` is called by ``engram serve`` (never at import).

>>> import logging
>>> rec = logging.LogRecord("engram.server", logging.INFO, "", 0, "request", None, None)
>>> rec.request_id = "r1"
>>> '"request_id": "r1"' in JsonFormatter().format(rec)
True
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

__all__ = ["JsonFormatter", "configure_logging", "logger"]

logger = logging.getLogger("engram.server")
# LogRecord attributes that are not extra fields.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """``{"ts", "level", "logger", "msg", ...extra fields}``; exceptions as ``exc``."""

    def format(self, record: logging.LogRecord) -> str:
        out = {"ts": datetime.fromtimestamp(record.created, UTC).isoformat(),
               "level": record.levelname.lower(), "logger": record.name,
               "msg": record.getMessage()}
        out.update({k: v for k, v in vars(record).items() if k not in _STANDARD})
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return json.dumps(out, default=str, ensure_ascii=False)


def configure_logging(level: str = "info") -> None:
    """Send ``engram.*`` and uvicorn's error log to stderr as JSON lines; uvicorn's own
    access log is replaced by ours (which carries the request id)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    for name in ("engram", "uvicorn.error"):
        log = logging.getLogger(name)
        log.handlers = [handler]
        log.setLevel(level.upper())
        log.propagate = False
    logging.getLogger("uvicorn.access").disabled = True

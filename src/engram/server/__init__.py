"""Engram's self-hosted REST server (the Mem0 "Platform" API): ``engram serve``.

Needs the ``server`` extra (``pip install 'engram[server]'``) for the app; the key store
works without it (``engram keys`` imports no web framework).

>>> from engram.server import ServerSettings
>>> ServerSettings(rate_per_second=0).rate_per_second
0
"""

from typing import Any

from engram.server._keys import KeyInfo, KeyStore, Tenant
from engram.server._serve import run as serve
from engram.server._settings import ServerSettings
from engram.server._webhooks import verify as verify_webhook

__all__ = ["create_app", "app_from_env", "serve", "ServerSettings", "KeyStore", "KeyInfo",
           "Tenant", "verify_webhook"]


def __getattr__(name: str) -> Any:
    # FastAPI is imported only when the app is wanted.
    if name in ("create_app", "app_from_env"):
        from engram.server import _app

        return getattr(_app, name)
    raise AttributeError(f"module 'engram.server' has no attribute {name!r}")

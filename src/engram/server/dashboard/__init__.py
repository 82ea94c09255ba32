"""The web dashboard at ``/dashboard``: static HTML/CSS/JS modules shipped in the package
(no build step, nothing fetched from elsewhere at run time) that talk to the REST API
with the API key the user signs in with (kept in the tab's session storage).

:func:`install` mounts the assets and the few JSON routes only the dashboard uses
(``_routes_dashboard``). Every asset is sent with a strict Content-Security-Policy:
scripts, styles and requests only from this server, no inline code, no framing.

>>> from pathlib import Path
>>> sorted(p.name for p in (Path(__file__).parent / "static").glob("*.html"))
['index.html']
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from starlette.staticfiles import StaticFiles

__all__ = ["install", "STATIC", "SECURITY_HEADERS"]

STATIC = Path(__file__).parent / "static"
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
                               "img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
                               "form-action 'self'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    # Assets are small; revalidate so an upgraded server never runs stale modules.
    "cache-control": "no-cache",
}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGI = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]],
                Awaitable[None]]


class _Secured:
    """Adds :data:`SECURITY_HEADERS` to every response of the wrapped ASGI app."""

    def __init__(self, app: ASGI) -> None:
        self.app = app
        self.extra = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.extra]
            await send(message)

        await self.app(scope, receive, send_secured)


def install(app: FastAPI) -> None:
    """Serve the dashboard at ``/dashboard/`` and register its JSON routes."""
    from engram.server import _routes_dashboard

    app.include_router(_routes_dashboard.router)

    @app.get("/dashboard", include_in_schema=False)
    def dashboard_slash() -> RedirectResponse:
        return RedirectResponse("/dashboard/", status_code=308)

    app.mount("/dashboard", _Secured(StaticFiles(directory=STATIC, html=True)), name="dashboard")

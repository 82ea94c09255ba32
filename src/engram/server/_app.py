"""The app factory: ``create_app()`` wires settings, keys, tenants, limits, metrics and
routes into one FastAPI app. Nothing is opened until the app starts (lifespan).

>>> import tempfile, os
>>> from engram.testing import HashEmbedder
>>> d = tempfile.mkdtemp()
>>> app = create_app({"store": {"path": os.path.join(d, "s.db")}},
...                  settings=ServerSettings(keys_path=os.path.join(d, "k.db")),
...                  embedder=HashEmbedder())
>>> "/v3/memories/search/" in {r.path for r in app.routes}
True
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI
from fastapi.responses import PlainTextResponse

from engram.config import MemoryConfig
from engram.server import _routes_memories, _routes_platform, _routes_project, _routes_webhooks
from engram.server._edge import EdgeMiddleware
from engram.server._errors import install_error_handlers
from engram.server._jobs import JobWorker
from engram.server._keys import KeyStore
from engram.server._logging import logger
from engram.server._metrics import Metrics
from engram.server._ratelimit import RateLimiter
from engram.server._settings import ServerSettings
from engram.server._tenants import Tenants
from engram.server.dashboard import install as install_dashboard

if TYPE_CHECKING:
    from engram.embed import Embedder
    from engram.llm import LLM
    from engram.store.base import Store

__all__ = ["create_app", "app_from_env"]

DESCRIPTION = """Engram's REST API: long-term memory for LLM agents, self-hosted.

Routes follow the Mem0 Platform API, so `mem0.MemoryClient(api_key=KEY, host=URL)` works
unchanged. Every request needs `Authorization: Token <key>` (or `Bearer <key>`); a key
belongs to one org/project and sees only that project's memories."""


def create_app(
    config: Mapping[str, Any] | MemoryConfig | None = None,
    *,
    settings: ServerSettings | None = None,
    embedder: Embedder | None = None,
    store: Store | None = None,
    llm: LLM | None = None,
    warm_up: bool = True,
) -> FastAPI:
    """The Engram REST app. ``config`` is a Memory configuration; ``embedder``, ``store``,
    ``llm`` override it (tests pass a fake embedder)."""
    settings = settings or ServerSettings.from_env()
    metrics = Metrics()
    tenants = Tenants(config, embedder=embedder, store=store, llm=llm, metrics=metrics,
                      cache_size=settings.memory_cache)
    jobs = JobWorker(tenants, settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if warm_up:
            tenants.warm_up()
        logger.info("engram server ready", extra={"extractor": tenants.extractor_name,
                                                  "keys": str(settings.keys_path)})
        jobs.start()  # queued adds and webhook deliveries, left over ones included
        yield
        jobs.stop()
        tenants.close()

    app = FastAPI(title="Engram", version=_version(), description=DESCRIPTION,
                  lifespan=lifespan)
    app.state.settings = settings
    app.state.metrics = metrics
    app.state.tenants = tenants
    app.state.jobs = jobs
    app.state.keys = KeyStore(settings.keys_path)
    app.state.limiter = RateLimiter(settings.rate_per_second, settings.rate_burst)
    app.state.auth_limiter = RateLimiter(settings.auth_fail_rate, settings.auth_fail_burst)
    install_error_handlers(app)
    app.include_router(_routes_memories.router)
    app.include_router(_routes_platform.router)
    app.include_router(_routes_webhooks.router)
    app.include_router(_routes_project.router)
    install_dashboard(app)  # /dashboard (static assets) and its JSON routes

    @app.get("/healthz", tags=["ops"], summary="Liveness (no key needed)")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/metrics", include_in_schema=False)
    def prometheus() -> PlainTextResponse:
        return PlainTextResponse(metrics.render(),
                                 media_type="text/plain; version=0.0.4; charset=utf-8")

    app.add_middleware(EdgeMiddleware, metrics=metrics, max_body=settings.max_body_bytes,
                       body_timeout=settings.body_timeout)
    return app


def app_from_env() -> FastAPI:
    """The factory ``engram serve --workers N`` hands to uvicorn (each worker builds its
    own app from ``ENGRAM_*`` variables) and logs JSON lines to stderr."""
    import os

    from engram.server._logging import configure_logging

    configure_logging(os.environ.get("ENGRAM_SERVER_LOG_LEVEL", "info"))
    return create_app()


def _version() -> str:
    from engram import __version__

    return __version__

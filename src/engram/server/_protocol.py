"""uvicorn's HTTP/1.1 protocol with a deadline for a request's headers.

uvicorn times out idle keep-alive connections but not a client that sends half a request
line and then nothing: such connections are held until the client leaves, and a few
hundred of them take every file descriptor. Here each connection must complete its
headers within ``header_timeout`` seconds of connecting (or of its previous response);
otherwise it is closed. The body has its own deadline in the edge middleware (``_edge``),
which answers 408.

``engram serve`` passes this class to uvicorn (``http=``); worker processes rebuild it
from the environment, so the timeout is read from ``ENGRAM_SERVER_HEADER_TIMEOUT``.
"""

from __future__ import annotations

import asyncio
import functools
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from engram.server._settings import ServerSettings

__all__ = ["HeaderDeadlineProtocol"]


@functools.cache
def _header_timeout() -> float:
    return ServerSettings.from_env().header_timeout


class HeaderDeadlineProtocol(H11Protocol):
    header_timeout: float | None = None  # None: from the environment

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()  # the next request on this connection gets the same deadline

    def connection_lost(self, exc: Exception | None) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
        timeout = self.header_timeout if self.header_timeout is not None else _header_timeout()
        self._header_timer = self.loop.call_later(timeout, self._headers_due)

    def _headers_due(self) -> None:
        # IDLE: the client has not completed a request line and headers since the timer
        # was armed (a request being read or answered is SEND_BODY or DONE).
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.logger.info("closing a connection that did not send its headers in time")
            self.transport.close()

"""``engram mcp``: Engram as a Model Context Protocol server, so any MCP-capable agent
(Claude Desktop, Cursor, an Agents SDK...) can remember and recall through it.

Seven tools: ``add_memory``, ``search_memories``, ``list_memories``, ``get_memory``,
``update_memory``, ``delete_memory``, ``memory_history``. They run on the embedded store
(the same SQLite file as the ``engram`` CLI) or, with ``--host``/``ENGRAM_HOST`` and
``ENGRAM_API_KEY``, on a remote Engram server through :class:`engram.MemoryClient`.

Needs the ``mcp`` extra (``pip install 'engram[mcp]'``); importing this package imports
no MCP code (the SDK is loaded by :func:`build_server`).

>>> from engram.mcp import Defaults, resolve_scope
>>> resolve_scope(Defaults(user_id="me"), agent_id="helper")
{'agent_id': 'helper'}
"""

from typing import Any

from engram._limits import Limits
from engram.mcp._backend import Target
from engram.mcp._tools import TOOL_NAMES, Defaults, EngramTools, resolve_scope

__all__ = ["TOOL_NAMES", "Defaults", "EngramTools", "Limits", "Target", "resolve_scope",
           "build_server", "open_backend"]


def __getattr__(name: str) -> Any:
    # The MCP SDK (and httpx for a remote backend) are imported only when wanted.
    if name == "build_server":
        from engram.mcp._server import build_server

        return build_server
    if name == "open_backend":  # the backend's imports wait for the call itself
        from engram.mcp._backend import open_backend

        return open_backend
    raise AttributeError(f"module 'engram.mcp' has no attribute {name!r}")

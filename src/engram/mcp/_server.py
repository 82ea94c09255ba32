"""The MCP edge: register :class:`EngramTools` on the SDK's ``MCPServer`` and map errors.

Every :class:`~engram.errors.EngramError` becomes a tool error (``isError: true``) whose
text names the error class and the field, as the REST API's JSON body does; the model
reads it and can correct its call. Arguments that fail the tool's JSON schema are tool
errors too (the SDK's validation). Nothing a caller sends stops the server.

>>> from engram.mcp._server import error_text
>>> from engram.errors import InvalidInput
>>> error_text(InvalidInput("top_k", "must be between 1 and 200"))
'InvalidInput: top_k: must be between 1 and 200'
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import ToolAnnotations

from engram.errors import EngramError, LLMError
from engram.mcp._tools import TOOL_NAMES, EngramTools

__all__ = ["build_server", "error_text"]

INSTRUCTIONS = """Engram is this agent's long-term memory. Call search_memories before \
answering questions that may depend on what the user told you earlier; call add_memory \
with the conversation's new facts (infer=true extracts and reconciles them). Memories are \
scoped by user_id / agent_id / run_id; when a call names none, the server's default scope \
is used."""

READ_ONLY = {"search_memories", "list_memories", "get_memory", "memory_history"}


def error_text(exc: EngramError) -> str:
    text = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, LLMError) and exc.retryable:
        text += " (transient: retrying later may succeed)"
    return text


def _mapped(fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def tool(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except EngramError as e:  # the one translation, at the edge
            raise ToolError(error_text(e)) from e

    return tool


def build_server(tools: EngramTools, *, name: str = "engram", log_level: str = "WARNING") -> MCPServer:
    """An ``MCPServer`` exposing the seven tools; run it with ``.run("stdio")`` or
    ``.run("streamable-http", host=..., port=...)``."""
    from engram import __version__

    server: MCPServer = MCPServer(name=name, title="Engram memory", version=__version__,
                                  instructions=INSTRUCTIONS,
                                  log_level=log_level)  # type: ignore[arg-type]
    for tool_name in TOOL_NAMES:
        fn = getattr(tools, tool_name)
        server.add_tool(_mapped(fn), name=tool_name,
                        annotations=ToolAnnotations(
                            read_only_hint=tool_name in READ_ONLY,
                            destructive_hint=tool_name in ("delete_memory", "update_memory"),
                            idempotent_hint=tool_name != "add_memory",
                            open_world_hint=False))
    return server

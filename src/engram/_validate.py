"""Input validation for the public API: every error names the field and the problem.

Pure functions, shared by :class:`engram.Memory`, the server and the CLI.

>>> [m.content for m in normalise_messages("I like tea")]
['I like tea']
>>> build_scope(user_id="alice")
Scope(user_id='alice', agent_id=None, run_id=None)
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from engram._types import SCOPE_KEYS, Message, Scope
from engram.errors import InvalidInput
from engram.store import filters as F

ROLES = ("user", "assistant", "system", "tool")
MAX_TOP_K = 1_000
MAX_TEXT = 100_000  # characters in one message or memory
MAX_ID = 256


def normalise_messages(messages: Any) -> list[Message]:
    """A string, one ``{"role", "content"}`` dict or a list of them -> messages."""
    if isinstance(messages, str):
        items: list[Any] = [{"role": "user", "content": messages}]
    elif isinstance(messages, Mapping):
        items = [messages]
    elif isinstance(messages, list | tuple):
        items = list(messages)
    else:
        raise InvalidInput("messages", f"expected a string, a message dict or a list of them, "
                                       f"got {type(messages).__name__}")
    if not items:
        raise InvalidInput("messages", "is empty")
    out = []
    for i, m in enumerate(items):
        where = f"messages[{i}]"
        if isinstance(m, str):
            m = {"role": "user", "content": m}
        if not isinstance(m, Mapping):
            raise InvalidInput(where, f"expected a dict with role and content, got {type(m).__name__}")
        role = m.get("role")
        if role not in ROLES:
            raise InvalidInput(f"{where}.role", f"must be one of {', '.join(ROLES)}, got {role!r}")
        text, images = _content(m.get("content"), f"{where}.content")
        name = m.get("name")
        if name is not None and (not isinstance(name, str) or not name.strip()):
            raise InvalidInput(f"{where}.name", "must be a non-empty string")
        out.append(Message(role=role, content=text, name=name, index=i, images=images))
    if not any(m.content.strip() or m.images for m in out):
        raise InvalidInput("messages", "every message is empty")
    return out


def _content(content: Any, where: str) -> tuple[str, tuple[str, ...]]:
    if isinstance(content, str):
        if len(content) > MAX_TEXT:
            raise InvalidInput(where, f"is {len(content)} characters; the limit is {MAX_TEXT}")
        return content, ()
    if isinstance(content, Mapping):  # one multimodal part
        content = [content]
    if not isinstance(content, list):
        raise InvalidInput(where, f"must be a string or a list of parts, got {type(content).__name__}")
    texts, images = [], []
    for j, part in enumerate(content):
        kind = part.get("type") if isinstance(part, Mapping) else None
        if kind == "text" and isinstance(part.get("text"), str):
            texts.append(part["text"])
        elif kind == "image_url":
            url = part.get("image_url")
            url = url.get("url") if isinstance(url, Mapping) else url
            if not isinstance(url, str) or not url:
                raise InvalidInput(f"{where}[{j}].image_url", "must hold a url string")
            images.append(url)
        else:
            raise InvalidInput(f"{where}[{j}]", "expected {'type': 'text'|'image_url', ...}")
    return " ".join(texts), tuple(images)


def _scope_id(field: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(field, f"must be a non-empty string, got {value!r}")
    if len(value) > MAX_ID:
        raise InvalidInput(field, f"is longer than {MAX_ID} characters")
    return value


def build_scope(user_id: Any = None, agent_id: Any = None, run_id: Any = None,
                session_id: Any = None) -> Scope:
    """The scope of an add; ``session_id`` is an alias of ``run_id``."""
    if session_id is not None:
        if run_id is not None and run_id != session_id:
            raise InvalidInput("session_id", "is an alias of run_id; give one, not both")
        run_id = session_id
    scope = Scope(_scope_id("user_id", user_id), _scope_id("agent_id", agent_id),
                  _scope_id("run_id", run_id))
    if not scope.as_dict():
        raise InvalidInput("user_id", "one of user_id, agent_id or run_id is required")
    return scope


def check_metadata(metadata: Any, field: str = "metadata") -> dict[str, Any]:
    if metadata is None:
        return {}
    if not isinstance(metadata, Mapping):
        raise InvalidInput(field, f"must be a dict, got {type(metadata).__name__}")
    for k in metadata:
        if not isinstance(k, str):
            raise InvalidInput(field, f"keys must be strings, got {k!r}")
    try:
        json.dumps(metadata, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise InvalidInput(field, f"must be JSON-serialisable: {e}") from e
    return dict(metadata)


def check_top_k(value: Any, field: str = "top_k") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(field, f"must be an integer, got {value!r}")
    if not 1 <= value <= MAX_TOP_K:
        raise InvalidInput(field, f"must be between 1 and {MAX_TOP_K}, got {value}")
    return value


def check_threshold(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise InvalidInput("threshold", f"must be a number, got {value!r}")
    if not -1.0 <= value <= 1.0:
        raise InvalidInput("threshold", f"must be between -1 and 1, got {value}")
    return float(value)


def check_text(value: Any, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(field, f"must be a non-empty string, got {value!r}")
    if len(value) > MAX_TEXT:
        raise InvalidInput(field, f"is {len(value)} characters; the limit is {MAX_TEXT}")
    return value


def check_id(value: Any, field: str = "memory_id") -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_ID:
        raise InvalidInput(field, f"must be a memory id string, got {value!r}")
    return value


def scoped_filter(filters: Any, *, require_scope: bool, **ids: Any) -> F.Node:
    """Mem0 2.x ``filters`` AND-ed with 1.x style ``user_id=`` keywords."""
    if filters is not None and not isinstance(filters, Mapping):
        raise InvalidInput("filters", f"must be a dict, got {type(filters).__name__}")
    node = F.parse_filters(filters)
    extra = [F.parse_filters({k: _scope_id(k, v)}) for k, v in ids.items()
             if k in SCOPE_KEYS and v is not None]
    if extra:
        node = F.and_(node, *extra)
    if require_scope and not F.scope_of(node):
        raise InvalidInput("filters", "one of user_id, agent_id or run_id is required "
                                      "(in filters or as a keyword)")
    return node

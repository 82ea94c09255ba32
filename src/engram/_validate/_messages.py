"""Messages: a string, one ``{"role", "content"}`` dict or a list of them, checked part by
part (role, text, speaker name, image URLs, ``timestamp``) before anything is extracted
or stored.

>>> [m.content for m in normalise_messages("I like tea")]
['I like tea']
>>> normalise_messages([{"role": "user", "content": "\\x00"}])
Traceback (most recent call last):
...
engram.errors.InvalidInput: messages[0].content: contains a NUL character
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from engram._chars import brief
from engram._types import Message
from engram._validate._text import MAX_TEXT, check_name, check_safe
from engram._validate._time import check_event_time
from engram.errors import InvalidInput

__all__ = ["ROLES", "normalise_messages"]

ROLES = ("user", "assistant", "system", "tool")
MAX_URL = 10_000_000  # an image may come inline as a data: URI


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
        if not isinstance(role, str) or role not in ROLES:
            raise InvalidInput(f"{where}.role", f"must be one of {', '.join(ROLES)}, "
                                                f"got {brief(role)}")
        text, images = _content(m.get("content"), f"{where}.content")
        name = check_name(m.get("name"), f"{where}.name")
        when = check_event_time(m.get("timestamp"), f"{where}.timestamp")
        out.append(Message(role=role, content=text, name=name, index=i, images=images,
                           timestamp=when))
    if not any(m.content.strip() or m.images for m in out):
        raise InvalidInput("messages", "every message is empty")
    return out


def _content(content: Any, where: str) -> tuple[str, tuple[str, ...]]:
    if isinstance(content, str):
        return _text(content, where), ()
    if isinstance(content, Mapping):  # one multimodal part
        content = [content]
    if not isinstance(content, list):
        raise InvalidInput(where, f"must be a string or a list of parts, got {type(content).__name__}")
    texts, images = [], []
    for j, part in enumerate(content):
        kind = part.get("type") if isinstance(part, Mapping) else None
        if kind == "text" and isinstance(part.get("text"), str):
            texts.append(check_safe(part["text"], f"{where}[{j}].text"))
        elif kind == "image_url":
            url = part.get("image_url")
            url = url.get("url") if isinstance(url, Mapping) else url
            if not isinstance(url, str) or not url or len(url) > MAX_URL:
                raise InvalidInput(f"{where}[{j}].image_url", "must hold a url string")
            images.append(check_safe(url, f"{where}[{j}].image_url"))
        else:
            raise InvalidInput(f"{where}[{j}]", "expected {'type': 'text'|'image_url', ...}")
    return _text(" ".join(texts), where), tuple(images)


def _text(text: str, where: str) -> str:
    if len(text) > MAX_TEXT:
        raise InvalidInput(where, f"is {len(text)} characters; the limit is {MAX_TEXT}")
    return check_safe(text, where)

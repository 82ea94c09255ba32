"""A deterministic summary of an agent's run, for ``memory_type="procedural_memory"``.

Without an LLM the summary is the task (first user message) and one numbered step per
assistant or tool message, each cut to its first sentence and a bounded length.

>>> from engram._types import Message
>>> print(summarise_procedural_rules([
...     Message("user", "Find flights to Rome."),
...     Message("assistant", "Searching flights. This may take a while."),
...     Message("tool", "3 results found"),
... ]))
Task: Find flights to Rome.
1. [assistant] Searching flights.
2. [tool] 3 results found
"""

from __future__ import annotations

from engram._types import Message
from engram.pipeline.rules._sentences import split_sentences

__all__ = ["summarise_procedural_rules"]

_MAX_STEP = 200


def _first_sentence(text: str) -> str:
    sentences = split_sentences(text)
    first = sentences[0] if sentences else text.strip()
    return first if len(first) <= _MAX_STEP else first[: _MAX_STEP - 1].rstrip() + "…"


def summarise_procedural_rules(messages: list[Message]) -> str:
    """"Task: ..." then numbered "[role] first sentence" steps; empty text is skipped."""
    lines: list[str] = []
    task = next((m.content.strip() for m in messages if m.role == "user" and m.content.strip()),
                None)
    if task:
        lines.append(f"Task: {_first_sentence(task)}")
    steps = [m for m in messages if m.role in ("assistant", "tool") and m.content.strip()]
    lines.extend(f"{n}. [{m.role}] {_first_sentence(m.content)}"
                 for n, m in enumerate(steps, start=1))
    return "\n".join(lines)

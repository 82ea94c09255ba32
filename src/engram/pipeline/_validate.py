"""Checking what an LLM answered before anything is applied (pure functions, no I/O).

LLM output is never trusted: unknown events and ids are dropped, an UPDATE needs text,
duplicate facts collapse, and a wave of deletes the facts do not justify is refused (the
mass-deletion guard). The checks every reconciler's decisions get (a memory changed once,
repeated ADDs) are made later, once, by ``_plan.plan_changes``.

>>> from engram.pipeline.base import Existing, Fact
>>> out, warnings = validate_decisions(
...     {"memory": [{"id": 0, "event": "UPDATE", "text": "Lives in Rome", "fact": 0},
...                 {"id": 9, "event": "DELETE", "text": "", "fact": None}]},
...     [Fact("Moved to Rome")], [Existing(0, "Lives in Paris")])
>>> [(d.event, d.ref) for d in out], warnings
([('UPDATE', 0)], ['DELETE: memory id 9 is not one of the 1 shown; dropped'])
"""

from __future__ import annotations

import re
from typing import Any, cast

from engram._types import Event, Message
from engram.pipeline._results import warn
from engram.pipeline.base import Decision, Existing, Fact
from engram.pipeline.rules._slots import content_tokens, is_ending, is_negative

__all__ = ["validate_facts", "validate_decisions", "attribute_sources", "MAX_FACT_CHARS"]

MAX_FACT_CHARS = 1000
_EVENTS = ("ADD", "UPDATE", "DELETE", "NONE")


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def attribute_sources(fact: str, messages: list[Message]) -> tuple[str, ...]:
    """The messages sharing the most content words with ``fact`` (all of them if none)."""
    words = content_tokens(fact, drop_time=False)
    scored = [(len(words & content_tokens(m.content, drop_time=False)), m.index)
              for m in messages]
    best = max((s for s, _ in scored), default=0)
    if best == 0:
        return tuple(str(i) for _, i in scored)
    return tuple(str(i) for s, i in scored if s == best)


def validate_facts(raw: dict[str, Any],
                   sources: list[Message]) -> tuple[list[Fact], list[str]]:
    """Facts from ``{"facts": [...]}``: strings (or {"text": ...}), trimmed, deduplicated."""
    out: list[Fact] = []
    warnings: list[str] = []
    items = raw.get("facts")
    if not isinstance(items, list):
        warn(warnings, f"facts: expected a list, got {type(items).__name__}; nothing extracted")
        return out, warnings
    seen: set[str] = set()
    for n, item in enumerate(items):
        text = item.get("text") if isinstance(item, dict) else item
        if not isinstance(text, str) or not text.strip():
            warn(warnings, f"facts[{n}]: not a non-empty string; dropped")
            continue
        text = " ".join(text.split())[:MAX_FACT_CHARS]
        if _key(text) in seen:
            continue
        seen.add(_key(text))
        out.append(Fact(text, attribute_sources(text, sources)))
    return out, warnings


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def _parse_item(n: int, item: Any, facts: list[Fact], shown: set[int],
                warnings: list[str]) -> Decision | None:
    if not isinstance(item, dict):
        warn(warnings, f"memory[{n}]: not an object; dropped")
        return None
    event = str(item.get("event", "")).strip().upper()
    if event not in _EVENTS:
        warn(warnings, f"memory[{n}]: unknown event {item.get('event')!r}; dropped")
        return None
    fact = _as_int(item.get("fact"))
    if fact is not None and not 0 <= fact < len(facts):
        fact = None
    text = item.get("text")
    text = " ".join(text.split())[:MAX_FACT_CHARS] if isinstance(text, str) else ""
    ref = _as_int(item.get("id"))
    src = facts[fact].source_ids if fact is not None else ()
    if event == "ADD":
        text = text or (facts[fact].text if fact is not None else "")
        if not text:
            warn(warnings, f"memory[{n}]: ADD without text; dropped")
            return None
        return Decision("ADD", text, None, fact, src)
    if ref is None or ref not in shown:
        if event == "NONE":
            return Decision("NONE", None, None, fact, src)
        warn(warnings, f"{event}: memory id {item.get('id')!r} is not one of the "
                       f"{len(shown)} shown; dropped")
        return None
    if event == "UPDATE" and not text:
        warn(warnings, f"memory[{n}]: UPDATE of memory {ref} without text; dropped")
        return None
    return Decision(cast(Event, event), text if event == "UPDATE" else None, ref, fact, src)


def _justified(d: Decision, facts: list[Fact], existing: dict[int, str]) -> bool:
    """Is a DELETE backed by a fact that denies or ends the memory?"""
    candidates = [facts[d.fact]] if d.fact is not None else facts
    memory = content_tokens(existing.get(d.ref or 0, ""))
    return any((is_negative(f.text) or is_ending(f.text))
               and content_tokens(f.text) & memory for f in candidates)


def validate_decisions(raw: dict[str, Any], facts: list[Fact],
                       existing: list[Existing]) -> tuple[list[Decision], list[str]]:
    """Decisions from ``{"memory": [...]}``, checked against the facts and memories shown."""
    out: list[Decision] = []
    warnings: list[str] = []
    items = raw.get("memory")
    if not isinstance(items, list):
        warn(warnings, f"memory: expected a list, got {type(items).__name__}; nothing applied")
        return out, warnings
    shown = {e.ref: e.text for e in existing}
    for n, item in enumerate(items):
        d = _parse_item(n, item, facts, set(shown), warnings)
        if d is not None:
            out.append(d)
    return _guard_mass_delete(out, facts, shown, warnings), warnings


def _guard_mass_delete(decisions: list[Decision], facts: list[Fact],
                       shown: dict[int, str], warnings: list[str]) -> list[Decision]:
    deletes = [d for d in decisions if d.event == "DELETE"]
    if len(shown) < 2 or len(deletes) * 2 <= len(shown):
        return decisions
    refused = [d for d in deletes if not _justified(d, facts, shown)]
    if not refused:
        return decisions
    kept = [d for d in decisions if d not in refused]
    warn(warnings, f"mass deletion refused: the LLM deleted {len(deletes)} of {len(shown)} "
                   f"memories shown; {len(refused)} delete(s) not backed by a denying fact "
                   f"were dropped (ids {sorted(d.ref for d in refused if d.ref is not None)})")
    return kept

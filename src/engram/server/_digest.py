"""What the server derives from a scope's memories: a summary (``POST /v1/summary/``) and
an export (``POST /v1/exports/``).

Both read the memories the caller's filters select (the same filters as ``get_all``).
The summary is written by the server's LLM when one is configured (:data:`SUMMARY_PROMPT`),
else by rules: the distinct memories, oldest first, under a line that counts them and
gives their dates. An export is JSON of the memories; a JSON schema, when given, selects
the memory fields each item keeps (the schema's ``properties`` that name memory fields,
directly or in an array of objects) and is stored with the export. With an LLM configured,
the schema is also filled in from the memories (:data:`EXPORT_PROMPT`, with the call's
``export_instructions``), as Mem0's Platform does: the export's ``data``.

>>> rules_summary([{"memory": "Likes tea", "created_at": "2024-01-02T00:00:00+00:00"},
...                {"memory": "likes tea", "created_at": "2024-01-03T00:00:00+00:00"}])
'1 memory, 2024-01-02 to 2024-01-03:\\n- Likes tea'
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from engram.errors import InvalidInput

if TYPE_CHECKING:
    from engram.llm import LLM
    from engram.memory import Memory

__all__ = ["SUMMARY_PROMPT", "SUMMARY_SCHEMA", "EXPORT_PROMPT", "scope_memories",
           "rules_summary", "llm_summary", "llm_export", "parse_schema", "export_items"]

MAX_MEMORIES = 1000  # read per summary or export (newest first)
MAX_LINES = 50  # bullets in a rules summary

SUMMARY_PROMPT = """You write a short summary of what a memory store knows about one \
user, agent or session, for someone who will work with them next.

You get the stored memories, oldest first, each with its date. Write 3 to 8 plain \
sentences: who they are, what they prefer, what they are working on, and anything that \
changed over time (say what is current). Use only the memories; add nothing, and keep \
names, numbers and dates exactly as written. Answer as JSON: {"summary": "..."}."""

EXPORT_PROMPT = """You fill in a JSON schema from what a memory store knows about one \
user, agent or session.

You get the stored memories, oldest first, each with its date, and maybe instructions \
from the person exporting them. Answer with one JSON object that follows the schema. Take \
every value from the memories, keeping names, numbers and dates exactly as written; where \
the memories say nothing, use null (or an empty list). When memories disagree, the newer \
one holds."""

SUMMARY_SCHEMA: dict[str, Any] = {
    "type": "object", "properties": {"summary": {"type": "string"}},
    "required": ["summary"], "additionalProperties": False}

MEMORY_FIELDS = ("id", "memory", "hash", "user_id", "agent_id", "run_id", "actor_id", "role",
                 "memory_type", "metadata", "categories", "created_at", "updated_at")


def scope_memories(mem: Memory, filters: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The memories ``filters`` select, oldest first (at most :data:`MAX_MEMORIES`)."""
    if not filters:
        raise InvalidInput("filters", "name a scope, e.g. {\"user_id\": \"alex\"}")
    page: list[dict[str, Any]] = mem.get_all(filters=filters, page_size=MAX_MEMORIES)["results"]
    return sorted(page, key=lambda m: m.get("created_at") or "")


def _distinct(memories: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for m in memories:
        key = " ".join(m["memory"].lower().split())
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def rules_summary(memories: list[dict[str, Any]]) -> str:
    if not memories:
        return "No memories."
    distinct = _distinct(memories)
    dates = [m["created_at"][:10] for m in memories if m.get("created_at")]
    n = len(distinct)
    head = f"{n} memor{'y' if n == 1 else 'ies'}"
    if dates:
        head += f", {min(dates)} to {max(dates)}" if min(dates) != max(dates) else \
            f", {dates[0]}"
    lines = [f"- {m['memory']}" for m in distinct[:MAX_LINES]]
    if n > MAX_LINES:
        lines.append(f"- ... and {n - MAX_LINES} more")
    return head + ":\n" + "\n".join(lines)


def llm_summary(llm: LLM, memories: list[dict[str, Any]]) -> str:
    out = llm.complete_json([{"role": "system", "content": SUMMARY_PROMPT},
                             {"role": "user", "content": f"Memories:\n{_listed(memories)}"}],
                            SUMMARY_SCHEMA, schema_name="summary")
    text = out.get("summary")
    if not isinstance(text, str) or not text.strip():
        from engram.errors import LLMError

        raise LLMError("the LLM's summary was empty", retryable=True)
    return text.strip()


def parse_schema(schema: Any) -> dict[str, Any] | None:
    """The export schema as an object (Mem0's client sends it as JSON text or a dict)."""
    if schema is None or schema == "":
        return None
    if isinstance(schema, str):
        try:
            schema = json.loads(schema)
        except json.JSONDecodeError as e:
            raise InvalidInput("schema", f"is not JSON: {e.msg}") from e
    if not isinstance(schema, dict):
        raise InvalidInput("schema", "must be a JSON schema object")
    return schema


def _fields(schema: dict[str, Any]) -> list[str]:
    """Memory fields the schema names: top-level properties, or those of the items of
    its array properties (a schema for a list of memories)."""
    props = schema.get("properties") or {}
    names = [p for p in props if p in MEMORY_FIELDS]
    for spec in props.values():
        items = spec.get("items") if isinstance(spec, dict) else None
        if isinstance(items, dict):
            names += [p for p in (items.get("properties") or {}) if p in MEMORY_FIELDS]
    return list(dict.fromkeys(names))


def export_items(memories: list[dict[str, Any]], schema: dict[str, Any] | None
                 ) -> list[dict[str, Any]]:
    fields = _fields(schema) if schema else []
    keep = fields or [f for f in MEMORY_FIELDS if f != "hash"]
    return [{f: m.get(f) for f in keep} for m in memories]


def _listed(memories: list[dict[str, Any]]) -> str:
    return "\n".join(f"- [{(m.get('created_at') or '')[:10]}] {m['memory']}"
                     for m in _distinct(memories))


def llm_export(llm: LLM, memories: list[dict[str, Any]], schema: dict[str, Any],
               instructions: str | None) -> dict[str, Any]:
    """The schema filled in by the LLM from the memories (its structured-output call)."""
    asked = f"Instructions: {instructions}\n\n" if instructions else ""
    return llm.complete_json([{"role": "system", "content": EXPORT_PROMPT},
                              {"role": "user", "content": f"{asked}Memories:\n"
                                                          f"{_listed(memories)}"}],
                             schema, schema_name="export")

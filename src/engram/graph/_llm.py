"""Graph extraction by an LLM: one JSON-schema call per add, validated like the facts.

Malformed items are dropped with a warning, never stored; "USER"/"I"/"me" become the
speaker. An :class:`~engram.errors.LLMError` propagates (the add fails, nothing stored).

>>> from engram.testing import ScriptedLLM
>>> llm = ScriptedLLM([{"entities": [{"name": "Anna", "type": "person"}],
...     "relations": [{"source": "USER", "relationship": "sister", "target": "Anna"},
...                   {"source": "Anna", "relationship": "", "target": "x"}]}])
>>> out = LLMGraphExtractor(llm).extract([Message("user", "My sister Anna", index=0)])
>>> [(t.source, t.relationship, t.target, t.target_type) for t in out.triples], out.warnings
([('user', 'sister', 'Anna', 'person')], ['relations[1]: needs source, relationship and target; dropped'])
"""

from __future__ import annotations

from typing import Any

from engram._types import Message
from engram.graph._model import GraphExtraction, Triple, is_self, relationship_label
from engram.pipeline.llm_steps import JsonLLM
from engram.pipeline.prompts import transcript

__all__ = ["GRAPH_PROMPT", "GRAPH_SCHEMA", "build_graph_messages", "validate_graph",
           "LLMGraphExtractor"]

GRAPH_PROMPT = """\
You build a knowledge graph about the user of an AI assistant from a conversation.
Return the entities the user's messages mention (people, places, organisations, pets,
occupations, things) with a type, and the relations between them as
(source, relationship, target). Write the user as "USER".
- relationship: a short lower_snake_case verb phrase: sister, works_at, works_as,
  lives_in, from, married_to, likes, studies_at, visited.
- "My sister Anna is a nurse in Chicago" gives USER-sister->Anna, Anna-works_as->nurse,
  Anna-lives_in->Chicago.
- When the user says a relation no longer holds ("I left Google", "I don't live in Paris
  any more"), return it with "negated": true.
- Only what the user states; no guesses, no general knowledge.
If there is nothing, return empty lists."""

GRAPH_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "entities": {"type": "array", "items": {
            "type": "object",
            "properties": {"name": {"type": "string"}, "type": {"type": "string"}},
            "required": ["name", "type"]}},
        "relations": {"type": "array", "items": {
            "type": "object",
            "properties": {"source": {"type": "string"}, "relationship": {"type": "string"},
                           "target": {"type": "string"}, "negated": {"type": "boolean"}},
            "required": ["source", "relationship", "target"]}},
    },
    "required": ["entities", "relations"],
}


def build_graph_messages(messages: list[Message]) -> list[dict[str, Any]]:
    return [{"role": "system", "content": GRAPH_PROMPT},
            {"role": "user", "content": transcript(messages)}]


def validate_graph(raw: dict[str, Any], speaker: str, message: int) -> GraphExtraction:
    """Triples from the model's answer; what does not fit the schema is dropped."""
    out = GraphExtraction()
    types: dict[str, str] = {}
    for i, e in enumerate(raw.get("entities") or []):
        if isinstance(e, dict) and isinstance(e.get("name"), str) and e["name"].strip():
            types[e["name"].strip().lower()] = str(e.get("type") or "thing").strip().lower()
        else:
            out.warnings.append(f"entities[{i}]: needs a name; dropped")
    for i, r in enumerate(raw.get("relations") or []):
        parts = [r.get(k) if isinstance(r, dict) else None
                 for k in ("source", "relationship", "target")]
        if not all(isinstance(p, str) and p.strip() for p in parts):
            out.warnings.append(f"relations[{i}]: needs source, relationship and target; dropped")
            continue
        src, rel, tgt = (str(p).strip() for p in parts)
        label = relationship_label(rel)
        if not label:
            out.warnings.append(f"relations[{i}]: relationship {rel!r} has no words; dropped")
            continue
        src = speaker if is_self(src) else src
        tgt = speaker if is_self(tgt) else tgt
        out.triples.append(Triple(
            src, label, tgt, "person" if src == speaker else types.get(src.lower(), "thing"),
            "person" if tgt == speaker else types.get(tgt.lower(), "thing"),
            bool(r.get("negated", False)), message))
    return out


class LLMGraphExtractor:
    """Triples from an LLM (see the module docstring)."""

    name = "llm"

    def __init__(self, llm: JsonLLM) -> None:
        self.llm = llm

    def extract(self, messages: list[Message], target: str = "user") -> GraphExtraction:
        role = "assistant" if target == "agent" else "user"
        mine = [m for m in messages if m.role == role and m.content.strip()]
        if not mine:
            return GraphExtraction()
        raw = self.llm.complete_json(build_graph_messages(messages), GRAPH_SCHEMA,
                                     schema_name="graph")
        speaker = mine[0].name or ("agent" if role == "assistant" else "user")
        return validate_graph(raw, speaker, mine[-1].index)

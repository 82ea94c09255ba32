"""The LLM-driven pipeline steps, procedural summaries and image descriptions.

Both steps return ``(items, warnings)``: ``LLMExtractor.extract`` -> facts,
``LLMReconciler.reconcile`` -> decisions. An :class:`~engram.errors.LLMError` from the model propagates (the
facade decides whether to fail the add); malformed parts of an answer are dropped with a
warning instead.

>>> from engram._types import Message
>>> from engram.pipeline.base import ExtractContext
>>> from engram.testing import ScriptedLLM
>>> llm = ScriptedLLM([{"facts": ["Loves tea", "loves tea!", ""]}])
>>> facts, warnings = LLMExtractor(llm).extract([Message("user", "I love tea", index=0)],
...                                             ExtractContext(timestamp="2026-02-01"))
>>> [(f.text, f.source_ids) for f in facts], warnings
([('Loves tea', ('0',))], ['facts[2]: not a non-empty string; dropped'])
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from typing import Any, Protocol

from engram._types import Message
from engram.errors import LLMError
from engram.pipeline import prompts as P
from engram.pipeline._results import log
from engram.pipeline._validate import validate_decisions, validate_facts
from engram.pipeline.base import Decision, Existing, ExtractContext, Fact
from engram.pipeline.rules import summarise_procedural_rules

__all__ = ["LLMExtractor", "LLMReconciler", "summarise_procedural", "describe_images",
           "JsonLLM"]


class JsonLLM(Protocol):
    """The part of :class:`engram.llm.LLM` these steps use."""

    name: str
    supports_vision: bool

    def complete_json(self, messages: list[dict[str, Any]], schema: dict[str, Any], *,
                      schema_name: str = "result") -> dict[str, Any]: ...


def _today() -> str:
    return _dt.date.today().isoformat()


def describe_images(llm: JsonLLM | None, messages: list[Message]) -> tuple[list[Message], list[str]]:
    """Messages with image descriptions appended to their text, plus warnings.

    Without a vision model (or if describing fails) images are skipped with a warning
    "image skipped: ..."; this never raises.
    """
    urls = [u for m in messages for u in m.images]
    if not urls:
        return messages, []
    if llm is None or not getattr(llm, "supports_vision", False):
        why = "no LLM configured" if llm is None else f"{llm.name} has no vision support"
        return messages, [f"image skipped: {len(urls)} image(s) not described ({why})"]
    out: list[Message] = []
    warnings: list[str] = []
    for m in messages:
        if not m.images:
            out.append(m)
            continue
        try:
            raw = llm.complete_json(P.build_image_messages(list(m.images)), P.IMAGE_SCHEMA,
                                    schema_name="images")
        except LLMError as e:
            warnings.append(f"image skipped: message {m.index}: {e}")
            out.append(m)
            continue
        descs = [d.strip() for d in raw.get("descriptions", []) if isinstance(d, str)
                 and d.strip()]
        note = " ".join(f"[Image: {d}]" for d in descs)
        out.append(dataclasses.replace(m, content=f"{m.content} {note}".strip()))
    for w in warnings:
        log.warning(w)
    return out, warnings


class LLMExtractor:
    """Facts from an LLM; ``today`` overrides the date given for relative times."""

    name = "llm"

    def __init__(self, llm: JsonLLM, *, today: str | None = None) -> None:
        self.llm = llm
        self.today = today

    def extract(self, messages: list[Message],
                ctx: ExtractContext) -> tuple[list[Fact], list[str]]:
        role = "assistant" if ctx.target == "agent" else "user"
        messages, warnings = describe_images(self.llm, messages)
        if not any(m.role == role and m.content.strip() for m in messages):
            return [], warnings
        raw = self.llm.complete_json(
            P.build_extraction_messages(messages, ctx, today=self.today or _today()),
            P.FACTS_SCHEMA, schema_name="facts")
        facts, dropped = validate_facts(raw, [m for m in messages if m.role == role])
        return facts, warnings + dropped


class LLMReconciler:
    """ADD/UPDATE/DELETE/NONE from an LLM, validated (see ``_validate``)."""

    name = "llm"

    def __init__(self, llm: JsonLLM) -> None:
        self.llm = llm

    def reconcile(self, facts: list[Fact], existing: list[Existing],
                  ctx: ExtractContext) -> tuple[list[Decision], list[str]]:
        if not facts:
            return [], []
        if not existing:  # nothing to compare with: every fact is new, no call needed
            return [Decision("ADD", f.text, None, i, f.source_ids)
                    for i, f in enumerate(facts)], []
        raw = self.llm.complete_json(P.build_update_messages(facts, existing, ctx),
                                     P.UPDATE_SCHEMA, schema_name="memory_events")
        return validate_decisions(raw, facts, existing)


def summarise_procedural(llm: JsonLLM | None, messages: list[Message],
                         prompt: str | None = None) -> str:
    """A summary of an agent's run; the deterministic rules summary without an LLM."""
    if llm is None:
        return summarise_procedural_rules(messages)
    raw = llm.complete_json(P.build_procedural_messages(messages, prompt), P.PROCEDURAL_SCHEMA,
                            schema_name="procedure")
    summary = raw.get("summary")
    if isinstance(summary, str) and summary.strip():
        return summary.strip()
    log.warning("procedural summary: the LLM returned no summary; using the rules summary")
    return summarise_procedural_rules(messages)

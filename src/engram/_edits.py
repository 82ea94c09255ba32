"""Helpers of ``Memory``'s writes, kept out of the facade: the categories of an explicit
update's new text, and the extraction context of an add from the config, the project's
settings and the call's own values."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engram import _validate as V
from engram._add import GraphStep
from engram._categories import catalog_from
from engram._types import Scope
from engram.config import MemoryConfig
from engram.errors import InvalidInput
from engram.graph import extractor_for
from engram.pipeline.base import ExtractContext
from engram.store.base import MemoryUpdate

if TYPE_CHECKING:
    from engram._components import Components

__all__ = ["catalog_for", "tag_updates", "extract_context", "check_add_args", "MEMORY_TYPES",
           "checked_metadata", "graph_step"]

MEMORY_TYPES = ("procedural_memory",)


def checked_metadata(cfg: MemoryConfig, metadata: Any, field: str) -> dict[str, Any] | None:
    """Metadata checked against ``config.limits`` (None stays None: "unchanged")."""
    if metadata is None:
        return None
    lim = cfg.limits
    return V.check_metadata(metadata, field, V.MetadataLimits(
        lim.metadata_max_depth, lim.metadata_max_keys, lim.metadata_max_bytes))


def graph_step(cfg: MemoryConfig, parts: Components, enable_graph: Any) -> GraphStep | None:
    """This call's graph step: ``enable_graph``, else the config's ``graph.enabled``."""
    V.check_bool(enable_graph, "enable_graph", optional=True)
    on = cfg.graph.enabled if enable_graph is None else enable_graph
    if not on:
        return None
    return GraphStep(extractor_for(parts.llm), cfg.graph.entity_similarity)


def catalog_for(custom_categories: Any, proj: dict[str, Any]) -> dict[str, str] | None:
    """An add's category catalog: its own ``custom_categories``, else the project's
    (None: Mem0's default)."""
    if custom_categories is not None:
        return catalog_from(custom_categories, "custom_categories")
    found: dict[str, str] | None = proj.get("custom_categories")
    return found


def check_add_args(memory_type: Any, prompt: Any, llm: Any) -> None:
    if memory_type is not None and (not isinstance(memory_type, str)
                                    or memory_type not in MEMORY_TYPES):
        raise InvalidInput("memory_type", f"must be one of {MEMORY_TYPES} or None")
    if prompt is not None:
        V.check_text(prompt, "prompt")
    if llm is not None and not callable(getattr(llm, "complete_json", None)):
        raise InvalidInput("llm", "must be an Engram LLM (with complete_json), e.g. "
                                  "engram.llm.OpenAILLM; LangChain models are not taken")


def tag_updates(parts: Components, project: dict[str, Any], ups: list[MemoryUpdate]) -> None:
    """The categories of each re-worded memory's new text (its vector is already made),
    from the project's catalog, else Mem0's default."""
    worded = [u for u in ups if u.embedding is not None]
    tags = parts.classifier.classify([u.embedding for u in worded if u.embedding is not None],
                                     project.get("custom_categories"),
                                     [u.text or "" for u in worded])
    for u, cats in zip(worded, tags, strict=True):
        u.categories = cats


def extract_context(cfg: MemoryConfig, proj: dict[str, Any], scope: Scope, timestamp: str | None,
                    prompt: str | None, *, includes: Any, excludes: Any) -> ExtractContext:
    """The call's values first, then the project's settings, then the config."""
    target = "agent" if scope.agent_id and not scope.user_id else "user"
    told = proj.get("agent_custom_instructions" if target == "agent" else
                    "custom_instructions") or proj.get("custom_instructions")
    return ExtractContext(
        target=target, timestamp=timestamp,
        prompt=prompt or told or cfg.custom_fact_extraction_prompt,
        update_prompt=cfg.custom_update_memory_prompt,
        includes=_text_or(includes, "includes", proj.get("includes") or cfg.includes),
        excludes=_text_or(excludes, "excludes", proj.get("excludes") or cfg.excludes))


def _text_or(value: Any, field: str, default: str | None) -> str | None:
    return V.check_text(value, field) if value is not None else default

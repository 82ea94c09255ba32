"""The contract between the add pipeline's steps (pure data, no I/O).

An add with ``infer=True`` runs, for one scope, under that scope's lock::

    facts, warnings = extractor.extract(messages, ctx)                 # list[Fact]
    existing = neighbours of the facts in the scope                    # refs 0..n-1
    decisions, more = reconciler.reconcile(facts, existing, ctx)       # list[Decision]
    plan = plan_changes(decisions, held, scope, metadata)              # pipeline/_plan
    -> embedded -> one store transaction

Each step returns its items and the warnings about what it skipped or dropped.

Both steps are implemented twice: by rules (``rules``, offline, deterministic) and by an
LLM (``llm_steps``); the facade picks one pair from the configuration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from engram._types import Event, Message


@dataclass(frozen=True)
class ExtractContext:
    """What the extractor may know beyond the messages."""

    target: str = "user"  # "user": facts about the user; "agent": about the agent
    timestamp: str | None = None  # ISO date/time of the conversation, for relative dates
    prompt: str | None = None  # a per-call or configured custom extraction prompt
    update_prompt: str | None = None  # a configured custom update-memory prompt
    includes: str | None = None  # hint: what to remember
    excludes: str | None = None  # hint: what never to remember


@dataclass(frozen=True)
class Fact:
    """One short, self-contained fact; ``source_ids`` name the messages it came from."""

    text: str
    source_ids: tuple[str, ...] = ()
    # Said as a correction ("wait, I got that wrong - ..."): the rules reconciler lets it
    # replace the held memory of the same frame (pipeline.rules._retake).
    correction: bool = False
    # Said as the state that holds now ("these days I ..."): it may replace the nearest held
    # memory of its subject as a change does (pipeline.rules._now).
    change: bool = False


@dataclass(frozen=True)
class Existing:
    """A memory already held in the scope, shown to the reconciler as a small integer."""

    ref: int
    text: str


@dataclass(frozen=True)
class Decision:
    """What to do about one fact (or one existing memory).

    ADD: ``text`` is new, ``ref`` is None. UPDATE: ``ref`` names the existing memory,
    ``text`` is its merged new text. DELETE: ``ref`` names the memory to delete.
    NONE: nothing changes (``ref`` may name the memory that already says it).
    ``fact`` is the index of the fact that led to it (None when not tied to one).
    """

    event: Event
    text: str | None = None
    ref: int | None = None
    fact: int | None = None
    source_ids: tuple[str, ...] = field(default=())


class Extractor(Protocol):
    name: str

    def extract(self, messages: list[Message],
                ctx: ExtractContext) -> tuple[list[Fact], list[str]]: ...


class Reconciler(Protocol):
    name: str

    def reconcile(
        self, facts: list[Fact], existing: list[Existing], ctx: ExtractContext
    ) -> tuple[list[Decision], list[str]]: ...

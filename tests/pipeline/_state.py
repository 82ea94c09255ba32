"""The memory state an add through the rules pair leaves: the one place the rule tests
apply ADD/UPDATE/DELETE decisions to a held list, so every test file reads the same
semantics (an UPDATE replaces the held text, a DELETE removes it, ADDs come last)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from engram._types import Message
from engram.pipeline.base import Existing, ExtractContext
from engram.pipeline.rules import RulesExtractor, RulesReconciler

CTX = ExtractContext()


def minilm_reconciler(embedder: Any) -> RulesReconciler:
    """The rules reconciler given the embedder's cosine, as ``Memory`` wires it."""
    def cosine(a: list[str], b: list[str]) -> np.ndarray:
        return np.asarray(embedder.embed(a) @ embedder.embed(b).T)

    return RulesReconciler(cosine)


def state_after(turns: Sequence[tuple[str, str]], existing: Sequence[str] = (),
                reconciler: RulesReconciler | None = None) -> list[str]:
    """The held memories after one add of ``turns`` ((role, content) pairs)."""
    facts, _ = RulesExtractor().extract(
        [Message(r, c, index=i) for i, (r, c) in enumerate(turns)], CTX)
    decisions, _ = (reconciler or RulesReconciler()).reconcile(
        facts, [Existing(i, t) for i, t in enumerate(existing)], CTX)
    held: dict[int, str | None] = dict(enumerate(existing))
    added: list[str] = []
    for d in decisions:
        if d.event == "ADD" and d.text:
            added.append(d.text)
        elif d.event == "UPDATE" and d.ref is not None and d.text:
            held[d.ref] = d.text
        elif d.event == "DELETE" and d.ref is not None:
            held[d.ref] = None
    return [t for t in held.values() if t] + added

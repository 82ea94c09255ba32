"""Scope tokens for SQLite's FTS5 index: each memory's namespace and scope ids become
words of a third FTS column, so a keyword search is confined to its scope inside FTS5.

>>> scope_terms("", "alice", None, None).count(" ")
1
"""

from __future__ import annotations

import hashlib

__all__ = ["scope_terms", "scope_match"]


def _term(kind: str, value: str) -> str:
    # Letters then digits only: the porter/unicode61 tokenizer keeps such a token whole.
    return f"z{kind}{int.from_bytes(hashlib.blake2b(value.encode(), digest_size=8).digest(), 'big')}"


def scope_terms(ns: str, user_id: str | None, agent_id: str | None, run_id: str | None) -> str:
    """Tokens naming a memory's namespace and scope ids, for the keyword index."""
    terms = [_term("n", ns)]
    terms += [_term(k, v) for k, v in (("u", user_id), ("a", agent_id), ("r", run_id)) if v]
    return " ".join(terms)


def scope_match(ns: str, pinned: dict[str, str]) -> str:
    """The FTS5 expression matching the rows of a namespace and its pinned scope ids."""
    kinds = {"user_id": "u", "agent_id": "a", "run_id": "r"}
    terms = [_term("n", ns)] + [_term(kinds[k], v) for k, v in sorted(pinned.items())]
    return " AND ".join(f"scope_terms : {t}" for t in terms)

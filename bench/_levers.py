"""Search levers as named rows, shared by ``longmemeval.py`` and ``levers.py`` (which also
runs each row on LOCOMO dev). A row is a search mode and overrides of the default
:class:`~engram.config.SearchConfig`; add a row here and every bench reports it.

Overrides of the ingest-time fields (:data:`INGEST_FIELDS`: the keyword context stored
with each turn) need their own store, so rows are grouped by them.

>>> ingest_key({"context_before": 0, "fusion": "rrf"})
(('context_before', 0),)
>>> ROWS[BASE]
('hybrid', {})
"""

from __future__ import annotations

from typing import Any

BASE = "Engram hybrid (default)"
HEADLINE = (BASE, "Engram vector-only", "Engram keyword-only")
INGEST_FIELDS = ("context_before", "context_after", "context_weight", "context_bound",
                 "context_chars")

_AGG = {"breadth": "aggregate"}
_CAP = {**_AGG, "session_damp": 0.0}  # the cap rule, not the damping
ROWS: dict[str, tuple[str, dict[str, Any]]] = {
    BASE: ("hybrid", {}),
    "Engram vector-only": ("vector", {}),
    "Engram keyword-only": ("keyword", {}),
    # Fusion: the fixed keyword share of today against shares set per query.
    "fusion: fixed keyword share 0.75": ("hybrid", {"adaptive_alpha": False}),
    "fusion: fixed keyword share 0.5": ("hybrid", {"adaptive_alpha": False, "score_alpha": 0.5}),
    "fusion: fixed keyword share 0.6": ("hybrid", {"adaptive_alpha": False, "score_alpha": 0.6}),
    "fusion: adaptive share 0.4-0.75": ("hybrid", {"adaptive_alpha": True}),
    "fusion: adaptive share 0.5-0.9": ("hybrid", {"adaptive_alpha": True, "adaptive_alpha_min": 0.5,
                                                  "score_alpha": 0.9}),
    "fusion: rrf 3:1": ("hybrid", {"fusion": "rrf", "adaptive_alpha": False}),
    # Breadth: spread results over sessions.
    # Default: when one session holds the whole first page, each hit of the best 5 pages
    # loses 5% of its score per better hit of its session.
    "breadth: none (previous default)": ("hybrid", {"breadth": "off"}),
    "breadth: flooded page, damping 0.03": ("hybrid", {"session_damp": 0.03}),
    "breadth: flooded page, damping 0.08": ("hybrid", {"session_damp": 0.08}),
    "breadth: flooded page, cap 2": ("hybrid", {"session_damp": 0.0, "session_cap": 2}),
    "breadth: session cap 2 on aggregation questions": ("hybrid", {**_CAP, "session_cap": 2}),
    "breadth: session cap 3 on aggregation questions": ("hybrid", {**_CAP, "session_cap": 3}),
    "breadth: session cap 3 on every question": ("hybrid", {"breadth": "always",
                                                            "session_damp": 0.0, "session_cap": 3}),
    "breadth: session damping 0.05 on every question": ("hybrid", {"breadth": "always"}),
    "breadth: session damping 0.1 on aggregation questions": ("hybrid", {**_AGG,
                                                                        "session_damp": 0.1}),
    # Candidate depth and the vector arm's share of candidates.
    "candidates 50": ("hybrid", {"candidates": 50}),
    "candidates 200": ("hybrid", {"candidates": 200}),
    "vector candidates 2x": ("hybrid", {"vector_depth": 2.0}),
    "vector candidates 0.5x": ("hybrid", {"vector_depth": 0.5}),
    # Keyword context stored with each turn (ingest time). Default: ±2 turns within the
    # turn's session, at most 800 characters, nearest turns first.
    "context: none": ("hybrid", {"context_before": 0, "context_after": 0}),
    "context: ±1 turn": ("hybrid", {"context_before": 1, "context_after": 1}),
    "context: weight 0.25": ("hybrid", {"context_weight": 0.25}),
    "context: across sessions, no cap (previous default)": ("hybrid", {"context_bound": "scope",
                                                                       "context_chars": 0}),
    "context: within the session, no cap": ("hybrid", {"context_chars": 0}),
    "context: across sessions, at most 800 chars": ("hybrid", {"context_bound": "scope"}),
    "context: at most 400 chars": ("hybrid", {"context_chars": 400}),
    "context: at most 1600 chars": ("hybrid", {"context_chars": 1600}),
    # Time (issue #19): the question's date is its reference_date; memories whose event time
    # falls in a period the question names ("last week", "in May") are raised. Default:
    # date boost 0.5; the latest of the hits within 25% of the best leads (among the best
    # 10; not when the question names a period or asks when).
    "time: no date boost": ("hybrid", {"date_boost": 0.0}),
    "time: date boost 1": ("hybrid", {"date_boost": 1.0}),
    "time: no recency (previous default)": ("hybrid", {"recency_margin": 0.0}),
    "time: newest leads, margin 0.15": ("hybrid", {"recency_margin": 0.15}),
    "time: newest leads, margin 0.2": ("hybrid", {"recency_margin": 0.2}),
    "time: newest leads, margin 0.3": ("hybrid", {"recency_margin": 0.3}),
    "time: newest leads, same query words": ("hybrid", {"recency_same": True}),
    "time: newest leads among the best 20": ("hybrid", {"recency_window": 20}),
    "time: newer first (swaps), margin 0.1": ("hybrid", {"recency_mode": "swap",
                                                         "recency_margin": 0.1}),
    "time: newer first (swaps), margin 0.3": ("hybrid", {"recency_mode": "swap",
                                                         "recency_margin": 0.3}),
    "time: newer first (swaps) 0.3, same query words": ("hybrid", {
        "recency_mode": "swap", "recency_margin": 0.3, "recency_same": True}),
    "time: newer first (swaps) 0.3 among the best 20": ("hybrid", {
        "recency_mode": "swap", "recency_margin": 0.3, "recency_window": 20}),
    # Speaker: a first-person question (no "you") raises the user's own turns. Default 0.5.
    "speaker: no user boost (previous default)": ("hybrid", {"user_boost": 0.0}),
    "speaker: user boost 0.3": ("hybrid", {"user_boost": 0.3}),
    "speaker: user boost 1": ("hybrid", {"user_boost": 1.0}),
    # Replies: the turn right after a hit whose question names a query word gains a share
    # of that hit's score (engram._replies). Default: share 0.2 among the best 20.
    "replies: off (previous default)": ("hybrid", {"reply_share": 0.0}),
    "replies: share 0.1": ("hybrid", {"reply_share": 0.1}),
    "replies: share 0.3": ("hybrid", {"reply_share": 0.3}),
    "replies: among the best 10": ("hybrid", {"reply_window": 10}),
    "replies: among the best 40": ("hybrid", {"reply_window": 40}),
    # A combination of the search-time levers.
    "keyword share 0.6 + cap 2 on aggregation": ("hybrid", {"score_alpha": 0.6, **_CAP,
                                                            "session_cap": 2}),
}


def ingest_key(overrides: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """The ingest-time part of a row's overrides (rows sharing it share one store)."""
    return tuple(sorted((k, v) for k, v in overrides.items() if k in INGEST_FIELDS))


def search_part(overrides: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in overrides.items() if k not in INGEST_FIELDS}

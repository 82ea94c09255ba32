"""Hybrid retrieval: query handling for each arm, fusion of the ranked lists, and the
optional levers measured on LOCOMO (``bench/locomo.py``), each switched by a
:class:`~engram.config.SearchConfig` field. The decisions are pure functions; only
:func:`hybrid_search` talks to the store.

>>> query_terms("What did Caroline say about the adoption agency?")
['caroline', 'say', 'adoption', 'agency']
>>> fuse([(["a", "b"], 3.0), (["b", "c"], 1.0)], k=60)[0][0]
'b'
>>> without_names("When did Caroline go to Tim's party?")
'When did go to party?'
>>> query_dates("What did Tim say on 16 November, 2023?")
[(2023, 11, 16)]
>>> date_matches("2023-11-16", [(2023, 11, None)])
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import numpy as np

from engram._fusion import about_the_user, is_aggregation, keyword_share
from engram._periods import Period, named_periods, relative_periods
from engram._recency import asks_when
from engram._rerank import (
    Records,
    boost_dates,
    boost_user,
    by_recency,
    flooded,
    lift_answers,
    spread_sessions,
)

if TYPE_CHECKING:
    from engram.config import SearchConfig
    from engram.store.base import BoundStore
    from engram.store.filters import Node

__all__ = ["STOP_WORDS", "query_terms", "fuse", "fuse_scores", "without_names", "query_dates",
           "date_matches", "query_periods", "hybrid_search", "score_parts"]

# Function words that match nearly every turn and only add noise to BM25.
STOP_WORDS = frozenset(
    ["a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "s", "t", "don", "didn", "doesn", "isn", "wasn", "weren", "won", "ll", "re", "ve", "d", "m", "o", "y", "ever", "also"]
)
_WORD = re.compile(r"\w+", re.UNICODE)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
# "16 November, 2023" | "November 16, 2023" | "November 2023" | "November" | "2023"
_DATE_FORMS = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s*(\d{{4}})?\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s*(\d{{4}}))?"),
    re.compile(rf"\b{_MONTH}(?:\s+of)?,?\s+(\d{{4}})\b"),
    re.compile(rf"\b(?:in|on|during|of|since|last|this|early|late|mid)[\s-]+{_MONTH}\b"),
    re.compile(r"\b((?:19|20)\d\d)\b"),
]
DateSpec = tuple[int | None, int | None, int | None]  # (year, month, day), None = any


def query_terms(query: str, *, limit: int = 32, stop_words: bool = True) -> list[str]:
    """Lower-cased words of ``query`` without stop-words (all words if only stop-words)."""
    words = [w for w in _WORD.findall(query.lower()) if w != "_"]
    kept = [w for w in words if w not in STOP_WORDS and len(w) > 1] if stop_words else words
    return list(dict.fromkeys(kept or words))[:limit]


def without_names(query: str) -> str:
    """``query`` without capitalised words that do not start a sentence (names, mostly),
    for the vector arm: a name in the question pulls every turn of that speaker closer,
    whatever it says, while the keyword arm still matches it exactly."""
    out: list[str] = []
    sentence_start = True
    for tok in query.split():
        word = tok.strip("\"'([{")
        if not sentence_start and word[:1].isupper() and word[1:2].islower():
            tail = re.sub(r"^[\w'’-]+", "", word)  # keep trailing punctuation
            if tail and out:
                out[-1] += tail
        else:
            out.append(tok)
        sentence_start = tok[-1:] in ".!?:"
    text = " ".join(out).strip()
    return text if _WORD.search(text) else query


def query_dates(query: str) -> list[DateSpec]:
    """Calendar dates named in ``query``, as (year, month, day) with None for the parts
    not given; a bare year only counts when nothing more precise is named."""
    q = query.lower()
    found: list[DateSpec] = []
    spans: list[tuple[int, int]] = []

    def add(spec: DateSpec, span: tuple[int, int]) -> None:
        if any(a <= span[0] < b for a, b in spans):
            return  # inside a more precise match
        spans.append(span)
        if spec not in found:
            found.append(spec)

    for m in _DATE_FORMS[0].finditer(q):
        add((int(m[3]) if m[3] else None, _MONTHS[m[2]], int(m[1])), m.span())
    for m in _DATE_FORMS[1].finditer(q):
        add((int(m[3]) if m[3] else None, _MONTHS[m[1]], int(m[2])), m.span())
    for m in _DATE_FORMS[2].finditer(q):
        add((int(m[2]), _MONTHS[m[1]], None), m.span())
    for m in _DATE_FORMS[3].finditer(q):
        add((None, _MONTHS[m[1]], None), m.span(1))
    precise = bool(found)
    for m in _DATE_FORMS[4].finditer(q):
        if not precise:
            add((int(m[1]), None, None), m.span())
    return [s for s in found if 1 <= (s[2] or 1) <= 31]


def date_matches(iso: str, specs: Sequence[DateSpec]) -> bool:
    """Does the ISO date (``YYYY-MM-DD``, extra characters ignored) fall on any spec?"""
    try:
        y, m, d = int(iso[0:4]), int(iso[5:7]), int(iso[8:10])
    except (ValueError, TypeError):
        return False
    return any((sy is None or sy == y) and (sm is None or sm == m) and (sd is None or sd == d)
               for sy, sm, sd in specs)


def query_periods(query: str, on: date) -> list[Period]:
    """The periods ``query`` names, read on day ``on`` (the search's reference date):
    calendar dates ("on 8 May", "in 2022") and relative phrases ("last week", "three
    days ago"), see :mod:`engram._periods`.

    >>> query_periods("What did I buy last month, or on 2 May?", date(2023, 6, 10))
    [(datetime.date(2023, 5, 2), datetime.date(2023, 5, 2)), (datetime.date(2023, 5, 1), datetime.date(2023, 5, 31))]
    """
    return list(dict.fromkeys([*named_periods(query_dates(query), on),
                               *relative_periods(query, on)]))


def fuse(ranked: Sequence[tuple[Sequence[str], float]], *, k: int = 60) -> list[tuple[str, float]]:
    """Weighted reciprocal-rank fusion: each list adds ``weight / (k + rank)`` per id.

    Lists are (ids best first, weight). Ties keep the order of first appearance.
    """
    scores: dict[str, float] = {}
    for ids, weight in ranked:
        if weight <= 0:
            continue
        for rank, mid in enumerate(ids, start=1):
            scores[mid] = scores.get(mid, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda kv: -kv[1])


def fuse_scores(keyword: Sequence[tuple[str, float]], sims: dict[str, float],
                *, alpha: float) -> list[tuple[str, float]]:
    """Score-aware fusion: ``alpha`` × keyword relevance / the best keyword relevance +
    (1 − ``alpha``) × the similarity min-max scaled over all candidates. Unlike RRF, a
    turn only the vector arm found can outrank weak keyword hits when it is close.

    >>> fuse_scores([("a", 4.0), ("b", 1.0)], {"a": 0.2, "b": 0.3, "c": 0.9}, alpha=0.4)[0][0]
    'c'
    """
    best_kw = max((s for _, s in keyword), default=0.0)
    kw = {mid: s / best_kw for mid, s in keyword} if best_kw > 0 else {}
    ids = list(dict.fromkeys([*kw, *sims]))
    lo, hi = min(sims.values(), default=0.0), max(sims.values(), default=0.0)
    span = hi - lo if hi > lo else 1.0
    scored = [(mid, alpha * kw.get(mid, 0.0)
               + (1 - alpha) * ((sims[mid] - lo) / span if mid in sims else 0.0)) for mid in ids]
    return sorted(scored, key=lambda kv: -kv[1])


def hybrid_search(
    store: BoundStore,
    where: Node,
    query: str,
    *,
    embed: Callable[[list[str]], np.ndarray],
    cfg: SearchConfig,
    mode: str,
    k: int,
    threshold: float | None,
    context_out: dict[str, str] | None = None,
    explain_out: dict[str, dict[str, Any]] | None = None,
    reference: date | None = None,
    shown: int | None = None,
    records: Records | None = None,
) -> list[tuple[str, float | None]]:
    """Ids of the best ``k`` memories with their cosine similarity to the query (None
    in keyword mode without a threshold). Candidates come from the vector arm and the
    keyword arm (``cfg.candidates`` deep each), fused by weighted RRF or by score;
    ``threshold`` drops candidates whose similarity is below it. Neighbour expansion
    (``cfg.neighbours``) adds turns next to the best hits; ``context_out`` then maps each
    such turn's id to the hit it accompanies. ``explain_out`` receives each returned id's
    score parts (:func:`score_parts`). ``reference`` is the day the query's relative time
    phrases are read on (default: today, UTC). ``shown``: how many of the ``k`` the caller
    will show (the recency tie-break reorders only those, so it never changes which
    memories are shown; default ``k``). ``records`` keeps the stored records the search
    read, for the caller to reuse."""
    depth = max(cfg.candidates, k)
    needs_vec = mode != "keyword" or threshold is not None or cfg.neighbours > 0
    vquery = without_names(query) if cfg.vector_drop_names else query
    qvec = embed([vquery])[0] if needs_vec else None
    vec_hits: list[tuple[str, float]] = []
    kw_hits: list[tuple[str, float]] = []
    if mode != "keyword":
        assert qvec is not None
        vec_hits = store.vector_search(where, qvec, max(k, round(depth * cfg.vector_depth)))
    if mode != "vector":
        terms = query_terms(query, stop_words=cfg.stop_words)
        kw_hits = store.keyword_search(where, terms, depth)
    sims: dict[str, float] = {}
    if mode == "hybrid" and cfg.fusion == "score":
        assert qvec is not None
        sims = store.similarities(list(dict.fromkeys(i for i, _ in [*kw_hits, *vec_hits])), qvec)
        alpha = cfg.score_alpha
        if cfg.adaptive_alpha:
            alpha = keyword_share([s for _, s in kw_hits], low=cfg.adaptive_alpha_min,
                                  high=cfg.score_alpha)
        fused = fuse_scores(kw_hits, sims, alpha=alpha)
    else:
        lists = []
        if mode != "keyword":
            lists.append(([i for i, _ in vec_hits], cfg.vector_weight if mode == "hybrid" else 1.0))
        if mode != "vector":
            lists.append(([i for i, _ in kw_hits], cfg.keyword_weight if mode == "hybrid" else 1.0))
        fused = fuse(lists, k=cfg.rrf_k)
    recs = Records(store) if records is None else records
    page = min(k, shown or k)
    periods: list[Period] = []
    if cfg.date_boost > 0 or cfg.recency_mode == "lead":
        periods = query_periods(query, reference or datetime.now(UTC).date())
    if cfg.date_boost > 0:
        fused = boost_dates(recs, periods, fused, cfg.date_field, cfg.date_boost)
    user, words = about_the_user(query), set(query_terms(query))  # read once: two steps use them
    if cfg.reply_share > 0 and fused:
        fused = lift_answers(recs, fused, cfg, cfg.reply_window, words, users_only=user)
    if cfg.user_boost > 0 and fused and user:
        fused = boost_user(recs, fused, cfg.user_boost, k)
    if fused and (cfg.breadth == "always"
                  or (cfg.breadth == "aggregate" and is_aggregation(query))
                  or (cfg.breadth == "flooded" and flooded(recs, fused, cfg, page))):
        fused = spread_sessions(recs, fused, cfg, k)
    # The lead is for the state of things now: not for a question that names its period
    # or asks when something happened.
    lead_off = cfg.recency_mode == "lead" and (bool(periods) or asks_when(query))
    if cfg.recency_margin > 0 and fused and not lead_off:
        fused = by_recency(recs, query, words, fused, cfg, min(page, cfg.recency_window))
    if qvec is not None:
        missing = [i for i, _ in fused if i not in sims]
        sims.update(store.similarities(missing, qvec) if missing else {})
    out: list[tuple[str, float | None]] = []
    for mid, _ in fused:
        sim = sims.get(mid)
        if threshold is not None and (sim is None or sim < threshold):
            continue
        out.append((mid, sim))
        if len(out) == k:
            break
    if cfg.neighbours > 0 and out:
        assert qvec is not None
        out = _expand(store, qvec, out, cfg, k, context_out)
    if explain_out is not None:
        fusion = cfg.fusion if mode == "hybrid" else mode
        explain_out.update(score_parts([m for m, _ in out], sims, vec_hits, kw_hits,
                                       dict(fused), fusion))
    return out


def score_parts(ids: Sequence[str], sims: dict[str, float],
                vec_hits: Sequence[tuple[str, float]], kw_hits: Sequence[tuple[str, float]],
                fused: dict[str, float], fusion: str) -> dict[str, dict[str, Any]]:
    """What made each result's rank, under Mem0's ``score_details`` names where they
    exist: ``semantic_score`` (cosine similarity), ``bm25_score`` (keyword relevance
    scaled to the best keyword hit, 0..1), ``final_score`` (the fused score the ranking
    used; None for a neighbour added for context), each arm's 1-based rank, the fusion.

    >>> score_parts(["a"], {"a": 0.5}, [("a", 0.5)], [("a", 2.0)], {"a": 0.9}, "score")["a"]
    {'semantic_score': 0.5, 'bm25_score': 1.0, 'vector_rank': 1, 'keyword_rank': 1, 'final_score': 0.9, 'entity_boost': 0.0, 'fusion': 'score'}
    """
    best_kw = max((s for _, s in kw_hits), default=0.0)
    kw = {m: (s / best_kw if best_kw > 0 else 0.0) for m, s in kw_hits}
    vec_rank = {m: r for r, (m, _) in enumerate(vec_hits, start=1)}
    kw_rank = {m: r for r, (m, _) in enumerate(kw_hits, start=1)}
    return {m: {"semantic_score": _round(sims.get(m)), "bm25_score": _round(kw.get(m)),
                "vector_rank": vec_rank.get(m), "keyword_rank": kw_rank.get(m),
                "final_score": _round(fused.get(m)), "entity_boost": 0.0, "fusion": fusion}
            for m in ids}


def _round(x: float | None) -> float | None:
    return None if x is None else round(float(x), 6)


def _expand(store: BoundStore, qvec: np.ndarray, hits: list[tuple[str, float | None]],
            cfg: SearchConfig, k: int, context_out: dict[str, str] | None
            ) -> list[tuple[str, float | None]]:
    """Put the turns around each of the best ``cfg.neighbour_hits`` hits right after it,
    within ``k`` results: the turns that complete a hit beat the weakest hits."""
    heads = [mid for mid, _ in hits[: cfg.neighbour_hits]]
    near = store.neighbours(heads, cfg.neighbours, cfg.neighbours)
    seen = {mid for mid, _ in hits}
    extra: dict[str, list[str]] = {}
    for head in heads:
        extra[head] = [n for n in near.get(head, []) if n not in seen]
        seen.update(extra[head])
    new_ids = [n for ids in extra.values() for n in ids]
    sims = store.similarities(new_ids, qvec) if new_ids else {}
    out: list[tuple[str, float | None]] = []
    for mid, sim in hits[: len(heads)]:
        out.append((mid, sim))
        out.extend((n, sims.get(n)) for n in extra[mid])
    # Neighbours take the slots of the weakest hits, never those of the expanded ones.
    out = (out + hits[len(heads):])[:k]
    if context_out is not None:
        kept = {mid for mid, _ in out}
        context_out.update({n: h for h, ids in extra.items() for n in ids if n in kept})
    return out

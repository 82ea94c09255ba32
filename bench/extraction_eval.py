"""Extraction evaluation: run an extractor + reconciler pair over dialogue cases.

Each case (one JSON object a line) holds ``existing`` memories, ``messages``, the
expected ``final`` memory state and ``must_not`` memories that must be gone. The pair's
decisions are applied to ``existing`` (refs 0..n-1 = the existing list, in order) to get
the predicted final state, which is scored against ``final``:

- match: MiniLM cosine >= 0.75, one-to-one, greedy from the most similar pair down;
  precision / recall / F1 are micro-averaged over all cases (a case with an empty
  expected and predicted state adds nothing and costs nothing).
- must_not violation: a predicted memory whose normalised text equals a must_not entry,
  or whose cosine to it is >= 0.75 AND higher than its cosine to every expected final
  memory of the case. (MiniLM barely sees negation: "Is not a fan of thrillers" is close
  to "Loves thrillers"; the second clause keeps a correct negated memory from counting
  as the forbidden one, while a surviving or re-added forbidden memory still counts.)
- stale kept (reported beside the score, does not change it): a predicted memory whose
  normalised text equals a must_not entry, or whose cosine to one is >= 0.9 and higher
  than to every expected memory: a superseded memory left in place or re-added almost
  word for word (the second clause spares "Friend Kim moved" against "Moved").
- per behaviour: a case may carry a ``behaviour`` label (an extra key); the summary is
  then also given per label.
- time: milliseconds per case spent in extract + reconcile only (no embedding with the
  default lexical similarity), after one untimed warm-up call.

Usage::

    python bench/extraction_eval.py                 # rules pair, dev cases
    python bench/extraction_eval.py --verbose       # plus per-case misses
    python bench/extraction_eval.py --llm           # the configured LLM pair
    python bench/extraction_eval.py --cases other.jsonl --out results/x.json
    python bench/extraction_eval.py --cases bench/data/extraction_unseen.jsonl
        # the unseen set (issue #22) -> bench/results/extraction_unseen.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from engram._types import MemoryRecord, Message, Scope
from engram.embed import text_hash
from engram.errors import LLMError
from engram.pipeline._plan import plan_changes
from engram.pipeline.base import Decision, Existing, ExtractContext, Extractor, Reconciler

DEV_CASES = Path("/work/shared/data/extraction_dev.jsonl")
RESULTS = Path(__file__).parent / "results"
THRESHOLD = 0.75
STALE = 0.9
Embed = Callable[[Sequence[str]], np.ndarray]


@dataclass
class CaseResult:
    id: str
    predicted: list[str]
    expected: list[str]
    matched: list[tuple[str, str, float]] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    violations: list[tuple[str, str]] = field(default_factory=list)
    stale: list[tuple[str, str]] = field(default_factory=list)
    behaviour: str = ""
    ms: float = 0.0
    failed: bool = False  # the LLM failed after its retries


def load_cases(path: Path) -> list[dict[str, Any]]:
    """Cases from a JSON-lines file (blank lines skipped)."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def to_messages(raw: list[dict[str, Any]]) -> list[Message]:
    return [Message(m["role"], m["content"], m.get("name"), i) for i, m in enumerate(raw)]


def apply_decisions(existing: list[str], decisions: list[Decision]) -> list[str]:
    """The memory state after the decisions, planned as ``Memory.add`` plans them
    (``plan_changes``: unknown refs dropped, one change per memory, the caps)."""
    scope = Scope(user_id="eval")
    held = [MemoryRecord(str(i), t, text_hash(t), scope) for i, t in enumerate(existing)]
    state: dict[str, str | None] = {h.id: h.memory for h in held}
    added: list[str] = []
    for c in plan_changes(decisions, held, scope, {}).changes:
        if c.event == "ADD":
            added.append(c.text)
        elif c.event == "UPDATE" and c.memory_id is not None:
            state[c.memory_id] = c.text
        elif c.event == "DELETE" and c.memory_id is not None:
            state[c.memory_id] = None
    return [t for t in state.values() if t is not None] + added


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def greedy_match(sim: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs (row, col) with sim >= threshold, most similar first."""
    pairs = sorted(((float(sim[i, j]), i, j) for i in range(sim.shape[0])
                    for j in range(sim.shape[1]) if sim[i, j] >= threshold), reverse=True)
    used_i: set[int] = set()
    used_j: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            out.append((i, j))
    return out


def score_case(case: dict[str, Any], predicted: list[str], embed: Embed) -> CaseResult:
    expected: list[str] = case["final"]
    must_not: list[str] = case.get("must_not", [])
    res = CaseResult(case["id"], predicted, expected, behaviour=case.get("behaviour", ""))
    texts = predicted + expected + must_not
    vecs = embed(texts) if texts else np.zeros((0, 1))
    p = vecs[: len(predicted)]
    e = vecs[len(predicted): len(predicted) + len(expected)]
    m = vecs[len(predicted) + len(expected):]
    sim_pe = p @ e.T if len(predicted) and len(expected) else np.zeros((len(predicted),
                                                                         len(expected)))
    pairs = greedy_match(sim_pe, THRESHOLD)
    res.matched = [(predicted[i], expected[j], float(sim_pe[i, j])) for i, j in pairs]
    res.missed = [x for j, x in enumerate(expected) if j not in {b for _, b in pairs}]
    res.extra = [x for i, x in enumerate(predicted) if i not in {a for a, _ in pairs}]
    for i, text in enumerate(predicted):
        best_expected = float(sim_pe[i].max()) if len(expected) else -1.0
        for k, bad in enumerate(must_not):
            cos = float(p[i] @ m[k])
            if _norm(text) == _norm(bad) or (cos >= THRESHOLD and cos > best_expected):
                res.violations.append((text, bad))
        stale = [bad for k, bad in enumerate(must_not) if _norm(text) == _norm(bad)
                 or (float(p[i] @ m[k]) >= STALE and float(p[i] @ m[k]) > best_expected)]
        if stale:  # one per kept memory, however many must_not entries it echoes
            res.stale.append((text, stale[0]))
    return res


def run_pair(cases: list[dict[str, Any]], extractor: Extractor, reconciler: Reconciler,
             embed: Embed, ctx: ExtractContext | None = None) -> list[CaseResult]:
    ctx = ctx or ExtractContext()
    if cases:  # warm-up, untimed: first-use regex compilation is not per-case cost
        _decide(cases[0], extractor, reconciler, ctx)
    results = []
    for case in cases:
        t0 = time.perf_counter()
        decisions = _decide(case, extractor, reconciler, ctx)
        ms = (time.perf_counter() - t0) * 1000
        # An LLM that fails after its retries leaves the memories as they were, as
        # Memory.add does; the case is scored that way and counted as failed.
        final = case["existing"] if decisions is None else apply_decisions(case["existing"], decisions)
        res = score_case(case, final, embed)
        res.ms = ms
        res.failed = decisions is None
        results.append(res)
    return results


def _decide(case: dict[str, Any], extractor: Extractor, reconciler: Reconciler,
            ctx: ExtractContext) -> list[Any] | None:
    existing = [Existing(i, t) for i, t in enumerate(case["existing"])]
    try:
        facts, _ = extractor.extract(to_messages(case["messages"]), ctx)
        return reconciler.reconcile(facts, existing, ctx)[0]
    except LLMError:
        return None


def summarise(results: list[CaseResult]) -> dict[str, Any]:
    tp = sum(len(r.matched) for r in results)
    n_pred = sum(len(r.predicted) for r in results)
    n_exp = sum(len(r.expected) for r in results)
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_exp if n_exp else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    ms = sorted(r.ms for r in results)
    return {"cases": len(results), "precision": round(precision, 4),
            "recall": round(recall, 4), "f1": round(f1, 4),
            "must_not_violations": sum(len(r.violations) for r in results),
            "stale_kept": sum(len(r.stale) for r in results),
            "failed_cases": sum(1 for r in results if r.failed),
            "ms_per_case_mean": round(sum(ms) / len(ms), 3) if ms else 0.0,
            "ms_per_case_max": round(ms[-1], 3) if ms else 0.0}


def by_behaviour(results: list[CaseResult]) -> dict[str, dict[str, Any]]:
    """The summary's quality figures per ``behaviour`` label (unlabelled cases: none)."""
    labels = sorted({r.behaviour for r in results if r.behaviour})
    keys = ("cases", "precision", "recall", "f1", "must_not_violations", "stale_kept")
    out = {}
    for label in labels:
        summary = summarise([r for r in results if r.behaviour == label])
        out[label] = {k: summary[k] for k in keys}
    return out


def minilm_embed(kernels: str | None = None) -> Embed:
    """MiniLM as Memory wires it (``kernels`` None), or pinned (the scorer: "float")."""
    from engram.embed import make_embedder

    embedder = make_embedder("minilm", kernels=kernels)
    return lambda texts: np.asarray(embedder.embed(list(texts)))


def _pair(use_llm: bool, similarity: Embed | None) -> tuple[Extractor, Reconciler, str]:
    if use_llm:
        from engram.llm.factory import resolve_llm
        from engram.pipeline.llm_steps import LLMExtractor, LLMReconciler

        llm = resolve_llm()
        if llm is None:
            sys.exit("--llm: no LLM is configured (set ENGRAM_LLM_* or OPENAI_API_KEY)")
        return LLMExtractor(llm), LLMReconciler(llm), f"llm-{llm.name}"
    from engram.pipeline.rules import RulesExtractor, RulesReconciler

    if similarity is None:
        return RulesExtractor(), RulesReconciler(), "rules"
    embed = similarity

    def cosine(a: list[str], b: list[str]) -> np.ndarray:
        return np.asarray(embed(a) @ embed(b).T)

    return RulesExtractor(), RulesReconciler(cosine), "rules_minilm"


def default_out(cases: Path, label: str) -> Path:
    """The result path a run writes when no --out is given, named after the cases file so
    a run on one set never overwrites another's results: the dev cases keep their historic
    ``extraction_<pair>.json``; any other ``<stem>.jsonl`` gives ``<stem>[_minilm|_llm].json``
    (``extraction_`` put first when the stem lacks it).

    >>> default_out(Path("bench/data/extraction_fresh8.jsonl"), "rules_minilm").name
    'extraction_fresh8_minilm.json'
    >>> default_out(Path("tests/pipeline/data/extraction_heldout2.jsonl"), "rules").name
    'extraction_heldout2.json'
    """
    if cases.resolve() == DEV_CASES.resolve():
        return RESULTS / f"extraction_{'llm' if label.startswith('llm') else label}.json"
    stem = cases.name.split(".")[0]
    stem = stem if stem.startswith("extraction_") else f"extraction_{stem}"
    suffix = "_llm" if label.startswith("llm") else label.removeprefix("rules")
    return RESULTS / f"{stem}{suffix}.json"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", type=Path, default=DEV_CASES)
    ap.add_argument("--llm", action="store_true", help="use the configured LLM pair")
    ap.add_argument("--verbose", "-v", action="store_true", help="print per-case misses")
    ap.add_argument("--out", type=Path, default=None,
                    help="result JSON path (default: named after --cases, see default_out)")
    ap.add_argument("--similarity", choices=("lexical", "minilm"), default="lexical",
                    help="near-duplicate similarity of the rules reconciler (minilm: as "
                         "Memory wires it; its time then includes embedding)")
    args = ap.parse_args(argv)
    # The scorer stays on the float kernels every earlier figure was scored with; the
    # reconciler's similarity is the embedder Memory uses today.
    scorer = minilm_embed("float")
    extractor, reconciler, label = _pair(
        args.llm, minilm_embed() if args.similarity == "minilm" else None)
    results = run_pair(load_cases(args.cases), extractor, reconciler, scorer)
    summary: dict[str, Any] = {"pair": label, "cases_file": str(args.cases),
                               **summarise(results)}
    if any(r.behaviour for r in results):
        summary["per_behaviour"] = by_behaviour(results)
    for r in results if args.verbose else []:
        if r.missed or r.extra or r.violations or r.stale:
            print(f"[{r.id}] predicted={r.predicted}")
            for x in r.missed:
                print(f"   missed:    {x}")
            for x in r.extra:
                print(f"   extra:     {x}")
            for got, bad in r.violations:
                print(f"   MUST_NOT:  {got!r} ~ {bad!r}")
            for got, bad in r.stale:
                print(f"   STALE:     {got!r} ~ {bad!r}")
    print(json.dumps(summary, indent=2))
    out = args.out or default_out(args.cases, label)
    out.parent.mkdir(parents=True, exist_ok=True)
    detail = [{"id": r.id, **({"behaviour": r.behaviour} if r.behaviour else {}),
               "predicted": r.predicted, "missed": r.missed, "extra": r.extra,
               "violations": r.violations, "stale": r.stale} for r in results]
    out.write_text(json.dumps({**summary, "per_case": detail}, indent=1) + "\n",
                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Quality floors for the offline pair, scored like bench/extraction_eval.py (real MiniLM).

The dev cases are a copy of the shared dev file; the held-out files were written for
this suite in other vocabulary (jobs, pets, family, health, travel, moves, diets) to
catch rules that only fit the dev cases.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from engram.pipeline.rules import RulesExtractor, RulesReconciler

DATA = Path(__file__).parent / "data"
BENCH = Path(__file__).parents[2] / "bench" / "extraction_eval.py"


@pytest.fixture(scope="module")
def evaluation() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extraction_eval", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _score(evaluation: ModuleType, minilm: Any, name: str) -> tuple[dict[str, Any], list[Any]]:
    cases = evaluation.load_cases(DATA / name)
    results = evaluation.run_pair(cases, RulesExtractor(), RulesReconciler(),
                                  lambda texts: np.asarray(minilm.embed(list(texts))))
    return evaluation.summarise(results), results


def test_dev_cases_floor(evaluation: ModuleType, shared_minilm: Any) -> None:
    summary, results = _score(evaluation, shared_minilm, "extraction_dev.jsonl")
    assert summary["cases"] == 36
    # Measured 0.949 (bench/results/extraction_rules.json): a floor just under it, so a
    # rule change that costs two or three dev facts fails here.
    assert summary["f1"] >= 0.93, summary
    assert summary["must_not_violations"] == 0, [r.violations for r in results if r.violations]
    assert summary["stale_kept"] == 0, [r.stale for r in results if r.stale]


@pytest.mark.parametrize(("name", "floor"), [
    ("extraction_heldout.jsonl", 0.97), ("extraction_heldout2.jsonl", 0.9),
    ("extraction_heldout3.jsonl", 0.88), ("extraction_heldout4.jsonl", 0.97),
    # the cases written for #22's mechanisms (reported speech, names, answers, updates)
    ("extraction_mechanisms.jsonl", 0.94),
])
def test_held_out_floor(evaluation: ModuleType, shared_minilm: Any, name: str,
                        floor: float) -> None:
    summary, results = _score(evaluation, shared_minilm, name)
    assert summary["f1"] >= floor, (name, summary)
    assert summary["must_not_violations"] == 0, (name, [r.violations for r in results])


def test_scoring_rules(evaluation: ModuleType) -> None:
    def embed(texts: list[str]) -> np.ndarray:  # one-hot per distinct text
        vocab = sorted(set(texts))
        return np.eye(len(vocab))[[vocab.index(t) for t in texts]]

    case = {"id": "x", "existing": ["Lives in Paris"], "final": ["Lives in Rome", "Likes tea"],
            "must_not": ["Lives in Paris"], "messages": []}
    res = evaluation.score_case(case, ["Lives in Paris", "Lives in Rome"], embed)
    assert res.missed == ["Likes tea"] and res.extra == ["Lives in Paris"]
    assert res.violations == [("Lives in Paris", "Lives in Paris")]
    from engram.pipeline.base import Decision

    assert evaluation.apply_decisions(["A", "B", "C"], [
        Decision("UPDATE", "A2", 0), Decision("DELETE", ref=1), Decision("ADD", "D"),
        Decision("DELETE", ref=9)]) == ["A2", "C", "D"]

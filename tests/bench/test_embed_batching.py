"""The batching bench (bench/embed_batching.py) run quickly for correctness: its runs
cover every text once, padding is counted exactly, and the decision rule. No timing is
asserted."""

from __future__ import annotations

import doctest
from pathlib import Path

import embed_batching as B


def test_runs_cover_every_text_once_in_each_order() -> None:
    lengths = [9, 3, 64, 5, 64, 12, 7, 40, 2]
    for order in ("arrival", "sorted", "planned"):
        runs = B.runs_of(lengths, order, 4)
        assert sorted(i for r in runs for i in r) == list(range(len(lengths)))
        assert all(len(r) <= 4 for r in runs)
    assert doctest.testmod(B).failed == 0


def test_quick_run_counts_padding_exactly(tmp_path: Path) -> None:
    out = tmp_path / "eb.json"
    res = B.main(["--quick", "--out", str(out)])
    assert out.exists()
    rows = res["budgets"]["64"]["rows"]
    assert [(r["order"], r["claim"], r["batch"]) for r in rows] == B.QUICK_GRID
    real = {r["real_tokens"] for r in rows}
    assert len(real) == 1  # the same turns, clipped the same way, in every row
    by = {(r["order"], r["claim"], r["batch"]): r for r in rows}
    assert by[("arrival", 1, 1)]["padding"] == 0 and by[("arrival", 1, 1)]["model_runs"] == 24
    # The planner never pads more than cutting the same claim in arrival order.
    assert by[("planned", 16, 8)]["padded_tokens"] <= by[("arrival", 8, 8)]["padded_tokens"]
    assert all(r["padded_tokens"] >= r["real_tokens"] and r["cpu_ms_per_turn"] > 0 for r in rows)
    assert res["budgets"]["64"]["decision"]["claim"] in {1, 8, 16}


def test_the_decision_takes_the_smallest_claim_near_the_cheapest() -> None:
    def row(order: str, claim: int, batch: int, cpu: float) -> dict[str, object]:
        return {"order": order, "claim": claim, "batch": batch, "cpu_ms_per_turn": cpu}

    rows = [row("arrival", 1, 1, 30.0), row("planned", 256, 32, 10.0),
            row("planned", 64, 32, 10.4), row("planned", 64, 16, 10.3),
            row("sorted", 16, 8, 12.0)]
    d = B.decide(rows)
    assert (d["order"], d["claim"], d["batch"]) == ("planned", 64, 16)
    assert d["within"] == ["planned/256/32", "planned/64/32", "planned/64/16"]

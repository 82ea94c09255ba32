"""The int8 graph bench (bench/embedder_graph.py) run quickly for correctness: every
variant embeds the same turns, the default embedder keeps the vectors it had, and the
fusion it did not adopt costs no fidelity to the float model. No timing is asserted."""

from __future__ import annotations

import json
from pathlib import Path

import embedder_graph as B


def test_quick_run_compares_the_variants_on_the_same_turns(tmp_path: Path) -> None:
    out = tmp_path / "ef.json"
    res = B.main(["--quick", "--out", str(out)])
    assert json.loads(out.read_text())["turns"] == res["turns"] == 12
    by = {r["variant"]: r for r in res["rows"]}
    assert list(by) == ["q8", "q8, layer norms unfused", "q8 rows, mask kept",
                        "q8 rows (default)", "q8a (not adopted)"]
    assert by["q8"]["cosine_to_q8_mean"] > 0.9999  # itself
    # The same maths in another order: float sums differ in the last bits, and now and
    # then that moves an activation across an int8 rounding step.
    unfused = by["q8, layer norms unfused"]["cosine_to_q8_mean"]
    assert unfused > 0.999
    # The default embedder: those vectors, each text run alone inside one call; the
    # pruned mask changes nothing.
    assert abs(by["q8 rows, mask kept"]["cosine_to_q8_mean"] - unfused) < 1e-4
    assert by["q8 rows (default)"]["cosine_to_q8_mean"] == by["q8 rows, mask kept"]["cosine_to_q8_mean"]
    fused = by["q8a (not adopted)"]
    assert 0.9 < fused["cosine_to_q8_mean"] < 0.995  # it moves the vectors further...
    assert fused["cosine_to_float_mean"] >= by["q8"]["cosine_to_float_mean"] - 0.01  # ...no further
    assert all(r["cpu_ms_per_text_1_thread"] > 0 for r in res["rows"])

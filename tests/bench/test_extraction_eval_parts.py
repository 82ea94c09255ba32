"""The bench extraction scorer's stale-kept count, per-behaviour summary and unseen set."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

import extraction_eval as ev

UNSEEN = Path(__file__).resolve().parents[2] / "bench" / "data" / "extraction_unseen.jsonl"


def _embed_from(table: dict[str, list[float]]) -> ev.Embed:
    def embed(texts: Sequence[str]) -> np.ndarray:
        rows = [np.asarray(table[t], dtype=float) for t in texts]
        return np.stack([r / np.linalg.norm(r) for r in rows])
    return embed


def test_stale_counts_a_near_copy_of_a_must_not_but_not_the_expected_fact() -> None:
    embed = _embed_from({
        "Owns a red Vespa": [1.0, 0.0, 0.0],
        "Owns a red vespa scooter": [0.95, 0.31, 0.0],  # cos 0.95 to the must_not
        "Sold the Vespa": [0.5, 0.0, 0.87],
        "Friend Ana owns a red Vespa": [0.92, 0.0, 0.39],
    })
    case = {"id": "s", "existing": [], "messages": [], "behaviour": "implicit_update",
            "final": ["Sold the Vespa", "Friend Ana owns a red Vespa"],
            "must_not": ["Owns a red Vespa"]}
    kept = ev.score_case(case, ["Owns a red vespa scooter", "Sold the Vespa"], embed)
    assert kept.stale == [("Owns a red vespa scooter", "Owns a red Vespa")]
    assert kept.behaviour == "implicit_update"
    # The expected fact about a friend is close to the forbidden one but closer to itself.
    right = ev.score_case(case, ["Friend Ana owns a red Vespa", "Sold the Vespa"], embed)
    assert right.stale == [] and right.violations == []
    assert ev.summarise([kept, right])["stale_kept"] == 1


def test_by_behaviour_splits_the_summary_per_label() -> None:
    embed = _embed_from({"A": [1.0, 0.0], "B": [0.0, 1.0]})
    hit = ev.score_case({"id": "1", "final": ["A"], "behaviour": "plain"}, ["A"], embed)
    miss = ev.score_case({"id": "2", "final": ["A"], "must_not": ["B"],
                          "behaviour": "correction"}, ["B"], embed)
    plain = ev.score_case({"id": "3", "final": ["B"]}, ["B"], embed)  # unlabelled
    out = ev.by_behaviour([hit, miss, plain])
    assert sorted(out) == ["correction", "plain"]
    assert out["plain"]["f1"] == 1.0 and out["plain"]["cases"] == 1
    assert out["correction"]["f1"] == 0.0
    assert out["correction"]["must_not_violations"] == 1 and out["correction"]["stale_kept"] == 1


def test_unseen_set_is_well_formed_and_balanced() -> None:
    cases = [json.loads(line) for line in UNSEEN.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    assert len(cases) >= 70
    assert len({c["id"] for c in cases}) == len(cases)
    counts: dict[str, int] = {}
    for c in cases:
        assert set(c) == {"id", "existing", "messages", "final", "must_not", "behaviour"}, c["id"]
        assert c["messages"] and all(m["role"] in ("user", "assistant") and m["content"]
                                     for m in c["messages"]), c["id"]
        assert not set(c["must_not"]) & set(c["final"]), c["id"]
        counts[c["behaviour"]] = counts.get(c["behaviour"], 0) + 1
    assert len(counts) == 10 and min(counts.values()) >= 6, counts


def test_the_default_out_follows_the_cases_file_so_no_set_overwrites_another() -> None:
    data = Path("bench/data")
    eight = ev.default_out(data / "extraction_fresh8.jsonl", "rules_minilm")
    seven = ev.default_out(data / "extraction_fresh7.jsonl", "rules_minilm")
    assert eight.name == "extraction_fresh8_minilm.json" and seven != eight
    assert ev.default_out(data / "extraction_fresh8.jsonl", "rules").name == "extraction_fresh8.json"
    assert ev.default_out(data / "extraction_fresh8.jsonl", "llm-openai").name \
        == "extraction_fresh8_llm.json"
    assert ev.default_out(Path("/tmp/probe.jsonl"), "rules").name == "extraction_probe.json"
    # the dev cases keep the names every earlier dev figure was recorded under
    assert ev.default_out(ev.DEV_CASES, "rules_minilm").name == "extraction_rules_minilm.json"
    assert all(p.parent == ev.RESULTS for p in (eight, seven))

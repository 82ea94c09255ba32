"""bench/nearest_pairs.py: a pair runs through Memory offline and is scored both ways."""

from __future__ import annotations

import json
from typing import Any

import nearest_pairs as npairs


def _pair(kind: str, message: str) -> dict[str, Any]:
    return {"id": "t", "kind": kind, "slot": "home", "target": "Lives in Oslo",
            "held": ["Lives in Oslo", "Likes sudoku"], "message": message}


def test_a_kept_negative_and_a_replaced_positive_are_right(shared_minilm: Any) -> None:
    kept = npairs.run_pair(_pair("negative", "I like chess too."), shared_minilm)
    assert not kept["false_replacement"] and not kept["miss"]
    assert "Lives in Oslo" in kept["after"]
    moved = npairs.run_pair(_pair("positive", "These days I live in Tromso."), shared_minilm)
    assert not moved["miss"] and not moved["false_replacement"]
    assert "Lives in Oslo" not in moved["after"]


def test_a_positive_left_in_place_is_a_miss(shared_minilm: Any) -> None:
    row = npairs.run_pair(_pair("positive", "I like chess too."), shared_minilm)
    assert row["miss"] and not row["false_replacement"]


def test_the_pair_file_is_well_formed() -> None:
    with npairs.PAIRS.open(encoding="utf-8") as f:
        pairs = [json.loads(line) for line in f if line.strip()]
    assert len(pairs) >= 40
    assert {p["kind"] for p in pairs} == {"negative", "positive"}
    assert all(p["target"] in p["held"] for p in pairs)
    assert len({p["id"] for p in pairs}) == len(pairs)


def test_the_default_out_follows_the_pairs_file() -> None:
    assert npairs.default_out(npairs.PAIRS) == npairs.RESULTS / "nearest_pairs.json"
    blind = npairs.default_out(npairs.PAIRS.with_name("nearest_pairs_blind.jsonl"))
    assert blind == npairs.RESULTS / "nearest_pairs_blind.json"

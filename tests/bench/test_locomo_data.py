"""The LOCOMO bench's loader and recall arithmetic, on a tiny hand-made conversation."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import _locomo_data as D


def _conversation() -> dict[str, Any]:
    return {
        "speaker_a": "Ann", "speaker_b": "Bo",
        "session_1_date_time": "1:56 pm on 8 May, 2023",
        "session_1": [
            {"speaker": "Ann", "dia_id": "D1:1", "text": "I adopted a puppy!"},
            {"speaker": "Bo", "dia_id": "D1:2", "text": "Cute!", "blip_caption": "a photo of a dog"},
            {"speaker": "Ann", "dia_id": "D1:3", "text": "  "},  # empty: skipped
        ],
        "session_2_date_time": "10:00 am on 1 June, 2023",
        "session_2": [{"speaker": "Bo", "dia_id": "D2:1", "text": "I ran a marathon."}],
        "session_3_date_time": "2 July, 2023",  # a date with no turns: no session
        "qa": [
            {"question": "What did Ann adopt?", "answer": "a puppy", "evidence": ["D1:1"],
             "category": 4},
            {"question": "Who ran?", "answer": "Bo", "evidence": ["D2:1; D1:2"], "category": 1},
            {"question": "Typo?", "answer": "x", "evidence": ["D:1:1", "D9:9"], "category": 2},
            {"question": "No evidence", "adversarial_answer": "y", "evidence": [], "category": 5},
        ],
    }


def test_turns_sessions_and_texts() -> None:
    conv = D.parse_conversation(_conversation(), "c1")
    assert conv.conv_id == "c1" and conv.speakers == ("Ann", "Bo")
    assert [t.dia_id for t in conv.turns] == ["D1:1", "D1:2", "D2:1"]
    assert [len(s) for s in conv.sessions()] == [2, 1]
    bo = conv.turns[1]
    assert bo.day == date(2023, 5, 8)
    assert bo.memory_text() == "[8 May 2023] Bo: Cute! [shares a photo: a photo of a dog]"
    assert bo.metadata() == {"dia_id": "D1:2", "speaker": "Bo", "session": 1,
                             "session_date": "1:56 pm on 8 May, 2023", "session_day": "2023-05-08"}


def test_evidence_is_normalised_and_checked() -> None:
    conv = D.parse_conversation(_conversation(), "c1")
    assert [(q.category, q.evidence) for q in conv.qa] == [
        (4, ("D1:1",)), (1, ("D2:1", "D1:2")), (2, ("D1:1",))]
    assert conv.dropped_evidence == 1  # D9:9 names no turn; the no-evidence QA is skipped


def test_load_dir_accepts_flat_wrapped_and_list_files(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(_conversation()))
    wrapped = {"sample_id": "conv-7", "conversation": {k: v for k, v in _conversation().items()
                                                       if k != "qa"},
               "qa": _conversation()["qa"]}
    (tmp_path / "b.json").write_text(json.dumps([wrapped, _conversation()]))
    convs = D.load_dir(tmp_path)
    assert [c.conv_id for c in convs] == ["a", "conv-7", "b-1"]
    assert all(len(c.turns) == 3 and len(c.qa) == 3 for c in convs)


def test_load_dir_without_files_fails(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        D.load_dir(tmp_path)


def test_parse_when_gives_iso_for_add_timestamp() -> None:
    day = date(2022, 1, 21)
    assert D.parse_when("7:31 pm on 21 January, 2022", day) == "2022-01-21T19:31:00"
    assert D.parse_when("12:05 am on 21 January, 2022", day) == "2022-01-21T00:05:00"
    assert D.parse_when("21 January, 2022", day) == "2022-01-21"
    assert D.parse_when("sometime", None) is None


def test_parse_date_handles_unknown_formats() -> None:
    assert D.parse_date("7:31 pm on 21 January, 2022") == date(2022, 1, 21)
    assert D.parse_date("sometime") is None


def test_recall_at_k_counts_each_evidence_turn_once() -> None:
    got = [["D1:5"], ["D1:1"], ["D1:1", "D2:1"], []]  # a fact may stand for two turns
    ev = ("D1:1", "D2:1")
    assert D.recall_at(got, ev, 1) == 0.0
    assert D.recall_at(got, ev, 2) == 0.5
    assert D.recall_at(got, ev, 3) == 1.0
    assert D.recall_at([], ev, 10) == 0.0


def test_summarise_per_category_and_conversation() -> None:
    rows = [{"conv": "a", "category": 2, "recall": {5: 0.0, 10: 1.0, 20: 1.0}},
            {"conv": "a", "category": 4, "recall": {5: 1.0, 10: 1.0, 20: 1.0}},
            {"conv": "b", "category": 4, "recall": {5: 0.0, 10: 0.0, 20: 0.5}}]
    s = D.summarise(rows)
    assert s["overall"] == {"r@5": 0.3333, "r@10": 0.6667, "r@20": 0.8333, "n": 3}
    assert s["by_category"]["temporal"]["r@10"] == 1.0
    assert s["by_category"]["single-hop"] == {"r@5": 0.5, "r@10": 0.5, "r@20": 0.75, "n": 2}
    assert s["by_conversation"]["b"]["r@20"] == 0.5


def test_leave_one_out_never_picks_on_the_held_out_conversation() -> None:
    per = {1: {"a": 0.9, "b": 0.5, "c": 0.5}, 2: {"a": 0.1, "b": 0.6, "c": 0.6}}
    folds = {f["held_out"]: f for f in D.leave_one_out(per)}
    assert folds["a"]["chosen"] == 2 and folds["a"]["held_out_r@10"] == 0.1
    assert folds["a"]["best_on_held_out"] == 1
    assert folds["b"]["chosen"] == 1


def test_percentile_interpolates() -> None:
    assert D.percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert D.percentile([3.0, 1.0, 2.0], 100) == 3.0

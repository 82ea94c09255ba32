"""The LongMemEval bench's parts on a tiny hand-made haystack: subset, recall arithmetic,
ingest and search rows (deterministic embedder), the report, and that the default search
configuration is the one the committed results report."""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

import _levers
import _lme_data as D
import _lme_engram as E
import _lme_report as R
import longmemeval as LME
from _lme_cache import BenchEmbedder
from engram.config import SearchConfig
from engram.testing import HashEmbedder

RESULTS = Path(__file__).resolve().parents[2] / "bench" / "results"


def _question(qid: str, qtype: str) -> dict[str, Any]:
    filler = [{"role": "user", "content": f"chatting about the weather {qid} {i}"} for i in range(3)]
    return {
        "question_id": qid, "question_type": qtype, "question_date": "2023/06/01 (Thu) 10:00",
        "question": "How many guitars did I buy?", "answer": "2",
        "haystack_session_ids": ["s1", "s2", "s3"],
        "haystack_dates": ["2023/05/01 (Mon) 10:00", "2023/05/02 (Tue) 10:00", "2023/05/03 (Wed) 10:00"],
        "haystack_sessions": [
            [{"role": "user", "content": "I bought a guitar today", "has_answer": True}, *filler],
            filler,
            [*filler, {"role": "user", "content": "I bought another guitar", "has_answer": True},
             {"role": "assistant", "content": "  "}],  # empty: not stored
        ],
        "answer_session_ids": ["s1", "s3"],
    }


def _data(tmp_path: Path) -> Path:
    types = ["multi-session", "multi-session", "temporal-reasoning", "knowledge-update"]
    path = tmp_path / "lme.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump([_question(f"q{i}", t) for i, t in enumerate(types)], f)
    return path


def test_stratified_subsets_keep_types_and_are_deterministic(tmp_path: Path) -> None:
    qs = D.load(_data(tmp_path))
    three = D.stratified(qs, 3)
    assert sorted(q.question_type for q in three) == [
        "knowledge-update", "multi-session", "temporal-reasoning"]
    assert [q.question_id for q in three] == [q.question_id for q in D.stratified(qs[::-1], 3)]
    assert len(D.stratified(qs, None)) == 4
    halves = [D.half(q, qs) for q in qs if q.question_type == "multi-session"]
    assert sorted(halves) == ["A", "B"]


def test_recall_arithmetic() -> None:
    q = D.parse(_question("q", "multi-session"))
    assert q.evidence_turns() == {("s1", 0), ("s3", 3)}
    hits = [("s2", 0), ("s1", 1), ("s3", 3)]
    assert D.session_any(q, hits, 1) == 0.0 and D.session_any(q, hits, 2) == 1.0
    assert D.session_all(q, hits, 2) == 0.0 and D.session_all(q, hits, 3) == 1.0
    assert D.turn_any(q, hits, 2) == 0.0 and D.turn_any(q, hits, 3) == 1.0
    s = D.summarise([{**D.score(q, hits), "half": "A"}])
    assert s["overall"]["sessions@10"] == 3 and s["by_half"]["B"]["s_all@10"] is None


def test_rows_run_end_to_end_and_report(tmp_path: Path) -> None:
    qs = D.load(_data(tmp_path))
    emb = BenchEmbedder(HashEmbedder(), tmp_path / "cache.db")
    names = [*_levers.HEADLINE, "context: none", "breadth: session cap 2 on aggregation questions"]
    rows, info = LME.engram_rows(qs, names, tmp_path, emb)
    assert [r["name"] for r in rows] == names
    assert info["turns"] == 4 * 11  # the empty turn is not stored
    assert info["search_defaults"] == SearchConfig().model_dump()
    kw = rows[2]["summary"]["overall"]
    assert kw["n"] == 4 and kw["s_any@10"] == 1.0 and kw["t_any@10"] == 1.0
    assert emb.cache.count(HashEmbedder().model_id) > 0  # turns went through the disk cache
    text = R.table(rows)
    assert all(n in text for n in names)
    assert "multi" in R.types_table(rows)
    if importlib.util.find_spec("matplotlib") is not None:  # the bench extra
        R.chart(rows[:3], tmp_path / "c.png")
        assert (tmp_path / "c.png").stat().st_size > 1000


def test_ingest_writes_session_turn_and_date(tmp_path: Path) -> None:
    q = D.parse(_question("q", "multi-session"))
    mem = E.open_memory(tmp_path / "m.db", HashEmbedder())
    where = E.ingest(mem, q)
    rec = mem.get(next(i for i, h in where.items() if h == ("s3", 3)))
    assert {"session": "s3", "turn": 3, "date": "2023-05-03"}.items() <= rec["metadata"].items()
    assert rec["happened_at"] == "2023-05-03T10:00:00.000000+00:00"  # the haystack date
    mem.close()


def test_dates_and_newest_first() -> None:
    assert D.iso_time("2023/05/20 (Sat) 02:21") == "2023-05-20T02:21:00"
    assert D.iso_time("2023/05/20") == "2023-05-20"
    q = D.parse(_question("q", "knowledge-update"))
    assert q.iso_question_time() == "2023-06-01T10:00:00"
    assert q.newest_answer_session() == "s3"  # 3 May, after s1's 1 May
    assert D.newest_first(q, [("s2", 0), ("s3", 3), ("s1", 0)]) == 1.0
    assert D.newest_first(q, [("s1", 0), ("s3", 3)]) == 0.0
    assert D.newest_first(q, [("s2", 0)]) == 0.0  # no answer session found: a miss
    other = D.parse(_question("q", "temporal-reasoning"))
    assert D.newest_first(other, [("s3", 3)]) is None  # only knowledge-update counts
    one = D.parse({**_question("q", "knowledge-update"), "answer_session_ids": ["s1"]})
    assert one.newest_answer_session() is None and D.newest_first(one, [("s1", 0)]) is None


def test_default_search_configuration_is_the_one_the_bench_reports() -> None:
    # The committed LongMemEval figures were taken with today's defaults: a change of a
    # default must come with a re-run of the bench (make bench-longmemeval).
    lme = json.loads((RESULTS / "longmemeval.json").read_text())
    assert lme["engram"]["search_defaults"] == SearchConfig().model_dump()
    assert _levers.ROWS[_levers.BASE] == ("hybrid", {})
    assert lme["rows"][0]["name"] == _levers.BASE


def test_engram_rows_are_reused_only_under_todays_defaults(tmp_path: Path) -> None:
    qs = D.load(_data(tmp_path))
    rows, info = LME.engram_rows(qs, [_levers.BASE], tmp_path, BenchEmbedder(HashEmbedder(), tmp_path / "c.db"))
    saved = {"questions": [q.question_id for q in qs], "engram": info,
             "rows": [*rows, {"name": "mem0ai 2.2.1"}]}
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(saved))
    again, _ = LME.reuse_engram(path, qs)
    assert [r["name"] for r in again] == [_levers.BASE]  # the stale peer row is dropped
    with pytest.raises(SystemExit, match="another question set"):
        LME.reuse_engram(path, qs[:2])
    info["search_defaults"] = {**info["search_defaults"], "score_alpha": 0.1}
    path.write_text(json.dumps(saved))
    with pytest.raises(SystemExit, match="other search defaults"):
        LME.reuse_engram(path, qs)


def test_the_peer_row_is_carried_over_only_for_the_same_questions(tmp_path: Path) -> None:
    qs = D.load(_data(tmp_path))
    peer = {"name": "mem0ai 2.2.1", "note": "vector search", "summary": {}}
    saved = {"questions": [q.question_id for q in qs], "rows": [{"name": _levers.BASE}, peer]}
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(saved))
    row = LME.saved_peer_row(path, qs)
    assert row["name"] == "mem0ai 2.2.1" and row["note"].startswith("vector search; carried over")
    # Carried over twice: the note says so once.
    saved["rows"][1] = row
    path.write_text(json.dumps(saved))
    assert LME.saved_peer_row(path, qs)["note"] == row["note"]
    with pytest.raises(SystemExit, match="another question set"):
        LME.saved_peer_row(path, qs[:2])
    saved["rows"] = [{"name": _levers.BASE}]
    path.write_text(json.dumps(saved))
    with pytest.raises(SystemExit, match="no mem0ai row"):
        LME.saved_peer_row(path, qs)

"""The LOCOMO bench's Engram side on a tiny conversation (HashEmbedder, no model):
ingest with per-turn metadata, recall from search results, neighbours, infer=True
provenance, and the search levers it measures."""

from __future__ import annotations

from pathlib import Path

import pytest

import _locomo_data as D
import _locomo_engram as E
from engram.search import date_matches, fuse_scores, query_dates, without_names
from engram.testing import HashEmbedder

CONV = {
    "speaker_a": "Ann", "speaker_b": "Bo",
    "session_1_date_time": "1:56 pm on 8 May, 2023",
    "session_1": [
        {"speaker": "Ann", "dia_id": "D1:1", "text": "I adopted a puppy named Rex."},
        {"speaker": "Bo", "dia_id": "D1:2", "text": "Lovely! What breed?"},
        {"speaker": "Ann", "dia_id": "D1:3", "text": "A beagle, he loves the park."},
    ],
    "session_2_date_time": "10:00 am on 1 June, 2023",
    "session_2": [
        {"speaker": "Bo", "dia_id": "D2:1", "text": "I ran the city marathon yesterday."},
        {"speaker": "Ann", "dia_id": "D2:2", "text": "Wow, congratulations on the marathon!"},
    ],
    "qa": [
        {"question": "What is the name of Ann's puppy?", "evidence": ["D1:1"], "category": 4},
        {"question": "Which marathon did Bo run?", "evidence": ["D2:1"], "category": 4},
        {"question": "What breed is Rex?", "evidence": ["D1:3"], "category": 1},
    ],
}


@pytest.fixture
def conv() -> D.Conversation:
    return D.parse_conversation(CONV, "tiny")


def test_ingest_stores_each_turn_with_its_metadata(tmp_path: Path, conv: D.Conversation) -> None:
    mem = E.open_memory(tmp_path / "e.db", embedder=HashEmbedder())
    assert E.ingest(mem, conv) == 5
    got = mem.get_all(user_id="tiny")["results"]
    by_dia = {r["metadata"]["dia_id"]: r for r in got}
    assert set(by_dia) == {"D1:1", "D1:2", "D1:3", "D2:1", "D2:2"}
    assert by_dia["D2:1"]["memory"] == "[1 June 2023] Bo: I ran the city marathon yesterday."
    assert by_dia["D2:1"]["metadata"]["speaker"] == "Bo"
    assert by_dia["D2:1"]["metadata"]["date"] == "2023-06-01"
    mem.close()


def test_keyword_search_finds_the_evidence(tmp_path: Path, conv: D.Conversation) -> None:
    mem = E.open_memory(tmp_path / "e.db", embedder=HashEmbedder())
    E.ingest(mem, conv)
    res = E.run_variant(mem, [conv], "keyword", {})
    assert [r["recall"][5] for r in res.rows] == [1.0, 1.0, 1.0]
    assert len(res.latencies_ms) == 3
    # top_k=1 of a wrong-looking result set gives 0: the recall is really computed
    assert D.summarise(res.rows)["overall"]["r@5"] == 1.0
    mem.close()


def test_neighbour_expansion_adds_adjacent_turns_flagged(tmp_path: Path, conv: D.Conversation) -> None:
    # No keyword context, so a neighbour is not already a keyword hit through it.
    mem = E.open_memory(tmp_path / "e.db", {"context_before": 0, "context_after": 0},
                        embedder=HashEmbedder())
    E.ingest(mem, conv)
    ids = {r["metadata"]["dia_id"]: r["id"] for r in mem.get_all(user_id="tiny")["results"]}
    assert mem.store.neighbours("", [ids["D1:2"]], 1, 1) == {ids["D1:2"]: [ids["D1:1"], ids["D1:3"]]}
    from engram.search import hybrid_search
    from engram.store.filters import parse_filters

    ctx: dict[str, str] = {}
    cfg = mem.config.search.model_copy(update={"neighbours": 1, "neighbour_hits": 1})
    out = hybrid_search(mem.store.bind(""), parse_filters({"user_id": "tiny"}), "city marathon",
                        embed=HashEmbedder().embed, cfg=cfg, mode="keyword", k=3,
                        threshold=None, context_out=ctx)
    assert out[0][0] == ids["D2:1"]
    assert ctx == {ids["D1:3"]: ids["D2:1"]}  # D2:2 is a hit of its own, not context
    assert [i for i, _ in out] == [ids["D2:1"], ids["D1:3"], ids["D2:2"]]
    assert all(isinstance(s, float) for _, s in out)  # score stays the cosine similarity
    mem.close()


def test_infer_true_facts_map_back_to_turns(tmp_path: Path, conv: D.Conversation) -> None:
    mem = E.open_memory(tmp_path / "i.db", embedder=HashEmbedder())
    sources = E.ingest_inferred(mem, conv)()
    known = {t.dia_id for t in conv.turns}
    assert all(s <= known for s in sources.values())
    mem.close()


def test_lever_query_helpers() -> None:
    assert without_names("Did Ann's dog meet Bo? Yes") == "Did dog meet? Yes"
    assert without_names("Caroline") == "Caroline"  # never an empty query
    assert query_dates("What happened on November 6, 2023 and in May?") == [
        (2023, 11, 6), (None, 5, None)]
    assert query_dates("What did she do in 2022?") == [(2022, None, None)]
    assert query_dates("What is his favourite movie?") == []
    assert date_matches("2022-05-03", [(None, 5, None)])
    assert not date_matches("2022-05-03", [(2023, 5, None)])
    assert not date_matches("soon", [(None, 5, None)])


def test_score_fusion_lets_a_close_vector_only_hit_in() -> None:
    kw = [("k1", 9.0), ("k2", 3.0), ("k3", 2.9)]
    sims = {"k1": 0.30, "k2": 0.20, "k3": 0.25, "v": 0.70}
    ranked = [i for i, _ in fuse_scores(kw, sims, alpha=0.6)]
    assert ranked[0] == "k1" and ranked.index("v") < ranked.index("k2")
    assert [i for i, _ in fuse_scores(kw, sims, alpha=1.0)][:3] == ["k1", "k2", "k3"]

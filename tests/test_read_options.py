"""Mem0 Platform's read options on ``Memory.search`` / ``get_all`` (``engram._read_options``),
on both stores: metadata conditions, fields, keyword_search, latest_only, start/end dates;
bad values name the field."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from engram._read_options import FIELDS
from engram.errors import InvalidFilter, InvalidInput, NotSupported


@pytest.fixture()
def m(memory: Any) -> Any:
    memory.add("I keep bees on the roof", user_id="u", infer=False, metadata={"topic": "bees"})
    memory.add("Bees need water in summer", user_id="u", infer=False,
               metadata={"topic": "garden"})
    return memory


def test_metadata_conditions_are_anded_with_the_filters(m: Any) -> None:
    out = m.search("bees", user_id="u", metadata={"topic": "garden"})["results"]
    assert [r["memory"] for r in out] == ["Bees need water in summer"]
    out = m.search("bees", filters={"user_id": "u"}, metadata={"topic": {"in": ["bees"]}})
    assert [r["memory"] for r in out["results"]] == ["I keep bees on the roof"]
    with pytest.raises(InvalidInput, match="metadata"):
        m.search("bees", user_id="u", metadata=["topic"])
    with pytest.raises(InvalidFilter, match="metadata"):
        m.search("bees", user_id="u", metadata={"topic": {"between": 1}})


def test_fields_cut_each_result_down(m: Any) -> None:
    out = m.search("bees", user_id="u", fields=["memory", "score"])["results"]
    assert out and all(set(r) == {"memory", "score"} for r in out)
    assert {"id", "memory", "score", "user_id", "categories"} <= FIELDS
    with pytest.raises(InvalidInput, match=r"fields\[1\].*colour"):
        m.search("bees", user_id="u", fields=["memory", "colour"])
    with pytest.raises(InvalidInput, match="fields"):
        m.search("bees", user_id="u", fields="memory")


def test_keyword_search_picks_the_mode(m: Any) -> None:
    hybrid = m.search("roof", user_id="u", keyword_search=True, explain=True)["results"]
    vector = m.search("roof", user_id="u", keyword_search=False, explain=True)["results"]
    assert {r["score_details"]["fusion"] for r in vector} == {"vector"}
    assert hybrid[0]["score_details"]["bm25_score"] is not None
    with pytest.raises(InvalidInput, match="keyword_search"):
        m.search("roof", user_id="u", keyword_search=False, search_mode="keyword")
    with pytest.raises(InvalidInput, match="keyword_search"):
        m.search("roof", user_id="u", keyword_search="yes")


def test_latest_only_true_is_every_read_false_is_refused(m: Any) -> None:
    assert m.search("bees", user_id="u", latest_only=True) == m.search("bees", user_id="u")
    assert m.get_all(user_id="u", latest_only=True) == m.get_all(user_id="u")
    for call in (lambda: m.search("bees", user_id="u", latest_only=False),
                 lambda: m.get_all(user_id="u", latest_only=False)):
        with pytest.raises(NotSupported, match="history"):
            call()


def test_start_and_end_dates_bound_created_at(m: Any) -> None:
    today = datetime.now(UTC).date()
    assert len(m.get_all(user_id="u", start_date=today.isoformat())["results"]) == 2
    assert len(m.get_all(user_id="u", end_date=today.isoformat())["results"]) == 2  # whole day
    tomorrow = (today + timedelta(days=1)).isoformat()
    assert m.get_all(user_id="u", start_date=tomorrow)["results"] == []
    assert m.get_all(user_id="u", end_date="2020-01-01T00:00:00Z")["results"] == []
    with pytest.raises(InvalidInput, match="end_date"):
        m.get_all(user_id="u", end_date="last tuesday")

"""Categories picked by the configured LLM (``pipeline.categorize = "llm"``), on each
store backend: the LLM's pick is stored and filterable, names outside the catalog are
dropped, and an LLM that answers out of shape leaves the offline pick in place."""

from __future__ import annotations

from typing import Any

import pytest

import engram
from engram.errors import ConfigError
from engram.testing import ScriptedLLM


def _memory(store_config: dict[str, Any], embedder: Any, llm: Any) -> engram.Memory:
    return engram.Memory({"store": store_config, "pipeline": {"categorize": "llm"}},
                         embedder=embedder, llm=llm)


def test_the_llm_picks_each_memorys_categories(store_config: dict[str, Any],
                                               shared_minilm: Any) -> None:
    # The vectors would say food and travel; the LLM's (deliberately other) pick wins.
    llm = ScriptedLLM([{"categories": [["hobbies", "not_a_category"], ["MUSIC"]]}])
    m = _memory(store_config, shared_minilm, llm)
    try:
        m.add([{"role": "user", "content": "Prefers green tea over coffee"},
               {"role": "user", "content": "Flying to Tokyo next month"}],
              user_id="u", infer=False)
        m.flush()
        cats = {r["memory"]: r["categories"] for r in m.get_all(user_id="u")["results"]}
        hits = m.get_all(user_id="u", categories=["music"])["results"]
    finally:
        m.close()
    # The worker's batch order is its claim order: the answer's lists follow the prompt's.
    system, user = (str(x["content"]) for x in llm.calls[0].messages)
    listed = [line.split(". ", 1)[1] for line in user.splitlines()[1:]]
    assert sorted(listed) == sorted(cats) and "personal_details" in system
    assert cats == {listed[0]: ["hobbies"], listed[1]: ["music"]}
    assert [h["memory"] for h in hits] == [listed[1]]


def test_an_answer_out_of_shape_falls_back_to_the_vectors(store_config: dict[str, Any],
                                                          shared_minilm: Any) -> None:
    llm = ScriptedLLM([{"categories": []}])  # no list for the memory
    m = _memory(store_config, shared_minilm, llm)
    try:
        mid = m.add("Flying to Tokyo next month", user_id="u", infer=False)["results"][0]["id"]
        m.flush()
        got = m.get(mid)["categories"]
    finally:
        m.close()
    assert len(llm.calls) == 1 and got == ["travel"]  # the offline classifier's pick


def test_llm_categories_need_an_llm(tmp_path: Any, shared_minilm: Any) -> None:
    m = engram.Memory({"store": {"path": str(tmp_path / "m.db")}, "llm": {"provider": "rules"},
                       "pipeline": {"categorize": "llm", }}, embedder=shared_minilm)
    try:
        with pytest.raises(ConfigError, match="pipeline.categorize"):
            m.add("Flying to Tokyo next month", user_id="u", infer=False,
                  custom_categories={"travel": "trips"})  # classified at add time
    finally:
        m.close()


def test_module_examples() -> None:
    import doctest

    import engram._categories_llm

    assert doctest.testmod(engram._categories_llm).failed == 0

"""Mem0's OSS and client signatures, read from the installed mem0ai: every parameter is
ours or a documented difference (docs/compat.md is that table), and each row's claim holds."""

from __future__ import annotations

import asyncio
import inspect
import typing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import engram
from engram._mem0_api import API, api_markdown_table, mem0_hints
from engram.errors import InvalidInput, NotFound, NotSupported

DOC = Path(__file__).resolve().parents[2] / "docs" / "compat.md"
mem0 = pytest.importorskip("mem0")


def mem0_params(cls: type, name: str) -> list[str]:
    """A method's parameters; a client's ``options`` TypedDict counts key by key."""
    out = []
    for p in inspect.signature(getattr(cls, name)).parameters.values():
        if p.name in ("self", "kwargs"):
            continue
        if p.name == "options":
            hints = typing.get_type_hints(getattr(cls, name))["options"]
            (options,) = [a for a in typing.get_args(hints) if a is not type(None)]
            out += list(typing.get_type_hints(options))
        else:
            out.append(p.name)
    return out


PAIRS = [("Memory", mem0.Memory, engram.Memory), ("AsyncMemory", mem0.AsyncMemory,
                                                  engram.AsyncMemory),
         ("MemoryClient", mem0.MemoryClient, engram.MemoryClient)]


@pytest.mark.parametrize(("label", "theirs", "ours"), PAIRS, ids=[p[0] for p in PAIRS])
def test_every_mem0_parameter_is_ours_or_a_documented_difference(label: str, theirs: type,
                                                                 ours: type) -> None:
    problems = []
    for name, _ in inspect.getmembers(theirs, callable):
        if name.startswith("_"):
            continue
        params = mem0_params(theirs, name)
        whole = API.get(f"{label}.{name}()")
        if whole is not None and whole.status == "refused":
            # A method we do not offer: one row covers all its parameters.
            assert not hasattr(ours, name), f"{label}.{name}: row says refused, but we have it"
            continue
        for param in params or [""]:
            row = API.get(f"{label}.{name}({param})")
            if row is None:
                problems.append(f"{label}.{name}({param}): no row in engram._mem0_api.API")
                continue
            method = getattr(ours, name, None)
            accepted = method is not None and param in inspect.signature(method).parameters
            if row.status != "refused" and param and not accepted:
                problems.append(f"{label}.{name}({param}): row says {row.status}, "
                                "our signature lacks it")
            if row.status == "refused" and accepted:
                problems.append(f"{label}.{name}({param}): row says refused, but we take it")
    assert not problems, "\n".join(problems)


def test_docs_api_table_is_the_table_the_code_uses() -> None:
    assert api_markdown_table() in DOC.read_text(), (
        "docs/compat.md is stale: paste the output of python -c 'from engram._mem0_api "
        "import api_markdown_table; print(api_markdown_table())'")


@pytest.fixture()
def m(memory: engram.Memory) -> engram.Memory:
    return memory


def test_refused_parameters_name_the_difference_not_a_bare_type_error(m: engram.Memory) -> None:
    @mem0_hints("MemoryClient")
    def add(messages: str) -> None:  # a method without the refused parameter
        raise AssertionError("not reached")

    with pytest.raises(NotSupported, match=r"add\(structured_data_schema=...\)"):
        add("x", structured_data_schema={})  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="bogus"):  # not Mem0's: Python's own message
        m.search("x", user_id="u", bogus=1)  # type: ignore[call-arg]


def test_explain_returns_each_results_score_parts(m: engram.Memory) -> None:
    m.add("I keep bees on the roof", user_id="u", infer=False)
    m.add("My sister plays the cello", user_id="u", infer=False)
    m.flush()  # similarities are compared below: every vector written
    plain = m.search("bees roof", user_id="u")["results"]
    out = m.search("bees roof", user_id="u", explain=True, threshold=0.0)["results"]
    assert [r["id"] for r in out] == [r["id"] for r in plain]
    assert "score_details" not in plain[0]
    top = out[0]["score_details"]
    assert top["semantic_score"] == out[0]["score"] and top["bm25_score"] == 1.0
    assert top["keyword_rank"] == 1 and top["vector_rank"] == 1 and top["fusion"] == "score"
    assert top["final_score"] > out[1]["score_details"]["final_score"]
    # (the second turn matches through its neighbour's words: keyword context)
    assert out[1]["score_details"]["bm25_score"] < top["bm25_score"]
    vec = m.search("bees roof", user_id="u", explain=True, search_mode="vector")["results"]
    assert {(r["score_details"]["bm25_score"], r["score_details"]["fusion"]) for r in vec} \
        == {(None, "vector")}
    assert top["entity_boost"] == 0.0 and top["threshold"] == 0.0
    with pytest.raises(InvalidInput, match="explain"):
        m.search("bees", user_id="u", explain="yes")  # type: ignore[arg-type]


def test_explain_shows_the_graph_boost(m: engram.Memory) -> None:
    m.add("My sister Anna is a nurse in Chicago.", user_id="u", enable_graph=True)
    for text in ["I like green tea", "My laptop is slow", "I work at Acme"]:
        m.add(text, user_id="u", infer=False)
    out = m.search("where does my sister work?", user_id="u", enable_graph=True,
                   explain=True)["results"]
    boosted = {r["memory"] for r in out if r["score_details"]["entity_boost"] > 0}
    assert boosted and all("Anna" in text for text in boosted)
    assert all(r["score_details"]["entity_boost"] == 0 for r in out
               if "Anna" not in r["memory"])


def test_show_expired_is_accepted_and_changes_nothing_yet(m: engram.Memory) -> None:
    m.add("a fact", user_id="u", infer=False)
    assert m.get_all(user_id="u", show_expired=True)["results"] == \
        m.get_all(user_id="u")["results"]
    assert m.search("fact", user_id="u", show_expired=True) == m.search("fact", user_id="u")


@pytest.mark.parametrize("when", [1714557600, 1714557600.0, "2024-05-01T10:00:00+00:00",
                                  datetime(2024, 5, 1, 10, tzinfo=UTC)])
def test_timestamp_in_mem0s_spellings_dates_the_extraction(m: engram.Memory, when: Any) -> None:
    from engram.testing import ScriptedLLM

    llm = ScriptedLLM([{"facts": []}])
    mem = engram.Memory(m.config, embedder=m._parts.raw_embedder, store=m.store, llm=llm)
    mem.add("I went hiking yesterday", user_id="u", timestamp=when)
    prompt = str(llm.calls[0])
    assert "2024-05-01" in prompt


def test_bad_timestamp_names_the_field(m: engram.Memory) -> None:
    with pytest.raises(InvalidInput, match="timestamp"):
        m.add("x", user_id="u", timestamp=[2024])  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="timestamp"):
        m.add("x", user_id="u", timestamp=1e300)


def test_delete_all_takes_the_user_id_positionally(m: engram.Memory) -> None:
    m.add("one", user_id="alice", infer=False)
    m.add("two", user_id="bob", infer=False)
    assert m.delete_all("alice")["deleted"] == 1
    assert len(m.get_all(user_id="bob")["results"]) == 1


def test_history_items_say_is_deleted(m: engram.Memory) -> None:
    mid = m.add("temp", user_id="u", infer=False)["results"][0]["id"]
    m.delete(mid)
    assert [(h["event"], h["is_deleted"]) for h in m.history(mid)] == [("ADD", False),
                                                                      ("DELETE", True)]


def test_get_of_an_unknown_id_is_the_documented_key_error(m: engram.Memory) -> None:
    with pytest.raises(KeyError):
        m.get("0" * 32)
    assert issubclass(NotFound, KeyError)


def test_async_add_takes_an_llm_for_the_procedural_summary(m: engram.Memory) -> None:
    from engram.testing import ScriptedLLM

    summary = ScriptedLLM([{"summary": "Step 1: opened the page."}])
    am = engram.AsyncMemory(m.config, embedder=m._parts.raw_embedder, store=m.store)

    async def run() -> dict[str, Any]:
        return await am.add([{"role": "assistant", "content": "I opened the page."}],
                            agent_id="bot", memory_type="procedural_memory", llm=summary)

    out = asyncio.run(run())
    assert out["results"][0]["memory"] == "Step 1: opened the page." and summary.calls
    with pytest.raises(InvalidInput, match="llm: must be an Engram LLM"):
        m.add("x", agent_id="bot", memory_type="procedural_memory", llm=object())  # type: ignore[arg-type]

"""The input boundary (engram._validate) on the cases found by trying the API as an attacker
and as a careless user would: each is an InvalidInput naming the field, nothing is
written, and the scope stays readable."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engram import InvalidInput, Memory
from engram.testing import HashEmbedder

SURROGATE = "hi \ud800"


@pytest.fixture
def mem(tmp_path: Path) -> Iterator[Memory]:
    m = Memory({"store": {"path": str(tmp_path / "m.db")}, "llm": {"provider": "rules"}},
               embedder=HashEmbedder())
    m.add("I like green tea", user_id="u", infer=False, metadata={"topic": "food"})
    yield m
    m.close()


def _snapshot(m: Memory) -> list[tuple[str, str, Any]]:
    return [(r["id"], r["memory"], r["metadata"]) for r in m.get_all(user_id="u")["results"]]


def _refused(m: Memory, call: Any, field: str) -> InvalidInput:
    before = _snapshot(m)
    with pytest.raises(InvalidInput) as e:
        call()
    assert e.value.field == field, (e.value.field, str(e.value))
    assert _snapshot(m) == before  # nothing written
    assert m.search("tea", user_id="u")["results"]  # and the scope still reads
    return e.value


@pytest.mark.parametrize(("call", "field"), [
    (lambda m: m.add(SURROGATE, user_id="u"), "messages[0].content"),
    (lambda m: m.add([{"role": "user", "content": [{"type": "text", "text": SURROGATE}]}],
                     user_id="u"), "messages[0].content[0].text"),
    (lambda m: m.add([{"role": "user", "content": "hi", "name": SURROGATE}], user_id="u"),
     "messages[0].name"),
    (lambda m: m.add("hi", user_id=SURROGATE), "user_id"),
    (lambda m: m.add("hi", agent_id="a\ud800b"), "agent_id"),
    (lambda m: m.add("hi", user_id="u", metadata={"k": SURROGATE}), "metadata.k"),
    (lambda m: m.add("hi", user_id="u", metadata={"k": [{"deep": SURROGATE}]}),
     "metadata.k[0].deep"),
    (lambda m: m.add("hi", user_id="u", metadata={SURROGATE: 1}), "metadata['hi \\ud800']"),
    (lambda m: m.add("hi", user_id="u", prompt=SURROGATE), "prompt"),
    (lambda m: m.search(SURROGATE, user_id="u"), "query"),
    (lambda m: m.search("tea", user_id="u", filters={"topic": SURROGATE}), "filters.topic"),
    (lambda m: m.search("tea", user_id="u", filters={SURROGATE: "x"}),
     "filters['hi \\ud800']"),
    (lambda m: m.get(SURROGATE), "memory_id"),
    (lambda m: m.history(SURROGATE), "memory_id"),
    (lambda m: m.delete(SURROGATE), "memory_id"),
    (lambda m: m.update(SURROGATE, "x"), "memory_id"),
    (lambda m: m.get_all(user_id=SURROGATE), "user_id"),
])
def test_lone_surrogates_are_refused_everywhere(mem: Memory, call: Any, field: str) -> None:
    err = _refused(mem, lambda: call(mem), field)
    assert "surrogate" in err.problem or "letters, digits" in err.problem


def test_update_with_a_surrogate_changes_nothing(mem: Memory) -> None:
    mid = mem.get_all(user_id="u")["results"][0]["id"]
    _refused(mem, lambda: mem.update(mid, SURROGATE), "text")
    _refused(mem, lambda: mem.update(mid, metadata={"x": SURROGATE}), "metadata.x")
    _refused(mem, lambda: mem.batch_update([{"memory_id": mid, "text": "ok"},
                                            {"memory_id": mid, "metadata": {"\x00": 1}}]),
             "memories[1].metadata['\\x00']")


@pytest.mark.parametrize("bad", ["\x00", "a\x00b", " \x00 "])
def test_nul_is_refused_in_memories(mem: Memory, bad: str) -> None:
    _refused(mem, lambda: mem.add(bad, user_id="u", infer=False), "messages[0].content")


@pytest.mark.parametrize("bad", ["*", "\x00", "a*b", " alice", "alice ", "tab\there",
                                 "new\nline", "x" * 257, "semi;colon", "quote'd"])
def test_scope_ids_outside_the_character_set_are_refused(mem: Memory, bad: str) -> None:
    _refused(mem, lambda: mem.add("hi", user_id=bad, infer=False), "user_id")
    _refused(mem, lambda: mem.get_all(run_id=bad), "run_id")


@pytest.mark.parametrize("good", ["alice@example.com", "tenant/42", "José Ñúñez", "urn:x:1",
                                  "a.b_c-d+e=f#g~h|i", "用户一", "x" * 256])
def test_scope_ids_inside_the_character_set_round_trip(mem: Memory, good: str) -> None:
    mem.add("likes tea", user_id=good, infer=False)
    assert [r["user_id"] for r in mem.get_all(user_id=good)["results"]] == [good]
    assert mem.search("tea", user_id=good)["results"][0]["user_id"] == good


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"cursor": 5}, "cursor"),
    ({"cursor": ""}, "cursor"),
    ({"cursor": "!!"}, "cursor"),
    ({"cursor": base64.urlsafe_b64encode(b"r" + b"9" * 40).decode()}, "cursor"),
    ({"cursor": base64.urlsafe_b64encode(b"r-5").decode()}, "cursor"),
    ({"page": 2**62}, "page"),
    ({"page": 0}, "page"),
    ({"page": True}, "page"),
    ({"page": 1.5}, "page"),
    ({"page_size": 10**30}, "page_size"),
    ({"enable_graph": "yes"}, "enable_graph"),
])
def test_paging_is_range_checked(mem: Memory, kwargs: dict[str, Any], field: str) -> None:
    _refused(mem, lambda: mem.get_all(user_id="u", **kwargs), field)


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"search_mode": 0}, "search_mode"),
    ({"search_mode": ""}, "search_mode"),
    ({"search_mode": "HYBRID"}, "search_mode"),
    ({"search_mode": ["vector"]}, "search_mode"),
    ({"threshold": float("nan")}, "threshold"),
    ({"threshold": 10**400}, "threshold"),
    ({"top_k": 2**64}, "top_k"),
    ({"rerank": 1}, "rerank"),
])
def test_search_options_are_checked(mem: Memory, kwargs: dict[str, Any], field: str) -> None:
    _refused(mem, lambda: mem.search("tea", user_id="u", **kwargs), field)


def test_search_mode_none_uses_the_configured_default(mem: Memory) -> None:
    assert mem.search("tea", user_id="u", search_mode=None)["results"]
    assert mem.search("tea", user_id="u", search_mode="keyword")["results"]


def _nested(levels: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for _ in range(levels - 1):
        out = {"k": out}
    return out


@pytest.mark.parametrize(("metadata", "field", "words"), [
    (_nested(1_000), "metadata.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k", "deeper than 16"),
    ({f"k{i}": i for i in range(200_000)}, "metadata", "more than 1000 keys"),
    ({"big": "x" * 10_000_000}, "metadata", "larger than 100000 bytes"),
    ({"list": list(range(5_000))}, "metadata", "more than 1000 keys"),
    ({"n": 2**64}, "metadata.n", "64 bits"),
    ({"n": float("inf")}, "metadata.n", "finite"),
    ({"s": {1, 2}}, "metadata.s", "got set"),
    ({1: "x"}, "metadata", "keys must be strings"),
])
def test_metadata_is_bounded(mem: Memory, metadata: Any, field: str, words: str) -> None:
    err = _refused(mem, lambda: mem.add("hi", user_id="u", infer=False, metadata=metadata), field)
    assert words in err.problem


def test_metadata_limits_come_from_config(tmp_path: Path) -> None:
    m = Memory({"store": {"path": str(tmp_path / "l.db")},
                "limits": {"metadata_max_keys": 3, "metadata_max_bytes": 40,
                           "metadata_max_depth": 2}}, embedder=HashEmbedder())
    m.add("ok", user_id="u", infer=False, metadata={"a": 1, "b": {"c": 2}})
    with pytest.raises(InvalidInput, match="more than 3 keys"):
        m.add("no", user_id="u", infer=False, metadata={"a": 1, "b": 2, "c": 3, "d": 4})
    with pytest.raises(InvalidInput, match="larger than 40 bytes"):
        m.add("no", user_id="u", infer=False, metadata={"a": "x" * 50})
    with pytest.raises(InvalidInput, match="deeper than 2"):
        m.add("no", user_id="u", infer=False, metadata={"a": {"b": {"c": 1}}})
    # Stored metadata is the JSON value: tuples come back as lists.
    m.add("tuple", user_id="v", infer=False, metadata={"t": (1, 2)})
    assert m.get_all(user_id="v")["results"][0]["metadata"] == {"t": [1, 2]}
    m.close()


@pytest.mark.parametrize("bad", ["yesterday-ish", "2025-13-01", "2025-02-30T25:00", "",
                                 "9" * 100, True, float("nan"), 10**20, [2025], "2025-05-01\x00"])
def test_nonsense_timestamps_are_refused(mem: Memory, bad: Any) -> None:
    _refused(mem, lambda: mem.add("I moved to Porto", user_id="u", timestamp=bad), "timestamp")


@pytest.mark.parametrize("good", ["2025-05-01", "2025-05-01T12:00:00Z",
                                  "2025-05-01T12:00:00+02:00", 1_700_000_000, 1.7e9])
def test_timestamps_in_any_documented_form_are_taken(mem: Memory, good: Any) -> None:
    assert mem.add("I moved to Porto", user_id="t", timestamp=good)["results"]

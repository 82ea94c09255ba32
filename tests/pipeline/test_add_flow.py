"""The infer=True add flow through Memory, with a scripted LLM at the boundary.

The embedder and store are real; only the model's answers are scripted.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from engram import LLMError, Memory
from engram.llm import RetryPolicy
from engram.testing import ScriptedLLM

FAST = RetryPolicy(max_attempts=3, base_delay=0.001, max_delay=0.002)


def facts(*texts: str) -> dict[str, Any]:
    return {"facts": list(texts)}


def events(*items: tuple[int | None, str, str, int | None]) -> dict[str, Any]:
    return {"memory": [{"id": i, "event": e, "text": t, "fact": f} for i, e, t, f in items]}


@pytest.fixture
def make(tmp_path: Path, shared_minilm: Any) -> Any:
    def build(script: list[Any]) -> tuple[Memory, ScriptedLLM]:
        llm = ScriptedLLM(script, retry=FAST)
        m = Memory({"store": {"path": str(tmp_path / "flow.db")}}, embedder=shared_minilm, llm=llm)
        return m, llm

    return build


def _state(m: Memory, user: str = "u") -> list[str]:
    return sorted(r["memory"] for r in m.get_all(user_id=user)["results"])


def test_add_without_neighbours_needs_no_update_call(make: Any) -> None:
    m, llm = make([facts("Likes green tea", "Lives in Porto")])
    res = m.add("I like green tea and I live in Porto", user_id="u")
    assert [(e["event"], e["memory"]) for e in res["results"]] == [
        ("ADD", "Likes green tea"), ("ADD", "Lives in Porto")]
    assert len(llm.calls) == 1 and llm.calls[0].schema_name == "facts"
    rec = m.get(res["results"][0]["id"])
    # Provenance names the stored turn (an episode), not a position in the call.
    assert rec["source_ids"] == res["episode_ids"] and rec["user_id"] == "u"


def test_update_delete_none_are_applied_with_history(make: Any) -> None:
    m, llm = make([
        facts("Lives in Paris", "Is vegetarian", "Has a cat"),
        facts("Lives in Berlin", "Eats meat again", "Has a cat"),
        events((0, "UPDATE", "Lives in Berlin", 0), (1, "DELETE", "", 1),
               (2, "NONE", "Has a cat", 2)),
    ])
    first = {e["memory"]: e["id"] for e in m.add("...", user_id="u")["results"]}
    res = m.add("I moved to Berlin, I eat meat again, and I still have my cat", user_id="u")
    # The update prompt showed the three neighbours as small integers, never real ids.
    prompt = str(llm.calls[-1].messages)
    assert all(mid not in prompt for mid in first.values())
    shown = {e["id"]: e["text"] for e in json.loads(llm.calls[-1].messages[1]["content"])["stored_memories"]}
    assert sorted(shown.values()) == sorted(first)
    by_event = {e["event"]: e for e in res["results"]}
    assert set(by_event) == {"UPDATE", "DELETE", "NONE"}
    upd = by_event["UPDATE"]
    assert upd["previous_memory"] == shown[0] and upd["memory"] == "Lives in Berlin"
    assert by_event["DELETE"]["memory"] == shown[1] and by_event["NONE"]["memory"] == shown[2]
    assert _state(m) == sorted(["Lives in Berlin", shown[2]])
    hist = m.history(upd["id"])
    assert [(h["event"], h["new_memory"]) for h in hist][-1] == ("UPDATE", "Lives in Berlin")
    gone = by_event["DELETE"]["id"]
    assert [h["event"] for h in m.history(gone)] == ["ADD", "DELETE"]


def test_unknown_and_duplicate_refs_are_dropped_with_warnings(make: Any) -> None:
    m, _ = make([
        facts("Plays tennis"),
        facts("Plays tennis twice a week"),
        events((7, "UPDATE", "Hijacked", 0), (0, "UPDATE", "Plays tennis twice a week", 0),
               (0, "DELETE", "", 0)),
    ])
    m.add("I play tennis", user_id="u")
    res = m.add("I play tennis twice a week now", user_id="u")
    assert [e["event"] for e in res["results"]] == ["UPDATE"]
    assert res["warnings"] and any("7" in w for w in res["warnings"])
    assert _state(m) == ["Plays tennis twice a week"]


def test_other_scopes_are_never_shown_or_touched(make: Any) -> None:
    m, llm = make([
        facts("Works at Acme"),
        facts("Works at Globex"),
        # Only one neighbour (user u's) can be shown; a ref to anything else is unknown.
        events((1, "DELETE", "", None), (0, "UPDATE", "Works at Globex", 0)),
    ])
    other = m.add("Bob works at Acme", user_id="bob", infer=False)["results"][0]["id"]
    m.add("I work at Acme", user_id="u")
    m.add("I now work at Globex", user_id="u")
    assert "Bob works at Acme" not in str(llm.calls[-1].messages)
    assert m.get(other)["memory"] == "Bob works at Acme"
    assert _state(m) == ["Works at Globex"]


def test_malformed_json_is_retried_then_succeeds(make: Any) -> None:
    m, llm = make(["Sure! Here are the facts: none", '```json\n{"facts": ["Has two kids"]}\n```'])
    res = m.add("I have two kids", user_id="u")
    assert [e["memory"] for e in res["results"]] == ["Has two kids"]
    assert len(llm.calls) == 2 and len(llm.sleeps) == 1


def test_exhausted_retries_raise_llm_error_and_change_nothing(make: Any) -> None:
    m, _ = make([
        facts("Likes jazz"),
        facts("Likes blues"), TimeoutError("slow"), TimeoutError("slow"), TimeoutError("slow"),
    ])
    m.add("I like jazz", user_id="u")
    before = (_state(m), m.get_all(user_id="u")["results"][0]["id"])
    with pytest.raises(LLMError) as e:
        m.add("I like blues too", user_id="u")
    assert e.value.retryable and e.value.attempts == 3
    assert (_state(m), m.get_all(user_id="u")["results"][0]["id"]) == before
    assert [h["event"] for h in m.history(before[1])] == ["ADD"]


def test_extraction_failure_changes_nothing(make: Any) -> None:
    m, _ = make(["garbage", "more garbage", "{broken"])
    with pytest.raises(LLMError):
        m.add("I like jazz", user_id="u")
    assert _state(m) == []


def test_rules_offline_extract_and_update(tmp_path: Path, shared_minilm: Any) -> None:
    m = Memory({"store": {"path": str(tmp_path / "r.db")}, "llm": {"provider": "rules"}},
               embedder=shared_minilm)
    assert m.extractor_name.startswith("rules")
    first = m.add([{"role": "user", "content": "Hi! I live in Lisbon and I'm vegetarian."},
                   {"role": "assistant", "content": "Nice!"}], user_id="u")
    assert {e["memory"] for e in first["results"]} == {"Lives in Lisbon", "Is vegetarian"}
    again = m.add("I'm vegetarian.", user_id="u")
    assert [e["event"] for e in again["results"]] in ([], ["NONE"])
    moved = m.add("I moved to Berlin last month.", user_id="u")
    assert "UPDATE" in [e["event"] for e in moved["results"]]
    assert not any("Lisbon" in t for t in _state(m))


def test_eight_threads_adding_one_fact_store_it_once(tmp_path: Path, shared_minilm: Any) -> None:
    m = Memory({"store": {"path": str(tmp_path / "c.db")}, "llm": {"provider": "rules"}},
               embedder=shared_minilm)
    barrier = threading.Barrier(8)
    errors: list[Exception] = []

    def add() -> None:
        barrier.wait()
        try:
            m.add("I am allergic to shellfish.", user_id="u")
        except Exception as e:  # noqa: BLE001 - collected and asserted below
            errors.append(e)

    threads = [threading.Thread(target=add) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert _state(m) == ["Is allergic to shellfish"]


def test_procedural_memory_summarises_an_agent_run(make: Any) -> None:
    m, llm = make([{"summary": "1. Searched flights. 2. Booked the 9am flight to Oslo."}])
    run = [{"role": "user", "content": "Book me a flight to Oslo"},
           {"role": "assistant", "content": "Searching flights... Booked the 9am flight."}]
    res = m.add(run, agent_id="travel-bot", memory_type="procedural_memory")
    rec = m.get(res["results"][0]["id"])
    assert rec["memory_type"] == "procedural_memory" and rec["agent_id"] == "travel-bot"
    assert "Oslo" in rec["memory"] and len(llm.calls) == 1


def test_images_are_skipped_with_a_warning_by_a_text_only_llm(make: Any) -> None:
    m, _ = make([facts("Has a red bicycle")])
    msg = {"role": "user", "content": [
        {"type": "text", "text": "This is my red bicycle"},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}]}
    res = m.add([msg], user_id="u")
    assert [e["memory"] for e in res["results"]] == ["Has a red bicycle"]
    assert any("image skipped" in w for w in res["warnings"])

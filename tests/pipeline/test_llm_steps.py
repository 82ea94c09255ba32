"""LLM steps driven by the scripted LLM: prompts sent, output validated, guards applied."""

from __future__ import annotations

import json

import pytest

from engram._types import MemoryRecord, Message, Scope
from engram.errors import LLMError
from engram.pipeline._plan import plan_changes
from engram.pipeline.base import Existing, ExtractContext, Fact
from engram.pipeline.llm_steps import (
    LLMExtractor,
    LLMReconciler,
    describe_images,
    summarise_procedural,
)
from engram.pipeline.prompts import (
    FACT_EXTRACTION_PROMPT,
    MESSAGE_TIME_PROMPT,
    UPDATE_MEMORY_PROMPT,
)
from engram.testing._llm import ScriptedLLM

CTX = ExtractContext()
USER = [Message("user", "I moved to Rome. I love espresso.", index=0),
        Message("assistant", "Nice!", index=1),
        Message("user", "I also cycle to work.", index=2)]


def test_extractor_sends_prompt_date_and_conversation_and_dedupes() -> None:
    llm = ScriptedLLM([{"facts": ["Moved to Rome", "Loves espresso", "loves espresso",
                                  42, {"text": "Cycles to work"}]}])
    facts, warnings = LLMExtractor(llm, today="2026-03-01").extract(USER, CTX)
    assert [(f.text, f.source_ids) for f in facts] == [
        ("Moved to Rome", ("0",)), ("Loves espresso", ("0",)), ("Cycles to work", ("2",))]
    assert warnings == ["facts[3]: not a non-empty string; dropped"]
    system, convo = llm.calls[0].messages
    assert system["content"].startswith(FACT_EXTRACTION_PROMPT)
    assert "The conversation took place on 2026-03-01;" in system["content"]
    assert "language of the conversation" in system["content"]
    assert convo["content"].splitlines()[0] == "user: I moved to Rome. I love espresso."


def test_extractor_uses_timestamp_custom_prompt_and_hints() -> None:
    llm = ScriptedLLM([{"facts": []}])
    ctx = ExtractContext(timestamp="2025-12-24T10:00:00", prompt="Only record food facts.",
                         includes="diet", excludes="health data")
    assert LLMExtractor(llm, today="2026-01-01").extract(USER, ctx) == ([], [])
    system = llm.calls[0].messages[0]["content"]
    assert system.startswith("Only record food facts.")
    assert FACT_EXTRACTION_PROMPT not in system
    assert "2025-12-24T10:00:00" in system and "diet" in system and "health data" in system
    assert "2026-01-01" not in system  # the message time, not the day of the call


def test_each_message_time_reaches_the_model() -> None:
    llm = ScriptedLLM([{"facts": []}])
    dated = [Message("user", "We moved last month.", index=0,
                     timestamp="2024-06-03T08:15:00.000000+00:00"),
             Message("user", "And I start a new job tomorrow.", index=1)]
    LLMExtractor(llm, today="2026-01-01").extract(dated, ExtractContext(timestamp="2024-06-04"))
    system, convo = llm.calls[0].messages
    assert MESSAGE_TIME_PROMPT.format(when="2024-06-04") in system["content"]
    assert convo["content"].splitlines() == ["[2024-06-03 08:15] user: We moved last month.",
                                             "user: And I start a new job tomorrow."]


def test_extractor_skips_the_call_when_there_is_nothing_to_read() -> None:
    llm = ScriptedLLM([])
    assert LLMExtractor(llm).extract([Message("assistant", "Hello!")], CTX) == ([], [])
    assert llm.calls == []


def test_extractor_surfaces_llm_failure() -> None:
    llm = ScriptedLLM([LLMError("bad key", retryable=False)])
    with pytest.raises(LLMError):
        LLMExtractor(llm).extract(USER, CTX)


def _payload(llm: ScriptedLLM) -> dict[str, object]:
    return json.loads(llm.calls[0].messages[1]["content"])  # type: ignore[no-any-return]


def test_reconciler_valid_output_maps_facts_and_sources() -> None:
    facts = [Fact("Lives in Rome", ("0",)), Fact("Loves espresso", ("0",))]
    existing = [Existing(0, "Lives in Paris"), Existing(1, "Loves espresso")]
    llm = ScriptedLLM([{"memory": [
        {"id": 0, "event": "UPDATE", "text": "Lives in Rome", "fact": 0},
        {"id": 1, "event": "NONE", "text": "", "fact": 1},
    ]}])
    out, warnings = LLMReconciler(llm).reconcile(facts, existing, CTX)
    assert [(d.event, d.ref, d.text, d.fact, d.source_ids) for d in out] == [
        ("UPDATE", 0, "Lives in Rome", 0, ("0",)), ("NONE", 1, None, 1, ("0",))]
    assert warnings == []
    assert _payload(llm) == {
        "stored_memories": [{"id": 0, "text": "Lives in Paris"}, {"id": 1, "text": "Loves espresso"}],
        "new_facts": [{"fact": 0, "text": "Lives in Rome"}, {"fact": 1, "text": "Loves espresso"}]}
    assert llm.calls[0].messages[0]["content"].startswith(UPDATE_MEMORY_PROMPT)


def test_reconciler_drops_unknown_ids_events_and_malformed_items() -> None:
    facts = [Fact("Lives in Rome")]
    llm = ScriptedLLM([{"memory": [
        {"id": 7, "event": "DELETE", "text": "", "fact": 0},
        {"id": 0, "event": "MERGE", "text": "x", "fact": 0},
        "not an object",
        {"id": 0, "event": "UPDATE", "text": "  ", "fact": 0},
        {"id": None, "event": "add", "text": "", "fact": 0},
        {"id": None, "event": "ADD", "text": "Lives in Rome", "fact": 0},
    ]}])
    decisions, warnings = LLMReconciler(llm).reconcile(facts, [Existing(0, "Lives in Paris")],
                                                      CTX)
    # The repeated ADD ("add" without text means the fact's text) collapses in the plan.
    out = plan_changes(decisions, [MemoryRecord("m0", "Lives in Paris", "h", Scope("u"))],
                       Scope("u"), {}).changes
    assert [(d.event, d.memory_id, d.text) for d in out] == [("ADD", None, "Lives in Rome")]
    assert len(warnings) == 4
    assert "memory id 7 is not one of the 1 shown" in warnings[0]
    assert "unknown event 'MERGE'" in warnings[1]


def test_reconciler_changes_a_memory_once() -> None:
    # The check is made once for every reconciler, by plan_changes.
    llm = ScriptedLLM([{"memory": [
        {"id": 0, "event": "UPDATE", "text": "Lives in Rome", "fact": 0},
        {"id": 0, "event": "DELETE", "text": "", "fact": 0},
    ]}])
    decisions, _ = LLMReconciler(llm).reconcile([Fact("Lives in Rome")],
                                                [Existing(0, "Lives in Paris")], CTX)
    plan = plan_changes(decisions, [MemoryRecord("m0", "Lives in Paris", "h", Scope("u"))],
                        Scope("u"), {})
    out, warnings = plan.changes, plan.warnings
    assert [d.event for d in out] == ["UPDATE"] and "already changed" in warnings[0]


def test_mass_deletion_guard_keeps_justified_deletes_only() -> None:
    existing = [Existing(i, t) for i, t in enumerate(
        ["Plays tennis", "Likes tea", "Lives in Oslo", "Has a cat"])]
    llm = ScriptedLLM([{"memory": [
        {"id": 0, "event": "DELETE", "text": "", "fact": 0},
        {"id": 1, "event": "DELETE", "text": "", "fact": 0},
        {"id": 2, "event": "DELETE", "text": "", "fact": 0},
        {"id": None, "event": "ADD", "text": "Stopped playing tennis", "fact": 0},
    ]}])
    out, warnings = LLMReconciler(llm).reconcile([Fact("Stopped playing tennis")], existing, CTX)
    assert [(d.event, d.ref) for d in out] == [("DELETE", 0), ("ADD", None)]
    assert warnings[0].startswith("mass deletion refused") and "[1, 2]" in warnings[0]


def test_few_deletes_pass_the_guard() -> None:
    llm = ScriptedLLM([{"memory": [{"id": 0, "event": "DELETE", "text": "", "fact": None}]}])
    out, _ = LLMReconciler(llm).reconcile([Fact("Hmm")], [Existing(0, "A"), Existing(1, "B")], CTX)
    assert [(d.event, d.ref) for d in out] == [("DELETE", 0)]


def test_reconciler_without_existing_adds_without_a_call_and_custom_prompt() -> None:
    llm = ScriptedLLM([])
    out, _ = LLMReconciler(llm).reconcile([Fact("Likes tea", ("2",))], [], CTX)
    assert [(d.event, d.text, d.fact, d.source_ids) for d in out] == [
        ("ADD", "Likes tea", 0, ("2",))]
    llm = ScriptedLLM([{"memory": []}])
    LLMReconciler(llm).reconcile([Fact("Likes tea")], [Existing(0, "Likes coffee")],
                                 ExtractContext(update_prompt="Be conservative."))
    assert llm.calls[0].messages[0]["content"].startswith("Be conservative.")


def test_procedural_summary_with_and_without_llm() -> None:
    run = [Message("user", "Tidy the repo."), Message("assistant", "Removed 3 files.")]
    assert summarise_procedural(None, run) == "Task: Tidy the repo.\n1. [assistant] Removed 3 files."
    llm = ScriptedLLM([{"summary": " Task: tidy. 1. Removed 3 files. "}])
    assert summarise_procedural(llm, run) == "Task: tidy. 1. Removed 3 files."
    assert "numbered steps" in llm.calls[0].messages[0]["content"]


def test_images_skipped_with_a_warning_or_described_with_vision() -> None:
    msgs = [Message("user", "Look at my dog", index=0, images=("data:image/png;base64,xx",))]
    same, warnings = describe_images(ScriptedLLM([]), msgs)
    assert same == msgs and warnings[0].startswith("image skipped:")
    llm = ScriptedLLM([{"descriptions": ["A beagle on a sofa"]}, {"facts": ["Has a beagle"]}],
                      supports_vision=True)
    facts, warnings = LLMExtractor(llm).extract(msgs, CTX)
    assert [f.text for f in facts] == ["Has a beagle"] and warnings == []
    assert llm.calls[0].messages[0]["content"][1]["image_url"]["url"].startswith("data:image")
    assert "[Image: A beagle on a sofa]" in llm.calls[1].messages[1]["content"]


def test_image_description_failure_never_crashes() -> None:
    msgs = [Message("user", "Look", index=0, images=("http://x/a.png",))]
    llm = ScriptedLLM([LLMError("vision down", retryable=False)], supports_vision=True)
    out, warnings = describe_images(llm, msgs)
    assert out == msgs and len(warnings) == 1
    assert warnings[0].startswith("image skipped: message 0:") and "vision down" in warnings[0]

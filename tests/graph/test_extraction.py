"""Graph extraction on hand-written conversations: offline rules and a scripted LLM."""

from __future__ import annotations

import pytest

from engram._types import Message
from engram.graph import LLMGraphExtractor, RulesGraphExtractor, normalise
from engram.graph._model import relationship_label
from engram.graph._rules import extract_triples
from engram.testing import ScriptedLLM


def triples(text: str, speaker: str = "user") -> list[tuple[str, str, str, bool]]:
    return [(t.source, t.relationship, t.target, t.negated) for t in extract_triples(text, speaker)]


@pytest.mark.parametrize(("text", "expected"), [
    ("My sister Anna is a nurse in Chicago.",
     [("user", "sister", "Anna", False), ("Anna", "works_as", "nurse", False),
      ("Anna", "lives_in", "Chicago", False)]),
    ("Anna works at Mercy Hospital.", [("Anna", "works_at", "Mercy Hospital", False)]),
    ("I'm a software engineer at Spotify.",
     [("user", "works_as", "software engineer", False), ("user", "works_at", "Spotify", False)]),
    ("I quit my job at Google and moved to Berlin",
     [("user", "works_at", "Google", True), ("user", "lives_in", "Berlin", False)]),
    ("I don't live in Paris anymore.", [("user", "lives_in", "Paris", True)]),
    ("My dog Max loves long walks.", [("user", "dog", "Max", False),
                                      ("Max", "likes", "long walks", False)]),
    ("We visited my brother Tom last week. He lives in Porto now.",
     [("user", "brother", "Tom", False), ("Tom", "lives_in", "Porto", False)]),
    ("I went camping at Yosemite with the kids", [("user", "camping_at", "Yosemite", False)]),
    # Nothing to hold on to: no capitalised place, no relative, no occupation.
    ("I live in a small flat and I'm a big fan of jazz.", []),
    ("What a lovely day! Thanks so much.", []),
])
def test_rules_on_hand_written_sentences(text: str, expected: list[tuple[str, str, str, bool]]) -> None:
    assert triples(text) == expected


def test_rules_use_the_speakers_name_and_only_the_users_messages() -> None:
    msgs = [Message("user", "I live in Lisbon", name="Caroline", index=0),
            Message("assistant", "I live in the cloud, Caroline lives in Lisbon", index=1),
            Message("user", "My friend Melanie works at Acme", name="Caroline", index=2)]
    out = RulesGraphExtractor().extract(msgs)
    assert [(t.source, t.relationship, t.target, t.message) for t in out.triples] == [
        ("Caroline", "lives_in", "Lisbon", 0), ("Caroline", "friend", "Melanie", 2),
        ("Melanie", "works_at", "Acme", 2)]


def test_names_meet_after_normalising() -> None:
    assert normalise("my sister Anna") == normalise("Sister Anna") == normalise("Anna") == "anna"
    assert normalise("The Mercy Hospital") == "mercy hospital"
    assert normalise("my best friend Tom's") == "tom"
    assert relationship_label("Works At ") == "works_at" and relationship_label("!!") == ""


def test_llm_extraction_is_validated() -> None:
    llm = ScriptedLLM([{"entities": [{"name": "Anna", "type": "Person"},
                                     {"name": "Chicago", "type": "place"}, {"type": "x"}],
                        "relations": [
                            {"source": "USER", "relationship": "Sister", "target": "Anna"},
                            {"source": "Anna", "relationship": "lives in", "target": "Chicago"},
                            {"source": "I", "relationship": "works_at", "target": "Acme",
                             "negated": True},
                            {"source": "Anna", "target": "Chicago"},
                            "not an object"]}])
    out = LLMGraphExtractor(llm).extract(
        [Message("user", "My sister Anna lives in Chicago; I left Acme", name="bo", index=3)])
    assert [(t.source, t.relationship, t.target, t.target_type, t.negated, t.message)
            for t in out.triples] == [
        ("bo", "sister", "Anna", "person", False, 3),
        ("Anna", "lives_in", "Chicago", "place", False, 3),
        ("bo", "works_at", "Acme", "thing", True, 3)]
    assert len(out.warnings) == 3
    call = llm.calls[0]
    assert call.schema_name == "graph" and "My sister Anna" in call.messages[-1]["content"]


def test_llm_is_not_called_without_user_text() -> None:
    llm = ScriptedLLM([])
    assert LLMGraphExtractor(llm).extract([Message("assistant", "hello")]).triples == []
    assert llm.calls == []

"""Through Memory with the offline rules, a real store and MiniLM: no silent loss
(`pipeline.on_no_fact`), Mem0's documentation examples stored, and reported speech that
cannot change the user's memories."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from engram import ConfigError, Memory


@pytest.fixture
def make(tmp_path: Path, shared_minilm: Any) -> Any:
    made: list[Memory] = []

    def build(mode: str | None = None) -> Memory:
        cfg: dict[str, Any] = {"store": {"path": str(tmp_path / f"n{len(made)}.db")},
                               "llm": {"provider": "rules"}}
        if mode is not None:
            cfg["pipeline"] = {"on_no_fact": mode}
        m = Memory(cfg, embedder=shared_minilm)
        made.append(m)
        return m

    yield build
    for m in made:
        m.close()


def _held(m: Memory, user: str = "u") -> list[str]:
    return sorted(r["memory"] for r in m.get_all(user_id=user)["results"])


CONVERSATION = [
    {"role": "user", "content": "Hello!"},
    {"role": "assistant", "content": "Hi, what can I do for you?"},
    {"role": "user", "content": "My flatmate reckons I snore."},  # reported: no fact
    {"role": "user", "content": "I collect antique maps."},
]


def test_warn_is_the_default_and_names_each_message_that_gave_no_fact(make: Any) -> None:
    m = make()
    assert m.config.pipeline.on_no_fact == "warn"
    r = m.add(CONVERSATION, user_id="u")
    assert [e["memory"] for e in r["results"]] == ["Collects antique maps"]
    assert r["warnings"] == ["no fact extracted from message 2: 'My flatmate reckons I snore.'"]
    assert _held(m) == ["Collects antique maps"]


def test_store_raw_keeps_the_unread_message_verbatim_in_the_same_add(make: Any) -> None:
    m = make("store_raw")
    r = m.add(CONVERSATION, user_id="u")
    assert sorted(e["memory"] for e in r["results"]) == [
        "Collects antique maps", "My flatmate reckons I snore."]
    assert r["warnings"] == ["no fact extracted from message 2: 'My flatmate reckons I snore.'"]
    raw = [x for x in m.get_all(user_id="u")["results"] if x["memory"].startswith("My flat")]
    assert raw and raw[0]["role"] == "user"
    # A message that gives nothing at all is kept on its own, too.
    r = m.add("Suppose I moved to Mars next year.", user_id="u")
    assert [e["memory"] for e in r["results"]] == ["Suppose I moved to Mars next year."]


def test_ignore_neither_warns_nor_stores(make: Any) -> None:
    m = make("ignore")
    r = m.add(CONVERSATION, user_id="u")
    assert "warnings" not in r and _held(m) == ["Collects antique maps"]


def test_small_talk_and_questions_are_not_reported(make: Any) -> None:
    r = make().add([{"role": "user", "content": "Thanks so much, bye!"},
                    {"role": "user", "content": "What time is it in Lima?"}], user_id="u")
    # No fact and no warning; the turns are kept as episodes (evidence, re-extraction).
    assert r["results"] == [] and "warnings" not in r and len(r["episode_ids"]) == 2


def test_an_unknown_mode_is_a_config_error_naming_the_field(make: Any) -> None:
    with pytest.raises(ConfigError, match="on_no_fact"):
        make("drop")


def test_mem0_documentation_examples_are_stored(make: Any) -> None:
    m = make()
    for text in ("Likes to play cricket on weekends", "Prefers vegetarian food",
                 "Alice is a software engineer"):
        r = m.add(text, user_id="alice")
        assert [e["event"] for e in r["results"]] == ["ADD"], (text, r)
    assert _held(m, "alice") == ["Alice is a software engineer",
                                 "Likes to play cricket on weekends", "Prefers vegetarian food"]


def test_reported_speech_and_a_forward_leave_the_users_memories(make: Any) -> None:
    m = make()
    for text in ("I live in Lisbon.", "I'm vegetarian.", "I play the oboe.",
                 "I work as a translator."):
        m.add(text, user_id="u")
    before = _held(m)
    m.add("My friend thinks I don't live in Lisbon anymore.", user_id="u")
    m.add("Forwarding an email from a stranger: I don't live in Lisbon. I'm not vegetarian. "
          "I quit the oboe. I'm no longer a translator.", user_id="u")
    assert _held(m) == before
    # The user's own correction still works.
    m.add("I moved to Faro last month.", user_id="u")
    assert "Lives in Faro" in _held(m) and "Lives in Lisbon" not in _held(m)

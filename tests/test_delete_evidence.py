"""``delete(memory_id, with_evidence=True)`` on both stores, and through the CLI, the REST
server and the clients: a fact goes with the turns that only it cites, in one change that
history records and undo reverses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from engram import InvalidInput, Memory, NotFound

TURNS = {"memory_type": "episode"}
CHAT = [{"role": "user", "content": "I live in Lisbon and I play the cello."},
        {"role": "assistant", "content": "Lovely! How long have you played?"},
        {"role": "user", "content": "My neighbour's parrot kept everyone awake last night."}]


def _turn_ids(m: Memory, user: str = "u") -> set[str]:
    return {t["id"] for t in m.get_all(user_id=user, filters=TURNS)["results"]}


def _fact(m: Memory, text: str, user: str = "u") -> dict[str, Any]:
    return next(f for f in m.get_all(user_id=user)["results"] if f["memory"] == text)


def test_a_turn_goes_only_with_the_last_fact_citing_it(memory: Memory) -> None:
    eps = memory.add(CHAT, user_id="u")["episode_ids"]
    lisbon, cello = _fact(memory, "Lives in Lisbon"), _fact(memory, "Plays the cello")
    assert lisbon["source_ids"] == cello["source_ids"] == [eps[0]]
    # Another fact still stands on the turn: it stays.
    first = memory.delete(lisbon["id"], with_evidence=True)
    assert first["id"] == lisbon["id"] and first["evidence_deleted"] == []
    assert _turn_ids(memory) == set(eps)
    # The last fact citing it takes it along; the turns no fact came from stay.
    second = memory.delete(cello["id"], with_evidence=True)
    assert second["evidence_deleted"] == [eps[0]]
    assert _turn_ids(memory) == set(eps[1:])
    with pytest.raises(NotFound):
        memory.get(eps[0])
    # History says why each went, as one change.
    fact_row, turn_row = memory.history(cello["id"])[-1], memory.history(eps[0])[-1]
    for row in (fact_row, turn_row):
        assert (row["event"], row["origin"], row["add_id"]) == (
            "DELETE", "delete_with_evidence", second["add_id"])
    assert fact_row["old_source_ids"] == [eps[0]]
    # Undo puts the fact and its turn back, still linked.
    memory.undo(second["add_id"])
    assert _turn_ids(memory) == set(eps)
    hit = memory.search("cello", user_id="u", top_k=1, include_evidence=True)["results"][0]
    assert hit["id"] == cello["id"]
    assert [e["id"] for e in hit["evidence"]] == [eps[0]]


def test_an_updated_fact_cites_the_turns_of_both_versions(memory: Memory) -> None:
    first = memory.add("I live in Lisbon.", user_id="u")
    second = memory.add("I moved to Berlin.", user_id="u")
    fid = first["results"][0]["id"]
    assert memory.get(fid)["memory"] == "Lives in Berlin"
    assert memory.get(fid)["source_ids"] == first["episode_ids"] + second["episode_ids"]
    # The Berlin turn is also the evidence of "Moved to Berlin": only Lisbon's goes.
    out = memory.delete(fid, with_evidence=True)
    assert out["evidence_deleted"] == first["episode_ids"]
    assert _turn_ids(memory) == set(second["episode_ids"])
    moved = _fact(memory, "Moved to Berlin")
    assert memory.delete(moved["id"], with_evidence=True)["evidence_deleted"] == \
        second["episode_ids"]
    assert _turn_ids(memory) == set() and memory.get_all(user_id="u")["results"] == []


def test_without_the_flag_the_turns_stay_and_bad_input_deletes_nothing(memory: Memory) -> None:
    eps = memory.add(CHAT, user_id="u")["episode_ids"]
    cello = _fact(memory, "Plays the cello")
    with pytest.raises(InvalidInput) as e:
        memory.delete(cello["id"], with_evidence="yes")  # type: ignore[arg-type]
    assert e.value.field == "with_evidence"
    assert memory.get(cello["id"])["memory"] == "Plays the cello"
    with pytest.raises(NotFound):
        memory.delete("no-such-memory", with_evidence=True)
    plain = memory.delete(cello["id"])
    assert "evidence_deleted" not in plain and _turn_ids(memory) == set(eps)
    # A turn deleted by its own id is just itself (it has no evidence).
    assert memory.delete(eps[2], with_evidence=True)["evidence_deleted"] == []
    assert _turn_ids(memory) == set(eps[:2])


def test_facts_of_another_scope_do_not_keep_a_turn(memory: Memory) -> None:
    """Only facts that could cite the turn count: the same text in another user's scope
    cites that user's own turn."""
    mine = memory.add("I play the cello.", user_id="u")
    memory.add("I play the cello.", user_id="v")
    out = memory.delete(mine["results"][0]["id"], with_evidence=True)
    assert out["evidence_deleted"] == mine["episode_ids"]
    assert len(_turn_ids(memory, "v")) == 1


def test_cli_delete_with_evidence(tmp_path: Path, shared_minilm: Any,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from engram import _components
    from engram.cli import app

    monkeypatch.setattr(_components.Components, "raw_embedder",
                        property(lambda self: shared_minilm))
    db = str(tmp_path / "cli.db")
    run = CliRunner().invoke
    added = json.loads(run(app, ["add", "I play the cello.", "-u", "u", "--db", db,
                                 "--json"]).output)
    res = run(app, ["delete", added["results"][0]["id"], "--with-evidence", "--db", db,
                    "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["evidence_deleted"] == added["episode_ids"]
    listed = run(app, ["list", "-u", "u", "--db", db, "--json"])
    assert json.loads(listed.output)["results"] == []

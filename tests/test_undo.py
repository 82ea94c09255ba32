"""Memory.undo and `engram undo`: an add's changes restored from history, as a new
history entry, on both stores (SQLite file; PostgreSQL by DSN, as a user configures it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from engram import InvalidInput, Memory, NotFound
from engram._types import HistoryEvent, MemoryRecord, Scope
from engram._undo import plan_undo
from engram.cli import app


@pytest.fixture
def mem(memory: Memory) -> Memory:
    """The conftest's Memory on each backend in turn (fresh store, MiniLM, rules)."""
    return memory


def _state(m: Memory, user: str = "u") -> dict[str, str]:
    return {r["id"]: r["memory"] for r in m.get_all(user_id=user)["results"]}


def _records(m: Memory, user: str = "u") -> dict[str, dict[str, Any]]:
    keep = ("memory", "user_id", "agent_id", "metadata", "hash", "source_ids", "role")
    return {r["id"]: {k: r.get(k) for k in keep} for r in m.get_all(user_id=user)["results"]}


def _setup(m: Memory) -> dict[str, dict[str, Any]]:
    m.add("I live in Lisbon.", user_id="u", metadata={"topic": "home"})
    m.add("I play tennis on weekends.", user_id="u", agent_id="coach", metadata={"n": 1})
    m.add("I have a cat named Miso.", user_id="u")
    return _records(m)


def test_undo_restores_an_inferred_add_and_records_it(mem: Memory) -> None:
    before = _setup(mem)
    res = mem.add("I moved to Berlin. I stopped playing tennis.", user_id="u")
    events = {e["event"] for e in res["results"]}
    assert {"UPDATE", "DELETE", "ADD"} <= events and res["add_id"]
    assert _state(mem) != {k: v["memory"] for k, v in before.items()}

    undone = mem.undo(res["add_id"])
    assert _records(mem) == before  # same ids, texts, scopes, metadata
    assert {e["event"] for e in undone["results"]} == {"ADD", "UPDATE", "DELETE"}
    assert undone["add_id"] != res["add_id"] and "warnings" not in undone
    # Each change and its undo are in the memory's history; nothing was erased.
    tennis = next(k for k, v in before.items() if "tennis" in v["memory"])
    hist = mem.history(tennis)
    assert [h["event"] for h in hist] == ["ADD", "DELETE", "ADD"]
    assert hist[1]["add_id"] == res["add_id"] and hist[2]["add_id"] == undone["add_id"]
    home = next(k for k, v in before.items() if "Lisbon" in v["memory"])
    assert [(h["event"], h["new_memory"]) for h in mem.history(home)][-1] == (
        "UPDATE", "Lives in Lisbon")
    # Search finds the restored memory again (vector and keyword index restored too).
    assert mem.search("tennis", user_id="u")["results"][0]["id"] == tennis


def test_undo_by_an_event_id_and_undo_of_an_undo(mem: Memory) -> None:
    before = _setup(mem)
    res = mem.add("I moved to Berlin.", user_id="u")
    after = _records(mem)
    changed = next(e for e in res["results"] if e["event"] == "UPDATE")
    event_id = mem.history(changed["id"])[-1]["id"]
    undone = mem.undo(event_id)
    assert _records(mem) == before
    mem.undo(undone["add_id"])  # redo
    assert _records(mem) == after


def test_a_memory_changed_since_is_left_alone(mem: Memory) -> None:
    _setup(mem)
    res = mem.add("I moved to Berlin. I stopped playing tennis.", user_id="u")
    upd = next(e for e in res["results"] if e["event"] == "UPDATE")
    mem.update(upd["id"], "Lives in Munich")
    undone = mem.undo(res["add_id"])
    assert _state(mem)[upd["id"]] == "Lives in Munich"
    assert any(upd["id"] in w and "changed since" in w for w in undone["warnings"])
    assert any("tennis" in t for t in _state(mem).values())


def test_raw_adds_are_undone_and_bad_ids_are_refused(mem: Memory) -> None:
    res = mem.add([{"role": "user", "content": "hello"}, {"role": "assistant", "content": "hi"}],
                  user_id="u", infer=False)
    assert len(_state(mem)) == 2
    mem.undo(res["add_id"])
    assert _state(mem) == {}
    with pytest.raises(NotFound):
        mem.undo("no-such-add")
    with pytest.raises(InvalidInput) as e:
        mem.undo("")
    assert e.value.field == "add_id"


def test_an_add_that_changed_nothing_has_no_add_id(mem: Memory) -> None:
    mem.config.pipeline.keep_episodes = False
    assert "add_id" not in mem.add("Hi, how are you?", user_id="u")


def test_undo_removes_the_turns_an_add_kept(mem: Memory) -> None:
    """A chit-chat add gives no fact but stores its turn: undo takes the turn back."""
    res = mem.add("Hi, how are you?", user_id="u")
    assert res["results"] == [] and len(res["episode_ids"]) == 1
    turns = {"memory_type": "episode"}
    assert [r["id"] for r in mem.get_all(user_id="u", filters=turns)["results"]] == \
        res["episode_ids"]
    mem.undo(res["add_id"])
    assert mem.get_all(user_id="u", filters=turns)["results"] == []


def test_cli_undo(tmp_path: Path, shared_minilm: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from engram import _components

    monkeypatch.setattr(_components.Components, "raw_embedder",
                        property(lambda self: shared_minilm))
    db = str(tmp_path / "cli.db")
    run = CliRunner().invoke
    added = run(app, ["add", "I live in Lisbon.", "--user", "u", "--db", db, "--json"])
    assert added.exit_code == 0, added.output
    add_id = json.loads(added.output)["add_id"]
    out = run(app, ["undo", add_id, "--db", db, "--json"])
    assert out.exit_code == 0, out.output
    # The fact and the turn it came from (its episode).
    assert [e["event"] for e in json.loads(out.output)["results"]] == ["DELETE", "DELETE"]
    listed = run(app, ["list", "--user", "u", "--db", db, "--json"])
    assert json.loads(listed.output)["results"] == []
    assert run(app, ["undo", "nope", "--db", db]).exit_code != 0


def _ev(mid: str, event: str, old: str | None, new: str | None,
        snapshot: dict[str, Any] | None = None) -> HistoryEvent:
    return HistoryEvent(f"e-{mid}-{event}", mid, event, old, new, "t", add_id="a",  # type: ignore[arg-type]
                        snapshot=snapshot)


def _rec(mid: str, text: str) -> MemoryRecord:
    return MemoryRecord(mid, text, "h", Scope("u"))


def test_plan_undo_reverses_each_memory_to_its_state_before_the_add() -> None:
    snap = {"user_id": "u", "agent_id": "a", "metadata": {"k": 1}}
    events = [_ev("m1", "ADD", None, "Likes tea"), _ev("m2", "UPDATE", "A", "B"),
              _ev("m2", "UPDATE", "B", "C"), _ev("m3", "DELETE", "Has a cat", None, snap)]
    plan = plan_undo(events, {"m1": _rec("m1", "Likes tea"), "m2": _rec("m2", "C")})
    assert [(s.event, s.memory_id, s.text, s.previous) for s in plan.steps] == [
        ("DELETE", "m1", "Likes tea", None), ("UPDATE", "m2", "A", "C"),
        ("ADD", "m3", "Has a cat", None)]
    assert plan.steps[2].snapshot == snap and plan.warnings == []


def test_plan_undo_leaves_later_changes_and_unrestorable_rows_alone() -> None:
    events = [_ev("m1", "ADD", None, "Likes tea"), _ev("m2", "UPDATE", "A", "B"),
              _ev("m3", "DELETE", "Has a cat", None), _ev("m4", "DELETE", "X", None, {})]
    plan = plan_undo(events, {"m2": _rec("m2", "Z"), "m4": _rec("m4", "X")})
    assert plan.steps == []
    assert [w.split(":")[0] for w in plan.warnings] == ["m1", "m2", "m3", "m4"]

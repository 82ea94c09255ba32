"""Episodes and evidence through ``Memory`` on both stores: infer=True keeps the turns,
facts cite them, search reaches facts through them, and forgetting removes them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from engram import Memory

TURNS = {"memory_type": "episode"}


@pytest.fixture
def mem(memory: Memory) -> Memory:
    """The conftest's Memory on each backend in turn (fresh store, MiniLM, rules)."""
    return memory


CHAT = [{"role": "system", "content": "You are a helpful assistant."},
        {"role": "user", "content": "I live in Lisbon and I play the cello."},
        {"role": "assistant", "content": "Lovely! How long have you played?"},
        {"role": "user", "content": "My neighbour's parrot kept everyone awake last night."}]


def _turns(m: Memory, user: str = "u") -> list[dict[str, Any]]:
    return m.get_all(user_id=user, filters=TURNS)["results"]


def test_an_inferred_add_keeps_its_turns_and_facts_cite_them(mem: Memory) -> None:
    res = mem.add(CHAT, user_id="u")
    eps = res["episode_ids"]
    # The system message is not a turn of the conversation.
    stored = {t["id"]: t for t in _turns(mem)}
    assert set(stored) == set(eps) and len(eps) == 3
    assert [stored[i]["memory"] for i in eps] == [m["content"] for m in CHAT[1:]]
    assert [stored[i]["role"] for i in eps] == ["user", "assistant", "user"]
    facts = mem.get_all(user_id="u")["results"]
    assert facts and all(f.get("memory_type") != "episode" for f in facts)
    assert {f["memory"] for f in facts} >= {"Lives in Lisbon", "Plays the cello"}
    for f in facts:
        assert f["source_ids"] == [eps[0]]
    assert mem.get_all(user_id="u", page=1, page_size=10)["total"] == len(facts)
    assert {s["id"]: s["total_memories"] for s in mem.scopes()} == {"u": len(facts)}


def test_as_of_reads_list_facts_and_the_turns_only_when_asked(mem: Memory) -> None:
    mem.add(CHAT, user_id="u")
    facts = {f["memory"] for f in mem.get_all(user_id="u")["results"]}
    now = datetime.now(UTC).isoformat()
    held = mem.get_all(user_id="u", as_of=now)["results"]
    assert {h["memory"] for h in held} == facts
    turns = mem.get_all(filters={"user_id": "u", "memory_type": "episode"}, as_of=now)
    assert {t["memory"] for t in turns["results"]} == {m["content"] for m in CHAT[1:]}


def test_keep_episodes_off_stores_no_turn(mem: Memory) -> None:
    mem.config.pipeline.keep_episodes = False
    res = mem.add(CHAT, user_id="u")
    assert "episode_ids" not in res and _turns(mem) == []
    facts = mem.get_all(user_id="u")["results"]
    assert facts and all(f["source_ids"] == ["1"] for f in facts)  # positions, as before
    assert mem.add("Thanks, bye!", user_id="u").get("episode_ids") is None
    assert _turns(mem) == []


def test_provenance_of_both_versions_survives_an_update(mem: Memory) -> None:
    first = mem.add("I live in Lisbon.", user_id="u")
    fid = first["results"][0]["id"]
    second = mem.add("I moved to Berlin.", user_id="u")
    upd = next(r for r in second["results"] if r["event"] == "UPDATE")
    assert upd["id"] == fid
    rec = mem.get(fid)
    assert rec["source_ids"] == first["episode_ids"] + second["episode_ids"]
    hist = mem.history(fid)
    assert [h["event"] for h in hist] == ["ADD", "UPDATE"]
    assert hist[0]["new_source_ids"] == first["episode_ids"]
    assert hist[1]["old_source_ids"] == first["episode_ids"]
    assert hist[1]["new_source_ids"] == first["episode_ids"] + second["episode_ids"]
    # Undo puts the old text and the old provenance back.
    mem.undo(second["add_id"])
    assert mem.get(fid)["source_ids"] == first["episode_ids"]


def test_search_reaches_a_fact_through_its_turn_and_shows_the_evidence(mem: Memory) -> None:
    res = mem.add(CHAT, user_id="u")
    cello = next(r["id"] for r in res["results"] if r["memory"] == "Plays the cello")
    # The turn says "Lisbon" and "cello"; the fact "Plays the cello" does not say Lisbon.
    hits = mem.search("Lisbon cello", user_id="u", top_k=3, include_evidence=True,
                      explain=True)["results"]
    assert hits[0]["id"] == cello  # in place of its turn, the best hit
    assert hits[0]["score_details"]["via_episode"] == res["episode_ids"][0]
    item = hits[0]
    assert [e["memory"] for e in item["evidence"]] == [CHAT[1]["content"]]
    assert all(h.get("memory_type") != "episode" for h in hits[:2])
    without = mem.search("Lisbon cello", user_id="u", top_k=3)["results"]
    assert all("evidence" not in h for h in without)


def test_a_turn_without_a_fact_is_found_as_an_episode_unless_facts_only(mem: Memory) -> None:
    res = mem.add(CHAT, user_id="u")
    parrot = res["episode_ids"][2]
    hits = mem.search("noisy parrot at night", user_id="u", top_k=3)["results"]
    assert hits[0]["id"] == parrot and hits[0]["memory_type"] == "episode"
    only = mem.search("noisy parrot at night", user_id="u", top_k=3, facts_only=True)["results"]
    assert only and all(h.get("memory_type") != "episode" for h in only)
    assert parrot not in [h["id"] for h in only]
    # Asking for episodes by filter searches the turns themselves.
    turns = mem.search("cello", user_id="u", filters=TURNS, top_k=5)["results"]
    assert turns and all(h["memory_type"] == "episode" for h in turns)


def test_delete_all_and_reset_leave_no_turn(mem: Memory) -> None:
    mem.add(CHAT, user_id="u")
    mem.add(CHAT, user_id="v")
    mem.delete_all(user_id="u")
    assert _turns(mem, "u") == [] and mem.get_all(user_id="u")["results"] == []
    assert len(_turns(mem, "v")) == 3
    mem.reset()
    assert _turns(mem, "v") == [] and mem.scopes() == []


def test_deleting_a_fact_leaves_its_turns(mem: Memory) -> None:
    res = mem.add(CHAT, user_id="u")
    mem.delete(res["results"][0]["id"])
    assert len(_turns(mem)) == 3


def _facts(m: Memory, user: str = "u") -> dict[str, dict[str, Any]]:
    return {f["memory"]: f for f in m.get_all(user_id=user)["results"]}


def test_reextract_dry_run_changes_nothing_then_applies_add(mem: Memory) -> None:
    res = mem.add(CHAT, user_id="u")
    for f in mem.get_all(user_id="u")["results"]:  # an extractor that kept nothing
        mem.delete(f["id"])
    dry = mem.reextract(user_id="u", dry_run=True)
    assert dry["dry_run"] and dry["scopes"] == [{"user_id": "u", "episodes": 3, "add_id": None}]
    assert {(e["event"], e["memory"]) for e in dry["results"]} >= {
        ("ADD", "Lives in Lisbon"), ("ADD", "Plays the cello")}
    assert mem.get_all(user_id="u")["results"] == []
    done = mem.reextract(user_id="u")
    facts = _facts(mem)
    assert {e["memory"] for e in done["results"] if e["event"] == "ADD"} == set(facts)
    lisbon = facts["Lives in Lisbon"]
    assert lisbon["source_ids"] == [res["episode_ids"][0]]  # cites the stored turn
    hist = mem.history(lisbon["id"])
    assert [(h["event"], h.get("origin")) for h in hist] == [("ADD", "reextract")]
    # Run again: everything is known, nothing changes.
    again = mem.reextract(user_id="u")
    assert {e["event"] for e in again["results"]} == {"NONE"}
    assert again["scopes"][0]["add_id"] is None


def test_reextract_updates_and_deletes_through_the_pipeline(mem: Memory) -> None:
    def facts_only(text: str) -> None:  # an add that keeps no turn
        mem.config.pipeline.keep_episodes = False
        mem.add(text, user_id="u")
        mem.config.pipeline.keep_episodes = True

    facts_only("I live in Lisbon. I play tennis.")
    lisbon = _facts(mem)["Lives in Lisbon"]["id"]
    moved = mem.add("I moved to Berlin.", user_id="u")
    stopped = mem.add("I stopped playing tennis.", user_id="u")
    assert {"Plays tennis", "Lives in Lisbon"}.isdisjoint(_facts(mem))
    # An older extractor would have missed both changes: put the old facts back.
    mem.update(lisbon, "Lives in Lisbon")
    facts_only("I play tennis.")
    for f in _facts(mem).values():
        if "Berlin" in f["memory"] and f["id"] != lisbon:
            mem.delete(f["id"])
    assert {"Plays tennis", "Lives in Lisbon"} <= set(_facts(mem))
    # The dry run shows the UPDATE and the DELETE and changes nothing, history included.
    before, hist = _facts(mem), mem.history(lisbon)
    dry = mem.reextract(user_id="u", dry_run=True)
    planned = {(e["event"], e.get("previous_memory") or e["memory"]) for e in dry["results"]}
    assert ("UPDATE", "Lives in Lisbon") in planned and ("DELETE", "Plays tennis") in planned
    assert _facts(mem) == before and mem.history(lisbon) == hist
    done = mem.reextract(user_id="u")
    events = {(e["event"], e.get("previous_memory") or e["memory"]) for e in done["results"]}
    assert ("UPDATE", "Lives in Lisbon") in events and ("DELETE", "Plays tennis") in events
    after = _facts(mem)
    assert "Plays tennis" not in after and "Lives in Lisbon" not in after
    assert after["Lives in Berlin"]["id"] == lisbon
    assert moved["episode_ids"][0] in after["Lives in Berlin"]["source_ids"]
    upd = mem.history(lisbon)[-1]
    assert (upd["event"], upd["origin"]) == ("UPDATE", "reextract")
    assert stopped["episode_ids"]  # the turn that deleted it is still there
    # A rerun reads the same turns: nothing more to change.
    assert {e["event"] for e in mem.reextract(user_id="u")["results"]} <= {"NONE"}


def test_reextract_reads_each_turn_at_the_time_it_was_said(mem: Memory) -> None:
    """A turn said in May 2023 about "next month" means June 2023 whenever it is re-read,
    and the fact re-derived from it is dated by the turn, not by the re-extraction."""
    said = "2023-05-10T14:00:00+00:00"
    mem.add("I am flying to Lisbon next month.", user_id="u", timestamp=said)
    [fact] = mem.get_all(user_id="u")["results"]
    assert fact["memory"] == "Is flying to Lisbon in June 2023"
    mem.delete(fact["id"])
    done = mem.reextract(user_id="u")
    assert [(e["event"], e["memory"]) for e in done["results"]] == [
        ("ADD", "Is flying to Lisbon in June 2023")]
    [again] = mem.get_all(user_id="u")["results"]
    assert again["happened_at"].startswith("2023-05-10T14:00:00")


def test_reextract_since_skips_older_turns_and_needs_a_scope(mem: Memory) -> None:
    mem.add(CHAT, user_id="u")
    later = mem.get_all(user_id="u", filters=TURNS)["results"][0]["created_at"]
    for f in mem.get_all(user_id="u")["results"]:
        mem.delete(f["id"])
    assert mem.reextract(user_id="u", since="2999-01-01", dry_run=True)["scopes"] == []
    assert mem.reextract(user_id="u", since=later, dry_run=True)["scopes"][0]["episodes"] == 3
    from engram import InvalidInput

    with pytest.raises(InvalidInput) as e:
        mem.reextract(dry_run=True)
    assert e.value.field == "filters"
    with pytest.raises(InvalidInput) as e:
        mem.reextract(user_id="u", since="yesterday")
    assert e.value.field == "since"


def test_cli_reextract_dry_run_then_apply(tmp_path: Path, shared_minilm: Any,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from typer.testing import CliRunner

    from engram import _components
    from engram.cli import app

    monkeypatch.setattr(_components.Components, "raw_embedder",
                        property(lambda self: shared_minilm))
    db = str(tmp_path / "cli.db")
    run = CliRunner().invoke
    added = json.loads(run(app, ["add", "I live in Lisbon.", "-u", "u", "--db", db,
                                 "--json"]).output)
    run(app, ["delete", added["results"][0]["id"], "--db", db])
    dry = run(app, ["reextract", "-u", "u", "--dry-run", "--db", db])
    assert dry.exit_code == 0 and "Lives in Lisbon" in dry.output, dry.output
    assert json.loads(run(app, ["list", "-u", "u", "--db", db, "--json"]).output)[
        "results"] == []
    done = run(app, ["reextract", "-u", "u", "--db", db, "--json"])
    assert done.exit_code == 0, done.output
    assert [e["event"] for e in json.loads(done.output)["results"]] == ["ADD"]
    bad = run(app, ["reextract", "--db", db])
    assert bad.exit_code != 0 and "user_id" in bad.output


def test_a_question_naming_the_speaker_reaches_her_own_turn(mem: Memory) -> None:
    """A turn's vector carries who said it: neither turn names Anna, yet the question
    about her finds hers first; its text stays as said, its hash is of what was embedded."""
    from engram.embed import text_hash

    res = mem.add([{"role": "user", "name": "Ben", "content": "We adopted a dog last week."},
                   {"role": "user", "name": "Anna", "content": "We adopted a cat last week."}],
                  user_id="u")
    for who, other in (("Anna", "cat"), ("Ben", "dog")):
        top = mem.search(f"What did {who} adopt?", user_id="u", filters=TURNS,
                         top_k=1)["results"][0]
        assert (top["actor_id"], top["memory"]) == (who, f"We adopted a {other} last week.")
    anna = mem.get(res["episode_ids"][1])
    assert anna["hash"] == text_hash("Anna: We adopted a cat last week.")


def _vector_is(m: Memory, mid: str, text: str) -> bool:
    """Whether the stored vector of ``mid`` is the embedding of ``text``."""
    [q] = m._parts.raw_embedder.embed([text])
    return m.store.similarities("", [mid], q)[mid] > 0.999


def test_every_path_embeds_a_turn_with_its_speaker(mem: Memory) -> None:
    """A turn's vector and hash are of "Speaker: text" however it is (re)written: the
    add (or the background writer), update, batch_update, and undo of each; its keyword
    index keeps the speaker throughout, its text stays as said."""
    from engram.embed import text_hash

    out = mem.add([{"role": "user", "name": "Anna", "content": "We adopted a cat last week."}],
                  user_id="u", timestamp="2023-05-08T10:00:00Z")
    mem.flush()
    [eid] = out["episode_ids"]
    assert _vector_is(mem, eid, "Anna: We adopted a cat last week.")
    upd = mem.update(eid, "We adopted a kitten last week.")
    assert upd["memory"] == "We adopted a kitten last week."
    assert _vector_is(mem, eid, "Anna: We adopted a kitten last week.")
    assert mem.get(eid)["hash"] == text_hash("Anna: We adopted a kitten last week.")
    mem.batch_update([{"memory_id": eid, "text": "We adopted two kittens."}])
    assert _vector_is(mem, eid, "Anna: We adopted two kittens.")
    assert mem.get(eid)["hash"] == text_hash("Anna: We adopted two kittens.")
    # Undo of an update puts the earlier text back, embedded as the add embedded it.
    [row] = [h for h in mem.history(eid) if h["new_memory"] == "We adopted two kittens."]
    mem.undo(row["id"])
    assert mem.get(eid)["memory"] == "We adopted a kitten last week."
    assert _vector_is(mem, eid, "Anna: We adopted a kitten last week.")
    # Undo of a delete restores the turn as it was: vector, speaker in the keyword
    # index, and the time it was said.
    mem.delete(eid)
    assert mem.get_all(user_id="u", filters=TURNS)["results"] == []
    [dele] = [h for h in mem.history(eid) if h["event"] == "DELETE"]
    mem.undo(dele["id"])
    back = mem.get(eid)
    assert back["happened_at"].startswith("2023-05-08")
    assert _vector_is(mem, eid, "Anna: We adopted a kitten last week.")
    hits = mem.search("Anna", user_id="u", filters=TURNS, search_mode="keyword")["results"]
    assert [h["id"] for h in hits] == [eid]


def test_the_spoken_module_examples_run() -> None:
    import doctest

    import engram._add._episodes
    import engram._spoken

    assert doctest.testmod(engram._spoken).failed == 0
    assert doctest.testmod(engram._add._episodes).failed == 0

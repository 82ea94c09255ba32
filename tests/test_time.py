"""Time-aware memory (issue #19) through ``Memory`` on each store backend: event time
(``timestamp`` -> ``happened_at``), per-message timestamps, filters on the event time, and
``expiration_date`` with ``show_expired``."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from engram import InvalidInput, Memory
from engram.testing import ScriptedLLM


def _one(memory: Memory, **kw: Any) -> dict[str, Any]:
    r = memory.add("I planted tomatoes in the garden", user_id="u", infer=False, **kw)
    return memory.get(r["results"][0]["id"])


@pytest.mark.parametrize(("given", "stored"), [
    ("2023-05-08T13:56:00", "2023-05-08T13:56:00.000000+00:00"),  # naive: UTC
    ("2023-05-08T15:56:00+02:00", "2023-05-08T13:56:00.000000+00:00"),
    ("2023-05-08T13:56:00Z", "2023-05-08T13:56:00.000000+00:00"),
    ("2023-05-08", "2023-05-08T00:00:00.000000+00:00"),
    (1683554160, "2023-05-08T13:56:00.000000+00:00"),  # Unix seconds, as Mem0's client sends
    (1683554160.5, "2023-05-08T13:56:00.500000+00:00"),
    (datetime(2023, 5, 8, 13, 56, tzinfo=UTC), "2023-05-08T13:56:00.000000+00:00"),
    (datetime(2023, 5, 8, 9, 56, tzinfo=timezone(timedelta(hours=-4))),
     "2023-05-08T13:56:00.000000+00:00"),
    (date(2023, 5, 8), "2023-05-08T00:00:00.000000+00:00"),
])
def test_each_timestamp_form_becomes_the_event_time(memory: Memory, given: Any,
                                                    stored: str) -> None:
    rec = _one(memory, timestamp=given)
    assert rec["happened_at"] == stored
    assert rec["created_at"] > stored and rec["created_at"] != rec["happened_at"]


def test_without_a_timestamp_the_event_time_is_the_write_time(memory: Memory) -> None:
    rec = _one(memory)
    assert rec["happened_at"] == rec["created_at"]
    assert "expiration_date" not in rec


@pytest.mark.parametrize(("given", "problem"), [
    ("yesterday", "is not an ISO-8601 date"), ("2023-13-01", "is not an ISO-8601 date"),
    (float("nan"), "is not a valid unix time"), (10**20, "is not a valid unix time"),
    (True, "must be an ISO-8601"), ([2023], "must be an ISO-8601"),
])
def test_a_bad_timestamp_names_the_field_and_stores_nothing(memory: Memory, given: Any,
                                                             problem: str) -> None:
    with pytest.raises(InvalidInput, match=f"^timestamp: {problem}"):
        memory.add("hello there", user_id="u", infer=False, timestamp=given)
    with pytest.raises(InvalidInput, match=r"^messages\[1\]\.timestamp: "):
        memory.add([{"role": "user", "content": "a"},
                    {"role": "user", "content": "b", "timestamp": given}],
                   user_id="u", infer=False)
    assert memory.get_all(user_id="u")["results"] == []


def test_per_message_timestamps_win_over_the_calls(memory: Memory) -> None:
    r = memory.add([
        {"role": "user", "content": "We adopted a cat named Miso", "timestamp": "2023-01-10"},
        {"role": "assistant", "content": "Congratulations on Miso!"},
        {"role": "user", "content": "Miso learned to open doors",
         "timestamp": 1686787200},  # 2023-06-15
    ], user_id="u", infer=False, timestamp="2023-03-01T12:00:00Z")
    got = [memory.get(x["id"])["happened_at"][:10] for x in r["results"]]
    assert got == ["2023-01-10", "2023-03-01", "2023-06-15"]


def test_inferred_facts_take_the_time_of_their_messages(store_config: dict[str, Any]) -> None:
    llm = ScriptedLLM([
        {"facts": ["Adopted a cat named Miso", "Works as a nurse"]},
        {"memory": [{"id": "new", "text": "Adopted a cat named Miso", "event": "ADD"},
                    {"id": "new", "text": "Works as a nurse", "event": "ADD"}]},
    ])
    with Memory({"store": store_config}, llm=llm) as m:
        m.add([{"role": "user", "content": "We adopted a cat named Miso",
                "timestamp": "2023-01-10T08:00:00Z"},
               {"role": "user", "content": "I work as a nurse"}],
              user_id="u", timestamp="2023-02-01T00:00:00Z")
        when = {r["memory"]: r["happened_at"][:10] for r in m.get_all(user_id="u")["results"]}
    # The scripted facts name no source message: both are dated by the call.
    assert set(when.values()) <= {"2023-01-10", "2023-02-01"}
    assert when["Works as a nurse"] == "2023-02-01"


def test_the_rules_extractor_dates_each_fact_by_its_message(memory: Memory) -> None:
    memory.add([{"role": "user", "content": "I moved to Berlin.", "timestamp": "2022-04-02"},
                {"role": "user", "content": "I am allergic to peanuts.",
                 "timestamp": "2024-09-30"}], user_id="u")
    when = {r["memory"]: r["happened_at"][:10] for r in memory.get_all(user_id="u")["results"]}
    assert when == {"Moved to Berlin": "2022-04-02", "Lives in Berlin": "2022-04-02",
                    "Is allergic to peanuts": "2024-09-30"}


def test_the_event_time_is_filterable(memory: Memory) -> None:
    for day in ("2023-01-05", "2023-03-17", "2023-07-30"):
        memory.add(f"Went hiking on {day}", user_id="u", infer=False, timestamp=day)
    spring = {"user_id": "u", "happened_at": {"gte": "2023-03-01", "lte": "2023-05-31"}}
    assert [r["memory"] for r in memory.get_all(filters=spring)["results"]] == \
        ["Went hiking on 2023-03-17"]
    hits = memory.search("hiking", filters=spring)["results"]
    assert [h["memory"] for h in hits] == ["Went hiking on 2023-03-17"]
    assert memory.get_all(filters={"user_id": "u", "happened_at": "2023-07-30"})["results"]
    before = memory.get_all(filters={"user_id": "u", "happened_at": {"lt": "2023-03-17"}})
    assert [r["memory"] for r in before["results"]] == ["Went hiking on 2023-01-05"]


def test_update_can_set_the_event_time(memory: Memory) -> None:
    rec = _one(memory, timestamp="2023-01-01")
    memory.update(rec["id"], timestamp="2024-02-02T10:00:00Z")
    after = memory.get(rec["id"])
    assert after["happened_at"] == "2024-02-02T10:00:00.000000+00:00"
    assert after["memory"] == rec["memory"] and after["created_at"] == rec["created_at"]
    with pytest.raises(InvalidInput, match="^timestamp: "):
        memory.update(rec["id"], timestamp="soon")


# -- expiration ----------------------------------------------------------------------------

def test_expired_memories_are_hidden_not_deleted(memory: Memory) -> None:
    # Today is read here, not at import: a suite that crosses midnight UTC between
    # collection and this test would see "today" expire (the fresh-clone run did).
    today = datetime.now(UTC).date()
    memory.add("Gate code is 4411", user_id="u", infer=False, expiration_date="2020-01-31")
    memory.add("Parking is on level 2", user_id="u", infer=False,
               expiration_date=today)  # holds through its last day
    memory.add("Office is on floor 5", user_id="u", infer=False)
    shown = {r["memory"] for r in memory.get_all(user_id="u")["results"]}
    assert shown == {"Parking is on level 2", "Office is on floor 5"}
    hits = {h["memory"] for h in memory.search("gate code", user_id="u")["results"]}
    assert "Gate code is 4411" not in hits and hits
    every = memory.get_all(user_id="u", show_expired=True)["results"]
    assert {r["memory"]: r.get("expiration_date") for r in every} == {
        "Gate code is 4411": "2020-01-31", "Parking is on level 2": today.isoformat(),
        "Office is on floor 5": None}
    found = memory.search("gate code", user_id="u", show_expired=True)["results"]
    assert found[0]["memory"] == "Gate code is 4411"
    assert memory.get_all(user_id="u", page=1, page_size=10)["total"] == 2


def test_update_sets_and_clears_the_expiration_date(memory: Memory) -> None:
    rec = _one(memory)
    memory.update(rec["id"], expiration_date=datetime(2021, 6, 1, 23, 30, tzinfo=UTC))
    assert memory.get(rec["id"])["expiration_date"] == "2021-06-01"
    assert memory.get_all(user_id="u")["results"] == []
    memory.update(rec["id"], text="I planted peppers in the garden")  # left out: kept
    assert memory.get(rec["id"])["expiration_date"] == "2021-06-01"
    memory.update(rec["id"], expiration_date=None)  # None clears it
    assert "expiration_date" not in memory.get(rec["id"])
    assert [r["id"] for r in memory.get_all(user_id="u")["results"]] == [rec["id"]]
    memory.batch_update([{"memory_id": rec["id"], "expiration_date": "2022-02-02"}])
    assert memory.get(rec["id"])["expiration_date"] == "2022-02-02"


@pytest.mark.parametrize("given", ["next week", "2024-02-30", 20240101, "2024-01-01x"])
def test_a_bad_expiration_date_names_the_field(memory: Memory, given: Any) -> None:
    with pytest.raises(InvalidInput, match="^expiration_date: "):
        memory.add("x y z", user_id="u", infer=False, expiration_date=given)
    assert memory.get_all(user_id="u", show_expired=True)["results"] == []
    rec = _one(memory)
    with pytest.raises(InvalidInput, match=r"^memories\[0\]\.expiration_date: "):
        memory.batch_update([{"memory_id": rec["id"], "expiration_date": given}])
    assert "expiration_date" not in memory.get(rec["id"])


def test_the_expiration_date_is_filterable_as_a_day(memory: Memory) -> None:
    memory.add("a one", user_id="u", infer=False, expiration_date="2999-01-01")
    memory.add("b two", user_id="u", infer=False, expiration_date="2999-06-01")
    got = memory.get_all(filters={"user_id": "u", "expiration_date": {"gt": "2999-03-01"}})
    assert [r["memory"] for r in got["results"]] == ["b two"]


# -- as_of: what was held at a moment, from the history ------------------------------------


def _moment() -> str:
    """A point strictly between two writes (the clock has microseconds)."""
    time.sleep(0.002)
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    time.sleep(0.002)
    return at


def test_as_of_before_and_after_an_update_and_a_delete(memory: Memory) -> None:
    before_all = _moment()
    flat = memory.add("I live in Lisbon", user_id="u", infer=False)["results"][0]["id"]
    cat = memory.add("I have a cat named Miso", user_id="u", infer=False)["results"][0]["id"]
    t_added = _moment()
    memory.update(flat, "I live in Porto")
    t_updated = _moment()
    memory.delete(cat)
    t_deleted = _moment()
    memory.add("I have a dog named Rex", user_id="u", infer=False)
    other = memory.add("Bob lives in Rome", user_id="bob", infer=False)["results"][0]["id"]
    memory.delete(other)  # another scope's deleted memory never shows up

    def held(at: str) -> dict[str, tuple[str, str | None]]:
        out = memory.get_all(user_id="u", as_of=at)["results"]
        return {r["memory"]: (r["valid_from"], r["valid_until"]) for r in out}

    assert held(before_all) == {}
    at_added = held(t_added)
    assert set(at_added) == {"I live in Lisbon", "I have a cat named Miso"}
    assert at_added["I live in Lisbon"][1] is not None  # superseded later by the update
    assert at_added["I live in Lisbon"][1] < t_updated
    assert set(held(t_updated)) == {"I live in Porto", "I have a cat named Miso"}
    assert set(held(t_deleted)) == {"I live in Porto"}
    assert held(t_deleted)["I live in Porto"][1] is None  # still held
    assert set(held(datetime.now(UTC).isoformat())) == {"I live in Porto",
                                                        "I have a dog named Rex"}
    # search answers from the texts of that moment, deleted memories included
    hits = memory.search("which city do I live in", user_id="u", as_of=t_added)["results"]
    assert hits[0]["memory"] == "I live in Lisbon" and hits[0]["id"] == flat
    assert 0 < hits[0]["score"] <= 1
    pets = memory.search("pet", user_id="u", as_of=t_updated, top_k=1)["results"]
    assert [(p["id"], p["memory"]) for p in pets] == [(cat, "I have a cat named Miso")]
    now_pets = {h["memory"] for h in memory.search("pet", user_id="u")["results"]}
    assert "I have a cat named Miso" not in now_pets  # nothing restored by reading the past
    paged = memory.get_all(user_id="u", as_of=t_updated, page=1, page_size=1)
    assert paged["total"] == 2 and len(paged["results"]) == 1


def test_as_of_takes_a_date_and_names_bad_values(memory: Memory) -> None:
    memory.add("Joined the choir", user_id="u", infer=False)
    today = datetime.now(UTC).date()
    assert len(memory.get_all(user_id="u", as_of=today.isoformat())["results"]) == 1
    assert memory.get_all(user_id="u", as_of=today - timedelta(days=1))["results"] == []
    with pytest.raises(InvalidInput, match="^as_of: "):
        memory.search("choir", user_id="u", as_of="before lunch")
    with pytest.raises(InvalidInput, match="^cursor: "):
        memory.get_all(user_id="u", as_of=today, cursor="cjEw")

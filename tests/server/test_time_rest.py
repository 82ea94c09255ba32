"""Event time and expiration over HTTP (issue #19): the REST body as Mem0's client sends it,
and MemoryClient / AsyncMemoryClient round trips against the real server."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime

import httpx
import pytest

from engram import errors as E
from engram.client import AsyncMemoryClient, MemoryClient


def test_rest_add_takes_timestamp_and_expiration_date(server) -> None:
    with httpx.Client(base_url=server.url,
                      headers={"Authorization": f"Token {server.new_key()}"}) as http:
        r = http.post("/v3/memories/add/", json={
            "messages": [{"role": "user", "content": "Booked the dentist",
                          "timestamp": "2024-02-01T09:00:00Z"},
                         {"role": "user", "content": "Renewed my passport"}],
            "user_id": "u", "infer": False, "timestamp": 1704067200,  # 2024-01-01 UTC
            "expiration_date": "2999-12-31"})
        assert r.status_code == 200, r.text
        first, second = (http.get(f"/v1/memories/{x['id']}/").json()
                         for x in r.json()["results"])
        assert first["happened_at"] == "2024-02-01T09:00:00.000000+00:00"
        assert second["happened_at"] == "2024-01-01T00:00:00.000000+00:00"
        assert first["expiration_date"] == second["expiration_date"] == "2999-12-31"
        bad = http.post("/v3/memories/add/", json={"messages": "x", "user_id": "u",
                                                   "expiration_date": "someday"})
        assert bad.status_code == 400 and bad.json()["field"] == "expiration_date"
        bad = http.post("/v3/memories/add/", json={"messages": "x", "user_id": "u",
                                                   "timestamp": "last tuesday"})
        assert bad.status_code == 400 and bad.json()["field"] == "timestamp"
        # PUT: null clears the expiration, leaving it out keeps it.
        mid = first["id"]
        assert http.put(f"/v1/memories/{mid}/", json={"expiration_date": "2020-01-01"}
                        ).status_code == 200
        listed = http.post("/v3/memories/", json={"user_id": "u"}).json()["results"]
        assert [m["id"] for m in listed] == [second["id"]]
        shown = http.post("/v3/memories/", json={"user_id": "u", "show_expired": True})
        assert len(shown.json()["results"]) == 2
        http.put(f"/v1/memories/{mid}/", json={"text": "Booked the dentist for March"})
        assert http.get(f"/v1/memories/{mid}/").json()["expiration_date"] == "2020-01-01"
        http.put(f"/v1/memories/{mid}/", json={"expiration_date": None,
                                               "timestamp": "2024-02-02"})
        got = http.get(f"/v1/memories/{mid}/").json()
        assert "expiration_date" not in got
        assert got["happened_at"] == "2024-02-02T00:00:00.000000+00:00"
        ranged = http.post("/v3/memories/", json={"filters": {
            "user_id": "u", "happened_at": {"gte": "2024-02-01"}}}).json()["results"]
        assert [m["id"] for m in ranged] == [mid]


def scenario(c: MemoryClient) -> list[object]:
    seen: list[object] = []
    r = c.add("Started learning the cello", user_id="u", infer=False,
              timestamp=datetime(2023, 9, 1, 18, 0, tzinfo=UTC), expiration_date=date(2999, 1, 1))
    mid = r["results"][0]["id"]
    got = c.get(mid)
    seen += [got["happened_at"], got["expiration_date"]]
    c.update(mid, expiration_date="2001-01-01")
    seen.append([m["id"] for m in c.get_all(user_id="u")["results"]])
    seen.append([m["id"] for m in c.get_all(user_id="u", show_expired=True)["results"]])
    seen.append(len(c.search("cello", user_id="u")["results"]))
    c.update(mid, metadata={"k": 1})  # expiration left as it is
    seen.append(c.get(mid).get("expiration_date"))
    c.update(mid, expiration_date=None, timestamp=1693591200)
    got = c.get(mid)
    seen += [got.get("expiration_date"), got["happened_at"]]
    return [x if not isinstance(x, list) else [i == mid for i in x] for x in seen]


def test_clients_round_trip_event_time_and_expiration(server) -> None:
    with MemoryClient(api_key=server.new_key(), host=server.url) as c:
        sync = scenario(c)
        with pytest.raises(E.InvalidInput) as bad:
            c.add("x", user_id="u", expiration_date="31/12/2030")
        assert bad.value.field == "expiration_date"  # refused before sending

    async def run_async() -> list[object]:
        async with AsyncMemoryClient(api_key=server.new_key(), host=server.url) as ac:
            loop = asyncio.get_running_loop()

            class Bridge:
                def __getattr__(self, name: str) -> object:
                    return lambda *a, **k: asyncio.run_coroutine_threadsafe(
                        getattr(ac, name)(*a, **k), loop).result()

            return await asyncio.to_thread(scenario, Bridge())  # type: ignore[arg-type]

    assert asyncio.run(run_async()) == sync
    assert sync == ["2023-09-01T18:00:00.000000+00:00", "2999-01-01", [], [True], 0,
                    "2001-01-01", None, "2023-09-01T18:00:00.000000+00:00"]


def test_client_reads_as_of_a_past_moment(server) -> None:
    import time

    with MemoryClient(api_key=server.new_key(), host=server.url) as c:
        mid = c.add("My team is Falcon", user_id="u", infer=False)["results"][0]["id"]
        time.sleep(0.002)
        then = datetime.now(UTC)
        time.sleep(0.002)
        c.update(mid, "My team is Osprey")
        past = c.get_all(user_id="u", as_of=then)["results"]
        assert [(m["memory"], m["valid_until"] is not None) for m in past] == [
            ("My team is Falcon", True)]
        hits = c.search("team", user_id="u", as_of=then.isoformat())["results"]
        assert [h["memory"] for h in hits] == ["My team is Falcon"]
        assert [h["memory"] for h in c.search("team", user_id="u")["results"]] == [
            "My team is Osprey"]
        with pytest.raises(E.InvalidInput) as bad:
            c.search("team", user_id="u", as_of="yesterday-ish")
        assert bad.value.field == "as_of"


def test_reference_date_travels_over_rest_and_both_clients(server) -> None:
    key = server.new_key()
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Token {key}"}) as http:
        r = http.post("/v3/memories/search/", json={"query": "hike last week", "user_id": "u",
                                                    "reference_date": "2023-03-21"})
        assert r.status_code == 200, r.text
        r = http.post("/v3/memories/search/", json={"query": "hike", "user_id": "u",
                                                    "reference_date": "someday"})
        assert r.status_code == 400 and r.json()["field"] == "reference_date"
    with MemoryClient(api_key=key, host=server.url) as c:
        c.add("I went hiking with Sam", user_id="u", infer=False, timestamp="2023-03-14")
        for ref in ("2023-03-21", date(2023, 3, 21), datetime(2023, 3, 21, tzinfo=UTC),
                    1679400000):
            hits = c.search("hike last week", user_id="u", reference_date=ref)["results"]
            assert [h["memory"] for h in hits] == ["I went hiking with Sam"]
        with pytest.raises(E.InvalidInput) as bad:
            c.search("hike", user_id="u", reference_date="last tuesday")
        assert bad.value.field == "reference_date"

    async def run() -> list[str]:
        async with AsyncMemoryClient(api_key=key, host=server.url) as ac:
            out = await ac.search("hike last week", user_id="u", reference_date=date(2023, 3, 21))
            return [h["memory"] for h in out["results"]]

    assert asyncio.run(run()) == ["I went hiking with Sam"]

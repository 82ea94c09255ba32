"""Every MemoryClient / AsyncMemoryClient method against the real server; the same
scenario runs through both and must give the same answers."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from engram import errors as E
from engram.client import AsyncMemoryClient, Calls, MemoryClient


def scenario(call: Any) -> dict[str, Any]:
    """Runs every client method; ``call(name, *args, **kw)`` invokes it sync or async."""
    seen: dict[str, Any] = {}
    seen["ping"] = sorted(call("ping"))
    a = call("add", "I like green tea", user_id="u1", infer=False, metadata={"k": "v"})
    mid = a["results"][0]["id"]
    call("add", [{"role": "user", "content": "I live in Lisbon"}], user_id="u1", infer=False)
    call("add", "My name is Ana and I am vegetarian.", user_id="u2")  # infer=True (rules)
    seen["search"] = [r["memory"] for r in call("search", "green tea", user_id="u1",
                                                  top_k=1)["results"]]
    seen["search_filters"] = len(call("search", "tea", filters={"user_id": "u1"})["results"])
    seen["get"] = call("get", mid)["metadata"]
    listed = call("get_all", user_id="u1")
    seen["get_all"] = (sorted(r["memory"] for r in listed["results"]), sorted(listed))
    paged = call("get_all", filters={"user_id": "u1"}, page=1, page_size=1)
    seen["paged"] = (len(paged["results"]), paged["total"], sorted(paged))
    seen["update"] = call("update", mid, "I like black tea")["memory"]
    seen["history"] = [h["event"] for h in call("history", mid)]
    seen["users"] = sorted((u["type"], u["name"]) for u in call("users")["results"])
    seen["scopes"] = sorted((s["type"], s["id"]) for s in call("scopes"))
    ids = [r["id"] for r in call("get_all", user_id="u1")["results"]]
    seen["batch_update"] = call("batch_update", [{"memory_id": i, "metadata": {"b": 1}}
                                                 for i in ids])["count"]
    seen["metadata_after"] = call("get", ids[0])["metadata"]
    seen["batch_delete"] = call("batch_delete", ids[:1])["count"]
    seen["delete"] = call("delete", ids[1])["message"]
    seen["delete_all"] = call("delete_all", user_id="u2")["deleted"] >= 1
    for name, args in (("get", ("missing",)), ("search", ("",))):
        try:
            call(name, *args, user_id="u1") if name == "search" else call(name, *args)
        except E.EngramError as e:
            seen[f"error_{name}"] = type(e).__name__
    call("add", "something", user_id="u3", infer=False)
    seen["reset"] = call("reset")["message"]
    seen["after_reset"] = call("users")["count"]
    return seen


def test_sync_and_async_clients_agree(server):
    with MemoryClient(api_key=server.new_key(), host=server.url) as c:
        sync = scenario(lambda name, *a, **k: getattr(c, name)(*a, **k))

    async def run_async() -> dict[str, Any]:
        async with AsyncMemoryClient(api_key=server.new_key(), host=server.url) as c:
            loop = asyncio.get_running_loop()

            # The scenario is plain code; each call it makes is awaited on this loop.
            def bridge(name: str, *a: Any, **k: Any) -> Any:
                return asyncio.run_coroutine_threadsafe(getattr(c, name)(*a, **k), loop).result()

            return await asyncio.to_thread(scenario, bridge)

    asynchronous = asyncio.run(run_async())
    assert sync == asynchronous
    assert sync["search"] == ["I like green tea"]
    assert sync["get"] == {"k": "v"}
    assert sync["get_all"][1] == ["next_cursor", "results"]
    assert sync["paged"] == (1, 2, ["next_cursor", "page", "page_size", "results", "total"])
    assert sync["history"] == ["ADD", "UPDATE"]
    assert sync["users"] == [("user", "u1"), ("user", "u2")]
    assert sync["metadata_after"] == {"b": 1}
    assert sync["error_get"] == "NotFound" and sync["error_search"] == "InvalidInput"
    assert sync["after_reset"] == 0


def test_client_results_match_the_embedded_memory(server, tmp_path):
    """The client returns what Memory returns (same keys for the same call)."""
    from engram import Memory
    from engram.testing import HashEmbedder

    m = Memory({"store": {"path": str(tmp_path / "m.db")}}, embedder=HashEmbedder())
    with MemoryClient(api_key=server.new_key(), host=server.url) as c:
        for target in (m, c):
            target.add("I like tea", user_id="u", infer=False)
        local, remote = m.search("tea", user_id="u"), c.search("tea", user_id="u")
        assert sorted(local["results"][0]) == sorted(remote["results"][0])
        assert sorted(m.get_all(user_id="u")) == sorted(c.get_all(user_id="u"))
        lid, rid = local["results"][0]["id"], remote["results"][0]["id"]
        assert sorted(m.update(lid, "x")) == sorted(c.update(rid, "x"))
        assert sorted(m.history(lid)[0]) == sorted(c.history(rid)[0])
        assert sorted(m.delete_all(user_id="u")) == sorted(c.delete_all(user_id="u"))


def test_errors_come_back_as_engram_errors(server):
    with MemoryClient(api_key=server.new_key(), host=server.url) as c:
        with pytest.raises(E.InvalidInput) as bad:
            c.search("x", user_id="u", top_k=0)
        assert bad.value.field == "top_k"
        with pytest.raises(E.InvalidFilter) as badf:
            c.search("x", filters={"user_id": "u", "metadata": {"n": {"between": 2}}})
        assert badf.value.field == "filters.metadata.n.between"
        # The server speaks the Platform's filters: an unknown field is named, not ignored.
        with pytest.raises(E.InvalidFilter) as unknown:
            c.search("x", filters={"user_id": "u", "n": 2})
        assert unknown.value.field == "filters.n" and "metadata" in str(unknown.value)
        with pytest.raises(E.NotFound):
            c.delete("nope")
        with pytest.raises(E.NotFound):
            c.batch_delete(["nope"])
    with pytest.raises(E.ConfigError), MemoryClient(api_key="eng_bad", host=server.url) as bad_key:
        bad_key.ping()


def test_key_and_host_from_environment(server, monkeypatch):
    monkeypatch.setenv("ENGRAM_API_KEY", server.new_key("envorg", "envproj"))
    monkeypatch.setenv("ENGRAM_HOST", server.url)
    with MemoryClient() as c:
        assert c.ping()["org_id"] == "envorg"
    monkeypatch.delenv("ENGRAM_API_KEY")
    with pytest.raises(E.ConfigError):
        MemoryClient()


def test_unreachable_server_is_a_store_error_after_retries():
    with MemoryClient(api_key="eng_x", host="http://127.0.0.1:9", max_retries=2,
                      backoff=0.01) as c, pytest.raises(E.StoreError):
        c.ping()


def test_client_reuses_one_connection(server):
    with MemoryClient(api_key=server.new_key(), host=server.url) as c:
        for _ in range(5):
            c.ping()
        pool = c._http._transport._pool  # httpx internals: the keep-alive pool
        assert len(pool.connections) == 1


def test_add_is_not_resent_after_a_lost_answer():
    """A read timeout on add may have been applied: the client must not send it twice."""
    sent = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request.url.path)
        raise httpx.ReadTimeout("slow", request=request)

    http = httpx.Client(base_url="http://engram.test", transport=httpx.MockTransport(handler))
    c = MemoryClient(api_key="eng_x", host="http://engram.test", http=http, backoff=0.001)
    with pytest.raises(E.StoreError):
        c.add("x", user_id="u", infer=False)
    assert sent == ["/v3/memories/add/"]
    with pytest.raises(E.StoreError):
        c.search("x", user_id="u")
    assert sent.count("/v3/memories/search/") == 4  # 1 + 3 retries: a read is safe to resend


def test_calls_are_pure_descriptions():
    call = Calls.delete_all(user_id="u", filters={"k": 1})
    assert (call.method, call.path, call.params) == (
        "DELETE", "/v1/memories/", {"user_id": "u", "filters": '{"k": 1}'})
    assert Calls.get("a/b").path == "/v1/memories/a%2Fb/"
    assert Calls.add("x", user_id="u").idempotent is False
    assert Calls.batch_delete(["a"]).json == {"memories": [{"memory_id": "a"}]}


def test_enable_graph_reaches_memory_through_client_and_server(server, tmp_path):
    """enable_graph on add/search/get_all is honoured over HTTP as in Memory: the same
    relations come back (the server's graph is off by default; the call turns it on)."""
    from engram import Memory
    from engram.testing import HashEmbedder

    m = Memory({"store": {"path": str(tmp_path / "g.db")}}, embedder=HashEmbedder())
    text = "My sister Anna is a nurse in Chicago."
    with MemoryClient(api_key=server.new_key(), host=server.url) as c:
        out = [t.add(text, user_id="alice", enable_graph=True) for t in (m, c)]
        want = {("user", "sister", "Anna"), ("Anna", "works_as", "nurse"),
                ("Anna", "lives_in", "Chicago")}
        for o in out:
            assert {(r["source"], r["relationship"], r["target"])
                    for r in o["relations"]["added"]} == want
        listed = [t.get_all(user_id="alice", enable_graph=True) for t in (m, c)]
        assert listed[0]["relations"] == listed[1]["relations"] and len(listed[1]["relations"]) == 3
        found = [t.search("Where does Anna live?", user_id="alice", enable_graph=True)
                 for t in (m, c)]
        assert found[1]["relations"] == found[0]["relations"] and found[1]["relations"]
        assert "relations" not in c.search("Anna", user_id="alice")
        assert "relations" not in c.add("I like tea", user_id="alice", infer=False)
        assert "relations" not in c.get_all(user_id="alice", page=1, page_size=5)
        assert c.get_all(user_id="alice", page=1, enable_graph=True)["relations"] == \
            listed[1]["relations"]


def test_undo_over_http_matches_the_embedded_memory(server, tmp_path):
    from engram import Memory
    from engram.testing import HashEmbedder

    m = Memory({"store": {"path": str(tmp_path / "u.db")}}, embedder=HashEmbedder())
    with MemoryClient(api_key=server.new_key(), host=server.url) as c:
        answers = []
        for target in (m, c):
            added = target.add("I like tea", user_id="u", infer=False)
            undone = target.undo(added["add_id"])
            answers.append((sorted(added), sorted(undone), [e["event"] for e in undone["results"]],
                            target.get_all(user_id="u")["results"]))
            with pytest.raises(E.NotFound):
                target.undo("no-such-add")
        assert answers[0] == answers[1] == answers[0][:3] + ([],)
        assert answers[0][2] == ["DELETE"]


def test_client_reaches_evidence_and_reextracts_over_http(server):
    """Search with include_evidence, an episode hit, history provenance and reextract
    travel through the REST server and back unchanged."""
    with MemoryClient(api_key=server.new_key(), host=server.url) as c:
        res = c.add([{"role": "user", "content": "I live in Lisbon."},
                     {"role": "user", "content": "The neighbour's parrot screamed all night."}],
                    user_id="ev")
        assert len(res["episode_ids"]) == 2
        fact = next(r for r in res["results"] if r["memory"] == "Lives in Lisbon")
        hits = c.search("Lisbon", user_id="ev", include_evidence=True)["results"]
        top = next(h for h in hits if h["id"] == fact["id"])
        assert [e["id"] for e in top["evidence"]] == [res["episode_ids"][0]]
        parrot = c.search("parrot screaming", user_id="ev", top_k=1)["results"][0]
        assert (parrot["id"], parrot["memory_type"]) == (res["episode_ids"][1], "episode")
        assert c.search("parrot screaming", user_id="ev", facts_only=True)["results"][0][
            "id"] == fact["id"]
        assert c.history(fact["id"])[0]["new_source_ids"] == [res["episode_ids"][0]]
        c.delete(fact["id"])
        dry = c.reextract(user_id="ev", dry_run=True)
        assert dry["dry_run"] and [e["event"] for e in dry["results"]] == ["ADD"]
        assert c.get_all(user_id="ev")["results"] == []
        done = c.reextract(filters={"user_id": "ev"})
        assert [e["memory"] for e in done["results"]] == ["Lives in Lisbon"]
        assert c.history(done["results"][0]["id"])[0]["origin"] == "reextract"


def test_client_deletes_a_fact_with_its_evidence_over_http(server):
    """with_evidence travels as a query flag; the answer, the turns' history and undo
    come back as Memory gives them."""
    with MemoryClient(api_key=server.new_key(), host=server.url) as c:
        res = c.add("I play the cello.", user_id="dv")
        fid, turns = res["results"][0]["id"], res["episode_ids"]
        out = c.delete(fid, with_evidence=True)
        assert out["id"] == fid and out["evidence_deleted"] == turns and out["add_id"]
        assert c.get_all(user_id="dv", filters={"memory_type": "episode"})["results"] == []
        assert c.history(turns[0])[-1]["origin"] == "delete_with_evidence"
        c.undo(out["add_id"])
        assert [t["id"] for t in c.get_all(
            user_id="dv", filters={"memory_type": "episode"})["results"]] == turns
        assert "evidence_deleted" not in c.delete(fid)
        assert len(c.get_all(user_id="dv", filters={"memory_type": "episode"})["results"]) == 1

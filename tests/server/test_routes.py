"""Every REST route over real HTTP (httpx against the uvicorn test server)."""

from __future__ import annotations

import time

import httpx
import pytest


@pytest.fixture()
def http(server):
    key = server.new_key()
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Token {key}"},
                      timeout=10) as c:
        yield c


def add(http, text, user="u1", **extra):
    r = http.post("/v3/memories/add/", json={"messages": [{"role": "user", "content": text}],
                                             "user_id": user, "infer": False, **extra})
    assert r.status_code == 200, r.text
    return r.json()["results"][0]["id"]


def test_ping_names_the_keys_tenant(server):
    key = server.new_key("org1", "projx")
    r = httpx.get(server.url + "/v1/ping/", headers={"Authorization": f"Bearer {key}"})
    assert r.status_code == 200
    assert r.json()["org_id"] == "org1" and r.json()["project_id"] == "projx"


def test_add_search_list_get_update_history_delete(http):
    mid = add(http, "I like green tea", metadata={"topic": "drinks"})
    add(http, "I live in Lisbon")

    hits = http.post("/v3/memories/search/", json={"query": "green tea",
                                                   "filters": {"user_id": "u1"}}).json()
    assert hits["results"][0]["id"] == mid and hits["results"][0]["score"] > 0
    v1 = http.post("/v1/memories/search/", json={"query": "tea", "user_id": "u1", "limit": 1})
    v2 = http.post("/v2/memories/search/", json={"query": "tea", "filters": {"user_id": "u1"}})
    assert v1.json()[0]["id"] == mid and v2.json()[0]["id"] == mid

    listed = http.post("/v3/memories/", json={"filters": {"user_id": "u1"}}).json()
    assert listed["count"] == 2 and len(listed["results"]) == 2
    paged = http.post("/v3/memories/?page=1&page_size=1",
                      json={"filters": {"user_id": "u1"}}).json()
    assert len(paged["results"]) == 1 and paged["next"].endswith("page=2&page_size=1")
    assert len(http.post("/v2/memories/", json={"user_id": "u1"}).json()["results"]) == 2
    assert len(http.get("/v1/memories/", params={"user_id": "u1"}).json()) == 2
    by_meta = http.post("/v3/memories/", json={"filters": {"user_id": "u1",
                                                              "metadata": {"topic": "drinks"}}})
    assert [m["id"] for m in by_meta.json()["results"]] == [mid]

    assert http.get(f"/v1/memories/{mid}/").json()["memory"] == "I like green tea"
    upd = http.put(f"/v1/memories/{mid}/", json={"text": "I like black tea"})
    assert upd.status_code == 200 and upd.json()["memory"] == "I like black tea"
    events = [e["event"] for e in http.get(f"/v1/memories/{mid}/history/").json()]
    assert events == ["ADD", "UPDATE"]
    assert http.delete(f"/v1/memories/{mid}/").status_code == 200
    assert http.get(f"/v1/memories/{mid}/").status_code == 404
    assert http.get(f"/v1/memories/{mid}/history/").json()[-1]["event"] == "DELETE"


def test_add_takes_scope_from_filters_and_v1_path(http):
    r = http.post("/v1/memories/", json={"messages": "hello there", "filters": {"agent_id": "a1"},
                                         "infer": False, "async_mode": True})
    assert r.status_code == 200
    event_id = r.json()["results"][0]["event_id"]  # queued: wait for the worker
    for _ in range(600):
        if http.get(f"/v1/event/{event_id}/").json()["status"] == "SUCCEEDED":
            break
        time.sleep(0.05)
    got = http.post("/v3/memories/", json={"filters": {"agent_id": "a1"}}).json()["results"]
    assert [m["memory"] for m in got] == ["hello there"]


def test_infer_true_extracts_facts(http):
    r = http.post("/v3/memories/add/", json={
        "messages": [{"role": "user", "content": "My name is Dana and I am vegetarian."}],
        "user_id": "dana"})
    assert r.status_code == 200
    assert any(item["event"] == "ADD" for item in r.json()["results"])


def test_delete_all_entities_and_reset(http):
    add(http, "one", user="a")
    add(http, "two", user="a")
    add(http, "three", user="b")
    ents = http.get("/v1/entities/").json()
    assert {(e["type"], e["name"], e["total_memories"]) for e in ents["results"]} == {
        ("user", "a", 2), ("user", "b", 1)}
    r = http.delete("/v1/memories/", params={"user_id": "a"})
    assert r.json()["deleted"] == 2
    assert http.delete("/v2/entities/user/b/").json()["deleted"] == 1
    assert http.delete("/v2/entities/user/b/").status_code == 404
    assert http.delete("/v1/entities/planet/x/").status_code == 400
    add(http, "four", user="c")
    assert http.post("/v1/reset/").status_code == 200
    assert http.get("/v1/entities/").json()["count"] == 0


def test_delete_all_refuses_without_scope_and_reads_query_filters(http):
    r = http.delete("/v1/memories/")
    assert r.status_code == 400 and r.json()["field"] == "filters"
    add(http, "x", user="q")
    r = http.delete("/v1/memories/", params={"filters": '{"user_id": "q"}'})
    assert r.json()["deleted"] == 1


def test_batch_update_and_delete_are_all_or_nothing_on_unknown_ids(http):
    a, b = add(http, "alpha"), add(http, "beta")
    r = http.put("/v1/batch/", json={"memories": [{"memory_id": a, "text": "ALPHA"},
                                                  {"memory_id": "nope", "text": "x"}]})
    assert r.status_code == 404
    assert http.get(f"/v1/memories/{a}/").json()["memory"] == "alpha"
    r = http.put("/v1/batch/", json={"memories": [{"memory_id": a, "text": "ALPHA"},
                                                  {"memory_id": b, "metadata": {"k": 1}}]})
    assert r.status_code == 200 and r.json()["count"] == 2
    assert http.get(f"/v1/memories/{a}/").json()["memory"] == "ALPHA"
    assert http.get(f"/v1/memories/{b}/").json()["metadata"] == {"k": 1}
    r = http.request("DELETE", "/v1/batch/", json={"memories": [{"memory_id": a},
                                                                {"memory_id": "nope"}]})
    assert r.status_code == 404 and http.get(f"/v1/memories/{a}/").status_code == 200
    r = http.request("DELETE", "/v1/batch/", json={"memories": [{"memory_id": a},
                                                                {"memory_id": b}]})
    assert r.json()["count"] == 2 and http.get(f"/v1/memories/{b}/").status_code == 404


@pytest.mark.parametrize("method,path,body,field", [
    ("POST", "/v3/memories/add/", {"user_id": "u"}, "messages"),
    ("POST", "/v3/memories/add/", {"messages": [{"role": "wizard", "content": "x"}],
                                   "user_id": "u"}, "messages[0].role"),
    ("POST", "/v3/memories/add/", {"messages": "hi"}, "user_id"),
    ("POST", "/v3/memories/add/", {"messages": "hi", "user_id": 5}, "user_id"),
    ("POST", "/v3/memories/add/", {"messages": "hi", "user_id": "u", "colour": 1}, "colour"),
    ("POST", "/v3/memories/add/", {"messages": ["x"] * 51, "user_id": "u"}, "messages"),
    ("POST", "/v3/memories/search/", {"query": "x", "user_id": "u", "top_k": 101}, "top_k"),
    ("POST", "/v3/memories/search/", {"query": "", "user_id": "u"}, "query"),
    ("POST", "/v3/memories/search/", {"query": "x", "filters": {
        "user_id": "u", "metadata": {"n": {"between": 1}}}}, "filters.metadata.n.between"),
    ("POST", "/v3/memories/search/", {"query": "x", "filters": {
        "OR": [{"user_id": "u"}, {"colour": "red"}]}}, "filters.OR[1].colour"),
    ("POST", "/v3/memories/search/", {"query": "x", "user_id": "u", "threshold": 7}, "threshold"),
    ("POST", "/v3/memories/", {"filters": {"user_id": "u"}, "page_size": 0}, "page_size"),
    ("PUT", "/v1/memories/some-id/", {}, "text"),
    ("PUT", "/v1/batch/", {"memories": []}, "memories"),
])
def test_bad_bodies_get_4xx_naming_the_field(http, method, path, body, field):
    r = http.request(method, path, json=body)
    assert r.status_code in (400, 422), r.text
    assert r.json()["field"] == field, r.json()


def test_malformed_json_is_422_not_500(http):
    r = http.post("/v3/memories/search/", content=b"{not json",
                  headers={"content-type": "application/json"})
    assert r.status_code == 422


def test_unknown_ids_are_404(http):
    for method in ("GET", "PUT", "DELETE"):
        r = http.request(method, "/v1/memories/no-such-id/",
                         json={"text": "x"} if method == "PUT" else None)
        assert r.status_code == 404 and r.json()["error"] == "NotFound"


@pytest.mark.parametrize("method,path", [
    ("GET", "/v2/entities/user/alice/profile/"), ("GET", "/v2/profiles/settings/"),
])
def test_platform_features_we_lack_answer_501(http, method, path):
    r = http.request(method, path)
    assert r.status_code == 501 and "profiles: " in r.json()["detail"] and "get_summary" in r.json()["detail"]


def test_unsupported_options_answer_501_naming_them(http):
    r = http.post("/v3/memories/add/", json={"messages": "x", "user_id": "u", "infer": False,
                                             "structured_data_schema": {"a": 1}})
    assert r.status_code == 501 and "structured_data_schema" in r.json()["detail"]


@pytest.mark.parametrize("header", [None, "Token wrong", "Token eng_notarealkey", "Basic abc",
                                    "Token"])
def test_requests_without_a_valid_key_get_401(server, header):
    headers = {"Authorization": header} if header else {}
    for method, path in (("GET", "/v1/ping/"), ("POST", "/v3/memories/search/"),
                         ("GET", "/v1/memories/x/"), ("POST", "/v1/exports/")):
        r = httpx.request(method, server.url + path, headers=headers, json={})
        assert r.status_code == 401, (method, path, r.status_code)


def test_revoked_key_is_refused_at_once(server):
    key_id, key = server.keys.create("acme", "revoked-proj")
    h = {"Authorization": f"Token {key}"}
    assert httpx.get(server.url + "/v1/ping/", headers=h).status_code == 200
    server.keys.revoke(key_id)
    assert httpx.get(server.url + "/v1/ping/", headers=h).status_code == 401


def test_body_size_limit_is_413(http):
    big = "x" * 250_000
    r = http.post("/v3/memories/add/", json={"messages": big, "user_id": "u"})
    assert r.status_code == 413

    def chunks():
        yield b'{"messages": "'
        for _ in range(30):
            yield b"y" * 10_000
        yield b'", "user_id": "u"}'

    r = http.post("/v3/memories/add/", content=chunks(),
                  headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_request_id_is_echoed_or_made(http):
    r = http.get("/v1/ping/", headers={"X-Request-ID": "abc-123"})
    assert r.headers["x-request-id"] == "abc-123"
    r = http.get("/v1/memories/none/")
    assert len(r.headers["x-request-id"]) == 32 and r.json()["request_id"] == r.headers["x-request-id"]


def test_metrics_count_requests_and_adds(http, server):
    add(http, "metric me")
    text = httpx.get(server.url + "/metrics").text
    assert 'engram_http_requests_total{method="POST",route="/v3/memories/add/",status="200"}' in text
    assert 'engram_http_request_duration_seconds_bucket{method="POST",route="/v3/memories/add/",le="+Inf"}' in text
    assert 'engram_add_requests_total{infer="false"}' in text
    assert 'engram_memory_events_total{event="ADD"}' in text


def test_openapi_and_docs_are_published(server):
    spec = httpx.get(server.url + "/openapi.json").json()
    for path in ("/v3/memories/add/", "/v3/memories/search/", "/v3/memories/",
                 "/v1/memories/{memory_id}/", "/v1/memories/{memory_id}/history/",
                 "/v1/entities/", "/v1/batch/", "/v1/ping/"):
        assert path in spec["paths"], path
    assert httpx.get(server.url + "/docs").status_code == 200

"""The input boundary over HTTP: the bodies and query strings that answered 500 (or stored
what could not be read back) now answer 400/422 naming the field, and the scope stays
readable afterwards."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest


def _client(server: Any) -> httpx.Client:
    return httpx.Client(base_url=server.url, timeout=30,
                        headers={"Authorization": f"Token {server.new_key()}"})


def _readable(api: httpx.Client, user: str = "u") -> None:
    listed = api.post("/v3/memories/", json={"user_id": user})
    assert listed.status_code == 200, listed.text
    found = api.post("/v3/memories/search/", json={"query": "tea", "user_id": user})
    assert found.status_code == 200, found.text


def _raw_post(api: httpx.Client, path: str, body: str) -> httpx.Response:
    return api.post(path, content=body.encode("ascii"),
                    headers={"Content-Type": "application/json"})


def test_a_surrogate_in_metadata_is_refused_and_the_scope_stays_readable(server: Any) -> None:
    with _client(server) as api:
        assert api.post("/v3/memories/add/", json={"messages": "I like tea", "user_id": "u",
                                                   "infer": False}).status_code == 200
        # JSON may spell a lone surrogate as an escape; it must never be stored.
        bad = _raw_post(api, "/v3/memories/add/", '{"messages": "hi", "user_id": "u", '
                        '"infer": false, "metadata": {"k": "\\ud800"}}')
        assert bad.status_code == 400, bad.text
        assert bad.json()["field"] == "metadata.k"
        _readable(api)
        assert len(api.post("/v3/memories/", json={"user_id": "u"}).json()["results"]) == 1


@pytest.mark.parametrize(("path", "body", "field"), [
    ("/v3/memories/add/", '{"messages": "hi \\udc80", "user_id": "u"}', "messages[0].content"),
    ("/v3/memories/add/", '{"messages": "\\u0000", "user_id": "u"}', "messages[0].content"),
    ("/v3/memories/add/", '{"messages": "hi", "user_id": "*"}', "user_id"),
    ("/v3/memories/add/", '{"messages": "hi", "user_id": "u", "timestamp": "soon"}',
     "timestamp"),
    ("/v3/memories/add/", '{"messages": "hi", "user_id": "u", "timestamp": 1e300}',
     "timestamp"),
    ("/v3/memories/search/", '{"query": "\\ud800", "user_id": "u"}', "query"),
    ("/v3/memories/add/", '{"messages": "hi", "user_id": "u", "prompt": "\\udfff"}', "prompt"),
    ("/v3/memories/search/", '{"query": "tea", "user_id": "u", "search_mode": ""}',
     "search_mode"),
    ("/v3/memories/search/", '{"query": "tea", "filters": {"user_id": "u", "\\udfff": 1}}',
     "filters['\\udfff']"),
    ("/v3/memories/", '{"user_id": "u", "page": 4611686018427387904}', "page"),
    ("/v3/memories/", '{"user_id": "u", "cursor": "' +
     base64.urlsafe_b64encode(b"r" + b"9" * 30).decode().rstrip("=") + '"}', "cursor"),
])
def test_bad_bodies_are_400_naming_the_field(server: Any, path: str, body: str,
                                             field: str) -> None:
    with _client(server) as api:
        res = _raw_post(api, path, body)
        assert res.status_code == 400, res.text
        assert res.json()["field"] == field
        _readable(api)


@pytest.mark.parametrize(("body", "field"), [
    # Fields typed as plain strings are refused by the schema itself (422, field named).
    ('{"messages": "hi", "user_id": "\\ud83d"}', "user_id"),
    # An unknown key that is itself a lone surrogate: pydantic names no field.
    ('{"messages": "hi", "user_id": "u", "\\ud800": 1}', "body"),
])
def test_schema_refusals_are_422_json_not_500(server: Any, body: str, field: str) -> None:
    with _client(server) as api:
        res = _raw_post(api, "/v3/memories/add/", body)
        assert res.status_code == 422, res.text
        assert res.json()["field"] == field and res.json()["error"] == "InvalidInput"
        _readable(api)


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deeply_nested_bodies_are_refused(server: Any, depth: int) -> None:
    with _client(server) as api:
        meta = '{"k": ' * depth + "1" + "}" * depth
        res = _raw_post(api, "/v3/memories/add/",
                        '{"messages": "hi", "user_id": "u", "metadata": ' + meta + "}")
        assert 400 <= res.status_code < 500, res.text
        _readable(api)


@pytest.mark.parametrize("filters", ["[" * 5_000, "{" * 5_000, "(" * 3_000 + ")" * 3_000,
                                     "{'a': 1" + "+1" * 5000, '{"x": "\\ud800"}'])
def test_query_string_filters_never_answer_500(server: Any, filters: str) -> None:
    with _client(server) as api:
        res = api.delete("/v1/memories/", params={"user_id": "u", "filters": filters})
        assert res.status_code == 400, res.text
        assert res.json()["field"].startswith("filters")


def test_a_python_literal_filter_with_an_odd_escape_is_read_not_crashed(server: Any) -> None:
    # "\d" is not JSON; as a Python literal it warns (an error under -W error) yet is valid.
    with _client(server) as api:
        res = api.delete("/v1/memories/", params={"user_id": "u",
                                                   "filters": "{'metadata': {'x': '\\d'}}"})
        assert res.status_code == 200, res.text

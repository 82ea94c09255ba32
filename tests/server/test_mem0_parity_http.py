"""The Mem0 parity parameters over HTTP: our client and mem0ai's unchanged one against a
real server."""

from __future__ import annotations

import pytest

from engram import MemoryClient
from engram.errors import InvalidInput


def test_explain_timestamp_history_and_positional_delete_all(server) -> None:
    with MemoryClient(api_key=server.new_key("parity", None), host=server.url) as c:
        mid = c.add("I keep bees on the roof", user_id="u", infer=False,
                    timestamp=1714557600)["results"][0]["id"]
        c.add("My sister plays the cello", user_id="u", infer=False)
        hits = c.search("bees roof", user_id="u", explain=True, show_expired=True)["results"]
        details = hits[0]["score_details"]
        assert hits[0]["id"] == mid and details["bm25_score"] == 1.0
        assert details["semantic_score"] == hits[0]["score"] and details["fusion"] == "score"
        assert "score_details" not in c.search("bees", user_id="u")["results"][0]
        assert c.get_all(user_id="u", show_expired=True)["results"]
        c.delete(mid)
        assert [(h["event"], h["is_deleted"]) for h in c.history(mid)] == [
            ("ADD", False), ("DELETE", True)]
        with pytest.raises(InvalidInput, match="llm"):
            c.add("x", user_id="u", llm=object())  # type: ignore[arg-type]
        assert c.delete_all("u")["deleted"] == 1


def test_mem0s_client_gets_score_details_and_is_deleted(server, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("MEM0_TELEMETRY", "false")
    monkeypatch.setenv("MEM0_DIR", str(tmp_path / "mem0home"))
    mem0 = pytest.importorskip("mem0")
    c = mem0.MemoryClient(api_key=server.new_key("mem0parity", None), host=server.url)
    try:
        mid = c.add("I keep bees on the roof", user_id="u", infer=False)["results"][0]["id"]
        hit = c.search("bees", filters={"user_id": "u"}, explain=True)["results"][0]
        assert hit["id"] == mid and hit["score_details"]["bm25_score"] == 1.0
        c.delete(mid)
        assert [h["is_deleted"] for h in c.history(mid)] == [False, True]
    finally:
        c.client.close()

"""``search.neighbours`` through ``Memory``, on both stores as a user configures them:
the turns stored around the best hit come with it (documented in the README; it used
to raise ConfigError on both stores)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engram import Memory
from engram.testing import HashEmbedder

TURNS = ["We should plan the trip soon", "Sure, where to?", "Maybe the marathon in Lisbon",
         "That sounds fun", "Let's book it tomorrow"]


@pytest.fixture(params=["sqlite", "postgres"])
def store_config(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, Any]]:
    if request.param == "sqlite":
        yield {"path": str(tmp_path / "n.db")}
        return
    from tests import pg_server

    pg_server.require()
    yield {"provider": "postgres", "dsn": pg_server.fresh_dsn("neighbours")}


def test_neighbours_come_with_the_best_hit(store_config: dict[str, Any]) -> None:
    search = {"neighbours": 1, "neighbour_hits": 1, "context_before": 0, "context_after": 0}
    with Memory({"store": store_config, "search": search}, embedder=HashEmbedder()) as m:
        ids = [r["id"] for r in m.add([{"role": "user", "content": t} for t in TURNS],
                                      user_id="u", infer=False)["results"]]
        m.add("Lisbon again, another marathon", user_id="other", infer=False)
        got = m.search("marathon", user_id="u", top_k=3, search_mode="keyword")["results"]
        assert [r["id"] for r in got] == [ids[2], ids[1], ids[3]]
        # Without the setting, only the hit itself matches the keyword.
        plain = Memory({"store": store_config}, embedder=HashEmbedder())
        try:
            assert [r["id"] for r in plain.search("marathon", user_id="u", top_k=3,
                                                  search_mode="keyword")["results"]] == [ids[2]]
        finally:
            plain.close()

"""Property-based tests of the public Python API (Hypothesis): whatever a caller passes,
every call either succeeds or raises an engram error, and afterwards every scope that was
written stays readable (list and search succeed on it).

Bounded for ``make test``: ``EXAMPLES`` generated calls per method (``ENGRAM_PROPERTY_EXAMPLES``
raises it), no deadline, no example database; each call runs on the fast HashEmbedder.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engram import EngramError, Memory
from engram.testing import HashEmbedder
from tests import strategies as S

EXAMPLES = int(os.environ.get("ENGRAM_PROPERTY_EXAMPLES", "60"))
# A failing example can hold a 200 kB value: let Hypothesis print it rather than turn its
# "large repr" warning into an error that hides the failure.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))


class Harness:
    """One store for a whole property run; remembers the scopes that got memories."""

    def __init__(self, path: Path) -> None:
        self.mem = Memory({"store": {"path": str(path)}, "llm": {"provider": "rules"}},
                          embedder=HashEmbedder())
        self.mem.add("I like green tea", user_id="u", infer=False, metadata={"topic": "food"})
        self.written: set[str] = {"u"}
        self.calls = self.errors = 0

    def ids(self) -> list[str]:
        return [r["id"] for r in self.mem.get_all(user_id="u")["results"]]

    def call(self, fn: Callable[[], Any]) -> Any:
        """Run one call: an engram error is an answer; anything else fails the property."""
        self.calls += 1
        try:
            out = fn()
        except EngramError:
            self.errors += 1
            out = None
        self.check_readable()
        return out

    def check_readable(self) -> None:
        for user in sorted(self.written):
            listed = self.mem.get_all(user_id=user, limit=1_000)["results"]
            assert all(r["user_id"] == user for r in listed)
            self.mem.search("tea", user_id=user)
            for r in listed:
                assert self.mem.get(r["id"])["memory"] == r["memory"]


@pytest.fixture
def harness(tmp_path: Path) -> Any:
    h = Harness(tmp_path / "p.db")
    yield h
    # The runs must have exercised both outcomes, or the strategies have gone stale.
    assert h.calls >= EXAMPLES and 0 < h.errors < h.calls, (h.calls, h.errors)
    h.mem.close()


def test_add_never_fails_outside_the_error_tree(harness: Harness) -> None:
    valid = {"messages": st.one_of(S.safe_text, st.lists(st.fixed_dictionaries(
                 {"role": st.sampled_from(["user", "assistant"]), "content": S.safe_text}),
                 min_size=1, max_size=3)),
             "user_id": S.good_scope, "agent_id": st.none(), "run_id": st.none(),
             "metadata": S.good_meta, "infer": st.booleans(),
             "timestamp": st.sampled_from([None, "2025-05-01", 1.7e9]), "prompt": st.none(),
             "memory_type": st.none()}
    hostile = {"messages": S.messages, "user_id": S.maybe_scope, "agent_id": S.maybe_scope,
               "run_id": S.scope_ids, "metadata": S.metadata, "infer": S.flags,
               "timestamp": S.timestamps, "prompt": st.one_of(S.texts, S.odd),
               "memory_type": st.one_of(st.just("procedural_memory"), S.odd)}

    @SETTINGS
    @given(kw=S.calls(valid, hostile))
    def run(kw: dict[str, Any]) -> None:
        out = harness.call(lambda: harness.mem.add(**kw))
        if out is not None and isinstance(kw["user_id"], str):
            harness.written.add(kw["user_id"])

    run()


def test_reads_never_fail_outside_the_error_tree(harness: Harness) -> None:
    search_valid = {"query": S.safe_text, "user_id": S.good_scope, "filters": S.good_filters,
                    "top_k": st.sampled_from([None, 1, 5, 1_000]), "limit": st.none(),
                    "threshold": st.sampled_from([None, 0.0, 0.5]), "rerank": st.booleans(),
                    "search_mode": st.sampled_from([None, "hybrid", "vector", "keyword"]),
                    "enable_graph": st.sampled_from([None, False])}
    search_bad = {"query": st.one_of(S.texts, S.odd), "user_id": S.maybe_scope,
                  "filters": S.filters, "top_k": S.ints, "limit": S.ints,
                  "threshold": S.scalars, "rerank": S.flags, "search_mode": S.modes,
                  "enable_graph": S.flags}
    list_valid = {"user_id": S.good_scope, "filters": S.good_filters,
                  "page": st.sampled_from([None, 1, 2, 1_000_000]),
                  "page_size": st.sampled_from([None, 1, 1_000]), "cursor": st.none(),
                  "enable_graph": st.sampled_from([None, False])}
    list_bad = {"user_id": S.maybe_scope, "filters": S.filters, "page": S.ints,
                "page_size": S.ints, "cursor": S.cursors, "enable_graph": S.flags}

    @SETTINGS
    @given(search=S.calls(search_valid, search_bad), listing=S.calls(list_valid, list_bad))
    def run(search: dict[str, Any], listing: dict[str, Any]) -> None:
        query = search.pop("query")
        harness.call(lambda: harness.mem.search(query, **search))
        page = harness.call(lambda: harness.mem.get_all(**listing))
        if page is not None and page["next_cursor"] and listing["page"] is None:
            harness.call(lambda: harness.mem.get_all(user_id=listing["user_id"],
                                                     cursor=page["next_cursor"]))

    run()


def test_changes_by_id_never_fail_outside_the_error_tree(harness: Harness) -> None:
    real = st.sampled_from(harness.ids())

    @SETTINGS
    @given(memory_id=st.one_of(real, S.texts, S.odd), text=st.one_of(st.none(), S.texts, S.odd),
           metadata=S.metadata, which=st.integers(0, 5), items=st.lists(S.odd, max_size=3))
    def run(memory_id: Any, text: Any, metadata: Any, which: int, items: list[Any]) -> None:
        before = {r["id"]: r for r in harness.mem.get_all(user_id="u")["results"]}
        calls: list[Callable[[], Any]] = [
            lambda: harness.mem.get(memory_id),
            lambda: harness.mem.history(memory_id),
            lambda: harness.mem.update(memory_id, text, metadata),
            lambda: harness.mem.batch_update([{"memory_id": memory_id, "text": text,
                                               "metadata": metadata}, *items]),
            lambda: harness.mem.batch_delete([memory_id, *items]),
            lambda: harness.mem.delete_all(user_id=memory_id, filters=metadata),
        ]
        if harness.call(calls[which]) is None:  # refused: nothing may have changed
            after = {r["id"]: r for r in harness.mem.get_all(user_id="u")["results"]}
            assert after == before
        if not harness.ids():  # keep something to update and delete
            harness.mem.add("I like green tea", user_id="u", infer=False)

    run()

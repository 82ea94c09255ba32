"""The keyword-context plan (store._contexts) on hand-made turns: the ±N window, and
the session-bounded window that stops at the first turn of another session."""

from __future__ import annotations

import doctest

import engram.store._contexts
from engram.store._contexts import plan_contexts, session_key


def test_unbounded_window_crosses_sessions() -> None:
    refresh, fresh = plan_contexts([(1, "a"), (2, "b")], ["c", "d"], 2, 2)
    assert fresh == ["a\nb\nd", "b\nc"]
    assert refresh == [("b\nc", 1), ("a\nc\nd", 2)]


def test_session_bounded_window_stops_at_another_session() -> None:
    tail = [(1, "a"), (2, "b"), (3, "c"), (4, "d")]
    keys = ["s1", "s1", "s2", "s2"]
    refresh, fresh = plan_contexts(tail, ["e", "f", "g"], 2, 2, tail_keys=keys,
                                   new_keys=["s2", "s3", "s3"])
    # e continues s2 (c, d before it); f and g open s3 and only see each other.
    assert fresh == ["c\nd", "g", "f"]
    # The stored s2 turns gain e after them; nothing of s3 reaches them.
    assert refresh == [("d\ne", 3), ("c\ne", 4)]


def test_a_session_met_again_later_is_not_joined_across_the_gap() -> None:
    # Windows are runs of adjacent turns: s1 turns on either side of an s2 turn do not
    # see each other (the run is broken), nor the s2 turn.
    _, fresh = plan_contexts([], ["a", "x", "b"], 1, 1, tail_keys=[], new_keys=["s1", "s2", "s1"])
    assert fresh == ["", "", ""]


def test_turns_without_a_session_share_one_window() -> None:
    _, fresh = plan_contexts([], ["a", "b", "c"], 1, 1, tail_keys=[], new_keys=[None, None, "s"])
    assert fresh == ["b", "a", ""]


def test_session_key_reads_stored_or_live_metadata() -> None:
    assert session_key({"session": 7}, "session") == "7"
    assert session_key('{"session": "D3"}', "session") == "D3"
    assert session_key("not json", "session") is None
    assert session_key(None, "session") is None
    assert session_key({"session": "x"}, None) is None


def test_doctests() -> None:
    assert doctest.testmod(engram.store._contexts).failed == 0


def test_a_character_budget_keeps_the_nearest_turns_first() -> None:
    texts = ["one", "two", "three", "four", "five"]
    _, fresh = plan_contexts([], texts, 2, 2, max_chars=10)
    # "three" takes "two" (3 chars), "four" (4), then "one" (the 3 left); "five" is out.
    assert fresh[2] == "one\ntwo\nfour"
    # Without a budget the whole window is kept; a budget wider than it changes nothing.
    assert plan_contexts([], texts, 2, 2)[1] == plan_contexts([], texts, 2, 2, max_chars=999)[1]


def test_a_long_neighbour_is_cut_and_nothing_beyond_the_budget_is_added() -> None:
    _, fresh = plan_contexts([], ["x" * 50, "short", "y" * 50], 1, 1, max_chars=20)
    assert fresh[1] == "x" * 20  # the turn before fills the budget; the one after gets none
    assert fresh[0] == "short"  # ±1: only the turn after
    assert fresh[2] == "short"

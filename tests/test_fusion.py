"""The search levers' pure decisions (engram._fusion, engram._recency) on small hand-made cases, and each
lever switched on through SearchConfig in a real Memory (deterministic embedder)."""

from __future__ import annotations

import doctest

import pytest

import engram._fusion
import engram._recency
from engram import Memory
from engram._fusion import about_the_user, damp_groups, is_aggregation, keyword_share, spread
from engram._recency import (
    EARLIER,
    asks_when,
    newer_first,
    newest_lead,
    prefers_earlier,
    same_terms,
)
from engram.testing import HashEmbedder


def test_keyword_share_follows_how_concentrated_the_keyword_evidence_is() -> None:
    # One turn far above the rest: rare words matched; the share goes to the top.
    peaked = keyword_share([10.0] + [1.0] * 12, low=0.4, high=0.8)
    # Twelve turns scoring alike: common words; the share falls to the floor.
    flat = keyword_share([5.0] * 12, low=0.4, high=0.8)
    middle = keyword_share([10.0] + [5.0] * 12, low=0.4, high=0.8)
    assert peaked == pytest.approx(0.4 + 0.4 * 0.9)
    assert flat == pytest.approx(0.4)
    assert flat < middle < peaked
    # Fewer than ten hits: the missing ones count as zero (few turns matched at all).
    assert keyword_share([3.0, 3.0], low=0.4, high=0.8) == pytest.approx(0.8)


def test_keyword_share_edges() -> None:
    assert keyword_share([], low=0.3, high=0.7) == 0.7  # no keyword hit: share unused
    assert keyword_share([0.0, 0.0], low=0.3, high=0.7) == 0.3
    assert keyword_share([-1.0] * 11, low=0.3, high=0.7) == 0.3  # never below low


@pytest.mark.parametrize("q", [
    "How many books did I buy this year?", "What is the total I spent on gas?",
    "Can you list the cities I visited?", "Which of my trips was the most expensive?",
    "How much did I spend altogether on the wedding?", "What are all the gifts I got?",
])
def test_aggregation_questions(q: str) -> None:
    assert is_aggregation(q)


@pytest.mark.parametrize("q", [
    "Where did I get my guitar serviced?", "What time do I wake up on Saturdays?",
    "When did Caroline go to the LGBTQ support group?", "Who is my dentist?",
])
def test_single_fact_questions_are_not_aggregation(q: str) -> None:
    assert not is_aggregation(q)


def test_spread_caps_each_group_and_keeps_order() -> None:
    group = {"a1": "a", "a2": "a", "a3": "a", "a4": "a", "b1": "b", "c1": "c", "x": None}.get
    ids = ["a1", "a2", "a3", "b1", "a4", "x", "c1"]
    assert spread(ids, group, cap=2, k=5) == ["a1", "a2", "b1", "x", "c1"]
    # Slots left after every group is capped are filled by the held ids, best first.
    assert spread(ids, group, cap=1, k=6) == ["a1", "b1", "x", "c1", "a2", "a3"]
    # A cap no group reaches changes nothing.
    assert spread(ids, group, cap=10, k=7) == ids
    # Ungrouped ids are never held back.
    assert spread(["x", "y", "z"], lambda _: None, cap=1, k=3) == ["x", "y", "z"]


def test_damp_groups_lets_another_groups_near_equal_hit_in() -> None:
    group = {"a1": "a", "a2": "a", "a3": "a", "b1": "b", "x": None}.get
    ranked = [("a1", 1.0), ("a2", 0.95), ("a3", 0.9), ("b1", 0.85), ("x", 0.5)]
    out = damp_groups(ranked, group, rate=0.1)
    # a2 scores 0.855, a3 0.729: b1 (0.85, its group's first) passes a3 but not a2.
    assert [m for m, _ in out] == ["a1", "a2", "b1", "a3", "x"]
    assert dict(out)["a3"] == pytest.approx(0.9 * 0.81)
    # A stronger damping lets b1 pass a2 too; rate 0 changes nothing.
    assert [m for m, _ in damp_groups(ranked, group, rate=0.2)][:2] == ["a1", "b1"]
    assert damp_groups(ranked, group, rate=0.0) == ranked
    # Ungrouped ids are never damped.
    assert dict(damp_groups([("x", 1.0), ("y", 0.9)], lambda _: None, rate=0.5)) == {
        "x": 1.0, "y": 0.9}


def test_newer_first_reorders_near_ties_only_within_the_window() -> None:
    when = {"old": "2023-01-01", "new": "2023-06-01", "mid": "2023-03-01", "none": None}.get
    ranked = [("old", 1.0), ("mid", 0.9), ("new", 0.8), ("none", 0.79)]
    # Within 25% of each hit above it: newest first, then "mid" above "old".
    assert [m for m, _ in newer_first(ranked, when, margin=0.25, window=4)] == [
        "new", "mid", "old", "none"]
    # Within 15%: "mid" passes "old" (0.9 >= 0.85), "new" does not (0.8 < 0.85): each
    # hit is compared with its own score, so a weak hit cannot ride a near tie upwards.
    assert [m for m, _ in newer_first(ranked, when, margin=0.15, window=4)] == [
        "mid", "old", "new", "none"]
    # Outside the window nothing moves, and the window's members stay the same.
    assert [m for m, _ in newer_first(ranked, when, margin=1.0, window=2)] == [
        "mid", "old", "new", "none"]
    # A hit without a time, or margin 0 on distinct scores, keeps its place.
    assert newer_first(ranked, when, margin=0.0, window=4) == ranked
    # With ``same``, only hits about the same thing trade places.
    apart = {("old", "mid")}
    assert [m for m, _ in newer_first(ranked, when, margin=0.25, window=4,
                                      same=lambda a, b: (a, b) not in apart)] == [
        "new", "old", "mid", "none"]  # "mid" stays below "old", "new" passes both
    # older=True: the earlier of two near-equal hits comes first.
    assert [m for m, _ in newer_first([("new", 1.0), ("old", 0.95)], when, margin=0.1,
                                      window=2, older=True)] == ["old", "new"]


@pytest.mark.parametrize(("q", "earlier"), [
    ("What was my first car?", True), ("Where I used to live?", True),
    ("What was my previous job?", True), ("Where do I live now?", False),
    ("How many recipes have I tried?", False)])
def test_questions_about_an_earlier_state(q: str, earlier: bool) -> None:
    assert (EARLIER.search(q) is not None) == earlier


def test_newest_lead_moves_only_the_latest_near_best_hit_to_the_top() -> None:
    when = {"a": "2023-01-01", "b": "2023-06-01", "c": "2023-03-01", "d": "2023-09-01",
            "e": None}.get
    ranked = [("a", 1.0), ("c", 0.9), ("b", 0.8), ("d", 0.7), ("e", 0.6)]
    # Within 25% of the best: a, c, b; b happened last and leads, the rest keep their order.
    assert [m for m, _ in newest_lead(ranked, when, margin=0.25, window=5)] == [
        "b", "a", "c", "d", "e"]
    # "d" is newer still but 30% below the best: not near-best until the margin allows it.
    assert newest_lead(ranked, when, margin=0.35, window=5)[0][0] == "d"
    # Only the first ``window`` hits compete; the order past it is never touched.
    assert [m for m, _ in newest_lead(ranked, when, margin=0.35, window=2)] == [
        "c", "a", "b", "d", "e"]
    # The best hit is already the latest near-best one, or the margin is 0: no change.
    assert newest_lead([("d", 1.0), ("a", 0.99)], when, margin=0.1, window=2) == [
        ("d", 1.0), ("a", 0.99)]
    assert newest_lead(ranked, when, margin=0.0, window=5) == ranked
    # A hit without a time never leads; older=True picks the earliest near-best hit.
    assert newest_lead([("c", 1.0), ("e", 0.99)], when, margin=0.1, window=2)[0][0] == "c"
    assert newest_lead([("c", 1.0), ("a", 0.9), ("b", 0.95)], when, margin=0.2, window=3,
                       older=True)[0][0] == "a"
    # With ``same``, only hits about the same thing as the best one compete.
    assert newest_lead(ranked, when, margin=0.25, window=5,
                       same=lambda best, m: m != "b")[0][0] == "c"
    # Fewer than two hits, or a best score of 0: nothing to weigh.
    assert newest_lead([("a", 1.0)], when, margin=0.5, window=3) == [("a", 1.0)]
    assert newest_lead([("a", 0.0), ("b", 0.0)], when, margin=0.5, window=2)[0][0] == "a"


@pytest.mark.parametrize(("q", "earlier"), [
    ("What was my first car?", True), ("Where did I live previously?", True),
    ("What did I originally order?", True),
    # The current state is asked for, though an earlier thing is named.
    ("What company is Rachel, a colleague from my previous job, currently working at?", False),
    ("Where do I keep my old bike now?", False),
    # "The first two months" is a period, not an earlier state.
    ("How many stamps did I buy in the first two months?", False),
    ("How many stamps did I buy in the first 3 weeks?", False),
    ("When was the first time I went skiing?", True)])
def test_prefers_earlier(q: str, earlier: bool) -> None:
    assert prefers_earlier(q) == earlier


@pytest.mark.parametrize(("q", "when"), [
    ("When did Anna move to Oslo?", True), ("Which month did I start yoga?", True),
    ("How long ago did I buy the car?", True), ("What time do I wake up?", False),
    ("How long have I lived here?", False), ("Where do I keep my sneakers?", False)])
def test_asks_when(q: str, when: bool) -> None:
    assert asks_when(q) == when


def test_same_terms_needs_two_shared_query_words_and_half_of_them() -> None:
    assert same_terms({"old", "sneakers"}, {"old", "sneakers", "keep"})
    assert not same_terms({"sneakers"}, {"sneakers"})  # one word is not enough
    assert not same_terms({"a", "b", "c", "d", "e"}, {"a", "b"})  # 2 of 5
    assert not same_terms(set(), set())


def test_recency_tie_break_runs_through_search(tmp_path) -> None:  # type: ignore[no-untyped-def]
    mem = _mem(tmp_path, recency_mode="swap", recency_margin=0.5, recency_same=True,
               context_before=0, context_after=0)
    mem.add("I keep my old sneakers in the closet", user_id="u", infer=False,
            timestamp="2023-05-25")
    mem.add("I keep my old sneakers in the shed now", user_id="u", infer=False,
            timestamp="2023-05-29")
    mem.add("I like tea", user_id="u", infer=False, timestamp="2023-06-01")
    top = [r["memory"] for r in mem.search("Where do I keep my old sneakers?", user_id="u",
                                           top_k=2)["results"]]
    assert top[0].endswith("shed now")
    first = [r["memory"] for r in mem.search("Where did I first keep my old sneakers?",
                                             user_id="u", top_k=2)["results"]]
    assert first[0].endswith("closet")
    mem.config.search = mem.config.search.model_copy(update={"recency_margin": 0.0})
    off = mem.search("Where do I keep my old sneakers?", user_id="u", top_k=2)["results"]
    assert {r["memory"] for r in off} == set(top)  # the same memories shown, order aside
    mem.close()


def test_newest_lead_runs_through_search(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A wide margin (0.9): on three tiny texts keyword scores are far apart.
    mem = _mem(tmp_path, recency_mode="lead", recency_margin=0.9, context_before=0,
               context_after=0)
    mem.add("I keep my old sneakers in a box in the closet", user_id="u", infer=False,
            timestamp="2023-05-25")
    mem.add("I keep my old sneakers in the shed", user_id="u", infer=False,
            timestamp="2023-05-29")
    mem.add("I like tea and old books", user_id="u", infer=False, timestamp="2023-06-01")

    def order(q: str) -> list[str]:
        res = mem.search(q, user_id="u", top_k=3, reference_date="2023-06-02")["results"]
        return [str(r["memory"]).split()[-1] for r in res]

    # The closet is the better match; the shed, said later, leads.
    assert order("Where do I keep my old sneakers in a box?") == ["shed", "closet", "books"]
    assert order("Where did I first keep my old sneakers?")[0] == "closet"
    # Asked when, or for a named period: relevance alone orders.
    assert order("When did I keep my old sneakers in a box?")[0] == "closet"
    assert order("Where did I keep my old sneakers in a box in May 2023?")[0] == "closet"
    mem.config.search = mem.config.search.model_copy(update={"recency_margin": 0.0})
    assert order("Where do I keep my old sneakers in a box?") == ["closet", "shed", "books"]
    mem.close()


def _mem(tmp_path, **search) -> Memory:  # type: ignore[no-untyped-def]
    return Memory({"store": {"path": str(tmp_path / "m.db")}, "search": search},
                  embedder=HashEmbedder())


def test_session_damping_runs_through_search(tmp_path) -> None:  # type: ignore[no-untyped-def]
    mem = _mem(tmp_path, breadth="always", session_damp=0.5, context_before=0,
               context_after=0, recency_margin=0.0)
    for s, n in (("s1", 3), ("s2", 1)):
        mem.add([{"role": "user", "content": f"I bought a plant {'today ' * (4 - i)}#{s}{i}"}
                 for i in range(n)], user_id="u", infer=False, metadata={"session": s})
    q = "Did I buy a plant today?"
    damped = [r["metadata"]["session"] for r in mem.search(q, user_id="u", top_k=2)["results"]]
    mem.config.search = mem.config.search.model_copy(update={"session_damp": 0.0,
                                                             "breadth": "off"})
    plain = [r["metadata"]["session"] for r in mem.search(q, user_id="u", top_k=2)["results"]]
    assert plain == ["s1", "s1"] and damped == ["s1", "s2"]
    mem.close()


def test_a_page_flooded_by_one_session_lets_another_in(tmp_path) -> None:  # type: ignore[no-untyped-def]
    mem = _mem(tmp_path, breadth="flooded", session_damp=0.5, context_before=0,
               context_after=0, recency_margin=0.0)
    for s, n in (("s1", 3), ("s2", 1)):
        mem.add([{"role": "user", "content": f"I bought a plant {'today ' * (4 - i)}#{s}{i}"}
                 for i in range(n)], user_id="u", infer=False, metadata={"session": s})
    q = "Did I buy a plant today?"

    def sessions(top_k: int) -> list[str]:
        return [r["metadata"]["session"] for r in mem.search(q, user_id="u", top_k=top_k)["results"]]

    flooded2, page4 = sessions(2), sessions(4)
    mem.config.search = mem.config.search.model_copy(update={"breadth": "off"})
    # Two results, both of s1: the page is flooded, and s2's near-equal turn comes in.
    assert sessions(2) == ["s1", "s1"] and flooded2 == ["s1", "s2"]
    # Four results already hold s2: not flooded, nothing moves.
    assert page4 == sessions(4)
    mem.close()


@pytest.mark.parametrize(("q", "user"), [
    ("Where do I keep my old sneakers?", True), ("How many books have I read?", True),
    ("What did you recommend for my trip?", False), ("Can you remind me of your tip?", False),
    ("Where does Anna live?", False)])
def test_about_the_user(q: str, user: bool) -> None:
    assert about_the_user(q) == user


def test_user_boost_raises_the_users_own_turn(tmp_path) -> None:  # type: ignore[no-untyped-def]
    mem = _mem(tmp_path, context_before=0, context_after=0, recency_margin=0.0, user_boost=0.5)
    mem.add([{"role": "user", "content": "I keep my bike in the garage"},
             {"role": "assistant", "content": "Keep the bike in the garage, and keep the bike "
                                              "chain oiled"},
             {"role": "user", "content": "thanks a lot"},
             {"role": "assistant", "content": "happy cycling"}],
            user_id="u", infer=False)

    def first(q: str) -> str:
        return str(mem.search(q, user_id="u", top_k=4)["results"][0]["role"])

    assert first("Where do I keep my bike?") == "user"
    assert first("What did you say to keep the bike?") == "assistant"  # asks about "you"
    mem.config.search = mem.config.search.model_copy(update={"user_boost": 0.0})
    assert first("Where do I keep my bike?") == "assistant"
    mem.close()


def test_breadth_spreads_an_aggregation_question_over_sessions(tmp_path) -> None:  # type: ignore[no-untyped-def]
    mem = _mem(tmp_path, breadth="aggregate", session_cap=1, session_damp=0.0, context_before=0,
               context_after=0)
    for s, n in (("s1", 4), ("s2", 1), ("s3", 1)):
        mem.add([{"role": "user", "content": f"I bought a plant {'today ' * (5 - i)}#{s}{i}"}
                 for i in range(n)], user_id="u", infer=False, metadata={"session": s})
    q = "How many plants did I buy today?"
    capped = mem.search(q, user_id="u", top_k=3)["results"]
    assert sorted(r["metadata"]["session"] for r in capped) == ["s1", "s2", "s3"]
    # Not an aggregation question: no cap (s1's four turns rank first on "today").
    mem.config.search = mem.config.search.model_copy(update={"breadth": "off"})
    plain = mem.search(q, user_id="u", top_k=3)["results"]
    assert [r["metadata"]["session"] for r in plain].count("s1") >= 2
    mem.close()


def test_adaptive_share_and_vector_depth_run_through_search(tmp_path) -> None:  # type: ignore[no-untyped-def]
    mem = _mem(tmp_path, adaptive_alpha=True, vector_depth=0.5, candidates=4)
    mem.add([{"role": "user", "content": t} for t in
             ["my zebrafish tank is leaking", "I like tea", "tea again", "more tea"]],
            user_id="u", infer=False)
    top = mem.search("zebrafish tank", user_id="u", top_k=2)["results"]
    assert top[0]["memory"] == "my zebrafish tank is leaking"
    mem.close()


def test_doctests() -> None:
    assert doctest.testmod(engram._fusion).failed == 0
    assert doctest.testmod(engram._recency).failed == 0


def test_context_levers_reach_the_store_from_the_config(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # context_bound/context_chars are ingest-time: the store built from the config applies them.
    mem = _mem(tmp_path, context_bound="session", context_chars=12)
    mem.add([{"role": "user", "content": "we adopted a greyhound named Pixel"}],
            user_id="u", infer=False, metadata={"session": "s1"})
    mem.add([{"role": "user", "content": "the weather was lovely"},
             {"role": "user", "content": "tea and biscuits afterwards"}],
            user_id="u", infer=False, metadata={"session": "s2"})
    kw = mem.search("greyhound", user_id="u", top_k=5, search_mode="keyword")["results"]
    assert [r["memory"] for r in kw] == ["we adopted a greyhound named Pixel"]
    # Within s2 the budget keeps 12 characters of the neighbour: "tea and bisc".
    assert [r["memory"] for r in mem.search("bisc", user_id="u", top_k=5,
                                            search_mode="keyword")["results"]] == [
        "the weather was lovely"]
    mem.close()

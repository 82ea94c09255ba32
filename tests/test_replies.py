"""The reply lift (engram._replies): its pure rule on hand-made rankings, and the lever
through SearchConfig in a real Memory (deterministic embedder, no keyword context, so
the reply shares no word with the question)."""

from __future__ import annotations

import doctest
from typing import Any

import pytest

import engram._replies
from engram import Memory
from engram._replies import asks_about, lift_replies, question_words
from engram.testing import HashEmbedder


@pytest.mark.parametrize(("text", "asking"), [
    ("What inspired your painting?", True),  # "inspired" and "painting" are query words
    ("Wow, the painting is pretty! Where was that taken?", False),  # not in its question
    ("Paintings?! I never knew you painted.", True),  # "paint" stems of both
    ("I painted it last week.", False), ("", False), ("?", False)])
def test_asks_about_reads_only_the_question(text: str, asking: bool) -> None:
    assert asks_about(text, {"inspired", "painting"}) == asking


def test_question_words() -> None:
    assert question_words("Great. So what's next? Fine!") == {"so", "what", "s", "next"}
    assert question_words("No question here.") == set()
    # Long text with no question mark: no backtracking, nothing found.
    assert question_words("word " * 5000) == set()


def test_a_reply_gains_a_share_of_its_questions_score() -> None:
    ranked = [("q", 1.0), ("x", 0.8), ("y", 0.6), ("a", 0.5)]
    out = lift_replies(ranked, asks={"q"}.__contains__, reply_of={"q": "a"}.get, share=0.4,
                       window=4)
    # a: 0.5 + 0.4 x 1.0 = 0.9 passes x and y; nothing else moves.
    assert [m for m, _ in out] == ["q", "a", "x", "y"]
    assert dict(out)["a"] == pytest.approx(0.9)
    # Share 0, or a question without a known reply, changes nothing.
    assert lift_replies(ranked, asks={"q"}.__contains__, reply_of={"q": "a"}.get, share=0.0,
                        window=4) == ranked
    assert lift_replies(ranked, asks={"q"}.__contains__, reply_of=lambda _: None, share=0.4,
                        window=4) == ranked


def test_only_questions_inside_the_window_lift_and_scores_are_read_before_lifting() -> None:
    ranked = [("x", 1.0), ("q1", 0.9), ("q2", 0.8), ("a2", 0.1)]
    reply = {"q1": "q2", "q2": "a2"}.get
    out = dict(lift_replies(ranked, asks={"q1", "q2"}.__contains__, reply_of=reply,
                            share=0.5, window=2))
    # q2 is outside the window: its reply keeps its score; q1 (inside) lifts q2.
    assert out["a2"] == pytest.approx(0.1) and out["q2"] == pytest.approx(0.8 + 0.45)
    both = dict(lift_replies(ranked, asks={"q1", "q2"}.__contains__, reply_of=reply,
                             share=0.5, window=3))
    # q2's reply gains half of q2's own score (0.8), not of its lifted one (1.25).
    assert both["a2"] == pytest.approx(0.1 + 0.4)


def test_a_reply_that_was_no_candidate_joins_the_ranking() -> None:
    out = lift_replies([("q", 1.0), ("x", 0.2)], asks={"q"}.__contains__,
                       reply_of={"q": "new"}.get, share=0.5, window=2)
    assert out == [("q", 1.0), ("new", 0.5), ("x", 0.2)]


def test_doctests() -> None:
    assert doctest.testmod(engram._replies).failed == 0


def _mem(store: dict[str, Any], **search: Any) -> Memory:
    base = {"context_before": 0, "context_after": 0, "recency_margin": 0.0, "breadth": "off"}
    return Memory({"store": store, "search": {**base, **search}}, embedder=HashEmbedder())


def _talk(mem: Memory) -> None:
    mem.add([{"role": "user", "content": "The lake painting in my hallway is new"},
             {"role": "user", "content": "I framed a lake painting for my sister"},
             {"role": "user", "content": "The painting of the lake needs a better frame"},
             {"role": "assistant", "content": "What inspired your painting of the lake?"},
             {"role": "user", "content": "My grandmother's stories about her childhood"}],
            user_id="u", infer=False, metadata={"session": "s1"})


def test_the_answer_to_a_matching_question_enters_the_first_page(store_config: dict[str, Any]) -> None:
    mem = _mem(store_config, reply_share=1.0)
    _talk(mem)
    q = "What inspired the lake painting?"

    def top(k: int) -> list[str]:
        return [r["memory"] for r in mem.search(q, user_id="u", top_k=k)["results"]]

    lifted = top(3)
    assert "My grandmother's stories about her childhood" in lifted
    mem.config.search = mem.config.search.model_copy(update={"reply_share": 0.0})
    assert "My grandmother's stories about her childhood" not in top(3)
    mem.close()


def test_a_turn_of_another_session_is_no_reply(store_config: dict[str, Any]) -> None:
    mem = _mem(store_config, reply_share=1.0)
    _talk(mem)
    mem.add([{"role": "user", "content": "Soup recipes for a cold evening"}], user_id="u",
            infer=False, metadata={"session": "s2"})
    mem.add([{"role": "assistant", "content": "Where did you paint the lake?"}], user_id="u",
            infer=False, metadata={"session": "s3"})
    mem.add([{"role": "user", "content": "Bread dough rises overnight"}], user_id="u",
            infer=False, metadata={"session": "s4"})
    got = [r["memory"] for r in mem.search("Where did I paint the lake?", user_id="u",
                                           top_k=4)["results"]]
    assert "Bread dough rises overnight" not in got
    mem.close()


def test_a_question_about_the_user_lifts_only_the_users_replies(store_config: dict[str, Any]) -> None:
    mem = _mem(store_config, reply_share=1.0, user_boost=0.0)
    mem.add([{"role": "user", "content": "The kayak paddle I bought is red"},
             {"role": "user", "content": "My kayak fits on the car roof"},
             {"role": "user", "content": "Kayak trips with my brother are fun"},
             {"role": "user", "content": "Where should I store my kayak in winter?"},
             {"role": "assistant", "content": "A dry garage works well for most boats"}],
            user_id="u", infer=False, metadata={"session": "s1"})
    reply = "A dry garage works well for most boats"

    def top(q: str) -> list[str]:
        return [r["memory"] for r in mem.search(q, user_id="u", top_k=3)["results"]]

    # "I/my" and no "you": what the user said is asked for, not the assistant's answer.
    assert reply not in top("Where do I store my kayak in winter?")
    # A question about what the assistant said lifts the assistant's reply.
    assert reply in top("Where did you tell me to store the kayak in winter?")
    mem.close()

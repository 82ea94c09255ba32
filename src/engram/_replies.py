"""The reply to a question: in a conversation, a turn that asks something ("What made you
start painting?") shares the question's words, while the turn that answers it ("My aunt
gave me her old brushes") often shares none, so a search ranks the asking turn above the
answer it was looking for. :func:`lift_replies` adds a share of a well-ranked asking
turn's score to the turn right after it in the same session, when the question itself
names something the search names (:func:`asks_about`): a long turn that ends with "any
other questions?" passes nothing on. Pure: the caller reads the texts, the next turns
and their sessions.

>>> asks_about("Wow, the lake looks great! What inspired you?", {"inspired", "painting"})
True
>>> asks_about("Wow, the lake looks great! Where was it?", {"lake"})
False
>>> lift_replies([("q", 1.0), ("x", 0.8), ("a", 0.75)], asks={"q"}.__contains__,
...              reply_of={"q": "a"}.get, share=0.25, window=2)
[('q', 1.0), ('a', 1.0), ('x', 0.8)]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

__all__ = ["asks_about", "question_words", "lift_replies"]

Ranked = list[tuple[str, float]]
_ENDS = re.compile(r"([.!?]+)")  # sentence ends, kept by split
_WORD = re.compile(r"\w+", re.UNICODE)
_STEM = 5  # words compared by their first letters: "inspire"/"inspired", "paint"/"painting"


def question_words(text: str) -> set[str]:
    """The words of the sentences of ``text`` that end in a question mark, each cut to
    its first five letters (a crude stem).

    >>> sorted(question_words("I love it. Where did you paint it? Great."))
    ['did', 'it', 'paint', 'where', 'you']
    """
    parts = _ENDS.split(text.lower())  # sentence, its end, sentence, its end, ...
    return {w[:_STEM] for body, end in zip(parts[::2], parts[1::2], strict=False) if "?" in end
            for w in _WORD.findall(body)}


def asks_about(text: str, terms: Collection[str]) -> bool:
    """Does a question of ``text`` hold one of the search's ``terms`` (stop-words already
    dropped)? A turn often answers and then asks back; only its question counts."""
    if "?" not in text:
        return False
    return not question_words(text).isdisjoint(t[:_STEM] for t in terms)


def lift_replies(ranked: Sequence[tuple[str, float]], *, asks: Callable[[str], bool],
                 reply_of: Callable[[str], str | None], share: float, window: int) -> Ranked:
    """Each of the first ``window`` hits that ``asks`` (by id) adds ``share`` × its score
    to its reply's (``reply_of``: the next turn of its session, or None); a reply not
    among ``ranked`` joins it with that share alone. Scores read before any lift, so a
    reply that asks back passes on its own score, not the lifted one. Sorted again,
    best first (ties keep the earlier order)."""
    before = dict(ranked)
    score = dict(before)
    for mid, s in ranked[:window]:
        if not asks(mid):
            continue
        reply = reply_of(mid)
        if reply is not None and reply != mid:
            score[reply] = before.get(reply, 0.0) + share * s
    return sorted(score.items(), key=lambda kv: -kv[1])

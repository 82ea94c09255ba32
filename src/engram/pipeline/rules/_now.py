"""A sentence that presents its state as the current one, set against an earlier one.

"These days I'm on day shifts", "Nowadays we rent in York", "Currently I'm on Apple
Music": the opener says the state holds now as opposed to before, yet it is discourse the
extractor strips, so the fact ("Is on day shifts") no longer says it changed. The facts of
such a sentence are marked, and the reconciler lets each replace its nearest held memory
of the same subject (``_nearest``, MiniLM cosine as ``Memory`` wires it), as it does for a
fact that says "now" or "switched" in its own words.

>>> said_as_now("These days I'm teaching yoga"), said_as_now("Oh, at the moment I rent")
(True, True)
>>> said_as_now("I like it now"), said_as_now("Now and then I paint")
(False, False)
>>> said_as_now("Right now I'm working from a cafe")
False
>>> said_as_now("I'm on the early rota from next month")
True
>>> said_as_now("I've been at Aldi since March"), said_as_now("I've been to Rome since May")
(True, True)
"""

from __future__ import annotations

import re

__all__ = ["said_as_now"]

# Only at the start: "now" inside a clause is kept by the extractor and read there.
# "Now and then", "now that" and "for now" are no contrast with before; "right now" is
# this very moment ("right now I'm at the gym, on a train, working from a cafe"), no
# standing state set against an earlier one.
_NOW_OPENER = re.compile(
    r"^(?:(?:oh|well|so|and|but|ok|okay|yeah|anyway|actually)\W+)*"
    r"(?:these days|nowadays|currently|at the moment|at present|"
    r"now(?!\s+(?:and\s+then|that|for)\b)|since then|from now on)\b", re.I)

# "Since the baby arrived, I ...", "Ever since my operation I ...": the state dates from an
# event, so it replaced what held before it. A present state after "since" is a reason
# ("Since I'm vegan, ..."), not a time, so the event must be in the past or a bare noun.
_SINCE_EVENT = re.compile(
    r"^(?:(?:oh|well|so|and|but)\W+)*(?:ever\s+)?since\s+(?:"
    r"(?:the|my|our|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:\w+ed|arrived|came|began|"
    r"started|happened|left|went|broke|got|was|were)\b"  # "the baby arrived"
    r"|(?:i|we|he|she|they)\s+(?:\w+ed|got|had|left|lost|became|began|went|came|took|quit|"
    r"broke|was|were|split|gave)\b"  # "I moved", "we split up"
    r"|(?:my|our)\s+[\w-]+(?:\s+[\w-]+)?\s*,"  # "since my operation, ..."
    r"|last\s+(?:year|month|week|summer|winter|spring|autumn|christmas))", re.I)


# "... from next month", "starting in May": a new arrangement that replaces the current one.
_FROM_THEN = re.compile(r"\b(?:from\s+(?:next\s+(?:week|month|year|term|season)|now\s+on)|"
                        r"starting\s+(?:next\s+(?:week|month|year|term)|from\s+next))\b", re.I)


# "I've been at Aldi since March": a state that began at a time, so it replaced what held
# before it (a present perfect of being, living, working or having, and a time, not an
# event: "since the baby arrived" is read above).
_BEEN_SINCE = re.compile(
    r"^(?:(?:oh|well|so|and|but|actually)\W+)*(?:i|we)(?:'ve|\s+have)\s+(?:been|lived|worked|had)\b"
    r"[^,]*\bsince\s+(?:(?:last|early|late|mid)\s+)?(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december|spring|summer|autumn|fall|winter|christmas|"
    r"easter|(?:19|20)\d\d|year|month|week)\b", re.I)


def said_as_now(sentence: str) -> bool:
    """Does the sentence open by setting its state against an earlier one?

    >>> said_as_now("Since the twins were born I cook far less")
    True
    >>> said_as_now("Since I'm vegan, I skip the cheese board")
    False
    """
    s = sentence.strip()
    return bool(_NOW_OPENER.match(s) or _SINCE_EVENT.match(s) or _FROM_THEN.search(s)
                or _BEEN_SINCE.match(s))

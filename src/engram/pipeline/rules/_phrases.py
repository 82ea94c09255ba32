"""What a fact names, word by word, for telling whether it is about a held memory: its
content words without the words of change ("switched", "new", "finally"), and which of
them only qualify another thing's name ("marathon" in "Bought marathon shoes", "garden"
in "Finished the garden fence"), so that a shared word that merely qualifies says
nothing of the held memory. Read by ``_supersede`` and ``_outcome``.

>>> sorted(words_of("Switched to a new standing desk"))
['desk', 'stand']
>>> only_qualifies("Ordered new kitchen tiles", "Is renovating the kitchen")
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from engram.pipeline.rules._rewrite import PAST_FORMS
from engram.pipeline.rules._slots import content_tokens, stem
from engram.pipeline.rules._subjects import is_verb
from engram.pipeline.rules._topics import as_diet, split_subject

__all__ = ["CHANGE_WORDS", "modifiers", "only_qualifies", "qualifiers", "without", "words_of"]

# Words that describe the change, not the thing changed.
CHANGE_WORDS = {stem(w) for w in """switched switching switch changed changing now instead
promoted became become upgraded traded replaced swapped converted transferred moved
relocated passed failed finished completed graduated recovered healed returned went back
got new bought started starting began begun joined took taken up adopted signed enrolled
accepted booked rescheduled postponed pushed delayed from to anymore longer nowadays
days again back found landed new officially settled finally decided chose opted went
with pulled backed called off out scrapped ditched dropped abandoned packed handed notice
hold put rehome rehomed re-home gave given away down sleep mind minds renew renewed
renewing lapse say goodbye written cut""".split()}  # noqa: SIM905 (a word list reads better as text)



@lru_cache(maxsize=8192)  # pure and called per fact x neighbour: memoised
def words_of(predicate: str) -> frozenset[str]:
    # "works out" is exercise: it shares no word with "Works as a librarian"
    predicate = re.sub(r"\b(?i:work(?:s|ed|ing)?)\s+out\b", "exercise", as_diet(predicate))
    return content_tokens(predicate) - CHANGE_WORDS


def _tokens(predicate: str, verbs_end: bool) -> tuple[list[str], list[frozenset[str]]]:
    """The predicate's words and marks, and each one's content stems (none for a mark, a
    function word or a word of change; with ``verbs_end``, none for a past form or an
    -ed word either, so that a verb after a noun ends the name: "the firm kept them")."""
    toks = re.findall(r"[A-Za-z0-9][\w'-]*|[^\w\s]", predicate)
    return toks, [content_tokens(t) - CHANGE_WORDS if t[0].isalnum() and not (
        verbs_end and _verb_form(t)) else frozenset() for t in toks]


def _verb_form(word: str) -> bool:
    """A past form or an -ed word ("shed" is a noun)."""
    low = word.lower()
    return low in PAST_FORMS or (len(low) > 4 and low.endswith("ed"))


def modifiers(predicate: str, held: frozenset[str]) -> frozenset[str]:
    """Words of the new fact that only qualify the last word of a name the held memory
    does not use: "marathon" in "Bought marathon shoes" names shoes, not the marathon a
    held "Is training for a marathon" waits for, so it settles no wait (a word is taken
    as a name's last when nothing but a function or time word, a mark or the end
    follows it; without a parse a verb after a noun looks the same, so this only serves
    outcomes and purchases, which are told as an object got).

    >>> sorted(modifiers("Bought a canoe paddle yesterday", frozenset({"cano"})))
    ['cano']
    >>> sorted(modifiers("Adopted a dog called Biscuit", frozenset({"dog"})))
    []
    """
    toks, content = _tokens(predicate, verbs_end=True)  # "Results came back": a verb
    out: set[str] = set()
    for i in range(len(toks) - 1):
        last = i + 2 >= len(toks) or not content[i + 2]
        if content[i] and content[i + 1] and last and not content[i + 1] & held:
            out |= content[i]
    return frozenset(out)


_DETERMINERS = frozenset("""a an the my our your their his her its this that these those some
new any every another""".split())  # noqa: SIM905
# Words inside a name that carry no content of their own: "a Cardiff half marathon" is one
# run of words, not "Cardiff" then "marathon".
_INNER = frozenset({"half"})


def qualifiers(predicate: str, held: frozenset[str]) -> frozenset[str]:
    """Held words that qualify a noun after them in a run of content words ending in a
    word the held memory lacks: "garden" in "Finished the garden fence", "cardiff" in
    "Finished a Cardiff half marathon". A past form or an -ed word ends a run (a verb
    after a noun: "the firm kept them on"). A fact that opens with a noun, not a verb,
    opens a noun phrase too: "Five-a-side pitch moved to ..." names a pitch.

    >>> sorted(qualifiers("Finished the garden fence", frozenset({"garden"})))
    ['garden']
    >>> sorted(qualifiers("Finished a Cardiff half marathon in 2 hours", frozenset({"cardif"})))
    ['cardif']
    >>> sorted(qualifiers("Five-a-side pitch moved to the leisure centre", frozenset({"fiv", "sid"})))
    ['fiv', 'sid']
    >>> sorted(qualifiers("Dug the garden", frozenset({"garden"})))
    []
    """
    toks, content = _tokens(predicate, verbs_end=True)
    out: set[str] = set()
    run: list[tuple[frozenset[str], bool]] = []
    # the run follows a determiner, or opens a fact whose first word is no verb: a noun
    # phrase, not "works late"
    opened = False
    before = "a" if toks and toks[0][0].isalpha() and not is_verb(toks[0].lower(), 1) else ""
    for t, c in [*zip(toks, content, strict=True), ("", frozenset())]:
        if run and not c and t.lower() in _INNER:
            continue
        # a noun that is also a word of change goes on with the name, content-less ("book"
        # in "the book club novel")
        if c or (t[:1].isalpha() and t.lower() not in _DETERMINERS and content_tokens(t)
                 and not _verb_form(t)):
            if not run:
                opened = before.lower() in _DETERMINERS
            run.append((c, bool(c) and t[:1].isupper()))
            continue
        before = t
        # a name in capitals is one thing ("Xbox Series X"), not a qualified noun
        named = sum(cap for _, cap in run) > 1
        if opened and len(run) > 1 and not named and not run[-1][0] & held:
            for q, _ in run[:-1]:
                out |= q & held
        run = []
    return frozenset(out)


def only_qualifies(fact: str, held: str) -> bool:
    """Every word the fact shares with the held memory only qualifies another thing
    ("Ordered new kitchen tiles" / "Is renovating the kitchen"): a closeness of vectors
    that rests on such a word says nothing of the held memory."""
    _, predicate = split_subject(fact)
    predicate = re.sub(r"^(?:mostly|mainly|usually|often|only|just|still|also|always|now)\s+", "",
                       predicate, flags=re.I)  # "Mostly works late": the verb heads it
    words = words_of(split_subject(held)[1])
    shared = words_of(predicate) & words
    return bool(shared) and shared <= qualifiers(predicate, words)


def without(text: str, stems: frozenset[str]) -> str:
    """The text with the words whose stems are given taken out."""
    return " ".join(w for w in text.split() if not content_tokens(w) & stems)

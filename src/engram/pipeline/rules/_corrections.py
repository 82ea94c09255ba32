"""Explicit corrections: a denial and the value that replaces it, in one clause.

"I'm not allergic to walnuts, it was sesame" and "I'm allergic to sesame, not walnuts"
both give the denial and the corrected statement; the reconciler lets the denial delete
the old memory and keeps only the corrected one.

>>> corrected("I'm not allergic to walnuts, it was sesame")
['Is not allergic to walnuts', 'Is allergic to sesame']
>>> corrected("I'm allergic to sesame, not walnuts")
['Is not allergic to walnuts', 'Is allergic to sesame']
>>> corrected("I don't like rugby, it's cricket I love") is None
True
"""

from __future__ import annotations

import re

from engram.pipeline.rules._rewrite import conjugate, to_third_person

__all__ = ["corrected"]

_PREPS = r"(?:to|in|at|with|for|from|of|on|about|by|into|as)"
_NEG_THEN_VALUE = re.compile(
    r"^(?P<neg>.+?\b(?:not|n't|never)\b.+?),?\s+(?:(?:it|that)(?:'s|\s+is|\s+was)|they(?:'re|"
    r"\s+are|\s+were)|but|only|just)\s+(?:actually\s+|really\s+|just\s+|only\s+)?"
    r"(?P<value>[\w'-]+(?:\s+[\w'-]+){0,3})$", re.I)
_VALUE_NOT_OLD = re.compile(r"^(?P<pos>.+?),?\s+(?:and\s+)?not\s+(?P<old>[\w'-]+(?:\s+[\w'-]+){0,3})$",
                            re.I)


def _positive(denial: str) -> str | None:
    m = re.match(r"^Does not (\w+)\s+(.+)$", denial)
    if m:
        return f"{conjugate(m.group(1))} {m.group(2)}"
    positive = re.sub(r"^(\w+)\s+(?:not|no longer)\s+", r"\1 ", denial)
    return positive if positive != denial else None


def _swap_object(fact: str, value: str) -> str:
    """Replace what follows the last preposition (or the last word) with ``value``."""
    m = re.match(r"^(.*\b" + _PREPS + r")\s+.+$", fact)
    return f"{m.group(1)} {value}" if m else " ".join([*fact.split()[:-1], value])


def _negate(fact: str) -> str | None:
    m = re.match(r"^(Is|Was|Has|Can|Will)\s+(.+)$", fact)
    if m:
        return f"{m.group(1)} not {m.group(2)}"
    return None


def corrected(clause: str) -> list[str] | None:
    """[denial, corrected fact] for a clause that corrects itself, else None."""
    m = _NEG_THEN_VALUE.match(clause)
    if m and not re.search(r"\b(?:i|we)\b", m.group("value"), re.I):
        denial = to_third_person(m.group("neg"))
        positive = _positive(denial) if denial else None
        if denial and positive:
            return [denial, _swap_object(positive, m.group("value"))]
    m = _VALUE_NOT_OLD.match(clause)
    if m:
        fact = to_third_person(m.group("pos"))
        denial = _negate(_swap_object(fact, m.group("old"))) if fact else None
        if fact and denial:
            return [denial, fact]
    return None

"""Two people as one subject: "My wife Julia and I are thinking of moving", "Tom and I
broke up". The fact is the user's, with the other person put where the verb takes them.

>>> together("My wife Julia and I are thinking of moving")
['Is thinking of moving with wife Julia']
>>> together("My sister and I both hate olives")
['Hates olives', 'Sister hates olives']
>>> together("Tom and I broke up last week"), together("Tom and Ana broke up") is None
(['Broke up with Tom last week'], True)
"""

from __future__ import annotations

import re

from engram.pipeline.rules._rewrite import article, to_third_person

__all__ = ["together"]

_COMPOUND = re.compile(r"^((?i:my|our)\s+\w+(?:\s+[A-Z]\w+)?|[A-Z]\w+)\s+and\s+I\s+(.+)$")
# A couple's own event takes the partner as its object, right after the verb:
# "Got engaged to Priti on Saturday", "Separated from Tom in the spring".
_COUPLE = re.compile(r"^((?:has\s+|just\s+)*(?:(?:got|been)\s+(?P<to>engaged|married|hitched)|"
                     r"(?P<from>separated|divorced|got divorced)|(?:broke|split)\s+up|"
                     r"split(?=\s+(?:a|last|in|on|this|two|three|\d|recently|yesterday)\b|\s*$)))\b(.*)$",
                     re.I)


_APART = re.compile(r"^(?:are\s+not|aren'?t|are\s+no\s+longer|are\s+done|are\s+over|(?:have|'ve)\s+"
                    r"(?:split|broken\s+up|separated))\b(?:\s+together)?(?:\s+any\s*more)?\b", re.I)


def together(clause: str) -> list[str] | None:
    """The fact of "<partner> and I ..." (empty when the rest says nothing), or None when
    the clause has no such subject."""
    me_and = re.match(r"^(?i:me|i)\s+and\s+((?i:my|our)\s+\w+(?:\s+[A-Z]\w+)?|[A-Z]\w+)\s+"
                      r"(?!(?i:from|at|in|of|with|on|who|that)\b)(.+)$", clause)
    m = _COMPOUND.match(f"{me_and.group(1)} and I {me_and.group(2)}" if me_and else clause)  # "Me and Dev ..."
    if not m:
        return None
    partner = re.sub(r"^(?:my|our)\s+", "", m.group(1), flags=re.I)
    if _APART.match(m.group(2)):  # "Dan and I aren't together anymore": they broke up
        return [f"Broke up with {partner}"]
    both = re.match(r"^(?:(are|were|have|had|do|did|can)\s+)?(?:both|each)\s+(.+)$", m.group(2), re.I)
    if both:  # "My sister and I both hate olives": said of each of them, not done together
        verb = {"are": "am", "were": "was"}.get((both.group(1) or "").lower(), both.group(1) or "")
        what = both.group(2)
        if verb == "am":  # "both nurses": each is a nurse
            what = re.sub(r"^((?:[a-z-]+\s+)?[a-z-]+?[^aiosu])s$", lambda n: f"{article(n.group(1))} "
                          f"{n.group(1)}", what)
        fact = to_third_person(f"I {verb} {what}".replace("  ", " "))
        return [fact, f"{partner[0].upper()}{partner[1:]} {_theirs(fact)}"] if fact else []
    fact = to_third_person("I " + re.sub(r"^are\b", "am", m.group(2)))
    return [_with_partner(fact, partner)] if fact else []


def _theirs(fact: str) -> str:
    """The fact said of someone else: "Hates olives" -> "hates olives"."""
    return fact[0].lower() + fact[1:] if not re.match(r"^(?-i:[A-Z]{2}|I\b)", fact) else fact


def _with_partner(fact: str, partner: str) -> str:
    """The fact with the partner put where the verb takes them."""
    m = _COUPLE.match(fact)
    if not m:
        return f"{fact} with {partner}"
    prep = "to" if m.group("to") else "from" if m.group("from") else "with"
    return f"{m.group(1)} {prep} {partner}{m.group(4)}"

"""A part the user plays at an event named just before: whose event it is.

"My cousin Ada is getting married in May and I'm the maid of honour" gives "Is the maid of
honour", which alone says nothing of whose wedding; the event was named in the clause
before. A role or an invitation stated with no event of its own takes the latest event
named earlier in the same message (a wedding, a party).

>>> at_the_event(["Cousin Ada is getting married in May", "Is the maid of honour"])
['Cousin Ada is getting married in May', "Is the maid of honour at cousin Ada's wedding"]
>>> at_the_event(["Tom is throwing a birthday party", "Is invited"])
['Tom is throwing a birthday party', "Is invited to Tom's birthday party"]
>>> at_the_event(["Is the maid of honour"])
['Is the maid of honour']
"""

from __future__ import annotations

import re

from engram.pipeline.rules._facts import RELATIONS

__all__ = ["at_the_event"]

# An event someone is having: whose it is and what it is.
_EVENTS = [
    (re.compile(r"^(?P<who>.+?)\s+(?:is|are)\s+(?:getting|going to get)\s+married\b"), "wedding"),
    (re.compile(r"^(?P<who>.+?)'s\s+(?P<what>wedding|hen do|stag do|baby shower|"
                r"(?:[\w-]+\s+)?party)\b"), None),
    (re.compile(r"^(?P<who>.+?)\s+(?:is|are)\s+(?:having|throwing|hosting)\s+an?\s+"
                r"(?P<what>(?:[\w-]+\s+)?party|baby shower|housewarming|barbecue|bbq)\b"), None),
]
# A part at an event, said with no event: "Is the best man", "Is invited".
_ROLE = re.compile(r"^Is\s+(?:(?:the|a|one of the)\s+)?(?P<role>best man|maid of honou?r|"
                   r"matron of honou?r|bridesmaids?|groomsm[ae]n|ushers?|officiant|flower girl|"
                   r"page boy|ring bearer|dj|photographer|mc|host|godparent)$", re.I)
_INVITED = re.compile(r"^Is\s+(?:also\s+)?invited$", re.I)


def _event(fact: str) -> str | None:
    for pattern, kind in _EVENTS:
        m = pattern.match(fact)
        if m:
            who = m.group("who")
            first, _, rest = who.partition(" ")
            if first.lower() in RELATIONS and rest:  # "Sister Rosa" -> "sister Rosa's"
                who = f"{first.lower()} {rest}"
            return f"{who}'s {kind or m.group('what')}"
    return None


def at_the_event(facts: list[str]) -> list[str]:
    """``facts`` (one message's, in order) with each bare role placed at its event."""
    out: list[str] = []
    event: str | None = None
    for fact in facts:
        if event and _ROLE.match(fact):
            fact = f"{fact} at {event}"
        elif event and _INVITED.match(fact):
            fact = f"{fact} to {event}"
        event = _event(fact) or event
        out.append(fact)
    return out

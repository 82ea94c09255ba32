"""A plan told and taken back in one message: "I was going to go vegan but I changed my
mind" is one fact, that the plan was dropped, not a plan and a change of mind side by
side (the second alone says nothing; the first alone says the opposite).

>>> plans_dropped(["Was going to go vegan", "Changed their mind"])
['Decided not to go vegan']
>>> plans_dropped(["Was thinking of selling the flat", "Decided against it"])
['Decided not to sell the flat']
>>> plans_dropped(["Changed their mind about the gym"])
['Changed their mind about the gym']
"""

from __future__ import annotations

import re

from engram.pipeline.rules._fragments import base_form

__all__ = ["plans_dropped"]

_PLANNED = re.compile(r"^(?:Was|Were)\s+(?:going|planning|about|meaning)\s+to\s+(?P<to>.+)$"
                      r"|^(?:Planned|Wanted|Meant|Intended)\s+to\s+(?P<to2>.+)$"
                      r"|^(?:Was|Were)\s+(?:thinking|considering)\s+(?:of|about)?\s*"
                      r"(?P<ing>(?-i:[a-z]+)ing)\b(?P<rest>.*)$")
# The plan taken back, naming nothing else.
_MIND = re.compile(r"^(?:Changed their minds?|Decided against it|Thought better of it|"
                   r"(?:Did not|Didn't) in the end|Backed out|Went off the idea|Chickened out)$")


def plans_dropped(facts: list[str]) -> list[str]:
    """``facts`` (one message's, in order) with a plan followed by its taking back as one
    fact: "Decided not to <plan>"."""
    out: list[str] = []
    for fact in facts:
        m = _PLANNED.match(out[-1]) if out else None
        if m and _MIND.match(fact.strip()):
            plan = m.group("to") or m.group("to2") or \
                f"{base_form(m.group('ing'))}{m.group('rest')}"
            out[-1] = f"Decided not to {plan}"
            continue
        out.append(fact)
    return out

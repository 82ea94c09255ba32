"""A reply that opens with yes or no, and says more: "no, Lisbon" to "do you live in
Porto?", "nope, quit in May" to "still at the bakery?", "yeah, an old Corolla" to "do
you drive?". Read by :func:`engram.pipeline.rules._answers.answer_clause`.

>>> yes_or_no("Do you live in Porto", "no, Lisbon")
(True, 'I live in Lisbon')
>>> yes_or_no("Do you drink coffee", "nope, tea person")
(True, "I don't drink coffee; I'm a tea person")
>>> yes_or_no("Do you drive", "yeah, an old Corolla")
(True, 'I drive an old Corolla')
"""

from __future__ import annotations

import re

from engram.pipeline.rules._corrections import swap_value
from engram.pipeline.rules._restated import swap_kind
from engram.pipeline.rules._rewrite import PAST_FORMS
from engram.pipeline.rules._verbless import verbless
from engram.pipeline.rules._yesno import ASKED, NO, YES, YESNO
from engram.pipeline.rules._yesno import BLANK as _BLANK
from engram.pipeline.rules._yesno import fill as _fill
from engram.pipeline.rules._yesno import yes_no as _yes_no

__all__ = ["OBJECT_START", "lower_start", "yes_or_no"]

# A reply naming a thing: "an old Corolla", "my bike", "two"
OBJECT_START = re.compile(r"^(?:a|an|the|my|our|one|two|three|four|five|six|\d+)\s", re.I)

_FUNCTION_START = re.compile(r"^(?:a|an|the|at|in|on|for|around|about|every|some|two|three|"
                             r"outside|near|close to|"
                             r"four|five|one|mostly|usually|just|only)\b", re.I)


def lower_start(r: str) -> str:
    """The reply with its first word in lower case when it is a function word ("An old
    Corolla" -> "an old Corolla"); a name keeps its capital."""
    return r[0].lower() + r[1:] if _FUNCTION_START.match(r) else r


def yes_or_no(q: str, r: str) -> tuple[bool, str | None]:
    """``(True, answer)`` when the reply ``r`` to the yes/no question ``q`` settles the
    answer (None: it says nothing of the user); ``(False, rest)`` for a no followed by the
    value that is the answer, for the caller to read as a reply of its own."""
    rest = (YES.sub("", r, count=1) if YES.match(r) else NO.sub("", r, count=1)).strip(" ,")
    # "yes, I have" confirms; "no, I have a dog" answers and tells something else
    if not rest or re.match(r"^(?:please|thanks?|thank you|it is|i do|i am|i have(?!\s+(?:a|an|"
                            r"the|some|two|three|four|\d+)\b))\b", rest, re.I):
        return True, _yes_no(q, bool(YES.match(r)))
    none_of = re.match(r"^(?:do\s+you\s+have\s+)?any\s+(\w+(?:\s+\w+)?)(?:\s+(?:i|we)\s+"
                       r"should\b.*)?$", q, re.I)
    if NO.match(r) and none_of and re.match(r"^(?:i|i'm|i've)\b", rest, re.I):
        return True, f"I have no {none_of.group(1)}; {rest}"  # "any allergies?" - "nope, I ..."
    if re.match(r"^(?:i|i'm|i've|my|we|she|he|they|it)\b", rest, re.I):
        # "yes, I'm gluten-free": the statement says it better; "no, I cycle
        # everywhere" to "do you drive?" still says the user does not drive
        denied = _yes_no(q, False) if NO.match(r) and YESNO.match(q) else None
        return True, f"{denied}; {rest}" if denied and re.match(r"^i\b", rest, re.I) else None
    only = re.match(r"^(?:just|only)\s+(.+)$", rest, re.I)
    asked_any = re.match(r"^(?:do|did)\s+you\s+(\w+)\s+any\s+\w+", q, re.I)
    if NO.match(r) and only and asked_any:  # "any pets?" - "no, just plants": none, and X
        return True, f"{_yes_no(q, False)}; I {asked_any.group(1).lower()} {only.group(1)}"
    if NO.match(r) and (NO.match(rest) or re.match(r"^not\b", rest, re.I)):
        return True, _yes_no(q, False)  # "no, not at all": the no said twice
    first = rest.split()[0].lower()
    if NO.match(r) and YESNO.match(q) and (first in PAST_FORMS or first.endswith("ed")):
        denied = _yes_no(q, False)  # "still at the bakery?" - "nope, quit in May"
        if re.search(r"\bat\s+(?-i:[A-Z])", q):  # "still at Lloyds?" - "moved to Monzo": a
            rest = re.sub(r"^(?:moved|went)\s+(?:over\s+)?to\b", "switched to", rest)  # job
        return True, f"{denied}; I {rest}" if denied else f"I {rest}"
    said = _yes_no(q, True) if NO.match(r) and ASKED.match(q) else None
    moved = swap_kind(re.sub(r"\bstill\s+", "", said), rest) if said and re.search(
        r"\bstill\b", said) else None
    if moved:  # "still on Saturdays?" - "no, Sundays since May": that ended, this holds
        return True, f"{_yes_no(q, False)}; {moved}"
    kind = verbless(rest) if said else None  # "coffee?" - "nope, tea person": who one is
    if kind and kind.startswith("Is a"):
        return True, f"{_yes_no(q, False)}; I'm {kind[3:]}"
    if said and len(rest.split()) <= 3 and not re.search(r"\b(?:i|not|never)\b|n't", rest, re.I):
        return True, swap_value(said, rest)  # "live in Porto?" - "no, Lisbon": "I live in Lisbon"
    if NO.match(r):
        return False, rest  # "no, Porto": the correction is the answer
    filled = _fill(q, lower_start(rest))
    if filled:
        return True, filled
    yes = _yes_no(q, True)  # "yeah, a Honda Civic" to "do you have a car?"
    if yes and len(yes.split()) == 2 and OBJECT_START.match(rest):
        return True, f"{yes} {lower_start(rest)}"  # "do you drive?" - "yeah, an old Corolla"
    return True, f"{yes}, {lower_start(rest)}" if yes and not _BLANK.search(q) else yes

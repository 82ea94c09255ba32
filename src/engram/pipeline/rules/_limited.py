"""A denial that holds only at a time or a place: "Does not drink coffee after 2pm" says
when coffee is off, and leaves "Drinks coffee" held; "Does not drink coffee" would end
it. Read by the reconciler's denial check and by the superseding rule alike.

>>> limited("Does not drink coffee after 2pm", "Drinks coffee")
True
>>> limited("Does not drink coffee", "Drinks coffee"), limited("Does not work on weekends", "Works on weekends")
(False, False)
"""

from __future__ import annotations

import re

__all__ = ["limited"]

# A limit on when or where a denial holds: "after 2pm", "on weeknights", "at night".
_LIMIT = re.compile(r"\b(?:after|before)\s+(?:\d{1,2}(?::\d{2})?\s*(?:am|pm)?|noon|midday|lunch|dinner|bed|"
                    r"work|dark|\d{1,2}\s*o'?clock)\b|\b(?:on|during)\s+(?:weekdays|weeknights|school\s+nights|"
                    r"the\s+week|weekends|workdays|work\s+days)\b|\bat\s+(?:night|work|weekends)\b|"
                    r"\bin\s+the\s+(?:evenings?|mornings?|afternoons?)\b", re.I)


def limited(negative: str, positive: str) -> bool:
    """Does the denial hold only at a time or place the held fact does not name?"""
    m = _LIMIT.search(negative)
    return m is not None and m.group(0).lower() not in positive.lower()

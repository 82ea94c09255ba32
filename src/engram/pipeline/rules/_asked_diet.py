"""Replies to a question about what the user can or cannot eat.

"Any allergies?" - "peanuts and sesame" names what the user is allergic to; "Any dietary
requirements?" - "gluten free, coeliac" names what they are or follow. A part of the reply
may be a food the user keeps off ("gluten", "no dairy") rather than a state they are in,
and a part may be a statement of its own ("I'm coeliac"), which is kept as said.

>>> diet_reply("Any allergies?", "peanuts and sesame")
"I'm allergic to peanuts and sesame"
>>> diet_reply("Any dietary restrictions?", "Gluten, I'm coeliac")
"I avoid gluten; I'm coeliac"
>>> diet_reply("Dietary requirements?", "vegan, gluten-free")
"I'm vegan; I follow a gluten-free diet"
>>> diet_reply("Any dietary needs?", "no dairy or nuts")
'I avoid dairy; I avoid nuts'
>>> diet_reply("Where do you live?", "Leeds") is None
True
"""

from __future__ import annotations

import re

from engram.pipeline.rules._yes_or_no import OBJECT_START

__all__ = ["diet_reply"]

_ASKED = re.compile(r"\b(?:(allerg(?:y|ies))|dietary\s+(?:requirements|restrictions|needs)|"
                    r"(?:foods?|anything)\s+(?:you\s+)?(?:avoid|can'?t\s+eat|don'?t\s+eat))\b", re.I)
# What one is or follows, as against a food kept off: "vegan", "coeliac", "halal".
_STATE = re.compile(r"^(?:(?:strict|mostly|mainly|fully|quite|very|severely)\s+)?(?:[\w-]+\s+)?"
                    r"(?:vegan|vegetarian|veggie|pescatarian|plant-based|coeliac|celiac|diabetic|"
                    r"kosher|halal|keto|paleo|teetotal|intolerant|allergic\b.*|[a-z]+ic)$", re.I)
_STATEMENT = re.compile(r"^(?:i|i'm|i've|i'd|my)\b", re.I)


def diet_reply(question: str, reply: str) -> str | None:
    """The first-person statements a reply to a question about diet makes, or None."""
    asked = _ASKED.search(question)
    # ("no dairy" names a food kept off; a bare "no" or "no, I ..." answers the question)
    if not asked or re.match(r"^(?:no\b(?!\s+(?!thanks?\b|i\b|none\b|not\b|just\b|only\b|worries\b)\w)|"
                             r"(?:nope|nah|none|i|i'm|my|we|yes|yeah|yep)\b)", reply, re.I):
        return None
    if re.search(r"(?:allergy|intolerance)$", reply, re.I):  # "nut allergy": one named
        return f"I have {'' if OBJECT_START.match(reply) else 'a '}{reply}"
    if asked.group(1) and not _STATEMENT.search(reply) and "," not in reply:
        return f"I'm allergic to {reply}"
    # ("nothing else", "not nuts though": what the user is not, left to be said plainly)
    reply = re.sub(r"\s*\(([^)]*)\)", r", \1", reply)  # "gluten free (coeliac)": two parts
    parts = [p for p in re.split(r"\s*,\s*(?:and\s+)?|\s+(?:and|or)\s+", reply)
             if p and not re.match(r"^(?:nothing|none|not)\b", p, re.I)]
    if not parts:
        return None
    return "; ".join(_part(p, allergy=bool(asked.group(1))) for p in parts)


def _part(part: str, allergy: bool) -> str:
    if _STATEMENT.match(part):
        return part[0].upper() + part[1:] if part[:2].lower() != "my" else part
    low = part[0].lower() + part[1:]
    if re.search(r"[- ]free$", low):  # ("Gluten-free" as typed is no name)
        return f"I follow a {low} diet"
    if _STATE.match(low):
        return f"I'm {low}"
    low = re.sub(r"^no\s+", "", low, flags=re.I)  # "no dairy": kept off
    return f"I'm allergic to {low}" if allergy else f"I avoid {low}"

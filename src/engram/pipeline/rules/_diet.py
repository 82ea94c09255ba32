"""A diet broken by what was eaten: "Made my nan's beef stew last night" ends "Is
vegetarian", "Had prawns at the wedding" ends "Is vegan", whatever words the diet used.

A diet is a rule about kinds of food, so the memory it supersedes shares no word with
the meal that breaks it; what links them is the kind: meat breaks a vegetarian, vegan or
pescatarian diet, fish a vegetarian or vegan one, dairy and eggs a vegan one. The meal
must be the user's own eating (not "cooked a lamb roast for my dad", nor a "veggie
burger" or "vegan cheese"), and the held diet becomes what the user eats now ("Eats meat
again" when the meal is said as a return to it).

>>> from engram.pipeline.base import Existing
>>> held = [Existing(0, "Lives in Bath"), Existing(1, "Is vegetarian")]
>>> broken_diet("Had a bacon sandwich this morning", held, set())
(1, 'Eats meat')
>>> broken_diet("Had a veggie bacon sandwich this morning", held, set()) is None
True
>>> broken_diet("Cooked a lamb roast for their dad", held, set()) is None
True
>>> broken_diet("Made grandma's beef stew for the first time in years", held, set())
(1, 'Eats meat again')
"""

from __future__ import annotations

import re

from engram.pipeline.base import Existing
from engram.pipeline.rules._slots import is_negative
from engram.pipeline.rules._topics import FOOD_KINDS, split_subject

__all__ = ["broken_diet", "eaten_now"]

_FOOD = {k: re.compile(rf"\b(?:{p})\b", re.I) for k, p in FOOD_KINDS.items()}
# What each diet leaves out.
_DIETS = [(re.compile(r"\b(?:vegan|plant[- ]based)\b", re.I), ("meat", "fish", "dairy", "eggs")),
          (re.compile(r"\b(?:vegetarian|veggie)\b", re.I), ("meat", "fish")),
          (re.compile(r"\bpescatarian\b", re.I), ("meat",))]
# The user eating it: a verb of eating or of making a dish, at the head of the fact.
_ATE = re.compile(r"^(?:(?:just|finally|actually|secretly)\s+)?(?:ate|had|eats|eating|is\s+eating|"
                  r"tried|made|cooked|ordered|devoured|demolished|scoffed|caved\s+and\s+had|"
                  r"has\s+(?:eaten|had|started\s+eating)|started\s+(?:eating|having))\b", re.I)
# Food that only looks like it: "veggie burger", "vegan cheese", "oat milk", "bean burger".
_STAND_IN = re.compile(r"\b(?:veggie|vegan|vegetarian|plant[- ]based|meat[- ]free|meatless|fake|mock|"
                       r"faux|dairy[- ]free|oat|soy|soya|almond|coconut|quorn|tofu|beyond|"
                       r"impossible|"
                       # a dish named by what it is made of instead: "halloumi burger"
                       r"halloumi|paneer|bean|black\s+bean|mushroom|portobello|falafel|lentil|"
                       r"chickpea|jackfruit|seitan|tempeh|cauliflower|aubergine|veg|vegetable|"
                       r"beetroot|sweet\s+potato|nut)\s+(?:\w+\s+)?$", re.I)
# A place named by its food is no meal: "tried a new steak restaurant".
_VENUE = re.compile(r"\s+(?:restaurant|place|house|bar|shop|joint|spot|festival|stall|van|market|"
                    r"night|cafe|café|diner|grill|truck|shack)s?\b", re.I)
# Made for someone else: the maker need not have eaten it.
_FOR_OTHERS = re.compile(r"\bfor\s+(?:their|his|her|the|my|our)\s+(?!(?:first|own|lunch|dinner|"
                         r"breakfast|tea|supper)\b)\w+|\bfor\s+(?:the\s+)?(?:kids|family|guests|"
                         r"everyone|them|him|her)\b", re.I)
# A meal said as what is eaten now, a state of its own: no other words are needed.
_EATS_NOW = re.compile(r"^(?:eats|is\s+eating|has\s+(?:started|been)\s+eating|started\s+eating)\b",
                       re.I)
_RETURN = re.compile(r"\b(?:again|first\s+(?:time\s+|one\s+)?in|back\s+(?:on|to)|missed\s+it|after\s+\w+\s+years)\b",
                     re.I)


def _kind_eaten(predicate: str, banned: tuple[str, ...]) -> str | None:
    for kind in banned:
        for m in _FOOD[kind].finditer(predicate):
            if not _STAND_IN.search(predicate[:m.start()]) and not _VENUE.match(predicate[m.end():]):
                return kind
    return None


# A taste, a slip or a cheat is no change of diet: "Had a bite of a friend's burger".
_TASTE = re.compile(r"\b(?:a\s+(?:bite|taste|mouthful|forkful|nibble|sip)\s+of|just\s+(?:this\s+)?once|"
                    r"cheat\s+(?:day|meal)|by\s+(?:accident|mistake)|accidentally)\b", re.I)


def broken_diet(fact: str, existing: list[Existing], used: set[int]) -> tuple[int, str] | None:
    """(position of the held diet the user's meal breaks, what the user eats now), else None."""
    subject, predicate = split_subject(fact)
    if subject or is_negative(fact) or not _ATE.match(predicate) or _TASTE.search(predicate) \
            or (re.match(r"^(?:made|cooked)\b", predicate, re.I) and _FOR_OTHERS.search(predicate)):
        return None
    for pos, e in enumerate(existing):
        e_subject, e_predicate = split_subject(e.text)
        if pos in used or e_subject or is_negative(e.text):
            continue
        banned = next((b for diet, b in _DIETS if diet.search(e_predicate)), None)
        kind = _kind_eaten(predicate, banned) if banned else None
        if kind:
            return pos, f"Eats {kind}{' again' if _RETURN.search(predicate) else ''}"
    return None


def eaten_now(fact: str, held: str) -> str | None:
    """What the user eats now, when ``fact`` breaks the diet ``held`` names, else None."""
    if _EATS_NOW.match(split_subject(fact)[1]):  # "Has started eating fish again" says it
        return None
    hit = broken_diet(fact, [Existing(0, held)], set())
    return hit[1] if hit else None

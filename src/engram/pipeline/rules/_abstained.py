"""A habit given up, told by how long it has been without it.

"It's been a year since my last drink" and "Three months without a single cigarette as
of today" name no verb of quitting, yet both say the habit stopped that long ago, and a
memory of the habit ("Smokes ten a day") no longer holds. Both are read as "Quit <the
thing> <that long> ago", the form the ending machinery already reads. A measure names no
habit ("my last glass of wine" is wine), a count noun is said in the plural ("vapes"),
cigarettes by any name ("a dart", "a ciggie") are smoking, and "100 days sober" is drinking.

>>> abstained("It's been a year since my last glass of wine")
'Quit wine a year ago'
>>> abstained("Three months without a single cigarette as of today")
'Quit smoking three months ago'
>>> abstained("Three months smoke-free today")
'Quit smoking three months ago'
>>> abstained("Day 12 sober"), abstained("Day 40 without a cigarette")
('Quit drinking 12 days ago', 'Quit smoking 40 days ago')
>>> abstained("Two weeks without the car while it's repaired") is None
True
"""

from __future__ import annotations

import re

__all__ = ["abstained"]

_SINCE_LAST = re.compile(r"^it'?s\s+been\s+(?P<n>(?:\w+\s+){0,2}?\w+)\s+since\s+(?:my|our)\s+last\s+"
                         r"(?P<x>[\w-]+(?:\s+[\w-]+){0,3})$", re.I)
# How long, and up to now: "Three months ... as of today", "a year ... and counting".
_SPAN = (r"^(?:(?:now|officially)\s+)?(?P<n>(?:a|an|one|two|three|four|five|six|seven|eight|nine|"
         r"ten|eleven|twelve|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|"
         r"a hundred|\d{1,3})\s+(?:whole\s+|full\s+)?(?:days?|weeks?|months?|years?))\s+")
_UP_TO_NOW = r"(?:\s+(?:as of (?:today|now)|and counting|now|today|so far))?$"
# The span without the thing ("Ten days without a single vape"), or with "-free" ("Three
# months smoke-free").
_WITHOUT = re.compile(_SPAN + r"(?:without|with no|free of|no)\s+(?:any\s+)?(?P<one>(?:a\s+single|a|an)\s+)?"
                      r"(?P<x>[\w-]+(?:\s+[\w-]+)?)" + _UP_TO_NOW, re.I)
_FREE = re.compile(_SPAN + r"(?P<x>[a-z]+)[- ]free" + _UP_TO_NOW, re.I)  # "smoke free" too
_MEASURE = re.compile(r"^(?:glass|cup|bottle|pint|pack|packet|bite|slice|sip|drop|piece|can|mug|"
                      r"shot|puff)\s+of\s+", re.I)


# Sober for a span: "100 days sober today", "a year sober".
_SOBER = re.compile(_SPAN + r"(?:sober|clean|dry)" + _UP_TO_NOW, re.I)
# What chat calls a cigarette: "three months without a dart".
_SMOKES = re.compile(r"^(?:darts?|ciggies?|cigs?|fags?|durries?|smokes?|cigarettes?)$", re.I)


def abstained(clause: str) -> str | None:
    """"Quit <thing> <span> ago" for a span told without the thing, else None."""
    clause = re.sub(r"^day\s+(\d{1,3})\s+(?=\S)", r"\1 days ", clause.strip(), flags=re.I)  # "Day 40 sober"
    sober = _SOBER.match(clause.strip().rstrip(".!"))
    if sober:  # "100 days sober today": drinking given up
        return f"Quit drinking {sober.group('n').lower()} ago"
    free = _FREE.match(clause.strip().rstrip(".!"))
    if free:  # "Three months smoke-free today"
        thing = "smoking" if free.group("x").lower() == "smoke" else free.group("x").lower()
        return f"Quit {thing} {free.group('n').lower()} ago"
    m = _SINCE_LAST.match(clause) or _WITHOUT.match(clause.strip().rstrip(".!"))
    if m is None:
        return None
    thing = re.sub(r"\s+(?:today|now|yet)$", "", _MEASURE.sub("", m.group("x")), flags=re.I)
    if _SMOKES.match(thing):
        return f"Quit smoking {m.group('n').lower()} ago"
    # a thing counted one by one is given up in the plural: "a single cigarette", "my
    # last drink"; a mass is not ("without alcohol", "my last wine")
    one = m.group("one") if m.re is _WITHOUT else (  # "a pint of lager": a mass
        thing == m.group("x") and re.fullmatch(r"[a-z]+[^aeiouys]", thing))
    if one and " " not in thing and not thing.endswith("s"):
        thing += "s"
    return f"Quit {thing} {m.group('n').lower()} ago"

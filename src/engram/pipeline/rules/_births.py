"""A baby of the speaker's own, told as news: the child is what is worth keeping.

"Little Noor arrived on Tuesday", "Our son Felix was born last night", "She's here!
Poppy, born at 4am" each leave a fact read as "<Name> was born <when>"; what a memory
should hold is the child ("Has a newborn daughter named Noor") and the day of the birth
("Daughter Noor was born on Tuesday"). The kind of child comes from the words of the fact
or of the message ("son", "little girl", "she"); a birth told of someone else's child
("Niece Ada was born") or long ago ("Grandad was born in 1931", "Mozart was born in
Salzburg") is left as it is.

>>> newborn("Noor was born on Tuesday", "Little Noor arrived on Tuesday, she's perfect")
['Has a newborn daughter named Noor', 'Daughter Noor was born on Tuesday']
>>> newborn("Baby Arlo arrived safe and sound", "Baby Arlo arrived safe and sound")
['Has a newborn baby named Arlo']
>>> newborn("Niece Ada was born on Friday", "My niece Ada was born on Friday")
['Niece Ada was born on Friday']
>>> newborn("Mozart was born in Salzburg", "Mozart was born in Salzburg")
['Mozart was born in Salzburg']
"""

from __future__ import annotations

import re

__all__ = ["newborn"]

# The child's name after what they are to the speaker, if said.
_BORN = re.compile(r"^(?:(?P<lead>(?:(?:our|my|their)\s+)?(?:(?:little|baby|new|newborn|tiny)\s+)*(?:(?:girl|boy|"
                   r"daughter|son)\s+)?))(?P<n>(?!(?i:baby|the|our|my|their)\b)(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)\s+"
                   r"(?:was born|arrived|has arrived|came|is here)\b(?P<when>.*)$", re.I)
# When: only news is a newborn ("in 1931", "in Salzburg" is a life told).
_RECENT = re.compile(r"^(?:\s*(?:safe and sound|safely|early|late|at last|finally))*\s*"
                     r"(?:(?:on|at|last|this|yesterday|today|tonight|\d+\s+(?:days?|weeks?)\s+ago|"
                     r"at\s+\d|in the (?:early hours|night|morning))\b.*)?$", re.I)
_GIRL = re.compile(r"\b(?:girl|daughter|she|she's|her)\b", re.I)
_BOY = re.compile(r"\b(?:boy|son|he|he's|his|him)\b", re.I)
_NOT_OURS = re.compile(r"\b(?:niece|nephew|grandson|granddaughter|grandchild|cousin|sister's|"
                       r"brother's|friend's)\b", re.I)


def newborn(fact: str, said: str) -> list[str]:
    """``fact`` as the speaker's newborn child and its birth, if it tells one's birth
    (``said`` is the message, which may say whose and what kind); else as it is."""
    m = _BORN.match(fact)
    if not m or not _RECENT.match(m.group("when")) or _NOT_OURS.search(said):
        return [fact]
    lead = (m.group("lead") or "").lower()
    if lead and not re.search(r"\b(?:little|baby|new|newborn|tiny|girl|boy|daughter|son)\b", lead) \
            and not re.search(r"\b(?:born|arrived|baby|newborn|kg|lbs?|oz)\b", said, re.I):
        return [fact]
    if not lead and not re.search(r"\b(?:born|baby|newborn|little|kg|lbs?|oz|labour|labor)\b",
                                  said, re.I):
        return [fact]  # "Tom arrived on Friday" is a visit
    girl, boy = _GIRL.search(f"{lead} {said}"), _BOY.search(f"{lead} {said}")
    kind = "daughter" if girl and not boy else "son" if boy and not girl else "baby"
    when = m.group("when").split(",")[0]  # "on Tuesday, 3.2kg of pure chaos": the day
    when = re.sub(r"^(?:\s*(?:safe and sound|safely|at last|finally))+", "", when).strip(" ,")
    child = f"Has a newborn {kind} named {m.group('n')}"
    return [child, f"{kind.capitalize()} {m.group('n')} was born {when}"] if when else [child]

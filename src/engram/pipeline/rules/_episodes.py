"""Episodes: things that happened once or are under way, as against states that stand.

A standing state ("Is vegetarian", "Works as a vet", "Lives in Poole") is changed only by
a fact that says the state changed. Two kinds of fact carry the words of a change without
saying one:

- a *one-off*: an experience had on one occasion, told in the past ("Tried a new vegan
  bakery again yesterday", "Met a new trainee at work today"). "new" and "again" there
  describe the bakery and the visit, not a new diet; the verb is one of having,
  trying, meeting, going, seeing, and nothing in it is a change verb ("switched", "sold",
  "moved", "started"). A change said with a date ("Moved to Leeds last week", "Sold the
  car yesterday") has a change verb for its head, so it is no one-off;
- an *activity in progress* outside any slot's frame ("Is driving a hire car around
  Skye", "Is helping their best friend plan her wedding"): what someone is doing at
  the moment, not what they do for a living, where they live or whom they are with.
  Progressives of holding verbs ("Is renting a cottage", "Is living in", "Is working
  as", "Is dating Sam") do state an arrangement that lasts, and count as states.

Both are kinds of verb and time, not phrases of any fact.

>>> one_off("Tried a new vegan bakery near the station again yesterday")
True
>>> one_off("Met a new trainee at work today"), one_off("Moved to Leeds last week")
(True, False)
>>> one_off("Tried oat milk"), one_off("Went vegan last year")
(True, False)
>>> in_progress("Is driving a hire car around Skye"), in_progress("Is renting a cottage")
(True, False)
>>> in_progress("Drives a bus"), in_progress("Is now seeing someone called Ana")
(False, False)
"""

from __future__ import annotations

import re

from engram.pipeline.rules._slots import is_ending

__all__ = ["in_progress", "one_off"]

# Verbs of an experience had: what they report happened on an occasion. "went" only with
# somewhere to go ("went to", "went out"): "went vegan" is a change of state.
_EXPERIENCE = re.compile(
    r"^(?:(?:just|finally|also|even|only|briefly|quickly|once)\s+)?(?:tried|visited|met|saw|"
    r"watched|attended|had(?!\s+to\b)|ate|drank|grabbed|spent|borrowed|popped|dropped by|"
    r"stopped by|called in|bumped into|ran into|checked out|went\s+(?:to|for|on|out|"
    r"round|over|with|along|back to)|came\s+(?:to|over|round|along))\b", re.I)
# Said of one occasion: a day, a night, a named weekday, "the other day".
_OCCASION = re.compile(
    r"\b(?:yesterday|today|tonight|earlier|the other day|this\s+(?:morning|afternoon|weekend|"
    r"evening)|last\s+(?:night|weekend|week|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)|(?:on|over|at)\s+the\s+weekend|on\s+(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday))\b", re.I)
# A unit of a routine done: a shift, a lesson, a session; the last one is an ending.
_ROUTINE_DONE = re.compile(
    r"^(?:\w+ly\s+)?(?:finished|done with|wrapped up|clocked off|knocked off|got through)\s+"
    r"(?:(?:their|the|a|an|today's|tonight's|this week's|another)\s+)?(?!(?:last|final)\b)"
    r"(?:[\w-]+\s+)?(?:shift|workday|lesson|class|session|workout|run|training|practice|"
    r"rehearsal|match|meeting|lecture|seminar)s?\b", re.I)
# Change verbs at the head of a fact: whatever date it carries, it says a state changed.
_CHANGE_HEAD = re.compile(
    r"^(?:\w+ly\s+)?(?:switched|changed|moved|relocated|sold|bought|picked up|started|began|joined|"
    r"quit|left|stopped|became|got|passed|failed|finished|completed|graduated|retired|"
    r"resigned|signed|adopted|traded|upgraded|swapped|replaced|took up|gave up|cancel+ed|"
    r"called off|broke|split|separated|divorced|married|landed|won|lost|found)\b", re.I)

# Progressives of holding an arrangement, not of doing something at the moment.
_HOLDING = frozenset("""living renting leasing subletting lodging boarding owning working
studying dating seeing married raising fostering employed freelancing contracting temping
teaching training""".split())  # noqa: SIM905 (a word list reads better as text)
_PROGRESSIVE = re.compile(r"^(?:is|are)\s+(?:(?:now|currently|still|also|just|\w+ly)\s+)*"
                          r"(?P<verb>(?:[a-z]+-)?[a-z]{2,}ing)\b", re.I)


def one_off(predicate: str) -> bool:
    """Does the fact (subject stripped) report an experience had on one occasion, with no
    change verb at its head? A verb of experience is enough ("Tried oat milk"); any past
    verb with a day or a night named is one too ("Spent the afternoon painting")."""
    text = predicate.strip()
    if _ROUTINE_DONE.match(text):  # "Finished their shift at Lidl": one of many
        return True
    if _CHANGE_HEAD.match(text) or is_ending(text):
        return False
    if _EXPERIENCE.match(text):
        return True
    first = (text.split() or [""])[0].lower()
    past = first.endswith("ed") or first in _IRREGULAR_PAST
    return past and bool(_OCCASION.search(text))


def in_progress(predicate: str) -> bool:
    """An activity under way ("Is driving a hire car"), not the progressive of holding an
    arrangement ("Is renting a cottage", "Is working as a tutor"). Callers check the slot
    frames first: "Is living in Hull" is a home whatever this says."""
    m = _PROGRESSIVE.match(predicate.strip())
    return m is not None and m.group("verb").lower() not in _HOLDING


# Irregular past forms that head a one-off told with a date ("Spent", "Took", "Rode").
_IRREGULAR_PAST = frozenset("""went took saw met ate drank spent had rode drove flew swam ran
sang sat slept wore wrote read heard caught made came gave""".split())  # noqa: SIM905

"""Does a change fact change what its nearest held memory is about?

``_nearest`` lets a fact that says something changed ("now", "these days", "switched")
replace the held memory MiniLM puts nearest to it. Nearness is not sameness of topic:
"Is staying with a friend in Montreal for the long weekend" is nearest to "Lives in
Toronto", "Is having dinner at a Thai place" to "Is vegetarian", yet neither says where
the user lives or what they eat now. The replacement is taken only when the two agree on
what is being changed:

- the fact is not a passing event: a stay, a visit, a trip, an outing ("on a double
  date", "for a conference", "this weekend"), being somewhere ("Is at the pool"), or an
  activity in progress ("Is cooking for a party", "Is having a cup of tea"). A progressive
  in a slot's own frame ("Is living in", "Is working as") is a state and counts as one;
- the two fall in the same single-valued slot, read by the slot machinery already there:
  the frame of ``_slots.slot_of`` and ``_exclusive.frame_slot``, else (with an embedding)
  ``_exclusive``'s prototypes. A memory held in a slot by its frame ("Works as a chef",
  "Lives in Leeds") is replaced only by a fact of that slot; two facts of different slots
  never replace one another; two facts of no slot (habits, possessions, plans) are left to
  the nearness test, as before.

An ending ("Quit the reading group") says only what stopped, so for a DELETE only the
second half's "different slots" test applies.

>>> passing("Is staying with a friend in Montreal for the long weekend")
True
>>> passing("Is having dinner at a Thai place"), passing("Is at the pool")
(True, True)
>>> passing("Drinks oat milk"), passing("Is on day shifts"), passing("Is living in Hull")
(False, False, False)
>>> standing_slot("Works as a chef"), standing_slot("Is working at Philips")
('work', 'work')
>>> standing_slot("Is a midwife"), standing_slot("Is a member of a choir")
('work', None)
>>> standing_slot("Has an old flatmate named Jess"), standing_slot("Has a wife named Ana")
('relation:flatmate', 'relationship')
>>> standing_slot("Lives in Leeds"), standing_slot("Drinks oat milk")
('home', None)
>>> same_frame("Is having a cup of tea before bed", "Drinks black coffee every morning")
False
>>> same_frame("Is cooking for a friend", "Works as a chef")
False
>>> same_frame("Is drinking oat milk", "Drinks whole milk in coffee")
True
>>> same_frame("Eats meat again", "Is vegetarian"), same_frame("Lives in Cork", "Is single")
(True, False)
>>> same_frame("Now swims after work", "Prefers swimming at dawn")
True
"""

from __future__ import annotations

import re

from engram.pipeline.rules._episodes import in_progress, one_off
from engram.pipeline.rules._exclusive import exclusive_slots, frame_slot
from engram.pipeline.rules._facts import RELATIONS, TIED
from engram.pipeline.rules._nearest import ADVERB_FIRST
from engram.pipeline.rules._slots import Similarity, slot_of, stem
from engram.pipeline.rules._topics import is_occupation, split_subject

__all__ = ["passing", "same_frame", "standing_slot"]


# The slot names of ``_slots`` and ``_exclusive`` that say one thing: a job, an employer
# and an occupation are all what someone works at; a residence is a home.
_FAMILY = {"residence": "home", "job": "work", "occupation": "work", "employer": "work"}

# Partners: a tie to one is a relationship status, not a relation of its own.
_PARTNERS = frozenset("""wife husband spouse partner boyfriend girlfriend fiance fiancee
fiancé fiancée""".split())  # noqa: SIM905 (a word list reads better as text)

# A stay, a visit, an outing: bounded in time by what it is. The nouns are kinds of
# occasion (trips, gatherings, meals), not phrases of any fact.
_OCCASION = (r"(?:trip|holiday|vacation|visit|break|date|tour|retreat|night out|day out|"
             r"stopover|layover|conference|wedding|funeral|festival|party|meeting|match|"
             r"concert|gig|show|fair|market|reunion|barbecue|bbq|picnic|dinner|lunch|"
             r"breakfast|brunch|supper|meal|weekend|week|night|day|few days)")
_STAY = re.compile(
    r"\b(?:visiting|staying\s+(?:with|at|in|over|for)|(?:house|dog|pet|cat|baby)-?sitting|"
    r"babysitting|(?:go|goes|going|went)\s+out\s+(?:for|to)\b|"  # an outing, "goes out for tapas"
    r"(?:on|at|for|to)\s+(?:a|an|the|their|his|her|my|our)\s+(?:[\w'-]+\s+){0,3}?"
    + _OCCASION + r"s?|"
    # a meal or a drink had: "having dinner at", "had a cup of tea"
    r"(?:having|had|grabbing|grabbed)\s+(?:a\s+|an\s+|some\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:dinner|lunch|breakfast|brunch|supper|meal|drink|drinks|cup|mug|glass|pint|coffee|"
    r"snack|takeaway|bite))\b", re.I)
# Said of this one occasion: "tonight", "this weekend".
_ONCE = re.compile(r"\b(?:tonight|today|this\s+(?:morning|afternoon|evening|week|weekend))\b",
                   re.I)
_THROUGH = re.compile(r"\b(?:around|round|through|across|along)\s+(?:the\s+)?(?-i:[A-Z])", re.I)
# Being somewhere: "Is at the pool", "Is at their cousin's wedding".
_AT = re.compile(r"^(?:is|are)\s+(?:\w+ly\s+)?at\s+(?:a|an|the|their|his|her|my|our)\b", re.I)
# An activity in progress ("Is cooking for friends", "Is tutoring a neighbour's kid"):
# what it changes is the activity of the same verb, "Is drinking oat milk" / "Drinks whole
# milk", not whatever MiniLM puts near it.
_PROGRESSIVE = re.compile(r"^(?:is|are)\s+(?:\w+ly\s+)?(?:also\s+)?(?P<verb>[a-z]{2,})ing\b",
                          re.I)


def standing_slot(text: str) -> str | None:
    """The single-valued slot a fact's own frame names ("Lives in" -> "home"), or None;
    a person or pet known by relation is a frame of its own ("Has a flatmate named Jess"
    -> "relation:flatmate"): a new flatmate is no new wife."""
    predicate = split_subject(text)[1]
    slot = frame_slot(predicate) or ("work" if is_occupation(predicate) else None)
    if slot is None:
        hit = slot_of(predicate)
        slot = None if hit is None else ":".join(p for p in hit if p)
    if slot is None:
        known = TIED.match(predicate)
        if known and known.group("rel").lower() in RELATIONS:
            rel = known.group("rel").lower()
            slot = "relationship" if rel in _PARTNERS else f"relation:{rel}"
    return _FAMILY.get(slot, slot) if slot else None


def passing(fact: str) -> bool:
    """Does the fact report a passing event (a stay, an outing, a meal, being somewhere
    on one occasion) rather than a state it holds?"""
    predicate = split_subject(fact)[1]
    if _STAY.search(fact) or _ONCE.search(fact) or one_off(predicate):
        return True
    # an activity under way through a named place is a tour ("Is sailing a yacht around
    # Crete"): the boat or car of a tour is no boat or car held
    if in_progress(predicate) and _THROUGH.search(predicate):
        return True
    return standing_slot(fact) is None and bool(_AT.match(split_subject(fact)[1]))


def _head(text: str) -> str:
    """The stem of a fact's verb: "drink" for "Drinks whole milk" and "Is drinking ..."."""
    predicate = split_subject(text)[1]
    m = _PROGRESSIVE.match(predicate)
    word = m.group(0).split()[-1] if m else (predicate.split() or [""])[0]
    return stem(word.lower())


def _activity(fact: str) -> bool:
    """An activity in progress outside any slot's frame ("Is cooking for friends"); the
    progressive of holding an arrangement ("Is renting a cottage") is a state."""
    return standing_slot(fact) is None and in_progress(split_subject(fact)[1])


def _slots(texts: list[str], similarity: Similarity | None) -> list[tuple[str | None, bool]]:
    """(slot, by frame) of each text; the prototypes only where no frame names one."""
    out: list[tuple[str | None, bool]] = [(standing_slot(t), True) for t in texts]
    todo = [k for k, (s, _) in enumerate(out) if s is None]
    if similarity is not None and todo:
        found = exclusive_slots([texts[k] for k in todo], similarity)
        for k, s in zip(todo, found, strict=True):
            out[k] = (_FAMILY.get(s, s) if s else None, False)
    return out


# A preference for how or when one does something: "Prefers cycling in the dark".
_PREFERS_DOING = re.compile(r"^prefers\s+(?P<verb>[a-z]{2,})ing\b", re.I)


def _preferred_activity(text: str) -> str | None:
    """The stem of the activity a held preference is about ("work" for "Prefers working
    late"): a change in doing it changes the preference, whatever slot MiniLM guesses."""
    m = _PREFERS_DOING.match(split_subject(text)[1])
    return _head(f"Is {m.group('verb')}ing") if m else None


def same_frame(fact: str, held: str, similarity: Similarity | None = None, *,
               ending: bool = False) -> bool:
    """May ``fact`` (a change; ``ending``: it says something stopped) replace ``held``?"""
    if not ending and (passing(fact) or (_activity(fact) and _head(fact) != _head(held))):
        return False
    if not ending and _preferred_activity(held) == _head(ADVERB_FIRST.sub("", fact)):
        return True  # "Now runs at lunchtime" changes "Prefers running in the evening"
    (new, new_by_frame), (old, old_by_frame) = _slots([fact, held], similarity)
    if new is not None and old is not None:
        return new == old
    if ending:
        return True
    # a state held in a slot by its own frame ("Works as a chef") is changed only by a
    # fact of that slot, and a fact of a slot by its frame ("Lives in Cork") changes only
    # a memory of it; a slot guessed from the prototypes alone is not sure enough to bar
    if new is not None:
        return not new_by_frame
    return old is None or not old_by_frame

"""What an ending ended, when the ending alone does not say it.

"Handed in my notice at the clinic" ends "Works as a physiotherapist at the Riverside
clinic", "Graduated in May" ends "Is studying for a nursing degree at Keele". The reconciler finds the held memory
(by slot, topic or nearness) and deletes it; kept alone, the added fact would leave the
scope with "Graduated in May" and no word of what was studied, or where. So when the
ending names too little of the state it ends, the state is carried into it, said as
ended: "Graduated in May; no longer studying for a nursing degree at Keele". When the
old state held is dropped (it no longer matters). Only endings of the subject's own
(retired, graduated, handed in their notice, was laid off) are completed: an ending with
an object ("Sold the Polo", "Called off Iceland") names what it ended itself.

>>> with_what_ended("Graduated in May", "Is studying for a nursing degree at Keele")
'Graduated in May; no longer studying for a nursing degree at Keele'
>>> with_what_ended("Sold the piano", "Plays the piano")
'Sold the piano'
>>> with_what_ended("Retired in June", "Works as a ferry captain on the Clyde")
'Retired in June; no longer works as a ferry captain on the Clyde'
>>> with_what_ended("Sold the Polo", "Owns a 2009 Volkswagen Polo")
'Sold the Polo'
"""

from __future__ import annotations

import re

from engram.pipeline.rules._slots import content_tokens, is_ending, stem
from engram.pipeline.rules._supersede import ends_a_slot
from engram.pipeline.rules._topics import split_subject

__all__ = ["with_what_ended", "ended_words"]

# A held state's words that say when, not what: "in March", "on Saturdays", "next year".
_WHEN = re.compile(r"\s+(?:(?:in|on|by|for|from|until|this|next|every)\s+(?:the\s+)?"
                   r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
                   r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?|spring|summer|autumn|"
                   r"fall|winter|week|weekend|month|year|\d{4}|\d{1,2}(?:st|nd|rd|th)?)\b)+",
                   re.I)
# Endings of the subject's own, with no object to say what ended: a job left by notice or
# retirement, studies by graduating. An ending with an object ("Sold the Civic", "Called
# off Iceland", "Gave up on the choir") names what it ended itself.
_OWN_ENDING = re.compile(r"\b(?:retired|retirement|retiring|graduated|graduating|"
                         r"handed in (?:their|his|her|a|my|our) (?:notice|resignation)|"
                         r"resigned|quit|left|(?:was|got|been) (?:laid off|let go|fired|sacked|"
                         r"made redundant)|dropped out|finished (?:school|uni|university|college|"
                         r"(?:their|the) (?:course|degree|studies|training|apprenticeship)))"
                         r"(?:\s+(?:(?:at|from|with|in|after|on|last|this|today|yesterday)\b.*)?)?$",
                         re.I)
# The ending must leave this many of the held state's content words unsaid, and at least
# half of them, before the state is carried along: one word missing ("Sold the piano" /
# "Plays the piano": the verb) is the ending's own wording, not a lost state.
_UNSAID = 2


def with_what_ended(fact: str, held: str) -> str:
    """``fact`` (an ending that replaces ``held``) with the held state added when the
    fact does not name it; anything else unchanged."""
    if not (is_ending(fact) or ends_a_slot(fact)) or not _OWN_ENDING.search(fact):
        return fact
    subject, predicate = split_subject(held)
    if subject != split_subject(fact)[0] or not predicate:
        return fact
    stated = content_tokens(predicate)
    unsaid = stated - content_tokens(fact)
    if len(unsaid) < _UNSAID or 2 * len(unsaid) < len(stated):
        return fact
    state = _WHEN.sub("", predicate).strip()
    state = re.sub(r"^(?:is|are)\s+", "", state, flags=re.I)  # "no longer a student"
    return f"{fact}; no longer {state[0].lower()}{state[1:]}"


# Words of an ending that say how it ended, not what: "Handed the choir over to Ruth",
# "Cut sugar out", "Came off the pills", "Had to put Dot down", "Has fully healed".
_HOW_IT_ENDED = frozenset(stem(w) for w in """handed over put down cut out off come came
coming healed mended fully completely direct debit payment payments standing order
back apron aprons key keys badge lanyard uniform whites pass laptop notice""".split())  # noqa: SIM905 (a word list reads better as text)


# Whom a thing was passed to is not what ended: "Sold the kayak to a neighbour".
_RECIPIENT = re.compile(r"\b((?:sold|gave|given|handed|passed|lent|donated|gifted)\b.*?)"
                        r"\s+(?:over\s+|on\s+)?to\s+.+$", re.I)


# Where it was taken from is not what ended: "Someone stole their Vespa from outside the
# bakery" ends the Vespa, not the job at the bakery.
_TAKEN_FROM = re.compile(r"\b((?:stole|stolen|nicked|taken|took)\b.*?)\s+(?:from\s+)?(?:outside|"
                         r"from|off|out\s+of)\s+.+$", re.I)


def ended_words(ending: str) -> frozenset[str]:
    """The content words of an ending that name what ended: not how it ended, whom it
    was passed to, nor where it was taken from.

    >>> sorted(ended_words("Handed the choir over to Ruth"))
    ['choir']
    >>> sorted(ended_words("Someone stole their Vespa from outside the bakery"))
    ['vespa']
    """
    return content_tokens(_TAKEN_FROM.sub(r"\1", _RECIPIENT.sub(r"\1", ending))) - _HOW_IT_ENDED

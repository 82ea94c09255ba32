"""Statements about the user's things, told without "I": what became of a thing held or
planned ("The Paris trip is cancelled", "Chamonix is off"), what was done to it
("Someone stole my bike"), and when a thing of the user's is scheduled ("My interview is
on the 12th").

>>> thing_fact("The Paris trip is cancelled"), thing_fact("Someone stole my bike")
('Paris trip is cancelled', 'Someone stole their bike')
>>> thing_fact("My interview is on the 12th"), thing_fact("The weather is nice")
('Interview is on the 12th', None)
"""

from __future__ import annotations

import re

from engram.pipeline.rules._rewrite import capitalise, pronouns_to_third

__all__ = ["thing_fact"]

# A thing the user has or planned, and what became of it.
_THING_STATE = re.compile(r"^(?:the|our|my)\s+((?:[\w'-]+\s+){0,3}?[\w'-]+\s+(?:is|was|got|has been|"
                          r"have been|were|are)\s+(?:now\s+|finally\s+|officially\s+)?"
                          r"(?:cancel+ed|postponed|over|off|done|finished|broken|gone|sold|"
                          r"fixed|healed|booked|written off|totall?ed|stolen|confirmed|rescheduled|moved|delayed|approved|"
                          r"rejected|closed|paid off|pushed|pushed back|brought forward|"
                          r"put back)\b.*|"
                          # what became of a thing awaited: "The transplant went well"
                          r"(?:[\w'-]+\s+){0,3}?[\w'-]+\s+went\s+(?:well|ahead|fine|smoothly|to plan)\b.*)$"
                          # a plan known by its place, ended: "Chamonix is off"
                          r"|^((?-i:[A-Z][a-z]+)\s+(?:is|was|got)\s+(?:now\s+|officially\s+)?"
                          r"(?:cancel+ed|called off|postponed|off|scrapped))(?:\s*,.*)?$", re.I)
_POSSESSED = re.compile(r"^(?:someone|somebody|a|an|the|\w+)\s+(?:\w+\s+){0,2}?\w+(?:ed|ole|en)\s+"
                        r"(?:my|our)\b", re.I)

# Statements without "I" still matter when they schedule something for the user.
_WHEN = re.compile(r"\b(?:on (?:mon|tue|wed|thu|fri|sat|sun)\w*|at \d{1,2}(?::\d\d)?\s*"
                   r"(?:am|pm)?|tomorrow|tonight|next (?:week|month|year|\w+day)|"
                   r"on the \d{1,2}(?:st|nd|rd|th))\b", re.I)  # "... is on the 6th"
_EVENT = re.compile(r"^(?:the|my|our)\s+(?:\w+\s+)?(?:meeting|appointment|flight|interview|"
                    r"party|dinner|call|exam|wedding|trip|class|lesson|deadline|visit)\b",
                    re.I)


def thing_fact(clause: str) -> str | None:
    """The fact a clause about one of the user's things states, or None."""
    state = _THING_STATE.match(clause)
    if state:  # "The Paris trip is cancelled" -> "Paris trip is cancelled"
        return capitalise(pronouns_to_third(state.group(1) or state.group(2)))
    if _POSSESSED.search(clause) and len(clause.split()) >= 4:
        # "Someone stole my bike": about the user's things, told in the third person.
        return capitalise(pronouns_to_third(clause))
    if _EVENT.match(clause) and _WHEN.search(clause):
        text = re.sub(r",\s*not\s+[^,]+$", "", clause)  # "..., not Tuesday" is a correction
        text = re.sub(r"^(?i:the|my|our)\s+", "", text)  # "Dentist appointment is on the 6th"
        return capitalise(pronouns_to_third(text))
    return None

"""Someone's news about themselves, passed on by the user, is a fact about them.

Reported speech is not the user's own claim (``_speech``), but when the reporter speaks
of themselves the report is how the user knows that person: "my cousin Ana told me she's
moving to Lima" is a fact about Ana ("Cousin Ana is moving to Lima"), as Mem0 would keep
it. Only a person the user names or relates to qualifies, and only when the pronoun
agrees with them: "my brother said she's ..." speaks of someone else and stays dropped.
What they say about the user ("said I'm lazy") stays someone else's opinion.

>>> self_report("My cousin Ana told me she's moving to Lima in May")
'My cousin Ana is moving to Lima in May'
>>> self_report("Tariq mentioned that he got a place at art school")
'Tariq got a place at art school'
>>> self_report("My brother said she's leaving") is None
True
>>> self_report("My friend says I work too hard") is None
True
>>> self_report("He says he wants to be a pilot"), self_report("He says she is tired")
('He wants to be a pilot', None)
"""

from __future__ import annotations

import re

from engram.pipeline.rules._facts import HE_TIES, SHE_TIES

__all__ = ["self_report", "diagnosis", "decided_news", "done_to_me"]

# Someone who examined the user tells them about their own body: "my doctor told me I
# have low iron" is how the user knows it, so it is the user's fact ("Has low iron").
_EXAMINER = re.compile(
    r"^(?:my|our|the)\s+(?:doctor|gp|dentist|physio|physiotherapist|consultant|nurse|optician|"
    r"specialist|midwife|surgeon|dermatologist|cardiologist|audiologist|allergist)\s+"
    r"(?:just\s+)?(?:says|said|told me|has told me|confirmed|diagnosed me with)\s+(?:that\s+)?"
    r"(?P<rest>(?:i|i'm|i've|my)\b.+|[a-z].+)$", re.I)


# Someone who decides about the user's work, home or studies tells them news: "my manager
# told me I'm getting the lead role". Only news of an outcome is the user's fact, never
# a verdict ("my boss told me I'm lazy" stays theirs).
_DECIDER = re.compile(
    r"^(?:my|our|the)\s+(?:manager|boss|line manager|landlord|landlady|school|university|uni|"
    r"college|tutor|supervisor|recruiter|employer|company|bank|council|editor|agent|hr)\s+"
    r"(?:just\s+|finally\s+)?(?:told me|has told me|informed me|confirmed|let me know|emailed "
    r"(?:me\s+)?to say|called to say|rang to say)\s+(?:that\s+)?"
    r"(?P<rest>(?:i'm|i\s+am)\s+(?:getting|being|going to be|starting|moving)\b.+|"
    r"(?:i've|i\s+have)\s+(?:got|been\s+(?:accepted|promoted|approved|offered|selected|"
    r"shortlisted|given))\b.+|i\s+(?:got|passed|will be|'ll be)\b.+|i'll\s+be\b.+)$", re.I)


def decided_news(clause: str) -> str | None:
    """The user's news inside what their manager, landlord or school told them, else None.

    >>> decided_news("My manager just told me I'm getting the lead role in May")
    "I'm getting the lead role in May"
    >>> decided_news("My boss told me I'm too slow") is None
    True
    """
    m = _DECIDER.match(clause.strip())
    return m.group("rest") if m else None


def diagnosis(clause: str) -> str | None:
    """The user's own statement inside an examiner's finding about them, else None.

    >>> diagnosis("My GP told me I have low iron")
    'I have low iron'
    >>> diagnosis("My dentist diagnosed me with a cracked molar")
    'I have a cracked molar'
    >>> diagnosis("My friend told me I have great taste") is None
    True
    """
    m = _EXAMINER.match(clause.strip())
    if not m:
        return None
    rest = m.group("rest")
    if re.search(r"\bdiagnosed me with\b", clause, re.I):
        return f"I have {rest}"
    if re.match(r"^(?:i|i'm|i've|my)\b", rest, re.I) and not re.search(
            r"\b(?:should|need to|must|have to|ought to)\b", rest, re.I):
        return rest  # advice ("I should rest") is kept by ``_speech.advice`` instead
    return None

_PERSON = {"friend", "boss", "manager", "colleague", "coworker", "neighbour", "neighbor",
           "roommate", "flatmate", "housemate", "cousin", "partner", "mentor", "coach",
           "teacher", "classmate", "buddy", "mate", "pal", "bestie", "twin", "landlord",
           "landlady", "spouse"} | HE_TIES | SHE_TIES
_REPORT = re.compile(
    r"^(?P<who>(?:my|our)\s+(?:(?:best|old|close|new|little|big|older|younger)\s+)?"
    r"(?P<rel>[a-z]+)(?:\s+(?-i:[A-Z][a-z][\w'-]*))?|(?-i:[A-Z][a-z][\w'-]*))\s+"
    r"(?:just\s+|finally\s+|also\s+)?(?:said|says|told me|tells me|mentioned|texted(?:\s+me)?|"
    r"announced|let me know|wrote|messaged(?:\s+me)?|called to say|rang to say)\s+"
    r"(?:that\s+)?(?P<pro>she|he)(?P<verb>'s|\s+[a-z]+)\b(?P<rest>.*)$", re.I)
# "she's" is "she has" before a past participle ("she's been", "she's got").
_HAS_NEXT = re.compile(r"^\s+(?:been|got|had|done|gone|finished|started|moved|left|"
                       r"bought|sold|passed|quit|taken|found|made)\b", re.I)
_NOT_A_NAME = {"i", "we", "you", "she", "he", "they", "it", "someone", "everyone", "nobody",
               "people", "apparently", "and", "but", "so", "then", "also"}


def self_report(clause: str) -> str | None:
    """The reported clause with the reporter as its subject, if they spoke of themselves."""
    m = _REPORT.match(clause.strip())
    if not m:
        return None
    who, rel, pro = m.group("who"), (m.group("rel") or "").lower(), m.group("pro").lower()
    if rel:
        if rel not in _PERSON or (pro == "she" and rel in HE_TIES) or (pro == "he" and rel in SHE_TIES):
            return None
    elif who.lower() in ("she", "he") and who.lower() == pro:
        pass  # "She says she wants to be a vet": the person just named, of herself
    elif who.lower() in _NOT_A_NAME:
        return None
    verb = m.group("verb")
    if verb == "'s":
        verb = " has" if _HAS_NEXT.match(m.group("rest")) else " is"
    rest = m.group("rest").rstrip(" .!")
    if not rest.strip() or re.match(r"^\s+(?:said|thinks?|says)\b", verb):
        return None
    return f"{who}{verb}{rest}"


# What an employer or a school does to the user, told with "they" or the decider as the
# subject, is the user's own news: "They promoted me to team lead" -> "I was promoted to
# team lead", as "I was promoted" would be told.
_DONE_TO_ME = re.compile(r"^(?:they(?:'ve|'d)?|(?:my|the|our)\s+(?:company|boss|manager|employer|firm|"
                         r"school|team)|work)\s+(?:(?:just|finally|have|has|had)\s+){0,2}"
                         r"(?:(promoted|hired|fired|sacked|offered|transferred|accepted|rejected|moved|"
                         r"switched|put)"
                         r"\s+me|(laid)\s+me\s+off|(let)\s+me\s+go|(made)\s+me\s+redundant)\b",
                         re.I)
_PARTICLE = {"laid": "laid off", "let": "let go", "made": "made redundant",
             "put": "moved"}  # "They put me on lates": a move of the user's shifts
# An arrangement imposed on the user: "They're making us come in three days a week".
_MADE_TO = re.compile(r"^(?:they|(?:my|the|our)\s+(?:company|boss|manager|employer|firm|school|"
                      r"landlord|office|work))(?:'re|'s|\s+(?:is|are|has been|have been))\s+"
                      r"(?:making|forcing|requiring|getting)\s+(?:me|us)\s+(?:to\s+)?(?P<rest>.+)$",
                      re.I)


def done_to_me(clause: str) -> str | None:
    """The clause told in the passive with the user as subject, or None.

    >>> done_to_me("They promoted me to engineering lead last month")
    'I was promoted to engineering lead last month'
    >>> done_to_me("They told me a joke") is None
    True
    >>> done_to_me("My school is making us wear ties from January")
    'I have to wear ties from January'

    """
    m = _MADE_TO.match(clause)
    if m:  # "My company is making us come into the office": what the user now has to do
        return f"I have to {m.group('rest')}"
    m = _DONE_TO_ME.match(clause)
    if m is None:
        return None
    verb = next(g for g in m.groups() if g)
    return f"I was {_PARTICLE.get(verb.lower(), verb)}{clause[m.end():]}"

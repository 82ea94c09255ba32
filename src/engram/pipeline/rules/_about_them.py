"""A question about someone the user named, and the reply that answers it for them.

"I need a gift for my brother Kofi." / "What is he into?" / "Board games." The reply is
about Kofi, not the user: the question is read as if it asked the user ("what are you
into?"), the reply is answered that way, and the answer is then said of the person
"he"/"she" points back to (the person the conversation named last).

>>> as_asked_of_you("What is he into?"), as_asked_of_you("How old is she turning?")
('What are you into?', 'How old are you turning?')
>>> as_asked_of_you("Does she like spicy food?")
'Do you like spicy food?'
>>> as_asked_of_you("What do you do?") is None
True
>>> said_of("I'm into board games", "Brother Kofi")
'my brother Kofi is into board games'
>>> said_of("I like jazz", "Mia")
'Mia likes jazz'
"""

from __future__ import annotations

import re

from engram.pipeline.rules._rewrite import to_third_person

__all__ = ["as_asked_of_you", "said_of"]

_AUX = {"is": "are", "was": "were", "does": "do", "has": "have"}
_ASKED = re.compile(r"\b(is|was|does|has)\s+(he|she)\b", re.I)


def as_asked_of_you(question: str) -> str | None:
    """The question put to the user instead of to the third person, or None."""
    if not _ASKED.search(question):
        return None
    def aux(m: re.Match[str]) -> str:
        word = _AUX[m.group(1).lower()]
        return f"{word.capitalize() if m.group(1)[0].isupper() else word} you"

    q = _ASKED.sub(aux, question)
    q = re.sub(r"\b(?:he|she)\b", "you", q, flags=re.I)
    return re.sub(r"\b(?:his|her)\b", "your", q, flags=re.I)


def said_of(answer: str, person: str) -> str | None:
    """A first-person answer said of ``person`` instead ("Sister Mia" -> "my sister Mia")."""
    fact = to_third_person(answer)
    if not fact:
        return None
    words = person.split()
    subject = f"my {words[0].lower()} {' '.join(words[1:])}" if len(words) == 2 else person
    return f"{subject} {fact[0].lower()}{fact[1:]}"

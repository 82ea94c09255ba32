"""What the assistant suggested, and the user's "one" or "it" that takes it up.

"Have you considered a standing desk?" - "just ordered one": the user ordered a standing
desk. "Why not join a choir?" - "I used to sing in one years ago": the choir. The
suggestion is the noun phrase after the offer ("you could try", "how about", "have you
considered", "why not join", or "a road bike might suit you"); "one" or "it" in a fact
that does something with it (ordered, booked, joined, does, used to, would love) is that
thing.

>>> as_suggested("Just ordered one", "Have you considered a standing desk?")
'Just ordered a standing desk'
>>> as_suggested("Booked it", "How about a weekend in Edinburgh?")
'Booked a weekend in Edinburgh'
>>> as_suggested("Ordered it", "I'd recommend the Kindle Paperwhite.")
'Ordered the Kindle Paperwhite'
>>> as_suggested("Loves it", "How about a weekend in Edinburgh?")
'Loves it'
"""

from __future__ import annotations

import re

__all__ = ["as_suggested", "suggestion"]

_OFFER = re.compile(
    r"(?:you\s+(?:could|might|should|may\s+want\s+to|can)\s+(?:try|get|join|like|consider|book|use|"
    r"enjoy|take\s+up)|have\s+you\s+(?:considered|thought\s+about|tried)|how\s+about|what\s+about|"
    r"why\s+not\s+(?:try|join|get|book|take\s+up)|maybe\s+(?:try|get|join|book)|^try|"
    r"(?:i'?d|i\s+would|i)\s+(?:recommend|suggest)|(?:consider|check\s+out|go\s+for))\s+"
    r"(?:(?:switching|moving|changing|upgrading)\s+to\s+|(?:getting|trying|using|joining|reading|"
    r"watching)\s+)?"  # "have you considered switching to a standing desk?"
    r"(?P<np>(?:a|an|some)\s+[\w'-]+(?:\s+(?!(?:app|instead|then|for|to|on|at|or|and|if|so|as)\b)"
    r"[\w'-]+){0,4}|(?:the\s+)?(?-i:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3})"
    # or a name ("Kindle Unlimited"), with the kind of thing it is after it: "the Moka pot"
    r"(?:\s+(?!(?:app|instead|then|for|to|on|at|or|and|if|so|as|is|it|which|because|daily|too|"
    r"though|really|since|with|in|but|they|you|i)\b)(?-i:[a-z]{3,})(?=\s*(?:[.,!?;]|$)|\s+(?:for|to|if|"
    r"because|since|as|on|at|with|in)\b))?)", re.I)
_SUBJECT_OFFER = re.compile(r"^(?P<np>(?:a|an)\s+[\w'-]+(?:\s+[\w'-]+){0,2}?)\s+(?:might|could|would)\s+"
                            r"(?:suit|help|work\s+for|be\s+good\s+for)\b", re.I)
# What does something with the thing suggested: "ordered one", "booked it", "do one".
_TAKES = re.compile(r"^(?:i(?:'ve)?\s+)?(?:(?:just|already|finally|also)\s+)*(?:ordered|bought|booked|joined|got|tried|"
                    r"(?:has\s+)?(?:read|watched|seen|visited|played|finished|listened\s+to)|"
                    r"signed\s+up\s+for|does|did|has|uses|owns|used\s+to\s+\w+(?:\s+(?:in|on|at|with|to))?|"
                    r"would\s+love|wants|is\s+getting|is\s+doing|has\s+(?:ordered|booked|joined|got|"
                    r"bought|tried))\s+(?:in\s+|on\s+|at\s+)?(?:one|it)\b", re.I)


def suggestion(question: str | None) -> str | None:
    """The thing the assistant's turn suggests, or None."""
    if not question:
        return None
    for sentence in re.split(r"(?<=[.!?])\s+", question.strip()):
        m = _OFFER.search(sentence) or _SUBJECT_OFFER.match(sentence)
        if m:
            return m.group("np").rstrip(" ?.!,")
    return None


def as_suggested(fact: str, question: str | None) -> str:
    """``fact`` with the "one"/"it" it does something with read as the suggested thing."""
    np = suggestion(question) if question and _TAKES.match(fact) else None
    if not np:
        return fact
    np = np[0].lower() + np[1:] if re.match(r"(?i:a|an|some|the)\s", np) else np  # a name keeps its case
    return re.sub(r"\b(?:one|it)\b", np, fact, count=1)

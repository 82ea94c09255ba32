"""A challenge that names what it disputes: "You've got my birthday wrong".

``_retake.disputes`` reads a challenge that names nothing ("Where did you get that?"):
the statement after it puts the memory right. When the challenge names the thing ("my
birthday", "my surname"), the "it" of the statement that follows, in the same sentence
or the next, is that thing: "..., it's the 13th of March" says "my birthday is the 13th
of March", a statement the correction machinery can match to the held memory.
"""

from __future__ import annotations

import re

from engram.pipeline.rules._retake import disputes

__all__ = ["Challenges", "disputed", "it_as_slot", "said_of_slot"]

# "You've got my birthday wrong(, it's the 13th)": the challenge names what it disputes,
# so the "it" of the statement after it is that thing.
_SLOT_DISPUTE = re.compile(r"^(?:(?:no|nope|nah|um|hmm|wait)[,.!]*\s+)?(?:you(?:'ve|\s+have)?\s+"
                           r"(?:got\s+|put\s+(?:down\s+)?)?(?:my|our)\s+(?P<slot>[a-z]+(?:\s+[a-z]+)?)"
                           r"\s+wrong|that'?s\s+not\s+(?:my|our)\s+(?P<slot2>[a-z]+(?:\s+[a-z]+)?)|"
                           # "you said my birthday's in June??": what was said, asked back
                           r"you\s+(?:said|put|wrote|think|thought)\s+(?:that\s+)?(?:my|our)\s+(?P<slot3>[a-z]+)"
                           r"(?:'s|\s+is|\s+was)\b[^?]*\?+|"
                           # "can you update my surname?": a change asked for names the thing
                           r"(?:(?:can|could|would)\s+you\s+|please\s+)(?:please\s+)?(?:update|change|correct|fix)\s+"
                           r"(?:my|our)\s+(?P<slot4>surname|last name|first name|name|address|email|number|postcode))"
                           r"(?:\s+(?:btw|by the way|there|again|please))?\s*(?:[,;:.!?-]+\s*(?P<rest>.*))?$",
                           re.I)
_IT_IS = re.compile(r"^(?:it'?s|it\s+is|it\s+was)\s+(?P<value>.+)$", re.I)


def disputed(sentence: str) -> tuple[str, str | None] | None:
    """(what is disputed, the statement that puts it right) when the sentence challenges
    one named thing, the statement with "it" read as that thing (None if none follows).

    >>> disputed("You've got my postcode wrong, it's LS6 2AB")
    ('postcode', 'my postcode is LS6 2AB')
    >>> disputed("You have my age wrong.")
    ('age', None)
    >>> disputed("You've got my back, thanks") is None
    True
    """
    m = _SLOT_DISPUTE.match(sentence.strip())
    if m is None:
        return None
    slot = (m.group("slot") or m.group("slot2") or m.group("slot3") or m.group("slot4")).lower()
    rest = (m.group("rest") or "").strip()
    if m.group("slot2") and not said_of_slot(slot, rest):
        return None  # "That's not my problem" disputes nothing held; "..., it's X" does
    return slot, (said_of_slot(slot, rest) or rest) if rest else None


def said_of_slot(slot: str, sentence: str) -> str | None:
    """"It's the 13th" after a dispute of the birthday: "my birthday is the 13th"."""
    m = _IT_IS.match(sentence.strip().rstrip(".!"))
    return f"my {slot} is {m.group('value')}" if m else None


class Challenges:
    """The challenges of one message, read sentence by sentence."""

    def __init__(self) -> None:
        self.pending = False  # the sentence before disputed what is held
        self.slot: str | None = None  # and named it: "You've got my age wrong."

    def read(self, sentence: str) -> tuple[bool, str] | None:
        """None for a sentence that only challenges; else (was the sentence before a
        challenge or is this one, the statement to read)."""
        named = disputed(sentence)
        if disputes(sentence) or (named is not None and named[1] is None):
            self.pending, self.slot = True, named[0] if named else None
            return None
        challenged, slot = self.pending, self.slot
        self.pending, self.slot = False, None
        if named is not None:  # "You've got my birthday wrong, it's the 13th of March"
            return True, named[1] or sentence
        if challenged and slot:  # "... wrong. It's the 13th of March."
            return True, said_of_slot(slot, sentence) or sentence
        return challenged, sentence


# A value the user holds one of, named and then given as "it": "..., so it's Okafor now".
_SLOT_NOUN = re.compile(r"\b(surname|last name|first name|name|(?:phone |mobile )?number|email(?: "
                        r"address)?|address|username|postcode|zip code)\b", re.I)
_IT_IS_VALUE = re.compile(r"^(?:so\s+|and\s+)?it(?:'s|\s+is)\s+((?-i:[A-Z0-9])[\w@.+-]*(?:\s+(?-i:[A-Z])[\w-]*)?)"
                          r"(?:\s+now)?$", re.I)


def it_as_slot(sentence: str, clauses: list[str]) -> list[str]:
    """The clauses with "it's V" read as the value of the last thing the sentence named:
    "took my wife's surname, so it's Okafor now" says "my surname is Okafor".

    >>> it_as_slot("I took my wife's surname, so it's Okafor now", ["so it's Okafor now"])
    ['my surname is Okafor']
    """
    slot = _SLOT_NOUN.findall(sentence)
    if not slot:
        return clauses
    label = slot[-1].lower()
    return [_IT_IS_VALUE.sub(rf"my {label} is \1", c) for c in clauses]

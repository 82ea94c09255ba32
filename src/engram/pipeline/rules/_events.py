"""What "it" is when a plan is moved: the event the conversation named last.

"We're planning a barbecue on Saturday." ... "so we've moved it to Sunday": the second
turn changes the barbecue, but says "it". A fact whose verb reschedules or ends a plan
(moved, pushed back, postponed, cancelled, booked) takes the event last named in the
conversation for its "it", so the change can find the plan it changes.

>>> seen = Events()
>>> seen.note("We're planning a barbecue on Saturday.")
>>> seen.resolve("Has moved it to Sunday")
'Has moved the barbecue to Sunday'
>>> seen.resolve("Loves it")
'Loves it'
"""

from __future__ import annotations

import re

__all__ = ["Events"]

_EVENT = re.compile(r"\b(?:the|a|an|our|my|their)\s+((?:[\w-]+\s+)?(?:barbecue|bbq|party|meeting|"
                    r"appointment|trip|holiday|dinner|wedding|interview|exam|class|lesson|"
                    r"call|visit|date|match|game|concert|gig|flight|picnic|reunion|ceremony|"
                    r"shift|session|surgery|operation|move|viewing|checkup|check-up|"
                    r"celebration|lunch|get-together|sleepover|playdate|housewarming|christening|"
                    r"baptism|anniversary|graduation|launch|opening|festival|race|marathon|"
                    r"tournament|recital|show|exhibition|hen do|stag do|retreat|"
                    # what is being planned: "the house move planning", "the renovation plans"
                    r"[\w-]+(?=\s+(?:planning|preparations|plans|prep)\b)))\b", re.I)
_RESCHEDULED = re.compile(r"^(?:has\s+|have\s+)?(?:just\s+)?(?:moved|pushed|postponed|"
                          r"cancel+ed|rescheduled|booked|called off|brought forward|put off|"
                          r"put back|put(?=\s+(?:it|everything)\s+(?:back|off)\b)|delayed|confirmed|swapped)\b"
                          r".*\b(?:it|everything)\b", re.I)


class Events:
    """The event a conversation named last."""

    def __init__(self) -> None:
        self.last: str | None = None

    def note(self, text: str) -> None:
        found = _EVENT.findall(text)
        if found:
            self.last = found[-1].lower()

    def resolve(self, fact: str) -> str:
        """The fact with "it" as the last event, when the fact reschedules or ends a plan."""
        if self.last and _RESCHEDULED.match(fact):
            # ("pushed everything back" after "how's the wedding planning going?")
            return re.sub(r"\b(?:it|everything)\b", f"the {self.last}", fact, count=1)
        return fact

"""A question that weighs a definite choice ("Should I take the offer from Oxford?")
says the user is considering it; other questions stay unread (a wish under a condition
and someone else's opinion of the user stay dropped too: ``_speech``).

>>> weighed_choice("Do you think I should accept the offer from Oxford?")
"I'm considering accepting the offer from Oxford"
>>> weighed_choice("Should I bring a jacket?"), weighed_choice("Should I take the bus or the train?")
(None, None)
"""

from __future__ import annotations

import re

__all__ = ["weighed_choice"]

# Choices a user weighs by asking: a definite thing already on the table ("the offer",
# "my flat"). "Should I bring a jacket?" weighs no lasting choice, and "should I learn
# Rust or Go?" asks for advice between options, it holds none.
_CHOICE = re.compile(r"^(?:do\s+you\s+think\s+|would\s+you\s+say\s+)?(?:should\s+i|i\s+should)\s+"
                     r"(?P<verb>take|accept|buy|move|apply|adopt|sell|quit|join|switch|rent|"
                     r"leave|turn\s+down|decline)\b(?P<rest>\s+(?:up\s+|for\s+|to\s+|down\s+)?"
                     r"(?:the|this|that|my|our)\s+(?:(?!or\b)[\w'-]+\s*)+)$", re.I)


def weighed_choice(question: str) -> str | None:
    """"Should I take the job offer in Leeds?" -> "I'm considering taking ...", else None."""
    m = _CHOICE.match(question.strip().rstrip("?").strip())
    if not m:
        return None
    verb = m.group("verb").lower()
    doing = {"quit": "quitting", "turn down": "turning down"}.get(verb) or (
        verb[:-1] + "ing" if verb.endswith("e") else verb + "ing")
    return f"I'm considering {doing}{m.group('rest')}"

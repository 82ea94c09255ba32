"""No silent loss: which source messages carried a statement but gave no fact.

A message that is only a greeting, thanks, an acknowledgement or a question carries
nothing to remember; any other message of the source role (the user's, or the
assistant's for agent memories) that no extracted fact cites is reported by the add,
and ``pipeline.on_no_fact`` decides what happens to it:

- ``warn`` (default): a warning naming the message; nothing is stored from it. Storing
  every unread sentence would turn chit-chat, reported speech and hypotheticals into
  memories that later crowd search results; dropping it without a word would lose what
  the extractor failed to read. The warning keeps the store clean and the loss visible.
- ``store_raw``: the message is also kept verbatim as a raw memory, as ``infer=False``
  would keep it (for callers who would rather search noise than miss a fact).
- ``ignore``: neither (the old behaviour).

>>> from engram._types import Message
>>> from engram.pipeline.base import Fact
>>> msgs = [Message("user", "Thanks!", index=0), Message("user", "Lena got a job.", index=1),
...         Message("user", "I like tea.", index=2)]
>>> [m.index for m in unread(msgs, [Fact("Likes tea", ("2",))], "user")]
[1]
>>> no_fact_warning(msgs[1])
"no fact extracted from message 1: 'Lena got a job.'"
"""

from __future__ import annotations

import re
from typing import Literal

from engram._types import Message
from engram.pipeline.base import Fact
from engram.pipeline.rules._noise import is_noise
from engram.pipeline.rules._sentences import is_question, split_sentences

__all__ = ["unread", "no_fact_warning", "OnNoFact", "ON_NO_FACT"]

OnNoFact = Literal["warn", "store_raw", "ignore"]
ON_NO_FACT: tuple[str, ...] = ("warn", "store_raw", "ignore")
_PREVIEW = 80


def _carries_content(text: str) -> bool:
    """At least one sentence that is a statement, not small talk or a question."""
    for sentence in split_sentences(text):
        s = sentence.strip()
        if is_question(s):
            continue
        # "Thanks so much, bye!": every comma-separated part is a pleasantry.
        for part in re.split(r"\s*[,;]\s*", s.rstrip(".!")):
            if len(re.findall(r"\w+", part)) >= 2 and not is_noise(part):
                return True
    return False


def unread(messages: list[Message], facts: list[Fact], target: str) -> list[Message]:
    """Source messages with a statement in them that no fact cites."""
    role = "assistant" if target == "agent" else "user"
    if any(not f.source_ids for f in facts):
        return []  # a fact without provenance may come from any message
    cited = {sid for f in facts for sid in f.source_ids}
    return [m for m in messages if m.role == role and str(m.index) not in cited
            and m.content.strip() and _carries_content(m.content)]


def no_fact_warning(message: Message) -> str:
    text = " ".join(message.content.split())
    if len(text) > _PREVIEW:
        text = text[: _PREVIEW - 1] + "…"
    return f"no fact extracted from message {message.index}: {text!r}"

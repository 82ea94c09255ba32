"""Whose a clause is when it does not open with "I": someone named ("Lena got a job in
Oslo"), a relative ("my sister Mia lives in Porto"), or the speaker's own thing with
"my" left out, as notes leave it out ("Budget for the trip is around 2000 dollars").

>>> from engram.pipeline.rules._subjects import People
>>> other_subject("Budget for the trip is around 2000 dollars", People())
'Budget for the trip is around 2000 dollars'
>>> other_subject("Main goal this year is to run a marathon", People())
'Main goal this year is to run a marathon'
>>> other_subject("Traffic this morning was insane", People()) is None
True
>>> other_subject("Weekend was lovely", People()) is None
True
"""

from __future__ import annotations

import re

from engram.pipeline.rules._rewrite import pronouns_to_third
from engram.pipeline.rules._subjects import NOT_NAMES, People

__all__ = ["other_subject"]

# A subject of two to five words, the first capitalised only as a sentence opens, the
# rest in lower case, before "is"/"are"/"was"/"were": "Budget for the trip is ...".
_UNSAID_MY = re.compile(r"^(?P<head>(?-i:[A-Z])[a-z]+)(?:\s+(?-i:[a-z])[\w'-]+){1,4}\s+"
                        r"(?P<verb>is|are|was|were)\s+(?P<rest>\S.*)$")
# A verdict on it rather than a fact of it: "is awful", "was so good today".
_VERDICT = re.compile(r"^(?:so\s+|really\s+|very\s+|pretty\s+|too\s+|quite\s+|super\s+|a bit\s+|"
                      r"kind of\s+|absolutely\s+|not\s+|still\s+)*(?-i:[a-z-]+)"
                      r"(?:\s+(?:now|today|tonight|again|lately|as usual|as always))?[.!]*$")
# The moment it is said of: a remark on the day, not a standing fact of the speaker
_MOMENT = re.compile(r"\b(?:today|tonight|yesterday|this (?:morning|afternoon|evening|week)|"
                     r"lately|right now|so far)\b", re.I)
# Heads that open things that are no one's own: "Sounds like", "Nothing else is".
_NOT_OWNED = frozenset({"nothing", "everything", "something", "anything", "life", "weather",
                        "traffic", "which", "whatever", "sounds", "looks", "seems", "feels"})


def other_subject(clause: str, people: People) -> str | None:
    """A fact about someone or something other than the speaker, as the speaker said it:
    "Sister Mia lives in Porto", "Alice is an engineer", "Budget ... is ..."."""
    split = people.split(clause) or _mine_unsaid(clause, people)
    if split is None:
        return None
    subject, rest = split
    return pronouns_to_third(f"{subject} {rest}")


def _mine_unsaid(clause: str, people: People) -> tuple[str, str] | None:
    """The speaker's own thing said with "my" left out: read as "my <subject> is ..."."""
    m = _UNSAID_MY.match(clause.strip().rstrip(".!"))
    if not m or m.group("head").lower() in NOT_NAMES | _NOT_OWNED:
        return None
    if _VERDICT.match(m.group("rest")) or _MOMENT.search(clause) \
            or re.match(r"^(?:still\s+)?[a-z]+ing\b", m.group("rest")):  # "is hanging on ...":
        return None  # what it is doing as it is said, not what it is
    return people.split("my " + clause[0].lower() + clause[1:])

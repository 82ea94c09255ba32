"""A sentence's chat shapes put into the shapes the clause splitter reads, before it
splits: two people as one subject ("me and Jess"), "at last", a name and the one to use
joined by "but", a "so no X for me" tail, a next step told as a bare participle, and a
role with what its holder does.

>>> reworded("me and Jess split up, starting at a new school in May")
"Jess and I split up; I'm starting at a new school in May"
>>> reworded("I'm a nurse who loves hiking")
"I'm a nurse; loves hiking"
"""

from __future__ import annotations

import re

__all__ = ["reworded"]


# Two people as one subject, said as chat says it: "me and Jess", "Jess and me", "tom and
# i"; read as "Jess and I", the form the compound-subject reader knows. A lower-case name
# is taken only as the sentence's first word.
_WE_TWO = re.compile(r"^(?:(?:me|myself)\s+and\s+(?P<a>(?:my|our)\s+\w+(?:\s+[A-Z]\w+)?|[A-Z]\w+)|"
                     r"(?P<b>(?:my|our)\s+\w+(?:\s+[A-Z]\w+)?|[A-Za-z][a-z]+)\s+and\s+(?:me|i))"
                     r"(?=\s+(?!(?:and|from|in|at|of|on|with|for|to)\b)[a-z'’]+)", re.I)


def _we_two(m: re.Match[str]) -> str:
    who = m.group("a") or m.group("b")
    return f"{who[0].upper()}{who[1:]} and I" if " " not in who else f"{who} and I"


_ROLE_WHO = re.compile(r"^((?P<subj>I|she|he|(?:my|our)\s+\w+(?:\s+[A-Z]\w+)?|[A-Z][a-z]+)"
                       r"(?:'s|'m|\s+(?:is|am|was))\s+)((?:a|an)\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+who\s+"
                       r"(?P<verb>(?-i:[a-z]+(?:s|ed))\b)", re.I)


def _role_who(m: re.Match[str]) -> str:
    subj = "" if m.group("subj").lower() == "i" else f"{m.group('subj')} "  # "loves hiking"
    return f"{m.group(1)}{m.group(3)}; {subj}{m.group('verb')}"


_NEXT_STEP = re.compile(
    r",\s+(?:and\s+|then\s+)?(?P<now>now\s+)?(?=(?:starting|moving|relocating|joining|switching|"
    r"living|working|studying|based)\s+(?:at|to|in|for)\s+(?:(?:the|a|an|my|our)\b|(?-i:[A-Z]))"
    # "..., running outside now", "..., renting in Leith for now": a way of life that holds
    r"|(?!(?:feeling|thinking|hoping|looking|wondering|getting|going|trying|waiting|loving|hating|"
    r"enjoying|missing|being|saying|sitting|lying)\b)(?-i:[a-z]{2,}ing)(?:\s+[^,]*?)?\s+(?:now|instead|"
    r"these days|for now|next (?:week|month|year)|in (?:the )?\w+)$)", re.I)


def reworded(body: str) -> str:
    """``body`` with each chat shape said the way the splitter reads it."""
    body = _WE_TWO.sub(_we_two, body)  # "me and Jess split up", "tom and i broke up"
    body = re.sub(r",?\s+at\s+(?:long\s+)?last\b", "", body, flags=re.I)  # "went over to android at last,"
    # a joke on the count: "three kids, well, four if you count my husband"
    body = re.sub(r",\s+(?:well,?\s+)?[^,]{0,40}?\bif\s+you\s+count\b[^,]{0,60}$", "", body, flags=re.I)
    # "I'm Oluwaseun but just call me Seun": the name, then the one to use, as with a comma
    body = re.sub(r"\s+but\s+(?=(?:honestly\s+|really\s+|please\s+)?(?:you\s+can\s+|feel\s+free\s+to\s+)?"
                  r"(?:just\s+)?call\s+me\b)", ", ", body, flags=re.I)
    # "..., so no cheese board for me": what the fact means for the request at hand
    body = re.sub(r",\s+so\s+(?:no|nothing|none)\b(?!\s+longer\b).*$", "", body, flags=re.I)
    # "..., it's just me now": the home is the speaker's alone
    body = re.sub(r",\s+(?:so\s+)?it'?s\s+just\s+me(?:\s+now)?$", "; I live alone now", body, flags=re.I)
    # "One of our cats died, so just Biscuit now": what is left, said short, after the news
    body = re.sub(r",\s+so\s+(?:just|only)\s+(?-i:[A-Z])\w+(?:\s+(?:now|left))?$", "", body, flags=re.I)
    # "handed in my notice, starting at the library on Monday": a change told as a bare
    # participle after a comma is the speaker's next step, a clause of its own
    body = _NEXT_STEP.sub(lambda m: f"; I'm {m.group('now') or ''}", body)
    # "I'm a nurse who loves hiking": the role and what its holder does are two facts
    body = _ROLE_WHO.sub(_role_who, body)
    return body

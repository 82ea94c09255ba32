"""What a fact takes from the one said before it, when it leaves it unsaid: a denial
its object ("Has not practised in months" after "Plays the cello"), a liking its "it"
("Loves it" after "Started pottery classes"), a finish or a start what was finished or
begun ("Finished in 3:52" after "Ran the Berlin Marathon", "Starts on Monday" after "Got
the job at Lidl"), an ending the habit it ends ("Quit years ago" after "Used to smoke").
"""

from __future__ import annotations

import re

from engram.pipeline.rules._facts import _VERBISH
from engram.pipeline.rules._yesno import gerund

__all__ = ["carry_object", "finished_what", "liked_object", "quit_what", "started_what"]


_BARE_DENIAL = re.compile(r"^((?:has not|had not|did not|does not|never|cannot|no longer)\s+"
                          r"[a-z]+)(\s+(?:in|for|since|lately|recently|much|often|anymore|"
                          r"at all|any more)\b.*|$)", re.I)
_OBJECT_OF = re.compile(r"^(?:[A-Z][a-z]+)\s+((?:the|a|an|their|some)\s+[\w\s-]+?|(?:[a-z]+\s+)?[a-z]+s)$")


def carry_object(fact: str, previous: str | None) -> str:
    """A denial without an object takes the one the clause before named.

    >>> carry_object("Has not practised in months", "Plays the cello")
    'Has not practised the cello in months'
    >>> carry_object("Has not practised in months", "Lives in Leeds")
    'Has not practised in months'
    """
    m, obj = _BARE_DENIAL.match(fact), _OBJECT_OF.match(previous or "")
    if not m or not obj or previous is None or re.match(r"(?i:\w+ed|tore|broke|hurt)\b|(?:"  # not an event's:
            + "|".join(_VERBISH) + r")\b", previous, re.I):  # "Tore a ligament"
        return fact
    return f"{m.group(1)} {obj.group(1)}{m.group(2)}"


# "... started swimming lessons and he loves them": a liking of "it"/"them" is a liking
# of what the clause before took up, bought or began.
_LIKES_IT = re.compile(r"^(.*?\b(?i:loves|likes|enjoys|hates|adores|dislikes|is loving|is enjoying|"
                       r"is hating)\s+)(?:it|them)(\s+so\s+much|\s+already)?$")
_TOOK_UP = re.compile(r"^(?:[A-Z][a-z]+\s+){0,2}?(?i:just\s+|finally\s+|recently\s+)?(?i:started|"
                      r"bought|got|joined|began|tried|took up|adopted|signed up for|booked|"
                      r"ordered|picked up)\s+(?P<obj>(?:(?:a|an|the|their|some)\s+)?"
                      r"[\w-]+(?:\s+[\w-]+){0,2}?)(?:\s+(?:last|this|on|in|at|for|from|with|"
                      r"yesterday|today|recently)\b.*)?$")


def liked_object(fact: str, previous: str | None) -> str:
    """"Loves it" after "Started pottery classes" -> "Loves pottery classes".

    >>> liked_object("Son Max loves them", "Son Max just started swimming lessons")
    'Son Max loves swimming lessons'
    >>> liked_object("Loves it", "Bought a new bike last week")
    'Loves their bike'
    >>> liked_object("Loves it", "Lives in Leeds")
    'Loves it'
    """
    m = _LIKES_IT.match(fact)
    took = _TOOK_UP.match(previous or "")
    if not m or not took:
        return fact
    # "a new bike" is theirs now, and no longer new to the reconciler (a "new" X swaps)
    obj = re.sub(r"^(?:a|an)\s+(?:new\s+)?", "their ", took.group("obj"))
    return f"{m.group(1)}{obj}"


# "Got the nursing job! I start on the 1st": a start without an object is the start of
# what the message just said was got.
_BARE_START = re.compile(r"^((?i:starts|started|begins|began|is starting))\s+(?=(?:on|next|this|in|at|"
                         r"tomorrow|today|monday|tuesday|wednesday|thursday|friday|saturday|"
                         r"sunday|the\s+\d)\b)", re.I)
_GOT_ROLE = re.compile(r"^(?i:finally\s+|just\s+)?(?i:got|landed|accepted|was offered|took|has got)\s+"
                       r"(?P<obj>(?:the|a|an|their)\s+(?:[\w-]+\s+){0,2}?(?:job|role|position|post|"
                       r"place|internship|apprenticeship|contract))\b|^(?i:finally\s+)?(?i:got|was|"
                       r"has been)\s+hired\b")


_BARE_FINISH = re.compile(r"^((?i:finished|completed|did it|won|came\s+\w+))\s+(?=(?:in|with|at|on)\b)")
_DID_THING = re.compile(r"^(?i:ran|did|raced|swam|rode|walked|played|sat|took|entered)\s+(?P<obj>the\s+"
                        r"[\w-]+(?:\s+[\w-]+){0,3}?)(?:\s+(?:on|in|at|last|this|yesterday|today)\b.*)?$")


def finished_what(fact: str, did: str | None) -> str:
    """"Finished in 4:12" after "Ran the Leeds 10k" -> "Finished the Leeds 10k in 4:12".

    >>> finished_what("Finished in 52 minutes", "Ran the Leeds 10k on Sunday")
    'Finished the Leeds 10k in 52 minutes'
    >>> finished_what("Finished in 52 minutes", "Lives in Leeds")
    'Finished in 52 minutes'
    """
    m, d = _BARE_FINISH.match(fact), _DID_THING.match(did or "")
    if not m or not d:
        return fact
    return f"{m.group(1)} {d.group('obj')} {fact[m.end():]}"


def started_what(fact: str, got: str | None) -> str:
    """"Starts on the 1st" after "Got the nursing job" -> "Starts the nursing job on the 1st".

    >>> started_what("Starts on Monday", "Got the teaching job")
    'Starts the teaching job on Monday'
    >>> started_what("Started on Monday", "Finally got hired as a junior chef")
    'Started the job on Monday'
    >>> started_what("Starts on Monday", "Lives in Leeds")
    'Starts on Monday'
    """
    m = _BARE_START.match(fact)
    g = _GOT_ROLE.match(got or "")
    if not m or not g:
        return fact
    obj = re.sub(r"^(?:a|an)\s+", "the ", g.group("obj")) if g.group("obj") else "the job"
    return f"{m.group(1)} {obj} {fact[m.end():]}"


# An ending with no object ("Quit years ago") after a habit said with "used to".
_BARE_QUIT = re.compile(r"^(Quit|Stopped|Gave up|Gave it up)(?=\s+(?:(?:a|an|a few|two|three|\d+)\s+)?"
                        r"(?:years?|months?|weeks?|decades?|ages|while)\b|\s+(?:in|last|when|after|before)\s|"
                        r"\s+\d|$)", re.I)
# One who did it, in the past: "Was a heavy smoker", "Has been a keen runner".
_WAS_ONE = re.compile(r"^(?:Was|Has been)\s+an?\s+(?:(?:heavy|big|keen|regular|serious|social|daily)\s+)?"
                      r"([a-z]{3,}?)er\b")
_USED_TO = re.compile(r"^Used to\s+(?P<verb>[a-z]+)(?P<rest>(?:\s+(?!(?:but|and)\b)[\w'-]+){0,3})$")


def quit_what(fact: str, before: str | None) -> str:
    """"Quit years ago" after "Used to smoke": "Quit smoking years ago".

    >>> quit_what("Quit years ago", "Used to smoke")
    'Quit smoking years ago'
    >>> quit_what("Stopped in 2019", "Used to run marathons")
    'Stopped running marathons in 2019'
    >>> quit_what("Stopped in 2019", "Was a smoker for ten years")
    'Stopped smoking in 2019'
    >>> quit_what("Quit years ago", "Lives in Leeds")
    'Quit years ago'
    """
    m, used = _BARE_QUIT.match(fact), _USED_TO.match(before or "")
    was = _WAS_ONE.match(before or "") if m and not used else None
    if m and was:  # "Was a smoker for ten years" - "stopped in 2019": smoking
        return f"{m.group(1).replace('Gave it up', 'Gave up')} {was.group(1)}ing{fact[m.end():]}"
    if not m or not used:
        return fact
    doing = gerund(used.group("verb") + used.group("rest"))
    return f"{m.group(1).replace('Gave it up', 'Gave up')} {doing}{fact[m.end():]}"

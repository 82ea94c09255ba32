"""Short replies that say what the user is. A no to a statement with a tag: the assistant
says what it holds and asks to be told it is right ("Your birthday is on 3 May, right?");
the reply gives the right value. A state given as the answer ("Drink at all?" - "nah,
teetotal"; "Are you married?" - "engaged"), an age in words, a baby on the way.

>>> tag_answer("Your birthday is on 3 May, right", "nope, 13 May")
'my birthday is on 13 May'
>>> tag_answer("You live in Leeds, right", "yes"), tag_answer("Is it sunny", "no, raining")
(None, None)
"""

from __future__ import annotations

import re

from engram.pipeline.rules._corrections import swap_value
from engram.pipeline.rules._facts import RELATIONS
from engram.pipeline.rules._identity import identity_fact
from engram.pipeline.rules._rewrite import article
from engram.pipeline.rules._yesno import NO, YESNO, second_to_first, yes_no

__all__ = ["kin_asked", "kind_asked", "none_said", "tag_answer", "what_one_is"]

_TAGGED = re.compile(r"^(?P<said>(?:you|your)\b.+?),?\s+(?:right|yeah|correct|isn'?t\s+it|aren'?t\s+you|"
                     r"don'?t\s+you|is\s+that\s+right)$", re.I)


def tag_answer(question: str, reply: str) -> str | None:
    """The statement the reply makes of a tagged statement it denies, else None."""
    tag = _TAGGED.match(question)
    if not tag or not NO.match(reply.strip()):
        return None
    value = NO.sub("", reply.strip().rstrip(".!"), count=1).strip(" ,")
    said = second_to_first(tag.group("said"))
    # what the value shares with what was said stays put: "13 May" for "3 May" is 13
    new = " ".join(w for w in value.split() if not re.search(rf"\b{re.escape(w)}\b", said, re.I))
    return swap_value(said, new) if new and len(value.split()) <= 3 else None


# What a person is, given as the answer: "nah, teetotal", "no, vegan", "engaged".
_STATE_WORD = re.compile(r"^(?:teetotal|sober|vegan|vegetarian|veggie|pescatarian|single|married|"
                         r"engaged|divorced|widowed|retired|unemployed|self-employed|freelance|"
                         r"coeliac|diabetic)$", re.I)


_FULL_THEN_SHORT = re.compile(r"^(?P<full>(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?),?\s+but\s+(?:just\s+)?"
                              r"(?P<short>(?-i:[A-Z])[\w'-]+)(?:\s+is)?\s+(?:fine|ok|okay|good|works|please)$",
                              re.I)


def what_one_is(question: str, reply: str) -> str | None:
    """The statement of a reply that names a state, an age in words or a baby on the way.

    >>> what_one_is("Do you drink at all", "nah, teetotal"), what_one_is("Are you married", "engaged")
    ("I don't drink at all; I'm teetotal", "I'm engaged")
    >>> what_one_is("How old are you", "thirty-one"), what_one_is("Do you have kids", "one on the way!")
    ("I'm 31", "I'm expecting a baby")
    """
    r = reply.strip().rstrip(".!")
    both = _FULL_THEN_SHORT.match(r) if re.search(r"\b(?:call|address)\s+you\b", question, re.I) else None
    if both:  # "What should I call you?" - "Oluwaseun Adeyemi, but just Seun is fine"
        return f"My name is {both.group('full')}; I prefer to be called {both.group('short')}"
    if re.match(r"^(?:one|a\s+baby|baby\s+(?:number\s+)?\w+|our\s+first)\s+on\s+the\s+way\b", r, re.I):
        return "I'm expecting a baby"
    age = identity_fact(f"I'm {r}") if re.match(r"^how\s+old\s+are\s+you\b", question, re.I) else None
    if age and age.startswith("Is "):  # "thirty-one": the age, in words
        return f"I'm {age.split()[1]}"
    no = NO.match(r)
    state, _, more = (NO.sub("", r, count=1).strip(" ,") if no else r).partition(", ")
    if not (_STATE_WORD.match(state) and YESNO.match(question)):
        return None
    denied = yes_no(question, False) if no else None
    said = f"{denied}; I'm {state.lower()}" if denied else f"I'm {state.lower()}"
    return f"{said}; {more}" if more else said  # "engaged, wedding's next May"


def none_said(question: str, reply: str) -> str | None:
    """"no kids" to "Do you have kids?": "no" as a determiner before the very thing asked
    about is a denial, whatever follows it ("... and no plans for any").

    >>> none_said("Do you have kids", "no kids and no plans for any")
    "I don't have kids"
    >>> none_said("Do you have kids", "no, a dog") is None
    True
    """
    m = re.match(r"^(?:nope|nah)?[\s,]*no\s+(?P<thing>[a-z]+)\b", reply.strip(), re.I)
    if m is None or not YESNO.match(question):
        return None
    thing = m.group("thing").lower()
    asked = {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]+", question)}
    return yes_no(question, False) if thing.rstrip("s") in asked else None


_KIN_ASKED = re.compile(r"^(?:is|was)\s+((?-i:[A-Z])[\w'-]+)\s+your\s+(\w+)$", re.I)


def kin_asked(question: str, reply: str) -> str | None:
    """Who someone named is to the user, from a reply to "Is Sarah your sister?".

    >>> kin_asked("Is Sarah your sister", "yep"), kin_asked("Is Sarah your sister", "cousin actually")
    ('Sarah is my sister', 'Sarah is my cousin')
    >>> kin_asked("Is Sarah your sister", "no, she's my cousin"), kin_asked("Is Sarah your sister", "no")
    ('Sarah is my cousin', None)
    """
    m = _KIN_ASKED.match(question)
    if not m or m.group(2).lower() not in RELATIONS:
        return None
    r = reply.strip().rstrip(".!")
    if re.fullmatch(r"(?:yes|yeah|yep|yup|she is|he is|that's right|correct)(?:,?\s+(?:she is|he is))?", r, re.I):
        return f"{m.group(1)} is my {m.group(2).lower()}"
    # the tie put right: "cousin actually", "no, my cousin", "nope, she's my cousin"
    tie = re.fullmatch(r"(?:(?:no|nope|nah)\b,?\s*)?(?:(?:she|he)(?:'s|\s+is)\s+)?(?:my\s+|our\s+)?"
                       r"(\w+)(?:,?\s+actually)?", r, re.I)
    if tie and tie.group(1).lower() in RELATIONS and tie.group(1).lower() != m.group(2).lower():
        return f"{m.group(1)} is my {tie.group(1).lower()}"
    return None


_KIND_ASKED = re.compile(r"^what\s+(?:kind|type|sort|breed|make)\s+(?:of\s+\w+\s+)?(?:is|was)\s+"
                         r"((?-i:[A-Z])[\w'-]+)$", re.I)


def kind_asked(question: str, reply: str) -> str | None:
    """What someone or something named is, from a reply to "What kind of dog is Biscuit?".

    >>> kind_asked("What kind of dog is Biscuit", "A beagle, he's 4")
    'Biscuit is a beagle'
    >>> kind_asked("What breed is Mochi", "shiba inu") , kind_asked("What kind of day is it", "busy")
    ('Mochi is a shiba inu', None)
    """
    m = _KIND_ASKED.match(question)
    head = reply.strip().rstrip(".!").split(",")[0].strip()
    if not m or not head or len(head.split()) > 4 or re.match(r"^(?:i|he|she|it|they|not|no)\b", head, re.I):
        return None
    head = re.sub(r"^(?:an?|the)\s+", "", head, flags=re.I)
    return f"{m.group(1)} is {article(head)} {head[0].lower()}{head[1:]}"

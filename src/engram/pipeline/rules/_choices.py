"""Which of the options an assistant turn offered a short reply picks.

>>> chosen("Do you prefer tea or coffee", "the second one")
'coffee'
>>> chosen("Do you prefer cycling in the morning or in the evening", "evenings")
'cycling in the evening'
>>> options("Would you like the window or the aisle")
['window', 'aisle']
"""

from __future__ import annotations

import re

__all__ = ["chosen", "options"]


# Words that pick an option by its place in the list ("the second one", "the latter").
_ORDINALS = {"first": 0, "1st": 0, "one": 0, "1": 0, "former": 0, "second": 1, "2nd": 1,
             "two": 1, "2": 1, "latter": -1, "third": 2, "3rd": 2, "three": 2, "3": 2,
             "fourth": 3, "4th": 3, "four": 3, "4": 3, "last": -1,
             # options of time are offered in their order: "the later one" is the last
             "earlier": 0, "earliest": 0, "sooner": 0, "later": -1, "latest": -1}


_PREPS = ("in", "at", "on", "by", "with", "before", "after")


def options(question: str) -> list[str]:
    """"X or Y", "X, Y or Z" at the end of the question: the choices it offers."""
    question = question.rstrip("?!. ")
    m = re.search(r"(?:prefer|like|want|choose|pick|rather|between|:)\s+(.+?)$", question,
                  re.I) \
        or re.search(r"^(?:which|what|did|do|are|were|would|will|is|have)\b[^,]*,\s+(.+?\s+or\s+.+)$",
                     question, re.I) \
        or re.search(r"([^,]+(?:,\s*[^,]+)*,?\s+or\s+.+)$", question)  # "..., the X or the Y"
    if not m:
        return []
    parts = re.split(r",\s*(?:or\s+)?|\s+or\s+|\s+and\s+", m.group(1))
    # "There's a 7am train or a 10am one": what presents the list is no part of it
    parts = [re.sub(r"^(?:(?:there'?s|there\s+(?:is|are)|we\s+have|i\s+found)\s+)?(?:the|a|an)\s+",
                    "", p.strip(" ,"), flags=re.I) for p in parts if p.strip(" ,")]
    # "Is it Sam or Samantha?": the question's own opening is no part of the first option
    # ("Do you freelance, or are you with an agency?": each option opens as a question)
    parts = [re.sub(r"^(?:is|are|was|were|should|shall|would|will|do|did|does)\s+(?:it|that|this|they|you)\s+",
                    "", p, flags=re.I) for p in parts]
    # "Would an e-bike or a folding bike suit you better?": the question's own verb and
    # "you" are no part of the options
    parts = [re.sub(r"\s+\w+\s+(?:for\s+)?you(?:\s+(?:better|best|more))?$", "",
                    re.sub(r"^(?:would|will|could|should)\s+(?:(?:the|a|an)\s+)?", "", p, flags=re.I))
             for p in parts]
    parts = [re.sub(r"^(?:the|a|an)\s+", "", p, flags=re.I) for p in parts]
    if len(parts) >= 2 and len(parts[-1].split()) == 2 and all(len(p.split()) == 1
                                                                for p in parts[:-1]):
        noun = parts[-1].split()[1]  # "vegetarian or meat options": both are options
        parts = [f"{p} {noun}" for p in parts[:-1]] + [parts[-1]]
    # "running in the morning or in the evening": the verb is shared by both options
    head = re.match(r"^(.+?)\s+(in|at|on|by|with|before|after)\s", parts[0]) if parts else None
    if head:
        parts = [parts[0]] + [f"{head.group(1)} {p}" if p.split()[0].lower() in _PREPS
                              else p for p in parts[1:]]
    return parts if len(parts) >= 2 and all(len(p.split()) <= 6 for p in parts) else []


def _singular(text: str) -> set[str]:
    """The words of ``text``, a plural's "s" dropped: "evenings" picks "in the evening"."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in re.findall(r"[a-z]+", text)}


def chosen(question: str, reply: str) -> str | None:
    opts = options(question)
    if not opts:
        return None
    low = reply.lower()
    # "the spa one": "one" stands for the option named before it, it is no ordinal
    low = re.sub(r"^(?:the\s+)?((?!first|second|third|last|other)\w+(?:\s+\w+)?)\s+one$", r"\1",
                 low)
    words = _singular(low) - {"the", "a", "an", "one"}
    for o in opts:
        if o.lower() in low or low.removeprefix("the ") == o.lower() \
                or words and words <= _singular(o.lower()) \
                or (len(opts) == len({x.split()[0].lower() for x in opts})
                    and low.split()[0] == o.lower().split()[0]):
            return o
    m = re.search(r"\b(" + "|".join(_ORDINALS) + r")\b", low)
    if m and re.search(r"\b(?:one|option|choice|the|number|#)\b", low) or m and low == m.group(0):
        return opts[_ORDINALS[m.group(1)]] if m and _ORDINALS[m.group(1)] < len(opts) else None
    return None

"""People as chat names them: "my bf sam", "my big bro kwame", "my gran". The relation's
short form is read as the relation, and a lower-case word right after a relation is
taken for the person's name when it can be nothing else, so the readers of named people
(which look for a capital) see "my boyfriend Sam".

>>> chat_names("my bf sam is allergic to shellfish")
'my boyfriend Sam is allergic to shellfish'
>>> chat_names("my sister jess just moved up to glasgow")
'my sister Jess just moved up to glasgow'
>>> chat_names("my sister lives in leeds"), chat_names("my kids love it")
('my sister lives in leeds', 'my kids love it')
"""

from __future__ import annotations

import re

from engram.pipeline.rules._facts import RELATIONS
from engram.pipeline.rules._rewrite import PAST_FORMS
from engram.pipeline.rules._subjects import NOT_NAMES

__all__ = ["chat_names", "names_as_asked"]

_SHORT = {"bro": "brother", "sis": "sister", "bf": "boyfriend", "gf": "girlfriend",
          "bff": "best friend", "hubby": "husband", "gran": "grandmother", "nan": "grandmother",
          "nana": "grandmother", "grandad": "grandfather", "granddad": "grandfather",
          "bestie": "best friend", "mil": "mother-in-law", "fil": "father-in-law"}
_OWNER = (r"\b(?P<own>(?i:my|our|his|her|their))\s+(?P<adj>(?i:big|little|baby|older|younger|elder|"
          r"eldest|youngest|middle|twin|best|other|new|old|late|ex)\s+)?")
_SHORT_FORM = re.compile(_OWNER + r"(?P<short>" + "|".join(_SHORT) + r")\b", re.I)
_RELATED = re.compile(_OWNER + r"(?P<rel>" + "|".join(sorted(RELATIONS | {"best friend"}, key=len, reverse=True))
                      + r")\s+(?P<name>[a-z][a-z-]+)\b(?P<after>'s\b|\s*(?:[,.;!?)]|$|\s+\S+))")
# Words that follow a relation and are no name: how, when and what it does, and joiners.
_NO_NAME = NOT_NAMES | {
    "is", "was", "has", "had", "n", "&", "in", "at", "on", "from", "of", "with", "for", "to",
    "which", "whose", "says", "said", "thinks", "thought", "wants", "does", "did", "can",
    "could", "will", "would", "should", "might", "must", "got", "gets", "went", "goes", "lives",
    "works", "loves", "likes", "hates", "keeps", "plays", "runs", "teaches", "even", "only",
    "now", "again", "used", "asked", "told", "moved", "bought", "sold", "started", "stopped",
    "left", "in-law", "inlaw", "back", "lol", "haha", "tho", "though", "being", "been", "name",
    "named", "called", "literally", "basically", "honestly", "apparently", "actually",
    "definitely", "probably", "lately", "rarely", "cos", "coz", "because", "while", "as",
    "about", "over", "up", "down", "out", "off", "away", "home", "nor", "or", "but", "so", "yet",
    "too", "also", "still", "never", "always", "really", "are", "were", "have", "both",
    "and", "do",
    # what belongs to them: "my dentist appointment", "my mum's birthday"
    "appointment", "appt", "surgery", "practice", "office", "bill", "visit", "house", "place",
    "car", "job", "wedding", "birthday", "party", "funeral", "flat", "garden", "dog", "cat"}


# What follows a verb, never a name: "my dad fix his roof".
_OBJECTS = {"his", "her", "their", "the", "a", "an", "my", "our", "your", "it", "them", "me",
            "him", "us", "some", "this", "that", "these", "those", "up", "out", "down", "off"}


def _name(m: re.Match[str]) -> str:
    word = m.group("name")
    low = word.lower()
    nxt = m.group("after").strip().lower()
    if nxt in _OBJECTS:  # "helping my dad fix his roof": a verb with its object
        return m.group(0)
    if low in _NO_NAME or low in PAST_FORMS or low.endswith(("ly", "ing", "ed", "'s", "'d", "'ll")) \
            or (low.endswith("s") and not low.endswith("ss")) or len(low) < 3:
        return m.group(0)
    return m.group(0).replace(f" {word}", f" {word[0].upper()}{word[1:]}", 1)


def chat_names(text: str) -> str:
    """``text`` with chat's short relations said in full and lower-case names capitalised."""
    text = _SHORT_FORM.sub(lambda m: f"{m.group('own')} {m.group('adj') or ''}"
                           f"{_SHORT[m.group('short').lower()]}", text)
    return _RELATED.sub(_name, text)


def names_as_asked(question: str | None, text: str) -> str:
    """``text`` with a name the assistant just used written as it wrote it: "How's Max
    doing?" - "max is a cat haha" reads "Max is a cat haha".

    >>> names_as_asked("How's Max doing?", "max is a cat haha")
    'Max is a cat haha'
    >>> names_as_asked("How's Max doing?", "he's fine, max out on treats though") != ""
    True
    """
    if not question:
        return text
    text = _it_as_asked(question, text)
    names = {w for sentence in re.split(r"(?<=[.!?])\s+", question)
             for w in re.findall(r"(?<=\s)(?-i:[A-Z][a-z]{2,})\b", sentence)
             if w.lower() not in _NO_NAME}
    for name in names:
        text = re.sub(rf"(?<![\w'-]){name.lower()}(?=\s+(?:is|was|has|had|'s|just|got|isn't|"
                      rf"wasn't|and|did|does|loves|hates|says|calls)\b|'s\b|\s*[,.!]|$)", name, text)
        text = _short_form(name, text)
    return text


def _short_form(name: str, text: str) -> str:
    """A name's short form, offered as what to use, capitalised: "Devendra" - "dev is fine"."""
    m = re.match(rf"^(?:oh\s+|haha\s+|nah\s+|please\s+)?({name[:3].lower()}[a-z]{{0,3}})(?=\s+(?:is|'s|works)\s+"
                 rf"(?:fine|ok|okay|good|great)\b)", text, flags=re.I)
    if m is None or not name.lower().startswith(m.group(1).lower()):
        return text
    return text[:m.start(1)] + m.group(1).capitalize() + text[m.end(1):]


# The user's thing the assistant asked about: "your dentist appointment", "your flight".
_YOUR_THING = re.compile(r"\byour\s+((?:[a-z]+\s+){0,2}?(?:appointment|flight|train|interview|exam|"
                         r"test|meeting|party|wedding|birthday|anniversary|surgery|operation|"
                         r"class|lesson|match|game|trip|holiday|shift|deadline|due date|check-?up|"
                         r"scan|gig|concert|race|marathon))\b", re.I)


def _it_as_asked(question: str, text: str) -> str:
    """"it's on the 12th" to a turn about "your dentist appointment" says when the
    appointment is: "my dentist appointment is on the 12th"."""
    m = _YOUR_THING.search(question)
    if not m:
        return text
    return re.sub(r"^((?:(?:yes|yeah|yep|sure|please|ok|okay)\b[,!.]?\s*)+)?(?:it'?s|it\s+is)\s+"
                  r"(?=(?:on|at|in|next|this|tomorrow|today|tonight|\d)\b)",
                  lambda x: f"{x.group(1) or ''}my {m.group(1).lower()} is ", text, count=1, flags=re.I)


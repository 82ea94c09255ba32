"""A short reply to a wh-question, read by the question's shape rather than its words.

``_answers`` knows common questions one by one ("where do you live?", "what's your
name?"); this is its general fallback. A question "WH [noun] AUX you VERB-PHRASE?" is
turned into the user's statement "I AUX VERB-PHRASE" with the reply put where the
question word stood:

- after a stranded preposition ("what music do you listen *to*?" -> "I listen to folk");
- after the verb when the question asks for its object and a phrase follows ("what do
  you do *for fun*?" -> "I do bouldering for fun");
- at the end otherwise, with "in"/"to" for "where" ("I'm moving to Glasgow").

Time adverbs that closed the question ("next", "these days") close the statement.
"Any pets?" + "two rabbits" says what the user has.

>>> wh_answer("Which airport will you leave from", "Gatwick")
'I will leave from Gatwick'
>>> wh_answer("What do you do for fun", "rock climbing")
'I do rock climbing for fun'
>>> wh_answer("Where are you travelling next", "Santiago")
"I'm travelling to Santiago next"
>>> wh_answer("Any pets at home", "two rabbits")
'I have two rabbits at home'
>>> wh_answer("What are you into", "board games"), wh_answer("Which city are you based in", "Oslo")
("I'm into board games", "I'm based in Oslo")
>>> wh_answer("Why do you ask", "no reason") is None
True
>>> wh_answer("Any questions", "none for now") is None
True
"""

from __future__ import annotations

import re

__all__ = ["EMPHASIS", "NOUN_LIST", "wh_answer", "trim_reply"]

_WH = re.compile(r"^(what|which|where|who|whom|how|when)(?:\s+(?:kind|sort|type|kinds|sorts|"
                 r"types)\s+of)?(?:\s+(?!(?:do|does|did|will|would|are|were|have|can)\b)"
                 r"[\w-]+){0,2}?\s+(do|did|will|would|are|were|have|can)\s+you\s+(.+)$", re.I)
_ANY = re.compile(r"^(?:(?:do you have|have you got|got)\s+)?any\s+([\w-]+(?:\s+[\w-]+)?)"
                  r"((?:\s+(?:at|in|on)\s+[\w\s-]+)?)$", re.I)
_COUNTED = re.compile(r"^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|"
                      r"a couple of|several|\d+)\s+\w", re.I)
_PREP = {"to", "from", "with", "for", "in", "at", "on", "about", "into", "by", "of", "as"}
_MOTION = re.compile(r"^(?:go|going|went|move|moving|moved|travel|travelling|traveling|"
                     r"head|heading|fly|flying|relocate|relocating|drive|driving)\b", re.I)
_TAIL_TIME = re.compile(r"\s+((?:next|now|currently|these days|nowadays|usually|normally|"
                        r"at the moment|right now|this (?:year|summer|winter|weekend)|"
                        r"most days|on weekends))$", re.I)
_PAST = {"grow": "grew", "go": "went", "get": "got", "meet": "met", "buy": "bought",
         "have": "had", "do": "did", "make": "made", "take": "took", "come": "came",
         "see": "saw", "find": "found", "leave": "left", "begin": "began", "study": "studied",
         "fly": "flew", "drive": "drove", "ride": "rode", "eat": "ate", "spend": "spent",
         "learn": "learned", "live": "lived", "work": "worked", "move": "moved"}
_AUX = {"do": "I", "did": "I", "will": "I will", "would": "I would", "are": "I'm",
        "were": "I was", "have": "I have", "can": "I can"}
# What a reply adds after its answer that is not part of it: "Terrace, definitely".
# Words of emphasis after what was said: "Terrace, definitely", "Dog person, for sure".
EMPHASIS = r"definitely|for sure|of course|obviously|100\s*%"
_TRAILING = re.compile(r",?\s+(?:" + EMPHASIS + r"|always|always have|"
                       r"no question|hands down|easily|probably|i guess|i think|"
                       r"please|thanks|thank you|tbh|honestly|lol|haha|ha|mostly|i reckon|"
                       # a hedge on how often, no condition: "twice a week if I'm lucky"
                       r"if\s+i'?m\s+lucky|if\s+i\s+can|if\s+possible|every\s+time|"
                       r"if\s+i'?m\s+(?:being\s+)?honest|"
                       # a sigh or a shrug about it: "Leeds, sadly", "accountant, for my sins"
                       r"sadly|unfortunately|annoyingly|thankfully|luckily|happily|"
                       r"for\s+(?:my|our)\s+sins|i'?m\s+afraid|god\s+help\s+me|bless\s+(?:him|her|them))"
                       r"[\s.!]*$", re.I)


# A reply that only names things, no verb: "my husband and our three dogs" answers
# "who do you live with?" ("my wife is a nurse" says something of its own).
_NP = r"(?:my|our|the|a|an|two|three|four|five|\d+)\s+(?:[\w-]+\s+){0,2}?(?!is\b|are\b|has\b)[\w-]+"
NOUN_LIST = re.compile(rf"^{_NP}(?:(?:,|\s+and|\s+&)\s+(?:{_NP}|(?!is\b|are\b)[\w-]+))+$", re.I)


def trim_reply(reply: str) -> str:
    """The reply without the emphasis or courtesy after its answer.

    >>> trim_reply("Terrace, definitely."), trim_reply("Celtic, always have")
    ('Terrace', 'Celtic')
    """
    prev, r = None, reply.strip().rstrip(".!")
    while prev != r:
        prev, r = r, _TRAILING.sub("", r).strip().rstrip(".!")
    return r


def wh_answer(question: str, reply: str) -> str | None:
    """The first-person statement ``reply`` makes in answer to ``question`` (no "?")."""
    q = question.strip().rstrip("?").strip()
    m = _ANY.match(q)
    if m:  # only a counted reply says what the user has: not "none", not "hiking"
        return f"I have {reply}{m.group(2)}" if _COUNTED.match(reply) else None
    m = _WH.match(q)
    if not m or m.group(1).lower() in ("why",):
        return None
    wh, aux, vp = m.group(1).lower(), m.group(2).lower(), m.group(3).strip()
    tail = _TAIL_TIME.search(vp)
    # "Santiago, in two weeks" says its own when: "next" is not added after it
    after = f" {tail.group(1)}" if tail and "," not in reply else ""
    vp = vp[:tail.start()] if tail else vp
    words = vp.split()
    if not words or any(w.lower() in ("you", "your", "me", "i") for w in words):
        return None  # "what can you tell me": about the assistant, not the user
    head = _AUX[aux]
    if aux == "did":  # "which city did you grow up in?" -> "I grew up in Cork"
        words[0] = _PAST.get(words[0].lower()) or (words[0] + ("d" if words[0].endswith("e")
                                                               else "ed"))
        vp = " ".join(words)
    if aux == "are" and not words[0].lower().endswith("ing") and words[-1].lower() not in _PREP:
        return None  # "what are you": not a phrase this can fill ("are you into" is one)
    if words[-1].lower() in _PREP:
        return f"{head} {vp} {reply}{after}"
    if wh in ("what", "which", "who", "whom") and len(words) > 1 \
            and words[1].lower() in _PREP - {"to"}:
        return f"{head} {words[0]} {reply} {' '.join(words[1:])}{after}"
    if wh == "where":
        prep = "to" if _MOTION.match(vp.split()[-1]) else "in"  # "(would like to) go"
        return f"{head} {vp} {prep} {reply}{after}"
    return f"{head} {vp} {reply}{after}"

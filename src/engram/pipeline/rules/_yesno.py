"""Yes/no questions and the short replies to them: "Do you drive?" - "yeah, an old Corolla".

A yes or a no turns the question into the user's own first-person statement ("I drive",
"I don't drive"); a reply that fills a blank of the question ("Are you allergic to
anything?" - "penicillin") puts its words in the blank. Read by :mod:`._answers`.

>>> yes_no("Do you still play the violin", False)
"I don't play the violin anymore"
>>> fill("Are you allergic to anything", "penicillin")
"I'm allergic to penicillin"
"""

from __future__ import annotations

import re

__all__ = ["YES", "NO", "YESNO", "BLANK", "echoed", "yes_no", "fill", "past_tense", "second_to_first",
           "gerund", "habit_ended", "hedged_yes"]

# "true"/"right"/"correct" before another word open an answer ("True crime", "Right
# by the station"), they do not confirm.
# A yes made strong is still a yes, a no made strong a no ("definitely not").
_STRONG = r"(?:absolutely|definitely|certainly|of course|hell|god|honestly)"
YES = re.compile(rf"^(?!{_STRONG}\s+not\b)(?:yes|yeah|yep|yup|sure|(?:correct|right|true)(?!\s+[a-z])|"
                 r"exactly|indeed|absolutely|definitely|of course|that'?s right|that'?s correct|y|ya|"
                 r"please do|go ahead)\b", re.I)
NO = re.compile(rf"^(?:{_STRONG}\s+(?:not|no)\b|no|nope|nah|not really|not at all|never|wrong|"
                r"incorrect|n|not(?=\s*(?:$|[,.!;])))\b", re.I)
# "Should I remember that you ...?", "So you ...?", "Just to confirm, you ...?"
_CONFIRM = re.compile(r"^(?:(?:(?:should|shall|can|may)\s+i|(?:would|do)\s+you\s+(?:like|want)\s+me\s+to)"
                      r"\s+(?:remember|note|save|keep in mind|make a note|"
                      r"write down|store)\s+(?:that\s+)?|(?:so|just to confirm|to confirm|"
                      r"to be clear|if i understand correctly|am i right that|is it true that|"
                      r"did you say|did you mean)\s*,?\s*(?:that\s+)?)(you\b.+)$", re.I)
_TAG = re.compile(r"^(you\b.+?),?\s+(?:right|correct|is that right|is that correct|yes)$", re.I)
YESNO = re.compile(r"^(do|are|have|were|did|can|will)\s+you\s+(.+)$", re.I)
# A yes/no question about a thing of the user's: "Is your flight on Friday?"
_IS_YOUR = re.compile(r"^(is|was)\s+your\s+((?:[a-z]+'s\s+)?[a-z]+)\s+(\S.*)$", re.I)
ASKED = re.compile(YESNO.pattern + r"|" + _IS_YOUR.pattern, re.I)  # either kind
_IRREGULAR_PAST = {"go": "went", "grow": "grew", "get": "got", "come": "came", "begin": "began",
                   "buy": "bought", "make": "made", "take": "took", "meet": "met", "leave": "left",
                   "find": "found", "learn": "learned", "spend": "spent", "teach": "taught",
                   "study": "studied", "live": "lived", "be": "was", "have": "had",
                   "do": "did", "see": "saw", "run": "ran", "write": "wrote", "know": "knew",
                   "give": "gave", "fly": "flew", "drive": "drove", "eat": "ate", "sell": "sold",
                   "win": "won", "lose": "lost", "hear": "heard", "pay": "paid", "feel": "felt",
                   "keep": "kept", "tell": "told", "say": "said", "think": "thought",
                   "quit": "quit", "put": "put", "cut": "cut", "set": "set", "shut": "shut",
                   "let": "let", "split": "split", "break": "broke", "give up": "gave up"}


def past_tense(phrase: str) -> str:
    """The phrase with its first verb in the past ("grow up" -> "grew up")."""
    verb, _, rest = phrase.partition(" ")
    low = verb.lower()
    past = _IRREGULAR_PAST.get(low) or (low + "d" if low.endswith("e") else
                                        low[:-1] + "ied" if re.search(r"[^aeiou]y$", low)
                                        # one short vowel before the last consonant: "stopped"
                                        else low + low[-1] + "ed"
                                        if re.fullmatch(r"[^aeiou]+[aeiou][bdgmnprt]", low)
                                        else low + "ed")
    return f"{past} {rest}".strip()


def second_to_first(text: str) -> str:
    """you -> I, your -> my, yours -> mine (the question's words become the user's)."""
    text = re.sub(r"\byou'?re\b", "I'm", text, flags=re.I)
    text = re.sub(r"\byou'?ve\b", "I've", text, flags=re.I)
    text = re.sub(r"\byours\b", "mine", text, flags=re.I)
    text = re.sub(r"\byour\b", "my", text, flags=re.I)
    text = re.sub(r"\byourself\b", "myself", text, flags=re.I)
    text = re.sub(r"^you\b", "I", text, flags=re.I)
    text = re.sub(r"\b(?:to|with|for|about|at|than|like)\s+you\b(?!\s+(?:are|do|did|were)\b)",
                  lambda m: m.group(0)[:-3] + "me", text)
    return re.sub(r"\byou\b", "I", text, flags=re.I)


# An offer to go on doing something for the user: its answer is a standing wish.
_KEEP_ON = re.compile(r"^(?:should|shall|can)\s+i\s+(?:keep|continue|carry on|go on)\s+((?-i:[a-z]+)ing\b.+)$",
                      re.I)


def yes_no(q: str, yes: bool) -> str | None:
    m = _CONFIRM.match(q) or _TAG.match(q)
    if m:
        clause = second_to_first(m.group(1))
        return clause if yes else None  # a denial of a guess says little
    keep = _KEEP_ON.match(q)
    if keep:  # "should I keep suggesting X?" - "yes please": the user wants X kept coming
        return f"I {'want' if yes else 'do not want'} the assistant to keep {keep.group(1)}"
    mine = _IS_YOUR.match(q)
    if mine:  # "is your flight on Friday?" - "yes": my flight is; a "no" says little
        verb = mine.group(1).lower()
        return f"My {mine.group(2).lower()} {verb} {second_to_first(mine.group(3))}" if yes else None
    m = YESNO.match(q)
    if not m or re.match(r"(?:want|need|like)\s+me\b", m.group(2), re.I):
        return None  # "do you want me to book it?" is an offer, not a fact
    aux, rest = m.group(1).lower(), second_to_first(m.group(2))
    # "do you still play it, or could that go?": the second question is the assistant's
    rest = re.sub(r",\s+or\s+(?:could|can|should|would|will|shall|do|is|are|shall)\b.*$", "",
                  rest)
    if aux in ("can", "will") or re.search(r"\b(?:or)\b", rest):
        return None
    if aux == "are" and not yes and re.match(r"^still\s+", rest):  # "are you still on nights?"
        return f"I'm no longer {rest[6:]}"
    if aux == "are":
        return f"I'm {'' if yes else 'not '}{rest}"
    if aux == "were":
        return f"I was {'' if yes else 'not '}{rest}"
    if aux == "have":
        return f"I have {'' if yes else 'not '}{rest}"
    if aux == "did":
        return f"I {past_tense(rest)}" if yes else f"I did not {rest}"
    if not yes and re.match(r"^still\s+", rest):  # "do you still X?" - "no": no longer X
        return f"I don't {rest[6:]} anymore"
    return f"I {rest}" if yes else f"I don't {rest}"


# Words standing for the answer in a question: "allergic to anything", "any pets".
BLANK = re.compile(r"\b(?:anything|something|anyone|someone|anywhere|somewhere|"
                    r"any(?:\s+other)?\s+\w+)\b", re.I)
def fill(q: str, r: str) -> str | None:
    """"Are you allergic to anything?" + "penicillin" -> "I'm allergic to penicillin"."""
    m = re.match(r"^(do|are|have|did|were)\s+you\s+(.+)$", q, re.I)
    if not m or not BLANK.search(m.group(2)):
        return None
    aux = {"are": "I'm", "were": "I was", "have": "I have", "did": "I did"}.get(
        m.group(1).lower(), "I")
    # "any allergies I should know about" + "shellfish": "shellfish allergies"; the
    # relative clause is the assistant's reason for asking
    asked = _ASKERS.sub("", m.group(2))

    def answer(b: re.Match[str]) -> str:
        noun = re.match(r"any(?:\s+other)?\s+(\w+)$", b.group(0), re.I)
        # only a bare kind takes the noun ("shellfish allergies"); a reply that names its
        # own things ("two cats, Miso and Tofu") is whole
        if noun and noun.group(1).lower()[:4] not in r.lower() and "," not in r \
                and not re.match(r"(?:a|an|one|two|three|four|five|\d+)\s", r, re.I):
            return f"{r} {noun.group(1)}"
        return r

    return f"{aux} {BLANK.sub(answer, second_to_first(asked), count=1)}"


_ASKERS = re.compile(r"\s+(?:that\s+)?(?:i|we)\s+(?:should|need to|ought to|have to|must)\s+"
                     r"(?:know|be aware|\w+)(?:\s+(?:about|of|for|with|around|on|into))?$", re.I)  # "... account for"




def gerund(phrase: str) -> str:
    """The phrase with its first verb as a gerund: "smoke" -> "smoking", "play the
    violin" -> "playing the violin", "run" -> "running".

    >>> gerund("smoke"), gerund("play the violin"), gerund("run"), gerund("lie")
    ('smoking', 'playing the violin', 'running', 'lying')
    """
    verb, _, rest = phrase.partition(" ")
    low = verb.lower()
    if low.endswith("ie"):
        ing = low[:-2] + "ying"
    elif low.endswith("e") and not low.endswith(("ee", "ye", "oe")) and len(low) > 2:
        ing = low[:-1] + "ing"
    elif re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", low):  # one short vowel: "running"
        ing = low + low[-1] + "ing"
    else:
        ing = low + "ing"
    return f"{ing} {rest}".strip()


# A reply that says the habit asked about ended: "quit last year", "gave up in 2019".
_ENDED = re.compile(r"^(quit|stopped|gave up|gave it up|packed it in|packed in)\b\s*(.*)$", re.I)
_DO_YOU = re.compile(r"^do\s+you\s+(?:still\s+)?(.+)$", re.I)


def habit_ended(question: str, reply: str) -> str | None:
    """"Do you smoke?" + "quit last year" -> "I quit smoking last year".

    >>> habit_ended("Do you still play the violin", "stopped at uni")
    'I stopped playing the violin at uni'
    >>> habit_ended("Do you smoke", "only at parties") is None
    True
    """
    m, q = _ENDED.match(reply.strip()), _DO_YOU.match(question.strip())
    if not m or not q or re.search(r"\b(?:or|me|anything|any)\b", q.group(1), re.I):
        return None
    verb = "gave up" if m.group(1).lower().startswith(("gave", "packed")) else m.group(1).lower()
    tail = f" {m.group(2)}" if m.group(2) else ""
    return f"I {verb} {gerund(second_to_first(q.group(1)))}{tail}"


# A yes with a hedge: "mostly", "sort of", then perhaps what qualifies it.
_HEDGE = re.compile(r"^(mostly|mainly|largely|partly|sort of|kind of|more or less|pretty much)"
                    r"\b[\s,]*(.*)$", re.I)


def hedged_yes(question: str, reply: str) -> str | None:
    """"Are you vegetarian?" + "mostly, I eat fish sometimes" -> "I'm mostly vegetarian;
    I eat fish sometimes" (a "do you" question keeps the adverb in the usual place).

    >>> hedged_yes("Are you vegetarian", "mostly, I eat fish sometimes")
    "I'm mostly vegetarian; I eat fish sometimes"
    >>> hedged_yes("Do you cycle to work", "mostly")
    'I mostly cycle to work'
    """
    m, q = _HEDGE.match(reply.strip()), YESNO.match(question.strip())
    if not m or not q or q.group(1).lower() not in ("are", "do"):
        return None
    said = yes_no(question.strip(), True)
    if not said or re.search(r"\bor\b", said):
        return None
    how = m.group(1).lower()
    said = f"I'm {how} {said[4:]}" if said.startswith("I'm ") else f"I {how} {said[2:]}"
    rest = m.group(2).strip(" ,")
    if rest and not re.match(r"^(?:i|i'm|i've|we|but)\b", rest, re.I):
        return None  # "mostly Mondays" names a value: read as an answer elsewhere
    rest = re.sub(r"^but\s+", "", rest, flags=re.I)
    return f"{said}; {rest}" if rest else said


def echoed(q: str, r: str) -> str | None:
    """A yes or no said by echoing the question's verb ("I did", "we haven't"), or a yes
    said by how often ("twice, loved it"), else None.

    >>> echoed("Did you take the job", "I did"), echoed("Have you ever been to Peru", "twice")
    ('I took the job', 'I have been to Peru twice')
    """
    if not YESNO.match(q):
        return None
    echo = re.fullmatch(r"(?:(?:yes|yeah|yep|no|nope|nah),?\s+)?(?:i|we)\s+(?:did|do|am|have|was|will|can|"
                        r"had)(n't|\s+not)?(?:\s+(?:indeed|actually|yet))?", r, re.I)
    if echo:
        return yes_no(q, not echo.group(1))
    often = re.match(r"^(once|twice|(?:three|four|five|a few|a couple of|loads of|many|several|\d+)\s+times)\b",
                     r, re.I)
    said = yes_no(q, True) if often and re.match(r"^(?:have|did)\s+you\b", q, re.I) else None
    if not (said and often):
        return None
    said = re.sub(r"\s+(?:before|ever)$", "", re.sub(r"\bever\s+", "", said))
    return f"{said} {often.group(1).lower()}"

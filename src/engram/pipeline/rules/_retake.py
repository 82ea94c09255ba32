"""Corrections said as a fresh statement, without naming the value they replace.

"Wait, I got that wrong - I'm allergic to almonds" or the cleft "it's almonds I'm
allergic to" restate a frame ("Is allergic to ...") with a new value. The statement is
a correction because of how it is said (a correction opener, or a cleft that puts the
value in focus), and what it corrects is the held memory of the same subject whose
predicate opens with the same frame and differs only in a short value. No pair of
values is listed: the frame is read off the two texts.

>>> opens_correction("No wait, I'm allergic to almonds"), opens_correction("I love almonds")
(True, False)
>>> uncleft("it's almonds I'm allergic to")
"I'm allergic to almonds"
>>> uncleft("it's actually Bosch where I work")
'I work at Bosch'
>>> from engram.pipeline.base import Existing
>>> held = [Existing(0, "Lives in Leeds"), Existing(1, "Is allergic to cashews")]
>>> frame_target("Is allergic to almonds", held, set())
1
>>> frame_target("Is allergic to dust mites in spring", [Existing(0, "Is allergic")], set())
>>> frame_target("Has one son and one daughter", [Existing(0, "Has two sons")], set())
0
"""

from __future__ import annotations

import re

from engram.pipeline.base import Existing
from engram.pipeline.rules._diet import eaten_now
from engram.pipeline.rules._rewrite import article
from engram.pipeline.rules._slots import content_tokens, is_ending, is_negative, stem
from engram.pipeline.rules._swapped import swapped
from engram.pipeline.rules._topics import split_subject

__all__ = ["says_fix", "said_instead", "disputes", "puts_right", "opens_correction", "uncleft", "frame_target", "retimed", "retime_target", "reframed",
           "given_up", "WAS_ONCE"]

# A plan taken back by its own verb in the past: "Well, we were.", "I was, anyway."
WAS_ONCE = re.compile(r"^(?:well|or rather|or|at least)?,?\s*(?:we|i)\s+(?:were|was|did|had)"
                      r"(?:,?\s+(?:anyway|until\s+\w+|at\s+least))?[.!]*$", re.I)

# Openers that take back something said before. A bare "actually" or "sorry" is not
# one: "Actually, I'm thinking of learning Spanish" adds, it corrects nothing.
_OPENER = re.compile(
    r"^\s*(?:(?:no,?\s+)?wait\b|no\s+no\b|oops|whoops|(?:a\s+|one\s+|quick\s+|small\s+)?"
    r"correction\b|scratch that|my mistake|my bad|to clarify|let me correct\b|change of plans?\b|"
    r"(?:just\s+)?to correct (?:you|that|myself|the record)\b|that'?s\s+(?:wrong|not right|incorrect|"
    r"not correct|not true|out of date)\b|you(?:'ve|\s+have)?\s+got\s+(?:that|it|me)\s+wrong\b|"
    r"(?:sorry,?\s+|oh,?\s+|actually,?\s+)?i\s+(?:got\s+(?:that|it|this)\s+wrong|was wrong|"
    r"made a mistake|misspoke|mis-?typed|mixed\s+(?:that|them|it|those)\s+up|"
    r"told you wrong|gave you the wrong|meant(?:\s+to\s+say)?(?:\s+that)?\s+(?:i\b|my\b|we\b|our\b)))",
    re.I)
# "it's almonds (that) I'm allergic to": the value in focus, then the frame it fills.
_CLEFT = re.compile(
    r"^(?:no,?\s+)?it(?:'s|\s+is|\s+was)\s+(?:actually\s+|really\s+)?"
    r"(?P<x>(?:(?:a|an|the|my|our)\s+)?[\w'-]+(?:\s+[\w'-]+)??)\s+"
    r"(?P<rel>that\s+|which\s+|where\s+)?(?P<who>i|we)(?P<rest>'m\s+[^,]+|'re\s+[^,]+|\s+[^,]+)"
    r"(?:,.*)?$", re.I)
# What a cleft puts in focus is a thing: a determiner, a name, a number or a plural
# ("it's almonds I'm allergic to"); "it's amazing what we can do" is a verdict, no cleft.
_FOCUS = re.compile(r"^(?:(?:a|an|the|my|our)\s+\w|(?-i:[A-Z0-9])|(?:[\w'-]+\s+)?"  # "tree nuts"
                    r"(?!\w*(?:ous|ful|ing|ive|ic|al)s?$)[\w'-]+s$)(?!.*\b(?:what|when|where|how|why|who)$)", re.I)
_PREPOSITIONS = {"to", "for", "at", "in", "with", "on", "about", "from", "of", "into", "by"}
# Verbs of place take "in" when a cleft's "where" is spelled out; the rest take "at".
_IN_PLACE = re.compile(r"\b(?:live|lived|living|stay|stayed|staying|grew up|was born|"
                       r"am based|'m based|are based|'re based)$", re.I)


# "No, I work in Leith": a first reply that answers no question contradicts what is held;
# "I'm a midwife actually" puts right what the assistant took as held.
_NO_FIRST = re.compile(r"^\s*(?:no|nope|nah)\s*[,.!-]+\s*(?:i\b|i'm\b|my\b|it's\b)", re.I)
_ACTUALLY = re.compile(r",?\s+actually\s*[.!]*$", re.I)
# "I drive a Golf. Scratch that, I sold it": the sentence before, taken back by one that
# says what holds instead.
_SCRATCHED = re.compile(r"^(?:scratch|forget|ignore)\s+(?:that|what\s+i\s+(?:just\s+)?said)[,.!:\s-]+"
                       r"(?=(?:i|i'm|i've|we|we're|my|our)\b)", re.I)


def says_fix(sentence: str, challenged: bool, first: bool, answers_question: bool) -> bool:
    """Does the sentence put right what is held: after a challenge, with an opener of
    correction, or as a message's first sentence that denies ("No, I ...") or ends in
    "actually"?"""
    return (challenged and puts_right(sentence)) or opens_correction(sentence) or first and (
        (not answers_question and bool(_NO_FIRST.match(sentence))) or bool(_ACTUALLY.search(sentence)))


def said_instead(sentence: str) -> str | None:
    """What a sentence that takes back the one before says instead ("" for "Well, we
    were."), or None if it takes nothing back."""
    if WAS_ONCE.match(sentence):
        return ""
    return _SCRATCHED.sub("", sentence) if _SCRATCHED.match(sentence) else None


def opens_correction(sentence: str) -> bool:
    """Does the sentence open by taking back something said before?"""
    return bool(_OPENER.match(sentence))


def is_cleft(clause: str) -> bool:
    return uncleft(clause) is not None


def uncleft(clause: str) -> str | None:
    """The plain first-person statement a cleft says ("it's X I drive" -> "I drive X");
    None when the clause is no cleft or its frame takes no object."""
    m = _CLEFT.match(clause.strip().rstrip(".!"))
    if not m or not _FOCUS.match(m.group("x")):
        return None
    x, rest = m.group("x"), m.group("who") + m.group("rest").rstrip()
    if m.group("rel") and m.group("rel").strip().lower() == "where":
        return f"{rest} {'in' if _IN_PLACE.search(rest) else 'at'} {x}"
    last = rest.split()[-1].lower()
    # the frame must lack its object: "I'm allergic to", "I drive", not "I'm fine" nor
    # a whole clause ("it's a reminder that I'm not alone in this fight")
    if last in ("fine", "ok", "okay", "sure", "good", "right", "wrong") or len(rest.split()) < 2 \
            or (len(rest.split()) > 4 and last not in _PREPOSITIONS):
        return None
    return f"{rest} {x}"


def _lead(a: list[str], b: list[str]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def frame_target(fact: str, existing: list[Existing], used: set[int]) -> int | None:
    """Position of the memory a correction restates with a new value: the same subject,
    predicates that share two or more words of frame around one differing span (the
    value, at most three words a side): "Lives in X" / "Lives in Y", or, the value inside
    the frame, "Has two kids" / "Has three kids". The longest shared frame wins; a denial
    corrects nothing this way."""
    if is_negative(fact) or is_ending(fact):
        return None
    subject, predicate = split_subject(fact)
    new = predicate.lower().split()
    best: tuple[int, int] | None = None
    for pos, e in enumerate(existing):
        if pos in used or is_negative(e.text) or is_ending(e.text):
            continue
        e_subject, e_predicate = split_subject(e.text)
        old = e_predicate.lower().split()
        n = _lead(new, old)
        n += _lead(new[n:][::-1], old[n:][::-1])  # the frame's words after the value
        if e_subject != subject or n < 2 or _lead(new, old) < 1 or n in (len(new), len(old)) \
                or len(new) - n > 3 or len(old) - n > 3:
            continue
        if best is None or n > best[0]:
            best = (n, pos)
    return best[1] if best is not None else _recounted(subject, predicate, existing, used)


def _recounted(subject: str, predicate: str, existing: list[Existing],
               used: set[int]) -> int | None:
    """A frame of one word whose thing is said again with another count or company: "Has
    one brother and one sister" corrects "Has two brothers" (the same verb, the thing
    named again, and a word of the held memory gone). One such memory, or none."""
    new = predicate.lower().split()
    hits = []
    for pos, e in enumerate(existing):
        e_subject, e_predicate = split_subject(e.text)
        old = e_predicate.lower().split()
        if pos in used or e_subject != subject or is_negative(e.text) or is_ending(e.text) \
                or not old or old[0] != new[0] or not set(old) - set(new):
            continue
        if (content_tokens(e_predicate) & content_tokens(predicate)) - {stem(new[0])}:
            hits.append(pos)
    return hits[0] if len(hits) == 1 else None


# Kinds of time value: a new one replaces the held value of the same kind.
_TIME_KINDS = [re.compile(p, re.I) for p in (
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\b",
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    r"\b(?:spring|summer|autumn|fall|winter)\b",
    r"\b\d{1,2}(?::\d\d)?\s*(?:am|pm)\b",
    r"\bthe\s+\d{1,2}(?:st|nd|rd|th)\b",
)]
# "Actually it'll have to be September", "make it Friday": a plan's time moved, the plan
# left unnamed (it is the one said before that holds a time of the same kind).
_RETIME = re.compile(r"^(?:(?:actually|no|wait|sorry|oh|hmm|ok|okay)[,!]?\s+)*(?:it'?ll\s+(?:have\s+to\s+|"
                     r"need\s+to\s+)?be|it\s+will\s+(?:have\s+to\s+)?be|it\s+has\s+to\s+be|"
                     r"it'?s\s+(?:going\s+to\s+be|moved\s+to|been\s+moved\s+to)|"
                     r"(?:we'?ll|i'?ll)\s+(?:have\s+to\s+)?make\s+it|make\s+(?:it|that)|"
                     r"change\s+(?:it|that)\s+to|let'?s\s+(?:say|make\s+it))\s+"
                     r"(?:in\s+|on\s+|at\s+)?(?P<value>(?:the\s+)?[\w:]+(?:\s*(?:am|pm))?)"
                     r"(?:\s*(?:,|\bbecause\b|\bas\b|\bsince\b)\s.*)?$", re.I)  # a reason after it


def _kind(value: str) -> int | None:
    return next((k for k, p in enumerate(_TIME_KINDS) if p.fullmatch(value.strip())), None)


def retimed(clause: str) -> str | None:
    """"Meant September" for a clause that moves an unnamed plan to a new time.

    >>> retimed("it'll have to be September"), retimed("make it 7pm"), retimed("it'll be fine")
    ('Meant September', 'Meant 7pm', None)
    """
    m = _RETIME.match(clause.strip().rstrip(".!"))
    if not m or _kind(m.group("value")) is None:
        return None
    return f"Meant {m.group('value')}"


def retime_target(value: str, existing: list[Existing], used: set[int]) -> tuple[int, str] | None:
    """(position, new text) of the latest memory holding a time of ``value``'s kind,
    the batch's own facts (said last) before the held ones.

    >>> retime_target("September", [Existing(0, "Is going to Crete in June"),
    ...                              Existing(1, "Plays squash on Mondays")], set())
    (0, 'Is going to Crete in September')
    """
    kind = _kind(value)
    if kind is None:
        return None
    pattern = _TIME_KINDS[kind]
    order = sorted(range(len(existing)), key=lambda p: (existing[p].ref >= 0, -p))
    for pos in order:
        text = existing[pos].text
        old = pattern.search(text)
        if pos in used or old is None or old.group(0).lower() == value.lower():
            continue
        return pos, text[:old.start()] + value + text[old.end():]
    return None


# A plan: what the user will do, or is about to.
_PLAN = re.compile(r"^(?:will|is going to|plans to|is planning|is (?:flying|arriving|leaving|"
                   r"travel+ing|driving|heading|getting|coming|going|moving|starting)\b)", re.I)


def moved_plan(fact: str, existing: list[Existing], used: set[int]) -> tuple[int, str] | None:
    """(position, new text) of the plan a changed plan moves to a new time: "Will arrive
    on the 5th now" after "Will be in Rome on the 3rd" leaves "Will be in Rome on the 5th".
    The caller has checked that the fact says it changed; both must be plans of one
    subject, and the time of the same kind (a date for a date, a month for a month).

    >>> moved_plan("Will land on the 9th now", [Existing(0, "Will be in Oslo on the 7th"),
    ...                                         Existing(1, "Plays darts on the 1st")], set())
    (0, 'Will land in Oslo on the 9th')
    """
    subject, predicate = split_subject(fact)
    if not _PLAN.match(predicate):
        return None
    for pattern in _TIME_KINDS:
        new = pattern.search(predicate)
        if new is None:
            continue
        for pos in sorted(range(len(existing)), key=lambda p: (existing[p].ref >= 0, -p)):
            e_subject, e_predicate = split_subject(existing[pos].text)
            old = pattern.search(existing[pos].text)
            if pos in used or old is None or e_subject != subject \
                    or not _PLAN.match(e_predicate) or old.group(0).lower() == new.group(0).lower():
                continue
            return pos, _in_own_words(fact, new, existing[pos].text)
    return None


_WHERE = re.compile(r"\b(?:in|to|at)\s+(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)*")


def _in_own_words(fact: str, when: re.Match[str], held: str) -> str:
    """The moved plan told in the fact's words, with the place of the held plan when the
    fact names none: "Will arrive on the 5th now" + "Will be in Rome on the 3rd" -> "Will
    arrive in Rome on the 5th" (the held words with a new date read as the old plan)."""
    where = _WHERE.search(held)
    text = fact
    if where and not _WHERE.search(fact):
        head = fact[:when.start()].rstrip()
        prep = re.search(r"\s(?:on|in|at|by|for)$", head)  # the place goes before "on the 5th"
        cut = prep.start() if prep else len(head)
        text = f"{head[:cut]} {where.group(0)}{head[cut:]} {fact[when.start():]}"
    return re.sub(r",?\s+(?:now|instead)$", "", text)


# A change that names only the new value: "Switched to a Pixel". The held memory says
# which frame the value fills ("Uses an iPhone"), so the update keeps that frame and swaps
# the value. (A promotion keeps its own words: "Works as a senior analyst at X" is, to
# MiniLM, nearly the "junior analyst" memory it replaces, so it would read as stale.)
_SWITCHED = re.compile(r"^(?:(?:finally|just|recently)\s+)?(?i:switched|changed|upgraded|converted|"
                       r"went over|moved over)(?:\s+over)?\s+to\s+(?P<new>.+?)"
                       r"(?:\s+(?:last|this|yesterday|today|on|in|a\s+few|a\s+couple|recently|"
                       r"because|since|after|and|at\s+the\s+(?:start|end|beginning))\b.*)?$", re.I)
_USE_FRAME = re.compile(r"^(?P<verb>Uses|Drinks|Drives|Has|Owns|Plays|Eats|Takes|Reads|Watches|"
                        r"Prefers|Listens to|Works with|Is on)\s+(?P<old>.+)$")
def reframed(fact: str, held: str) -> str | None:
    """The held memory with the change's new value in its frame, else None.

    >>> reframed("Switched over to a Pixel last week", "Uses an iPhone")
    'Uses a Pixel'
    >>> reframed("Switched to decaf", "Lives in Leeds") is None
    True
    """
    m, frame = _SWITCHED.match(fact), _USE_FRAME.match(held)
    if m and frame:
        return f"{frame.group('verb')} {m.group('new')}"
    return swapped(fact, held) or _promoted(fact, held) or eaten_now(fact, held)


# A promotion names the new role; the employer of the held job stays ("Was promoted to
# team lead" against "Is a developer at Monzo" -> "Is a team lead at Monzo").
_PROMOTED = re.compile(r"^(?:was\s+|got\s+|has\s+been\s+|been\s+)?(?:just\s+)?promoted\s+to\s+"
                       r"(?:(?:a|an|the)\s+)?(?P<role>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)"
                       r"(?:\s+(?:last|this|yesterday|today|on|in|after|at|a\s+few)\b.*)?$", re.I)
_JOB_HELD = re.compile(r"^(?:is\s+(?:a|an)\s+|works\s+as\s+(?:a|an)\s+)[\w -]+?"
                       r"(?:\s+(?:at|for|with)\s+(?P<employer>(?-i:[A-Z])[\w&.'-]*(?:\s+(?-i:[A-Z])"
                       r"[\w&.'-]*)*))?$", re.I)


def _promoted(fact: str, held: str) -> str | None:
    """ "Is a team lead at Monzo" for "Was promoted to team lead" against a held job."""
    m, job = _PROMOTED.match(fact), _JOB_HELD.match(held)
    if m is None or job is None or re.search(r"\b(?:at|for|with)\s+(?-i:[A-Z])", fact):
        return None  # the promotion names its employer: the fact says it all
    role = m.group("role")
    at = f" at {job.group('employer')}" if job.group("employer") else ""
    return f"Is {article(role)} {role}{at}"


_CHANGED_MIND = re.compile(r"^(?:Has\s+)?changed (?:their|my|our) minds? about\b", re.I)


def given_up(fact: str, held: str) -> str:
    """What a changed mind about a held wish or plan leaves: "No longer wants to study
    law" for "Changed their mind about law" against "Wants to study law"; any other
    ending is kept in its own words.

    >>> given_up("Has changed their mind about law", "Wants to study law")
    'No longer wants to study law'
    >>> given_up("Sold the piano", "Plays the piano")
    'Sold the piano'
    """
    verb = held.split()[0] if held.split() else ""
    if not _CHANGED_MIND.match(fact) or not re.fullmatch(r"(?-i:[A-Z][a-z]+s)", verb):
        return fact
    return f"No longer {held[0].lower()}{held[1:]}"


# A sentence of its own that disputes what the assistant holds ("Where did you get
# that?", "That's old news!"): the statement after it puts the memory right.
_DISPUTE = re.compile(r"^(?:(?:no|nope|um|hmm|wait)[,.!]*\s+)?(?:where did you get that|who told you that|"
                      r"where(?:'s| is| did) that (?:come from|from)|that'?s (?:not (?:right|true|correct)|"
                      r"wrong|old (?:info|news)|out of date|outdated)|not true|i never said that|"
                      r"you(?:'ve| have)? got (?:that|it) wrong)\s*[?!.]*$", re.I)


def disputes(sentence: str) -> bool:
    """Is the sentence only a challenge to what is held?

    >>> disputes("Where did you get that?"), disputes("Where did you get that jacket?")
    (True, False)
    """
    return bool(_DISPUTE.match(sentence.strip()))


_ADDS = re.compile(r"\b(?:also|too|as well)\b", re.I)


def puts_right(sentence: str) -> bool:
    """After a challenge, does the sentence replace what was held? "I also like blues"
    adds to it instead."""
    return not _ADDS.search(sentence)

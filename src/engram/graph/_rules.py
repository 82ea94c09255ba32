"""Offline graph extraction: grammatical patterns over each clause (no model).

The subject of a clause is the speaker ("I ..."), a relative ("my sister Anna ..."), a
capitalised name ("Anna works at ..."), or a pronoun standing for the last person named.
Predicates are a small table of verb frames; objects of place/organisation frames must be
capitalised names, so "I live in a flat" gives no relation while "I live in Lisbon" does.

>>> [(t.source, t.relationship, t.target) for t in
...  extract_triples("My sister Anna is a nurse in Chicago.", "user")]
[('user', 'sister', 'Anna'), ('Anna', 'works_as', 'nurse'), ('Anna', 'lives_in', 'Chicago')]
>>> [(t.relationship, t.target, t.negated) for t in
...  extract_triples("I quit my job at Google and moved to Berlin", "user")]
[('works_at', 'Google', True), ('lives_in', 'Berlin', False)]
"""

from __future__ import annotations

import re

from engram._types import Message
from engram.graph._model import PETS, RELATION_NOUNS, GraphExtraction, Triple

__all__ = ["RulesGraphExtractor", "extract_triples"]

_NAME = r"[A-Z][\w'&-]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w'&-]*)*"
_ADJ = r"(?:best|older|younger|little|big|elder|twin|step|ex|new|old|baby)"
_REL = "|".join(sorted(RELATION_NOUNS))
_MY_REL = re.compile(rf"\b(?i:my)\s+(?i:{_ADJ}\s+)?((?i:{_REL}))\s+({_NAME})")
_OCCUPATIONS = set("""nurse doctor teacher engineer lawyer chef cook dentist pilot architect
designer developer programmer accountant pharmacist scientist researcher professor student
writer artist musician painter photographer journalist editor manager consultant analyst
mechanic electrician plumber carpenter farmer firefighter paramedic surgeon vet
veterinarian librarian cashier barista waiter waitress baker driver soldier officer
therapist counselor counsellor psychologist nanny tutor coach trainer actor actress dancer
singer receptionist secretary banker""".split())  # noqa: SIM905 (a word list reads better as text)
_NOT_OCCUPATIONS = {"vegetarian", "member", "fan", "lover", "beginner", "believer", "user",
                    "owner", "mother", "father", "brother", "sister", "daughter", "other",
                    "number", "winner", "partner", "sucker", "foodie", "introvert", "extrovert"}
_STOP_NAMES = {"I", "The", "This", "That", "It", "We", "My", "Our", "He", "She", "They",
               "There", "What", "When", "Where", "Who", "Why", "How", "Yes", "No", "Oh", "Hi",
               "Hey", "Thanks", "Thank", "Wow", "And", "But", "So", "Also", "Just", "Well",
               "Today", "Yesterday", "Tomorrow", "Last", "Next", "Monday", "Tuesday",
               "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mom", "Dad"}
_NEG = r"(?:no longer|not|never|don't|doesn't|do not|does not)\s+"
# (pattern on the predicate, relationship, target type, negated); group 1 is the object.
_FRAMES: list[tuple[re.Pattern[str], str, str, bool]] = [
    (re.compile(p, re.I if flags else 0), rel, typ, neg) for p, rel, typ, neg, flags in [
        (rf"\b{_NEG}(?:lives?|living)\s+in\s+({_NAME})", "lives_in", "place", True, 0),
        (rf"\bmoved\s+(?:out\s+of|away\s+from)\s+({_NAME})", "lives_in", "place", True, 0),
        (rf"\b(?:left|quit)\s+(?:(?:my|his|her|the|their)\s+job\s+(?:at|with)\s+)?({_NAME})",
         "works_at", "organisation", True, 0),
        (rf"\b{_NEG}(?:works?|working)\s+(?:at|for)\s+({_NAME})", "works_at", "organisation",
         True, 0),
        (rf"\b(?<!no longer )(?<!not )(?:lives?|living|lived)\s+in\s+({_NAME})", "lives_in",
         "place", False, 0),
        (rf"\b(?:moved|moving|relocated|relocating)\s+(?:back\s+)?to\s+({_NAME})", "lives_in",
         "place", False, 0),
        (rf"\b(?<!not )(?:works?|working|worked|started)\s+(?:at|for)\s+({_NAME})", "works_at",
         "organisation", False, 0),
        (rf"\b(?:job|position|internship)\s+(?:at|with)\s+({_NAME})", "works_at",
         "organisation", False, 0),
        (r"\b(?:works?|working)\s+as\s+(?:a|an)\s+((?:\w+\s+)?\w+)", "works_as", "occupation",
         False, 1),
        (rf"\b(?:is|am|'m|was|are)\s+(?:originally\s+)?from\s+({_NAME})", "from", "place",
         False, 0),
        (rf"\b(?:married|engaged)\s+to\s+({_NAME})", "married_to", "person", False, 0),
        (rf"\b(?:studies|studying|study|studied)\s+at\s+({_NAME})", "studies_at",
         "organisation", False, 0),
        (rf"\b(?:visited|visiting|went\s+to|trip\s+to|travel(?:l?ed)?\s+to)\s+({_NAME})",
         "visited", "place", False, 0),
        (rf"\b(?:member\s+of|joined|volunteer(?:s|ed|ing)?\s+at)\s+({_NAME})", "member_of",
         "organisation", False, 0),
    ]
]
_BE_A = re.compile(r"\b(?:is|am|'m|was|are|became|become)\s+(?:now\s+)?(?:a|an)\s+"
                   r"((?:(?!(?:at|in|for)\b)[a-z-]+\s+)?(?!(?:at|in|for)\b)([a-z-]+))\b"
                   r"(?:\s+(at|in|for)\s+(" + _NAME + "))?")
# Any other "<verb> at/in/to/with <Name>": "went camping at Yosemite" -> camping_at.
_GENERIC = re.compile(r"\b([a-z]+)\s+(at|in|to|with|from)\s+(?:the\s+)?(" + _NAME + ")")
_LIKES = re.compile(r"\b(?:likes?|loves?|enjoys?|adores?)\s+((?:[a-z-]+\s+){0,2}[a-z-]+s)\b")


def _occupation(phrase: str, head: str) -> bool:
    head = head.lower()
    if head in _NOT_OCCUPATIONS:
        return False
    return head in _OCCUPATIONS or head.endswith(("ist", "er", "or", "ian"))


def _clauses(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?;])\s+|\s*[;:]\s*|,?\s+(?:and|but|so|then)\s+(?=(?:I|i|she|he|"
                     r"my|My|[A-Z]\w+)\b)|\n+", text)
    return [p.strip(" .!?,") for p in parts if p and p.strip(" .!?,")]


def _subject(clause: str, speaker: str, last: str | None) -> tuple[str | None, str, str]:
    """(subject name or None, its type, the predicate text)."""
    m = re.match(r"^(?:(?:and|so|but|also|now|then|actually|well)\s*,?\s+)*(I'm|I've|I'd|"
                 r"I'll|we're|I|we)\b", clause, re.I)
    if m:
        rest = clause[m.end(1):]
        if m.group(1).lower() in ("i'm", "we're"):
            rest = " am" + rest
        return speaker, "person", rest
    m = re.match(rf"^(?i:my)\s+(?i:{_ADJ}\s+)?((?i:{_REL}))\s+({_NAME})", clause)
    if m:
        typ = "animal" if m.group(1).lower() in PETS else "person"
        return m.group(2), typ, clause[m.end():]
    m = re.match(rf"^({_NAME})(?='s\b|\s+[a-z])", clause)
    if m and m.group(1).split()[0] not in _STOP_NAMES:
        rest = clause[m.end():]
        return m.group(1), "person", (" is" + rest[2:]) if rest.startswith("'s") else rest
    m = re.match(r"^(she|he|she's|he's)\b", clause, re.I)
    if m and last:
        rest = clause[m.end():]
        return last, "person", (" is" + rest) if m.group(1).endswith("'s") else rest
    return None, "thing", clause


def extract_triples(text: str, speaker: str, message: int = 0) -> list[Triple]:
    """Triples of one message's text; ``speaker`` stands for "I"."""
    out: list[Triple] = []
    last: str | None = None
    for clause in _clauses(text):
        for m in _MY_REL.finditer(clause):
            rel, name = m.group(1).lower(), m.group(2)
            if name.split()[0] in _STOP_NAMES:
                continue
            typ = "animal" if rel in PETS else "person"
            out.append(Triple(speaker, rel, name, "person", typ, message=message))
            last = name if typ == "person" else last
        subject, stype, pred = _subject(clause, speaker, last)
        if subject is None:
            continue
        if subject != speaker and stype == "person":
            last = subject
        found: set[tuple[str, str]] = set()
        for pat, rel, ttyp, neg in _FRAMES:
            for m in pat.finditer(pred):
                target = m.group(1).strip()
                if ttyp != "occupation" and target.split()[0] in _STOP_NAMES:
                    continue
                if (rel, target) in found:
                    continue
                found.add((rel, target))
                out.append(Triple(subject, rel, target, stype, ttyp, neg, message))
        be = _BE_A.search(pred)
        if be and not re.search(r"\b(?:not|no longer|never)\s+(?:a|an)\b", pred[:be.end()]):
            phrase, head = be.group(1), be.group(2)
            if _occupation(phrase, head) and ("works_as", phrase) not in found:
                out.append(Triple(subject, "works_as", phrase, stype, "occupation", False, message))
            if be.group(4):
                rel, ttyp = (("lives_in", "place") if be.group(3) == "in"
                             else ("works_at", "organisation"))
                if (rel, be.group(4)) not in found:
                    found.add((rel, be.group(4)))
                    out.append(Triple(subject, rel, be.group(4), stype, ttyp, False, message))
        for m in _GENERIC.finditer(pred):
            target = m.group(3)
            if target.split()[0] not in _STOP_NAMES and not any(t == target for _, t in found):
                found.add(("", target))
                out.append(Triple(subject, f"{m.group(1).lower()}_{m.group(2)}", target, stype,
                                  "place", False, message))
        for m in _LIKES.finditer(pred):
            out.append(Triple(subject, "likes", m.group(1), stype, "thing", False, message))
    return out


class RulesGraphExtractor:
    """Triples from the user's messages (``target="agent"``: the assistant's)."""

    name = "rules"

    def extract(self, messages: list[Message], target: str = "user") -> GraphExtraction:
        role = "assistant" if target == "agent" else "user"
        out = GraphExtraction()
        for msg in messages:
            if msg.role == role and msg.content.strip():
                speaker = msg.name or ("agent" if role == "assistant" else "user")
                out.triples += extract_triples(msg.content, speaker, msg.index)
        return out

"""One extracted fact -> the facts it holds: the splitting step after a clause's rewrite.

>>> expand("Loves jazz and plays the saxophone")
['Loves jazz', 'Plays the saxophone']
"""

from __future__ import annotations

import re

from engram.pipeline.rules import _facts as F
from engram.pipeline.rules._coordination import (
    split_comma_predicates,
    split_paired_objects,
    split_possessions,
    split_present_verbs,
)
from engram.pipeline.rules._corrections import MEANT
from engram.pipeline.rules._inferred import inferred_facts
from engram.pipeline.rules._rewrite import PAST_FORMS
from engram.pipeline.rules._subjects import NOT_NAMES
from engram.pipeline.rules._topics import split_subject

__all__ = ["expand"]


# ", pretty cool" after a fact: the speaker's verdict on it, not part of it.
_VERDICT_TAIL = re.compile(r",\s+(?:(?:pretty|so|really|very|quite|super|kinda)\s+)?(?:cool|good|fun|"
                           r"great|nice|interesting|awful|bad|boring|amazing|weird|wild|"
                           r"lovely|sad|funny|fascinating|feeling (?:great|good|awful|tired|"
                           r"amazing|better))(?:\s+(?:stuff|thing|things|one|"
                           r"read|place|show|book|film|movie))?$", re.I)


# ", too jumpy" (the reason, said short), ", never have" (the denial said again) and
# ", it was for the best" (a verdict on what was done)
_SHORT_TAIL = re.compile(r",\s+(?:(?:it|that)(?:'s|\s+was|\s+is)\s+(?:for\s+the\s+best|worth\s+it|a\s+relief|"
                         r"about\s+time|long\s+overdue)|(?:way\s+)?too\s+[a-z-]+|(?:never|always)\s+(?:have|has|had|did|do|does|"
                         r"will|was|am)|which\s+(?:is|was|has\s+been)\s+(?:a\s+|so\s+|really\s+|pretty\s+|"
                         # ", which is terrifying but amazing": how it feels, one word or two
                         r"quite\s+|kind\s+of\s+|a\s+bit\s+)?(?-i:[a-z-]+)(?:\s+but\s+(?:so\s+|really\s+)?"
                         r"(?-i:[a-z-]+))?)$", re.I)


_AGE_AND = re.compile(r"^((?:[A-Z][a-z]+\s+){0,2}(?i:is))\s+(\d{1,2}|1[01]\d)(?:\s+(?:now|today|this\s+year))?\s+and\s+"
                      r"((?!(?:a|an|the)\s+half\b)[a-z][\w\s-]+)$")


def _age_and(fact: str) -> list[str]:
    """"Daughter is 12 and obsessed with horses" -> the age, and the state; "Gary is 84
    and still mows his lawn" -> the age, and what he does (a verb takes no "is")."""
    m = _AGE_AND.match(fact)
    if not m:
        return [fact]
    subject = m.group(1)[:-len("is")].strip()
    rest = m.group(3)
    verb = re.sub(r"^(?:still|also|always|never|often|usually)\s+", "", rest).split()[0]
    does = re.fullmatch(r"[a-z]{2,}[^s'u]s", verb) is not None
    return [f"{m.group(1)} {m.group(2)}",
            f"{subject} {rest}".strip() if does else f"{m.group(1)} {rest}"]


# "Mum lives in Cork and their dad in Galway": the second kin's verb is left out (gapped)
_GAPPED = re.compile(r"^(?P<left>.+?\s(?P<p>in|at|near|with|for|on)\s.+?)\s+and\s+(?:their|his|her)\s+"
                     r"(?P<kin>(?:[\w-]+\s+)?(?P<rel>[a-z]+))(?P<name>\s+(?-i:[A-Z])[\w'-]+)?\s+(?P=p)\s+"
                     r"(?P<o>[^,]+)$")


# Names after what was got or had, counted: "..., two kittens from the shelter, Salt and Pepper".
_ONE_NAME = r"(?-i:[A-Z])[a-z][\w'-]*"
_NAMED_AFTER = re.compile(r"^(?P<head>(?!Has\b).*?\b(?P<n>(?i:a|an|one|two|three|four|five|\d+))\s+(?P<noun>[a-z-]+)\b.*?),\s+"
                          rf"(?P<names>{_ONE_NAME}(?:,\s*{_ONE_NAME})*(?:,?\s+and\s+{_ONE_NAME})?)$")
_TAKEN_IN = re.compile(r"^(?:adopted|rescued|fostered|took in|brought home|got|bought)\b", re.I)
_HAS_NOT = re.compile(r"^((?:Only\s+)?(?i:has)\s+(?!no\b).+?),\s+(?:but\s+)?no\s+([a-z]+(?:\s+[a-z]+)?)$")


def _gapped(fact: str) -> list[str] | None:
    """Both kin's facts of a gapped clause: "Dad lives in Galway" from the second half."""
    m = _GAPPED.match(fact)
    if not m or m.group("rel") not in F.RELATIONS:
        return None
    head = m.group("left")[:m.group("left").rindex(f" {m.group('p')} ")].split()
    while head and (head[0].lower() in F.RELATIONS or head[0][0].isupper() and len(head) > 1
                    and head[1][0].isupper()):  # "Mum", "Sister Mia": the first subject
        head = head[1:]
    if not head or not re.fullmatch(r"[A-Za-z]+(?:s|ed)", head[0]):  # a verb said once
        return None
    verb = " ".join(head).lower()
    who = (m.group("kin") + (m.group("name") or "")).strip()
    return [m.group("left"), f"{who[0].upper()}{who[1:]} {verb} {m.group('p')} {m.group('o')}"]


def expand(fact: str) -> list[str]:
    """One fact as said -> the facts it holds (coordinations, lists, shared prepositions
    split; a verdict or short reason after it dropped; an inferred fact or two added)."""
    fact = _SHORT_TAIL.sub("", _VERDICT_TAIL.sub("", fact))
    # "..., lovely to get away": how it felt, no part of the fact
    fact = re.sub(r",\s+(?:so\s+|really\s+)?(?:lovely|nice|great|good|fun|weird|sad|strange)\s+to\s+"
                  r"(?:get|be|see|have|catch)\b[^,]*$", "", fact)
    # "Is vegetarian so that works": how it bears on what was asked, no part of the fact
    fact = re.sub(r",?\s+so\s+that(?:'s|\s+is)?\s+(?:works|helps|fine|good|perfect|handy|ideal)$", "", fact)
    # "Supports Arsenal, have done since they were a kid": how long, the verb said once
    fact = re.sub(r",\s+(?:and\s+)?(?:have|has|had)\s+(?:done|been)(?:\s+(?=(?:since|for|ever since)\b)|$)",
                  " ", fact).strip()
    if fact.startswith("Meant "):  # a value correction, applied by the reconciler as is
        return [fact] if MEANT.match(fact) else []
    fact = re.sub(r",\s*not\s+[\w\s'-]+$", "", fact)  # "Name is Robert, not Bob"
    aged = re.match(r"^Has an? (\d{1,2})-(?:year|yr)-old ([a-z]+),? (?:(?:called|named) )?((?-i:[A-Z])[\w'-]+)$", fact)
    if aged and F.is_relation(aged.group(2)):  # "Has a 3-year-old son, Theo": a son, and his age
        rel = aged.group(2)
        return [f"Has a {rel} named {aged.group(3)}", f"{rel.capitalize()} {aged.group(3)} is {aged.group(1)} years old"]
    named = _NAMED_AFTER.match(fact)
    if named and (F.is_relation(named.group("noun")) or _TAKEN_IN.match(named.group("head"))) \
            and not re.search(r"\b(?:named|called)\b", named.group("head")):
        # "Adopted two kittens from the shelter, Salt and Pepper": the names are the kittens'
        return [*expand(named.group("head")),
                f"Has {named.group('n').lower()} {named.group('noun').lower()} named {named.group('names')}"]
    has_not = _HAS_NOT.match(fact)  # "Only has sisters, no brothers": what one has and has not
    members = F.enumerated_members(fact) or _gapped(fact) or (
        [has_not.group(1), f"Has no {has_not.group(2)}"] if has_not else None)
    if members:
        return members
    out: list[str] = []
    # "born and raised in Cork" is one state, said in the past: never split
    fact = re.sub(r"\bborn and (raised|bred)\b", r"born-and-\1", fact)
    for a in (x for q in _comma_predicates(fact) for o in split_possessions(q)
              for r in split_paired_objects(o) for p in split_present_verbs(r)
              for v in F.split_verb_phrases(p)
              for y in _past_coordination(v)
              for z in F.split_adverbial_fragment(y) for x in F.split_origin(z)):
        for b in (y for x in F.split_shared_preposition(a) for y in F.split_graded_pair(x)):
            out.extend(F.split_lists(b))
    # "Is a 34-year-old paramedic": an age and a role
    out = [y for f in out for y in _aged(f)]
    # "First week at HSBC done": the job it began, which is what is worth keeping
    out = [_FIRST_AT.sub(r"Works at \1", f) if _FIRST_AT.match(f) else f for f in out]
    # "Daughter is 12 and obsessed with horses": an age, then a state of the same subject
    out = [y for f in out for y in _age_and(f)]
    # "Is 38" (from "I'm 38, married ...") is an age
    out = [re.sub(r"^((?:[A-Z][a-z]+\s+){0,2}(?i:is))\s+(\d{1,2}|1[01]\d)(?:\s+(?:now|as of .+|since .+))?$",
                  r"\1 \2 years old", f)
           for f in out]  # ("Son Leo is 7": the relation and the name)
    out = [re.sub(r"^Is born-and-(\w+)", r"Was born and \1", f).replace("born-and-", "born and ")
           for f in out]
    return out + [x for f in out for x in inferred_facts(f)]


def _comma_predicates(fact: str) -> list[str]:
    """Comma-joined verb phrases, of the speaker or of someone named first: "Husband is a
    paramedic, works nights" -> "Husband is a paramedic", "Husband works nights".

    >>> _comma_predicates("Husband is a paramedic, works nights")
    ['Husband is a paramedic', 'Husband works nights']
    """
    subject, predicate = split_subject(fact)
    if not subject or not fact.lower().startswith(subject + " "):
        return split_comma_predicates(fact)
    parts = split_comma_predicates(predicate[:1].upper() + predicate[1:])
    head = fact[:len(subject)]
    if len(parts) < 2 or any(re.fullmatch(r"Is \w+", p) for p in parts[1:]):
        return [fact]  # ", gutted" after news of Dev is the speaker's feeling, not his
    return [f"{head} {p[0].lower()}{p[1:]}" for p in parts]


def _past_coordination(fact: str) -> list[str]:
    """Past verb phrases joined by "and", with the subject said once: "Brother Jonas left
    Siemens and joined Bosch" -> one fact each, about him.

    >>> _past_coordination("Brother Jonas left Siemens and joined Bosch")
    ['Brother Jonas left Siemens', 'Brother Jonas joined Bosch']
    >>> _past_coordination("Jonas left Siemens and joined Bosch")
    ['Jonas left Siemens', 'Jonas joined Bosch']
    >>> _past_coordination("Sold the van and bought a bike")
    ['Sold the van', 'Bought a bike']
    """
    subject, predicate = split_subject(fact)
    named = re.match(r"^((?-i:[A-Z])[\w'-]+)\s+(\S.*)$", fact)  # a bare name: "Jonas left ..."
    if subject and fact.lower().startswith(subject + " "):
        head = fact[:len(subject)]
    elif named and not subject and _name_like(named.group(1)):
        head, predicate = named.group(1), named.group(2)
    else:
        return F.split_verb_coordination(fact)
    parts = F.split_verb_coordination(predicate)
    if len(parts) == 1 and not subject:  # a bare name with one verb phrase: as it was said
        return [fact]
    return [f"{head} {p[0].lower()}{p[1:]}" for p in parts]


def _name_like(word: str) -> bool:
    """A capitalised word that may be a name, not a verb or an adverb opening a fact
    ("Got married ...", "Finally upgraded ...")."""
    low = word.lower()
    return not (low in PAST_FORMS or low.endswith(("ed", "ly")) or low in NOT_NAMES)


_FIRST_AT = re.compile(r"^(?:Had their |Did their |Finished their )?[Ff]irst (?:day|week|month|shift|fortnight) "
                       r"(?:at|with) ((?-i:[A-Z])[\w&'.-]*(?:\s+(?-i:[A-Z])[\w&'.-]*){0,3})\b.*$")


def _aged(fact: str) -> list[str]:
    """"Is a 34-year-old paramedic" -> an age and a role.

    >>> _aged("Is a 34-year-old paramedic"), _aged("Is a paramedic")
    (['Is 34 years old', 'Is a paramedic'], ['Is a paramedic'])
    """
    m = re.match(r"^Is an? (\d{1,3})[- ]year[- ]old (.+)$", fact)  # "a 45 year old nurse" too
    if not m:
        return [fact]
    role = m.group(2)
    return [f"Is {m.group(1)} years old", f"Is {'an' if role[0] in 'aeiou' else 'a'} {role}"]

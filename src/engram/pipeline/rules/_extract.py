"""The offline extractor: messages -> short third-person facts, with provenance.

>>> from engram._types import Message
>>> from engram.pipeline.base import ExtractContext
>>> msgs = [Message("user", "Hi! I'm vegetarian, and I'm allergic to peanuts.", index=0)]
>>> [f.text for f in RulesExtractor().extract(msgs, ExtractContext())[0]]
['Is vegetarian', 'Is allergic to peanuts']
"""

from __future__ import annotations

import re

from engram._types import Message
from engram.pipeline._results import warn
from engram.pipeline.base import ExtractContext, Fact
from engram.pipeline.rules import _facts as F
from engram.pipeline.rules._rewrite import (
    PAST_FORMS,
    capitalise,
    pronouns_to_third,
    to_third_person,
)
from engram.pipeline.rules._sentences import (
    is_noise,
    is_question,
    split_clauses,
    split_sentences,
    strip_discourse,
)
from engram.pipeline.rules._slots import content_tokens

__all__ = ["RulesExtractor", "extract_texts"]

# Statements without "I" still matter when they schedule something for the user.
_WHEN = re.compile(r"\b(?:on (?:mon|tue|wed|thu|fri|sat|sun)\w*|at \d{1,2}(?::\d\d)?\s*"
                   r"(?:am|pm)?|tomorrow|tonight|next (?:week|month|year|\w+day))\b", re.I)
_EVENT = re.compile(r"^(?:the|my|our)\s+(?:\w+\s+)?(?:meeting|appointment|flight|interview|"
                    r"party|dinner|call|exam|wedding|trip|class|lesson|deadline|visit)\b",
                    re.I)
_AUX = {"is", "was", "are", "were", "has", "had", "will", "would", "can", "could", "does",
        "did", "doesn't", "didn't", "isn't", "wasn't", "won't", "can't", "should", "might"}
_INTRO = re.compile(r"\b(?:a|an|my|our)\s+(\w+)\s+(?:(?:called|named)\s+)?([A-Z][\w'-]+)")
_FRONTED = re.compile(r"^((?:for|at|in|on|during|after|before|since|with|when it comes to)\s+"
                      r"[\w' -]{1,30}?),?\s+((?:I|I'm|I've|we|we're)\s.+)$", re.I)
_POSSESSED = re.compile(r"^(?:someone|somebody|a|an|the|\w+)\s+(?:\w+\s+){0,2}?\w+(?:ed|ole|en)\s+"
                        r"(?:my|our)\b", re.I)
_PLACE = re.compile(r"\b(at|in|for)\s+([A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)*)")
_COMPOUND = re.compile(r"^((?i:my|our)\s+\w+(?:\s+[A-Z]\w+)?|[A-Z]\w+)\s+and\s+I\s+(.+)$")
_PRONOUN = re.compile(r"^(she's|he's|they're|she|he|they)(?!')\b\s*(.*)$", re.I)
_AGENT_CHATTER = re.compile(r"^(?:I'?ll|I will|let me|I can|I'?d be happy|I'?m happy|"
                            r"I'?m glad|I'?m sorry|I understand|I see|noted)\b", re.I)


def _is_verb(word: str, position: int) -> bool:
    low = word.lower()
    if low in _AUX or low in PAST_FORMS:
        return True
    if not word.isalpha() or word[0].isupper() or position == 0:
        return False
    return low.endswith("ed") or (low.endswith("s") and not low.endswith("ss"))


def _my_subject(clause: str) -> tuple[str, str] | None:
    """("Sister Anna", "is a nurse") from "my sister Anna is a nurse"."""
    m = re.match(r"^(?:my|our)\s+(.+)$", clause, re.I)
    if not m:
        return None
    words = m.group(1).split()
    for i, w in enumerate(words[:5]):
        if w.lower().endswith("'s") and i < 4 and len(w) > 2:  # "Anna's visiting"
            return capitalise(" ".join([*words[:i], w[:-2]])), " ".join(["is", *words[i + 1:]])
        if _is_verb(w, i):
            return capitalise(" ".join(words[:i])), " ".join(words[i:])
    return None


def _third_person_subject(clause: str, last_subject: str | None) -> tuple[str | None, str | None]:
    """(fact, subject) for "my sister Anna is ..." and "she's ..." clauses."""
    split = _my_subject(clause)
    if split:
        subject, rest = split
        return pronouns_to_third(f"{subject} {rest}"), subject
    m = _PRONOUN.match(clause)
    if m and last_subject:
        verb_rest = m.group(2)
        word = m.group(1).lower()
        if word.endswith("'s") or word.endswith("'re"):
            verb_rest = "is " + verb_rest
        return pronouns_to_third(f"{last_subject} {verb_rest}".strip()), last_subject
    return None, last_subject


def _clause_facts(clause: str, last_subject: str | None, question: str | None,
                  first_clause: bool) -> tuple[list[str], str | None]:
    out: list[str] = F.relation_facts(clause)
    request = F.standing_request(clause)
    if request:
        return [*out, request], last_subject
    if is_noise(clause):
        return out, last_subject
    m = _COMPOUND.match(clause)
    if m:  # "My wife Julia and I are thinking ..." -> "Is thinking ... with wife Julia"
        partner = re.sub(r"^(?:my|our)\s+", "", m.group(1), flags=re.I)
        fact = to_third_person("I " + re.sub(r"^are\b", "am", m.group(2)))
        return [*out, f"{fact} with {partner}"] if fact else out, last_subject
    fronted = _FRONTED.match(clause)
    if fronted:  # "For flights I prefer aisle seats" -> "I prefer aisle seats for flights"
        clause = f"{fronted.group(2)} {fronted.group(1)[0].lower()}{fronted.group(1)[1:]}"
    fact = to_third_person(clause)
    if fact and last_subject:  # "we're throwing her a party" -> "... Mom Rosa a party"
        fact = re.sub(r"\b(?:her|him)\b(?!\s+own)", last_subject, fact)
    if fact:
        intro = _INTRO.search(clause)
        if intro and intro.group(1).lower() in F.RELATIONS:
            last_subject = f"{capitalise(intro.group(1).lower())} {intro.group(2)}"
        return [*out, fact], last_subject
    fact, last_subject = _third_person_subject(clause, last_subject)
    if fact:
        return [*out, fact], last_subject
    if _POSSESSED.search(clause) and len(clause.split()) >= 4 and not _PRONOUN.match(clause):
        # "Someone stole my bike": about the user's things, told in the third person.
        return [*out, capitalise(pronouns_to_third(clause))], last_subject
    if _EVENT.match(clause) and _WHEN.search(clause):
        text = re.sub(r",\s*not\s+[^,]+$", "", clause)  # "..., not Tuesday" is a correction
        return [*out, capitalise(pronouns_to_third(text))], last_subject
    if question and first_clause and len(clause.split()) <= 6:
        answer = F.conjugated_answer(question, clause)
        if answer:
            return [*out, answer], last_subject
    return out, last_subject


def _expand(fact: str) -> list[str]:
    fact = re.sub(r",\s*not\s+[\w\s'-]+$", "", fact)  # "Name is Robert, not Bob"
    members = F.enumerated_members(fact)
    if members:
        return members
    out: list[str] = []
    for a in (x for y in F.split_verb_coordination(fact) for x in F.split_adverbial_fragment(y)):
        for b in F.split_shared_preposition(a):
            out.extend(F.split_lists(b))
    return out + [x for f in out for x in F.inferred_facts(f)]


def extract_texts(message: Message, question: str | None, agent: bool) -> list[str]:
    """Fact texts from one message; ``question`` is the preceding assistant question."""
    facts: list[str] = []
    last_subject: str | None = None
    place: tuple[str, str] | None = None  # ("at", "Spotify"): what "there" refers to
    for s_i, sentence in enumerate(split_sentences(message.content)):
        if is_question(sentence):
            continue
        # Leading markers go first: "Actually, I ..." is not a compound subject.
        for c_i, raw in enumerate(split_clauses(strip_discourse(sentence))):
            clause = strip_discourse(raw)
            if agent and _AGENT_CHATTER.match(clause):
                continue
            found, last_subject = _clause_facts(clause, last_subject, question,
                                                s_i == 0 and c_i == 0)
            for f in found:
                if place:
                    f = re.sub(r"\b(?:there|here)\b", f"{place[0]} {place[1]}", f)
                facts.extend(_expand(f.strip(" ,;:")))
            where = list(_PLACE.finditer(clause))
            if where:
                place = (where[-1].group(1), where[-1].group(2))
    # A fact needs two words and some content ("Has been" or "They they" is not one).
    return [f for f in facts if len(f.split()) >= 2 and content_tokens(f)]


class RulesExtractor:
    """Deterministic extractor: no model, grammar-driven rewriting of first-person text."""

    name = "rules"

    def extract(self, messages: list[Message],
                ctx: ExtractContext) -> tuple[list[Fact], list[str]]:
        """Facts and warnings (images cannot be read without a model)."""
        source_role = "assistant" if ctx.target == "agent" else "user"
        seen: dict[str, int] = {}
        facts: list[Fact] = []
        warnings: list[str] = []
        n_images = sum(len(m.images) for m in messages)
        if n_images:
            warn(warnings, f"image skipped: {n_images} image(s) not described (no LLM configured)")
        question: str | None = None
        for msg in messages:
            if msg.role == source_role:
                for text in extract_texts(msg, question, ctx.target == "agent"):
                    key = re.sub(r"\W+", " ", text.lower()).strip()
                    sid = str(msg.index)
                    if key in seen:
                        old = facts[seen[key]]
                        if sid not in old.source_ids:
                            facts[seen[key]] = Fact(old.text, (*old.source_ids, sid))
                        continue
                    seen[key] = len(facts)
                    facts.append(Fact(text, (sid,)))
            if msg.role != "system":
                question = msg.content if msg.content.rstrip().endswith("?") else None
        return facts, warnings

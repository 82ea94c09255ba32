"""The offline reconciler: facts x existing memories -> ADD/UPDATE/DELETE/NONE.

For each fact, in order, the first rule that applies wins:

1. the same text (normalised), or the same content words with the same polarity, is
   already held -> NONE;
2. the fact fills a single-valued slot an existing memory holds with another value
   (lives in, job, name, favourite X, relationship, diet, prefers <topic>) -> UPDATE;
3. the fact denies or ends what an existing memory states ("Stopped playing tennis" vs
   "Plays tennis on weekends") -> DELETE the old one and ADD the fact; the reverse
   (a positive fact against a stored denial) -> UPDATE;
4. a near-duplicate (similarity >= threshold, same polarity) -> NONE;
5. otherwise ADD.

An existing memory is updated or deleted at most once per call.

>>> from engram.pipeline.base import ExtractContext, Existing, Fact
>>> r = RulesReconciler()
>>> [(d.event, d.ref, d.text) for d in r.reconcile(
...     [Fact("Lives in Berlin")], [Existing(0, "Lives in Paris")], ExtractContext())[0]]
[('UPDATE', 0, 'Lives in Berlin')]
"""

from __future__ import annotations

import re

import numpy as np

from engram.pipeline.base import Decision, Existing, ExtractContext, Fact
from engram.pipeline.rules._agree import passing, same_frame
from engram.pipeline.rules._corrections import positive
from engram.pipeline.rules._ended import ended_words, with_what_ended
from engram.pipeline.rules._exclusive import exclusive_target, said_changed
from engram.pipeline.rules._facts import RELATIONS, TIED
from engram.pipeline.rules._instead import replaced_intention
from engram.pipeline.rules._limited import limited
from engram.pipeline.rules._meant import meant_decision
from engram.pipeline.rules._nearest import nearest_change, nearest_corrected
from engram.pipeline.rules._phrases import only_qualifies
from engram.pipeline.rules._renumbered import renumbered
from engram.pipeline.rules._rescheduled import rescheduled
from engram.pipeline.rules._retake import frame_target, given_up, moved_plan, reframed
from engram.pipeline.rules._retied import retied
from engram.pipeline.rules._richer import richer_version, said_before
from engram.pipeline.rules._slots import (
    DEATH,
    Similarity,
    content_tokens,
    is_ending,
    is_negative,
    lexical_similarity,
    new_name,
    normalise,
    slot_of,
    slot_value,
    stem,
)
from engram.pipeline.rules._subjects import known_as
from engram.pipeline.rules._supersede import SLOT_ENDINGS, SWAP, superseded
from engram.pipeline.rules._theirs import spare_own
from engram.pipeline.rules._topics import as_said_of, split_subject

__all__ = ["RulesReconciler", "Similarity", "plan_decisions"]

def _slot_target(fact: str, existing: list[Existing], used: set[int]) -> int | None:
    subject, predicate = split_subject(fact)
    slot = slot_of(predicate)
    if slot is None:
        return None
    new = slot_value(predicate)
    for pos, e in enumerate(existing):
        e_subject, e_predicate = as_said_of(e.text)
        if pos in used or e_subject != subject or slot_of(e_predicate) != slot:
            continue
        old = slot_value(e_predicate)
        if new <= old:  # the same value said again (or less of it): not a change
            continue
        if slot[0] == "prefers" and not new & old:  # a preference about another topic
            continue
        return pos
    return None


# Verbs of liking deny one another: "Does not want to be called Liz" ends "Prefers to be
# called Liz", "Does not enjoy running" ends "Loves running".
_LIKING = frozenset(stem(w) for w in ("want", "prefer", "like", "love", "enjoy", "fancy",
                                      "adore"))


def _liking(tokens: frozenset[str]) -> frozenset[str]:
    return frozenset("like" if t in _LIKING else t for t in tokens)


_DIED = re.compile(r"^(?:sadly\s+)?(?:" + DEATH + r"|was put (?:down|to sleep))\b.*$", re.I)


def _denies(negative: str, positive: str) -> bool:
    """Does ``negative`` deny or end the state ``positive`` states?"""
    target = _liking(content_tokens(negative))
    if is_ending(negative):
        target = _liking(ended_words(negative))
    stated = _liking(content_tokens(positive))
    who, predicate = split_subject(negative)
    # a death ends the tie itself whatever it tells of how: "after the surgery"
    ended = next((slot for slot, p in SLOT_ENDINGS if p.search(predicate)), None)
    predicate = _DIED.sub("", predicate)
    if who and who.split()[0] in RELATIONS and ended and not content_tokens(predicate):
        # "Sister Hanna moved out" ends where she lives, not the job she got
        held = slot_of(split_subject(positive)[1])
        return held is not None and held[0] == ended
    if who and who.split()[0] in RELATIONS and content_tokens(predicate):
        # What a person ended is named after their name: "Brother Jonas left Siemens"
        # ends his job, not "Has a brother named Jonas" (a death, with nothing after
        # the name, ends the tie itself)
        target = _liking(content_tokens(predicate))
        stated = stated - content_tokens(who)
    shared = target & stated
    if not target or not shared or limited(negative, positive):
        return False
    # Everything the denial names is in the memory, or everything the memory says is
    # named by the denial ("Stopped being vegan in the spring" vs "Is vegan").
    return shared in (target, stated) or (len(shared) >= 2 and len(shared) >= 0.6 * len(target))


def _contradiction(fact: str, existing: list[Existing], used: set[int]) -> tuple[int, bool] | None:
    """(position, fact_is_negative) of the memory the fact contradicts, if any."""
    fact_neg = is_negative(fact) or is_ending(fact)
    for pos, e in enumerate(existing):
        if pos in used:
            continue
        old_neg = is_negative(e.text) or is_ending(e.text)
        if fact_neg and not old_neg and _denies(fact, e.text):
            return pos, True
        if old_neg and not fact_neg and is_negative(e.text) and _denies(e.text, fact) \
                and content_tokens(fact) <= content_tokens(e.text):
            return pos, False
    return None


def _corrected_by_sibling(i: int, facts: list[Fact]) -> bool:
    """The next fact of the batch restates the denied fact's frame with a new value
    ("Is not a nurse", "Is a pharmacist"): a correction, not two facts."""
    right = positive(facts[i].text)
    if right is None or i + 1 >= len(facts) or is_negative(facts[i + 1].text) \
            or re.search(r"\bany\b", facts[i].text):  # "Has no pets; has plants": no value
        return False
    return right.split()[0] == facts[i + 1].text.split()[0]


def _denies_removed(fact: str, existing: list[Existing], used: set[int]) -> bool:
    if not (is_negative(fact) or is_ending(fact)) \
            or re.match(r"^(?:does not have any|has no)\s+\w+s$", fact, re.I):
        return False  # "Has no brothers" stands on its own, whatever this add removed
    return any(pos in used and _denies(fact, e.text) for pos, e in enumerate(existing))


def _lead(a: str, b: str) -> int:
    """How many leading words two texts share ("Lives in X" / "Lives in Y": 2)."""
    n = 0
    for x, y in zip(a.lower().split(), b.lower().split(), strict=False):
        if x != y:
            break
        n += 1
    return n


def _sibling_says_it_better(i: int, facts: list[Fact], existing: list[Existing], pos: int,
                            used: set[int]) -> bool:
    """Another fact of the batch fills the same slot in the memory's own words, so it,
    not fact ``i``, should become the update."""
    old = existing[pos].text
    mine = _lead(facts[i].text, old)
    return any(j != i and _lead(f.text, old) > mine and _slot_target(f.text, existing, used) == pos
               for j, f in enumerate(facts))


def plan_decisions(facts: list[Fact], existing: list[Existing],
                   similarity: Similarity, threshold: float,
                   change_threshold: float | None = None) -> list[Decision]:
    """The pure planning step behind :class:`RulesReconciler`.

    Facts are planned in order, and each fact the batch adds becomes a neighbour of
    the facts after it: "I'm allergic to peanuts" then, two turns later, "sorry, tree
    nuts, not peanuts" leaves one allergy, as it would across two adds.
    ``change_threshold`` (an embedding cosine) lets a change fact that no word links to
    a memory replace its nearest held neighbour (``_nearest``); None: lexical only.
    """
    n_held = len(existing)
    existing = list(existing)
    # "Lena moved" is about the held "friend named Lena"; "Nadia is ..." about the user
    # named Nadia, held or named in this batch
    names = [e.text for e in existing] + [f.text for f in facts]
    facts = [Fact(known_as(f.text, names), f.source_ids, f.correction, f.change) for f in facts]
    sims = (np.asarray(similarity([f.text for f in facts], [e.text for e in existing]))
            if facts and existing else np.zeros((len(facts), len(existing))))
    used: set[int] = set()
    keys = [normalise(e.text) for e in existing]
    # Same content words and polarity ("Still lives in Chicago" / "Lives in Chicago") is a
    # duplicate whatever the similarity function says.
    # (an ending is a polarity too: "Goldfish Bubbles died" repeats no word of its tie but
    # "died", which is no content word)
    words = [(frozenset(content_tokens(e.text, drop_time=False)),
              is_negative(e.text) or is_ending(e.text)) for e in existing]
    out: list[Decision] = []
    batch: list[tuple[int, str, tuple[str, ...]]] = []  # facts this call added, in order
    for i, fact in enumerate(facts):
        src = fact.source_ids
        key = normalise(fact.text)
        same = (frozenset(content_tokens(fact.text, drop_time=False)),
                is_negative(fact.text) or is_ending(fact.text))
        if key in keys or (same[0] and same in words):
            held = keys.index(key) if key in keys else words.index(same)
            out.append(Decision("NONE", ref=existing[held].ref, fact=i, source_ids=src))
            continue
        again = said_before(fact.text, existing[:n_held])  # "Still at Asda" after "Works at Asda"
        if again is not None:
            out.append(Decision("NONE", ref=existing[again].ref, fact=i, source_ids=src))
            continue
        meant = meant_decision(fact.text, existing, used, similarity, change_threshold,
                               CHANGE_MARGIN)
        if meant is not None:
            out.append(Decision(meant.event, meant.text, meant.ref, i, src))
            continue
        if is_negative(fact.text) and _corrected_by_sibling(i, facts):
            # "Not allergic to nuts, it was shellfish": the denial only clears the way.
            pos = next((p for p, e in enumerate(existing) if p not in used
                        and not is_negative(e.text) and _denies(fact.text, e.text)), None)
            if pos is not None:
                used.add(pos)
                out.append(Decision("DELETE", ref=existing[pos].ref, fact=i, source_ids=src))
            out.append(Decision("NONE", fact=i, source_ids=src))
            continue
        pos = _slot_target(fact.text, existing, used)
        if pos is None:  # "Leo is in year 3 this year" after "Son Leo is in year 2"
            pos = renumbered(fact.text, existing, used)
        if pos is None:  # "Ravi is my cousin" after "Has a brother named Ravi"
            pos = retied(fact.text, existing, used)
        deferred = pos is not None and _sibling_says_it_better(i, facts, existing, pos, used)
        if deferred:
            pos = None  # "Moved to Berlin" leaves "Lives in Lisbon" to "Lives in Berlin"
        if pos is None and fact.correction:  # "wait, it's almonds I'm allergic to"
            pos = frame_target(fact.text, existing, used)
            if pos is None and change_threshold is not None:  # no frame word shared
                pos = nearest_corrected(fact.text, sims[i], existing, used, change_threshold,
                                        CHANGE_MARGIN)
        if pos is not None:
            used.add(pos)
            text = reframed(fact.text, existing[pos].text) or fact.text  # "promoted to X"
            out.append(Decision("UPDATE", text, existing[pos].ref, i, src))
            continue
        hit = _contradiction(fact.text, existing, used)
        if hit is not None:
            pos, fact_negative = hit
            used.add(pos)
            if fact_negative:  # "Graduated in May" keeps what was studied
                out.append(Decision("DELETE", ref=existing[pos].ref, fact=i, source_ids=src))
                out.append(Decision("ADD", with_what_ended(fact.text, existing[pos].text),
                                    None, i, src))
            else:
                out.append(Decision("UPDATE", fact.text, existing[pos].ref, i, src))
            continue
        moved = None if deferred or not (fact.change or fact.correction or SWAP.search(
            fact.text)) else moved_plan(fact.text, existing, used) \
            or rescheduled(fact.text, existing, used)  # "... on the 5th now"
        if moved is not None:
            used.add(moved[0])
            out.append(Decision("UPDATE", moved[1], existing[moved[0]].ref, i, src))
            continue
        # a denial leaves what its own message just said: "I eat fish, just not shellfish"
        said_with = {b[0] for b in batch if set(b[2]) & set(src)} \
            if is_negative(fact.text) and not fact.correction else set()
        change = None if deferred else superseded(  # a stay said "these days" is no move
            fact.text, existing, used | said_with, fact.change and not passing(fact.text))
        if change is None and not deferred and change_threshold is not None:
            change = nearest_change(fact.text, sims[i], existing, used, change_threshold,
                                    CHANGE_MARGIN, fact.change)
            if change is not None and (not same_frame(  # a visit near "Lives in Leeds"
                    fact.text, existing[change[0]].text, similarity,
                    ending=change[1] == "DELETE") or only_qualifies(fact.text, existing[change[0]].text)):
                change = None
        # "is at Klarna now" with "Works at Spotify" held; a stay or a meal out is no job
        if change is None and not deferred and change_threshold is not None \
                and said_changed(fact) and not passing(fact.text):
            pos = exclusive_target(fact.text, existing, used, similarity)
            # and both agree on it: "Has a new flatmate called Ola now" is no new home
            change = (pos, "UPDATE") if pos is not None and same_frame(
                fact.text, existing[pos].text, similarity) else None
        if change is None and not deferred:  # "... a greyhound instead" two turns on
            pos = replaced_intention(fact.text, src, [b for b in batch if b[0] not in used])
            change = (pos, "UPDATE") if pos is not None else None
        if change is not None:
            pos, event = change
            used.add(pos)
            state = reframed(fact.text, existing[pos].text)
            if event == "UPDATE" and state:  # "Switched to a Pixel": "Uses a Pixel", and the
                out.append(Decision("UPDATE", state, existing[pos].ref, i, src))  # event
                out.append(Decision("ADD", fact.text, None, i, src))
            elif event == "UPDATE":
                out.append(Decision("UPDATE", fact.text, existing[pos].ref, i, src))
            else:  # "Changed their mind about law" ends "Wants to study law": "No longer wants ..."
                out.append(Decision("DELETE", ref=existing[pos].ref, fact=i, source_ids=src))
                out.append(Decision("ADD", with_what_ended(given_up(
                    fact.text, existing[pos].text), existing[pos].text), None, i, src))
            continue
        if _denies_removed(fact.text, existing, used):
            # "Not in Madrid anymore" after "Moved to Lisbon" replaced "Lives in Madrid".
            out.append(Decision("NONE", fact=i, source_ids=src))
            continue
        pos = richer_version(fact.text, existing, used)
        if pos is not None:
            used.add(pos)
            out.append(Decision("UPDATE", fact.text, existing[pos].ref, i, src))
            continue
        neg = is_negative(fact.text)
        best = max(((float(sims[i, p]), p) for p, e in enumerate(existing[:n_held])
                    if is_negative(e.text) == neg), default=(0.0, -1))
        if best[0] >= threshold and not _other_relation(fact.text, existing[best[1]].text) \
                and not new_name(fact.text, existing[best[1]].text):
            out.append(Decision("NONE", ref=existing[best[1]].ref, fact=i, source_ids=src))
            continue
        # The added fact is a neighbour of the later ones, under a ref of its own (< 0).
        batch.append((len(existing), fact.text, src))
        existing.append(Existing(-1 - len(out), fact.text))
        keys.append(normalise(fact.text))
        words.append(same)
        out.append(Decision("ADD", fact.text, None, i, src))
    return _said_once(_fold_batch(spare_own(out, facts, existing)))


def _said_once(out: list[Decision]) -> list[Decision]:
    """An ADD whose text an UPDATE of the same batch already writes is no second memory:
    "Mateo is my nephew, not my son" both ties Mateo and puts the held tie right."""
    updated = {d.text.lower() for d in out if d.event == "UPDATE" and d.text}
    return [Decision("NONE", fact=d.fact, source_ids=d.source_ids)
            if d.event == "ADD" and d.text and d.text.lower() in updated else d for d in out]


def _other_relation(fact: str, held: str) -> bool:
    """"Has a cousin named Ollie" beside "Has a brother named Ollie": one name, two
    relations, which the embedding puts within a near-duplicate's distance."""
    a, b = TIED.match(fact), TIED.match(held)
    return bool(a and b and a.group("rel").lower() != b.group("rel").lower())


def _fold_batch(out: list[Decision]) -> list[Decision]:
    """Apply decisions about the batch's own added facts (refs < 0) to those ADDs."""
    out = list(out)
    for k, d in enumerate(out):
        if d.ref is None or d.ref >= 0:
            continue
        target = -1 - d.ref
        if d.event == "DELETE":
            out[target] = Decision("NONE", fact=out[target].fact, source_ids=out[target].source_ids)
        elif d.event == "UPDATE":
            out[target] = Decision("ADD", d.text, None, out[target].fact, out[target].source_ids)
        out[k] = Decision("NONE", fact=d.fact, source_ids=d.source_ids)
    return out


# The nearest held memory a change fact replaces must be this much closer than the next
# (MiniLM cosine): a fact as near to two memories changes neither.
CHANGE_MARGIN = 0.1


class RulesReconciler:
    """Deterministic reconciler; ``similarity`` (e.g. embedding cosine) finds near-duplicates
    and, at ``change_threshold``, the memory a change fact replaces when no word links them.

    Without one, a token-overlap (Jaccard) similarity is used, with its own threshold, and
    changes are matched lexically only. The 0.3 default (with ``CHANGE_MARGIN``) was set on
    the dev set, the older fresh set and probe sentences (MiniLM: a change and the memory it
    replaces 0.25-0.83, unrelated memories of the same person mostly near 0.1; a change
    signal is required as well, see ``_nearest``).
    """

    name = "rules"

    def __init__(self, similarity: Similarity | None = None, *,
                 duplicate_threshold: float | None = None,
                 change_threshold: float | None = None) -> None:
        self._similarity: Similarity = similarity or lexical_similarity
        default = 0.9 if similarity is not None else 0.75
        self.duplicate_threshold = duplicate_threshold if duplicate_threshold else default
        self.change_threshold = (change_threshold if change_threshold is not None
                                 else 0.3 if similarity is not None else None)

    def reconcile(self, facts: list[Fact], existing: list[Existing],
                  ctx: ExtractContext) -> tuple[list[Decision], list[str]]:
        return plan_decisions(facts, existing, self._similarity, self.duplicate_threshold,
                              self.change_threshold), []

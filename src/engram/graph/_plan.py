"""From triples to graph changes for one add: resolve names, decide, link evidence.

:func:`resolve` and :func:`decide` are pure; :func:`plan_graph` reads the store (under
the caller's scope lock) and fills the graph fields of the add's ChangeSet, so the
graph commits in the same transaction as the memories.

Resolution: a name meets a stored entity of the same scope by normalised name, else
(people) by first name when exactly one stored person has it, else by name-vector
cosine >= ``similarity`` with a compatible type. Decisions: a relation already held is
one more piece of evidence (a link); a new target for a one-at-a-time relation
(``lives_in``, ``works_at`` ...) invalidates the old one; a negated triple invalidates
the matching relation.

>>> from engram.store.base import EntityMatch
>>> resolve([("anna", "person")], [EntityMatch("e1", "Anna Smith", "anna smith", "person", 0.4)], 0.85)
{'anna': 'e1'}
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engram._ids import new_id
from engram._types import Scope
from engram.graph._model import FUNCTIONAL, Triple, normalise
from engram.store.base import (
    EntityMatch,
    GraphRelation,
    Invalidation,
    NewEntity,
    NewRelation,
    RelationLink,
)

__all__ = ["resolve", "decide", "plan_graph", "GraphPlan"]


def _compatible(a: str, b: str) -> bool:
    return a == b or "thing" in (a, b)


def resolve(mentions: Sequence[tuple[str, str]], matches: Sequence[EntityMatch],
            similarity: float) -> dict[str, str | None]:
    """Normalised name -> stored entity id (None: a new entity). ``matches[i].query``
    indexes ``mentions`` (see ``Store.find_entities``)."""
    out: dict[str, str | None] = {}
    for q, (norm, typ) in enumerate(mentions):
        mine = [m for m in matches if m.query == q]
        exact = [m for m in mine if m.norm == norm]
        first = [m for m in mine if typ == "person" == m.type and " " not in norm
                 and m.norm.split()[0] == norm]
        close = [m for m in mine if m.score >= similarity and _compatible(typ, m.type)]
        pick = exact[:1] or (first if len(first) == 1 else []) or close[:1]
        out[norm] = pick[0].id if pick else None
    return out


@dataclass
class Decided:
    add: list[tuple[str, str, str, Triple]] = field(default_factory=list)  # (src, rel, tgt)
    link: list[tuple[str, Triple]] = field(default_factory=list)  # (relation id, triple)
    invalidate: list[tuple[GraphRelation, str]] = field(default_factory=list)


def decide(triples: Sequence[Triple], ids: dict[str, str], held: Sequence[GraphRelation]) -> Decided:
    """What each triple (endpoints already mapped to ids by normalised name) changes."""
    out = Decided()
    valid = [r for r in held if r.valid]
    dropped: set[str] = set()
    planned: set[tuple[str, str, str]] = set()
    for t in triples:
        s, tg = ids[normalise(t.source)], ids[normalise(t.target)]
        same = [r for r in valid if (r.source_id, r.relationship, r.target_id) == (s, t.relationship, tg)]
        if t.negated:
            for r in same:
                if r.id not in dropped:
                    dropped.add(r.id)
                    out.invalidate.append((r, f"said no longer: {t.source} {t.relationship} {t.target}"))
            continue
        if same:
            out.link.append((same[0].id, t))
            continue
        if (s, t.relationship, tg) in planned:
            continue
        planned.add((s, t.relationship, tg))
        if t.relationship in FUNCTIONAL:
            for r in valid:
                if (r.source_id == s and r.relationship == t.relationship and r.target_id != tg
                        and r.id not in dropped):
                    dropped.add(r.id)
                    out.invalidate.append((r, f"replaced by {t.source} {t.relationship} {t.target}"))
        out.add.append((s, t.relationship, tg, t))
    return out


Evidence = tuple[str, str, int | None]  # (memory id, text, message index if one-to-one)


def _evidence(t: Triple, memories: Sequence[Evidence], speaker_names: set[str]) -> list[str]:
    """The memories of this add that say ``t``: the one stored from its message when
    known (infer=False), else those naming both ends (the speaker is implied), else
    either end, else all of them."""
    def says(text: str, name: str) -> bool:
        return name.lower() in speaker_names or normalise(name) in text.lower()

    exact = [m for m, _, i in memories if i is not None and i == t.message]
    both = [m for m, x, _ in memories if says(x, t.source) and says(x, t.target)]
    either = [m for m, x, _ in memories if says(x, t.source) or says(x, t.target)]
    return exact or both or either or [m for m, _, _ in memories]


@dataclass
class GraphPlan:
    entities: list[NewEntity] = field(default_factory=list)
    relations: list[NewRelation] = field(default_factory=list)
    links: list[RelationLink] = field(default_factory=list)
    invalidate: list[Invalidation] = field(default_factory=list)
    added: list[dict[str, Any]] = field(default_factory=list)
    invalidated: list[dict[str, Any]] = field(default_factory=list)

    def into(self, cs: Any) -> None:
        cs.entities += self.entities
        cs.relations += self.relations
        cs.links += self.links
        cs.invalidate += self.invalidate


def plan_graph(store: Any, embed: Callable[[list[str]], np.ndarray], scope: Scope,
               triples: Sequence[Triple], memories: Sequence[Evidence], *,
               similarity: float = 0.85) -> GraphPlan:
    """Graph changes for ``triples`` read from the add that wrote ``memories``."""
    plan = GraphPlan()
    triples = [t for t in triples if normalise(t.source) and normalise(t.target)]
    if not triples or not memories:
        return plan
    names: dict[str, tuple[str, str]] = {}  # norm -> (name, type)
    for t in triples:
        for name, typ in ((t.source, t.source_type), (t.target, t.target_type)):
            n = normalise(name)
            if n not in names or names[n][1] == "thing":
                names[n] = (names.get(n, (name, typ))[0], typ)
    norms = list(names)
    vecs = embed([names[n][0] for n in norms])
    matches = store.find_entities(scope, norms, vecs, k=3)
    found = resolve([(n, names[n][1]) for n in norms], matches, similarity)
    ids: dict[str, str] = {}
    for i, n in enumerate(norms):
        eid = found[n]
        if eid is None:
            eid = new_id()
            plan.entities.append(NewEntity(eid, names[n][0], n, names[n][1], scope, vecs[i]))
        ids[n] = eid
    held = store.graph_neighbourhood(scope, [e for n, e in ids.items() if found[n]], hops=1)
    decided = decide(triples, ids, held)
    speakers = {t.source.lower() for t in triples if t.source_type == "person"
                and t.source.lower() in ("user", "agent")}
    for s, rel, tg, t in decided.add:
        rid = new_id()
        plan.relations.append(NewRelation(rid, s, rel, tg, scope, _evidence(t, memories, speakers)))
        plan.added.append({"source": t.source, "relationship": rel, "target": t.target})
    for rid, t in decided.link:
        plan.links += [RelationLink(rid, m) for m in _evidence(t, memories, speakers)]
    for r, why in decided.invalidate:
        plan.invalidate.append(Invalidation(r.id, why))
        plan.invalidated.append({"source": r.source, "relationship": r.relationship,
                                 "target": r.target, "reason": why})
    used = {x for r in plan.relations for x in (r.source_id, r.target_id)}
    plan.entities = [e for e in plan.entities if e.id in used]  # only entities in a relation
    return plan

"""Graph memory SQL, written once for SQLite and PostgreSQL (``?`` placeholders,
rewritten to ``%s`` for psycopg; the tables differ only by prefix).

Every function takes an open connection inside the caller's transaction: the store's
``apply`` / ``delete_where`` / ``reset`` call :meth:`GraphSQL.write`,
:meth:`GraphSQL.cleanup` and :meth:`GraphSQL.reset` beside their memory writes, so the
graph commits or rolls back with the memories.

Deletion rule: a relation lives while at least one memory that says it exists. Deleting
memories removes their links; relations left without links are deleted (a DELETE row in
the graph history), then entities no relation uses any more.

>>> GraphSQL("postgres").q("SELECT 1 WHERE a = ?")
'SELECT 1 WHERE a = %s'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from engram._ids import new_id
from engram._types import Scope
from engram.errors import InvalidInput, NotFound
from engram.store._dialect import Dialect, SQLDialect
from engram.store._dialect import chunks as _chunks
from engram.store._graph_records import EntityMatch, GraphEvent, GraphRelation
from engram.store._pg_schema import shard_key
from engram.store.filters import Node, scope_of

__all__ = ["GraphSQL"]

_REL_COLS = ("r.id, r.source_id, s.name, r.relationship, r.target_id, t.name, r.valid, "
             "r.valid_until, r.created_at, s.type, t.type")
_MAX_SCAN = 5000  # newest entities of a scope compared by name embedding


class GraphSQL(SQLDialect):
    """See the module docstring; one instance per dialect, stateless."""

    # Column lists, in table order; ``engram migrate`` copies the graph with them.
    ENTITY_COLS = ("id", "ns", "shard_key", "user_id", "agent_id", "run_id", "name", "norm",
                   "type", "embedding", "created_at")
    RELATION_COLS = ("id", "ns", "shard_key", "user_id", "agent_id", "run_id", "source_id",
                     "relationship", "target_id", "valid", "valid_until", "created_at")
    LINK_COLS = ("ns", "relation_id", "memory_id")
    HISTORY_COLS = ("id", "ns", "shard_key", "user_id", "agent_id", "run_id", "relation_id",
                    "event", "source", "relationship", "target", "reason", "created_at")

    def __init__(self, dialect: Dialect) -> None:
        super().__init__(dialect)
        pre = "graph_" if dialect == "sqlite" else "engram_graph_"
        self.E, self.R, self.L, self.H = (pre + t for t in ("entities", "relations", "links",
                                                          "history"))
        self.M = "memories" if dialect == "sqlite" else "engram_memories"

    def scope_sql(self, scope: Scope | Node, alias: str) -> tuple[str, list[Any]]:
        """A Scope: exactly it. A filter: the scope ids it pins (none pinned: nothing,
        so an unconfined filter can never read another scope's graph)."""
        if isinstance(scope, Scope):
            return self.scope_cond(scope, alias)
        pinned = scope_of(scope)
        if not pinned:
            return "1 = 0", []
        return (" AND ".join(f"{alias}.{c} = ?" for c in pinned), list(pinned.values()))

    # -- writes -------------------------------------------------------------------------

    def write(self, conn: Any, ns: str, cs: Any, now: str, skipped: dict[str, str]) -> None:
        """Entities, invalidations, relations and links of the ChangeSet ``cs``."""
        self._many(conn, f"INSERT INTO {self.E} (id, ns, shard_key, user_id, agent_id, "
                   "run_id, name, norm, type, embedding, created_at) VALUES "
                   "(?,?,?,?,?,?,?,?,?,?,?)",
                   [(e.id, ns, shard_key(ns, e.scope), e.scope.user_id, e.scope.agent_id,
                     e.scope.run_id, e.name, e.norm, e.type, _blob(e.embedding), now)
                    for e in cs.entities])
        history: list[tuple[Any, ...]] = []
        if cs.invalidate:
            ids = [i.relation_id for i in cs.invalidate]
            held = {r.id: r for r in self._relations_by_id(conn, ns, ids)}
            for inv in cs.invalidate:
                r = held.get(inv.relation_id)
                if r is None:
                    raise NotFound("relation", inv.relation_id)
                if not r.valid:
                    continue
                conn.execute(self.q(f"UPDATE {self.R} SET valid = 0, valid_until = ? "  # noqa: S608
                                    "WHERE ns = ? AND id = ?"), [now, ns, r.id])
                history.append((r, "INVALIDATE", inv.reason))
        names = self._entity_names(conn, ns, {x for r in cs.relations
                                              for x in (r.source_id, r.target_id)})
        rows, links = [], []
        for r in cs.relations:
            for eid in (r.source_id, r.target_id):
                if eid not in names:
                    raise NotFound("entity", eid)
            mids = [skipped.get(m, m) for m in r.memory_ids]
            if not mids:
                raise InvalidInput("relations", f"relation {r.id} names no memory it came from")
            rows.append((r.id, ns, shard_key(ns, r.scope), r.scope.user_id, r.scope.agent_id,
                         r.scope.run_id, r.source_id, r.relationship, r.target_id, now))
            links += [(ns, r.id, m) for m in mids]
            history.append((GraphRelation(r.id, r.source_id, names[r.source_id], r.relationship,
                                          r.target_id, names[r.target_id], True, None),
                            "ADD", ""))
        self._many(conn, f"INSERT INTO {self.R} (id, ns, shard_key, user_id, agent_id, run_id, "
                   "source_id, relationship, target_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                   rows)
        links += [(ns, lk.relation_id, skipped.get(lk.memory_id, lk.memory_id)) for lk in cs.links]
        if links:
            self._check_memories(conn, ns, {m for _, _, m in links})
            self._check_relations(conn, ns, {r for _, r, _ in links})
            self._many(conn, f"INSERT INTO {self.L} (ns, relation_id, memory_id) VALUES (?,?,?) "
                       "ON CONFLICT DO NOTHING", links)
        self._history(conn, ns, history, now)

    def cleanup(self, conn: Any, ns: str, memory_ids: Sequence[str], now: str) -> None:
        """After deleting memories: drop their links, then relations left without any
        (with a DELETE history row), then entities no relation uses."""
        affected: set[str] = set()
        for chunk in _chunks(memory_ids):
            marks = self._marks(len(chunk))
            affected |= {r[0] for r in self._all(
                conn, f"SELECT relation_id FROM {self.L} WHERE ns = ? AND memory_id IN ({marks})",  # noqa: S608
                [ns, *chunk])}
            conn.execute(self.q(f"DELETE FROM {self.L} WHERE ns = ? AND memory_id IN ({marks})"),  # noqa: S608
                         [ns, *chunk])
        if not affected:
            return
        dead = [r for r in self._relations_by_id(conn, ns, sorted(affected))
                if not self._all(conn, f"SELECT 1 FROM {self.L} WHERE relation_id = ? LIMIT 1",  # noqa: S608
                                 [r.id])]
        self._history(conn, ns, [(r, "DELETE", "no memory says it any more") for r in dead], now)
        ends: set[str] = set()
        for chunk in _chunks([r.id for r in dead]):
            conn.execute(self.q(f"DELETE FROM {self.R} WHERE ns = ? AND id IN "  # noqa: S608
                                f"({self._marks(len(chunk))})"), [ns, *chunk])
        for r in dead:
            ends |= {r.source_id, r.target_id}
        for chunk in _chunks(sorted(ends)):
            conn.execute(self.q(
                f"DELETE FROM {self.E} WHERE ns = ? AND id IN ({self._marks(len(chunk))}) "  # noqa: S608
                f"AND NOT EXISTS (SELECT 1 FROM {self.R} r WHERE r.source_id = {self.E}.id "
                f"OR r.target_id = {self.E}.id)"), [ns, *chunk])

    def reset(self, conn: Any, ns: str) -> None:
        for table in (self.L, self.R, self.E, self.H):
            conn.execute(self.q(f"DELETE FROM {table} WHERE ns = ?"), [ns])  # noqa: S608

    def _history(self, conn: Any, ns: str, items: list[tuple[GraphRelation, str, str]],
                 now: str) -> None:
        if not items:
            return
        scopes = dict(self._scopes(conn, ns, [r.id for r, _, _ in items]))
        rows = []
        for r, event, reason in items:
            sc = scopes.get(r.id, Scope())
            rows.append((new_id(), ns, shard_key(ns, sc), sc.user_id, sc.agent_id,
                         sc.run_id, r.id, event, r.source, r.relationship, r.target, reason, now))
        self._many(conn, f"INSERT INTO {self.H} (id, ns, shard_key, user_id, agent_id, run_id, "
                   "relation_id, event, source, relationship, target, reason, created_at) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)

    def _scopes(self, conn: Any, ns: str, ids: Sequence[str]) -> list[tuple[str, Scope]]:
        out = []
        for chunk in _chunks(list(dict.fromkeys(ids))):
            out += [(i, Scope(u, a, r)) for i, u, a, r in self._all(
                conn, f"SELECT id, user_id, agent_id, run_id FROM {self.R} WHERE ns = ? "  # noqa: S608
                f"AND id IN ({self._marks(len(chunk))})", [ns, *chunk])]
        return out

    def _entity_names(self, conn: Any, ns: str, ids: set[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for chunk in _chunks(sorted(ids)):
            out.update({i: n for i, n in self._all(
                conn, f"SELECT id, name FROM {self.E} WHERE ns = ? "  # noqa: S608
                f"AND id IN ({self._marks(len(chunk))})", [ns, *chunk])})
        return out

    def _check_memories(self, conn: Any, ns: str, ids: set[str]) -> None:
        for chunk in _chunks(sorted(ids)):
            found = {r[0] for r in self._all(
                conn, f"SELECT id FROM {self.M} WHERE ns = ? "  # noqa: S608
                f"AND id IN ({self._marks(len(chunk))})", [ns, *chunk])}
            for m in chunk:
                if m not in found:
                    raise NotFound("memory", m)

    def _check_relations(self, conn: Any, ns: str, ids: set[str]) -> None:
        found = {r.id for r in self._relations_by_id(conn, ns, sorted(ids))}
        for i in sorted(ids - found):
            raise NotFound("relation", i)

    # -- reads --------------------------------------------------------------------------

    def _select(self, where: str) -> str:
        return (f"SELECT {_REL_COLS} FROM {self.R} r JOIN {self.E} s ON s.id = r.source_id "  # noqa: S608
                f"JOIN {self.E} t ON t.id = r.target_id WHERE {where}")

    def _relations_by_id(self, conn: Any, ns: str, ids: Sequence[str]) -> list[GraphRelation]:
        out = []
        for chunk in _chunks(list(ids)):
            out += [_relation(row) for row in self._all(
                conn, self._select(f"r.ns = ? AND r.id IN ({self._marks(len(chunk))})"),
                [ns, *chunk])]
        return out

    def find_entities(self, conn: Any, ns: str, scope: Scope | Node, norms: Sequence[str],
                      vecs: np.ndarray | None, k: int) -> list[EntityMatch]:
        """One match per (query, entity): ``query`` is the index into ``norms`` for exact
        names (score 1.0), the row of ``vecs`` for the ``k`` nearest name vectors."""
        cond, params = self.scope_sql(scope, "e")
        cols = "e.id, e.name, e.norm, e.type, e.user_id, e.agent_id, e.run_id"
        out: list[EntityMatch] = []
        where = {n: i for i, n in reversed(list(enumerate(norms)))}
        for chunk in _chunks(list(where)):
            for i, name, norm, typ, u, a, r in self._all(
                    conn, f"SELECT {cols} FROM {self.E} e WHERE e.ns = ? AND {cond} "  # noqa: S608
                    f"AND e.norm IN ({self._marks(len(chunk))})", [ns, *params, *chunk]):
                out += [EntityMatch(i, name, norm, typ, 1.0, Scope(u, a, r), q)
                        for q, n in enumerate(norms) if n == norm]
        if vecs is not None and len(vecs):
            rows = self._all(conn, f"SELECT {cols}, e.embedding FROM {self.E} e WHERE e.ns = ? "  # noqa: S608
                             f"AND {cond} AND e.embedding IS NOT NULL ORDER BY e.rid DESC "
                             "LIMIT ?", [ns, *params, _MAX_SCAN])
            if rows:
                mat = np.stack([np.frombuffer(bytes(r[7]), dtype=np.float32) for r in rows])
                sims = np.asarray(vecs, dtype=np.float32) @ mat.T
                for q, row in enumerate(sims):
                    for j in np.argsort(-row)[:k]:
                        i, name, norm, typ, u, a, r = rows[j][:7]
                        out.append(EntityMatch(i, name, norm, typ, float(row[j]), Scope(u, a, r), q))
        return sorted(out, key=lambda m: (m.query, -m.score, m.name))

    def neighbourhood(self, conn: Any, ns: str, scope: Scope | Node, entity_ids: Sequence[str],
                      hops: int, limit: int) -> list[GraphRelation]:
        cond, params = self.scope_sql(scope, "r")
        seen: set[str] = set(entity_ids)
        frontier = list(dict.fromkeys(entity_ids))
        found: dict[str, GraphRelation] = {}
        for hop in range(1, hops + 1):
            nxt: list[str] = []
            for chunk in _chunks(frontier):
                marks = self._marks(len(chunk))
                for row in self._all(conn, self._select(
                        f"r.ns = ? AND {cond} AND (r.source_id IN ({marks}) OR r.target_id IN "
                        f"({marks})) ORDER BY r.rid DESC LIMIT ?"),
                        [ns, *params, *chunk, *chunk, limit]):
                    rel = _relation(row, hop)
                    if rel.id in found or len(found) >= limit:
                        continue
                    found[rel.id] = rel
                    for e in (rel.source_id, rel.target_id):
                        if e not in seen:
                            seen.add(e)
                            nxt.append(e)
            frontier = nxt
            if not frontier:
                break
        return self._with_links(conn, ns, list(found.values()))

    def list_relations(self, conn: Any, ns: str, scope: Scope | Node,
                       limit: int) -> list[GraphRelation]:
        cond, params = self.scope_sql(scope, "r")
        rows = self._all(conn, self._select(f"r.ns = ? AND {cond} ORDER BY r.rid DESC LIMIT ?"),
                         [ns, *params, limit])
        return self._with_links(conn, ns, [_relation(r) for r in rows])

    def history(self, conn: Any, ns: str, scope: Scope | Node) -> list[GraphEvent]:
        cond, params = self.scope_sql(scope, "h")
        rows = self._all(conn, f"SELECT h.id, h.relation_id, h.event, h.source, h.relationship, "  # noqa: S608
                         f"h.target, h.reason, h.created_at FROM {self.H} h WHERE h.ns = ? "
                         f"AND {cond} ORDER BY h.hid", [ns, *params])
        return [GraphEvent(*r) for r in rows]

    def _with_links(self, conn: Any, ns: str, rels: list[GraphRelation]) -> list[GraphRelation]:
        links: dict[str, list[str]] = {}
        for chunk in _chunks([r.id for r in rels]):
            for rid, mid in self._all(conn, f"SELECT relation_id, memory_id FROM {self.L} "  # noqa: S608
                                      f"WHERE ns = ? AND relation_id IN ({self._marks(len(chunk))}) "
                                      "ORDER BY memory_id", [ns, *chunk]):
                links.setdefault(rid, []).append(mid)
        return [GraphRelation(**{**r.__dict__, "memory_ids": tuple(links.get(r.id, ()))})
                for r in rels]


def _relation(row: Sequence[Any], hop: int = 0) -> GraphRelation:
    rid, sid, sname, rel, tid, tname, valid, until, created, stype, ttype = row
    return GraphRelation(rid, sid, sname, rel, tid, tname, bool(valid), until, (), created, hop,
                         stype, ttype)


def _blob(vec: np.ndarray | None) -> bytes | None:
    return None if vec is None else np.ascontiguousarray(vec, dtype=np.float32).tobytes()

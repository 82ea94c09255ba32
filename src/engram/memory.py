"""``engram.Memory``: the public, synchronous face of Engram.

It validates input, builds the scope and calls the pipeline and the store; it holds no
SQL and no HTTP. The return shapes are the ones a Mem0 user expects.

>>> import tempfile, os
>>> m = Memory({"store": {"path": os.path.join(tempfile.mkdtemp(), "m.db")}})
>>> r = m.add("I like green tea", user_id="alice", infer=False)
>>> r["results"][0]["event"]
'ADD'
>>> m.search("tea", user_id="alice")["results"][0]["memory"]
'I like green tea'
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from engram import _edits as E
from engram import _read_options as O
from engram import _undo
from engram import _validate as V
from engram._add import AddContext, AddOptions, GraphStep
from engram._add import add as run_add
from engram._add._reextract import Progress, reextract
from engram._api import SearchMode
from engram._components import Components
from engram._edits import MEMORY_TYPES as _MEMORY_TYPES
from engram._evidence import facts_where
from engram._forget import delete_memory
from engram._mem0_api import mem0_hints
from engram._project import Project
from engram._recall import SearchRequest, run_search
from engram._timeline import list_as_of, search_as_of, unexpired
from engram._types import KEEP, Keep
from engram._update import embed_updates, plan_batch
from engram._update import plan_update as _plan_update
from engram._vector_search import search_by_vector
from engram.config import MemoryConfig
from engram.errors import InvalidInput, NotFound
from engram.llm.base import LLM  # a runtime name: the surface tests resolve the hints
from engram.store.base import BoundStore, ChangeSet

if TYPE_CHECKING:
    from engram.embed import Embedder
    from engram.store.base import Store

MEMORY_TYPES = _MEMORY_TYPES  # (named here too: the server checks queued adds against it)


class Memory:
    """Long-term memory on the embedded defaults (SQLite + MiniLM, offline), or on the
    parts named in ``config``. ``embedder``, ``store`` and ``llm`` objects override it.

    Implements :class:`engram._api.MemoryAPI`, the one declaration of the public methods
    that ``AsyncMemory``, the HTTP clients and the MCP tools are bound from."""

    def __init__(
        self,
        config: Mapping[str, Any] | MemoryConfig | None = None,
        *,
        embedder: Embedder | None = None,
        store: Store | None = None,
        llm: LLM | None = None,
        namespace: str = "",
    ) -> None:
        self.config = MemoryConfig.load(config)
        self._parts = Components(self.config, embedder=embedder, store=store, llm=llm)
        self._ns = namespace or self.config.store.namespace
        self._bound: BoundStore | None = None

    @classmethod
    def from_config(cls, config_dict: Mapping[str, Any] | None = None) -> Memory:
        """Mem0's constructor spelling: ``Memory.from_config({...})``."""
        return cls(config_dict)

    # -- introspection --------------------------------------------------------------------

    @property
    def store(self) -> Store:
        return self._parts.store

    @property
    def _store(self) -> BoundStore:
        """The store bound to this Memory's namespace: every call below goes through it."""
        if self._bound is None:
            self._bound = self.store.bind(self._ns)
        return self._bound

    @property
    def extractor_name(self) -> str:
        """Which extractor ``infer=True`` uses: the LLM's provider/model, or "rules"."""
        llm = self._parts.llm
        return f"{llm.name}:{llm.model}" if llm is not None else "rules (offline)"

    def close(self) -> None:
        self._parts.close()

    def __enter__(self) -> Memory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writes ---------------------------------------------------------------------------

    @mem0_hints("Memory")
    def add(
        self,
        messages: Any,
        *,
        user_id: str | None = None,
        agent_id: str | None = None,
        run_id: str | None = None,
        metadata: dict[str, Any] | None = None,
        infer: bool = True,
        memory_type: str | None = None,
        prompt: str | None = None,
        session_id: str | None = None,
        timestamp: int | float | str | datetime | None = None,
        enable_graph: bool | None = None,
        llm: LLM | None = None,
        filters: dict[str, Any] | None = None,
        expiration_date: str | date | None = None,
        immutable: bool = False,
        custom_categories: list[Any] | dict[str, str] | None = None,
        includes: str | None = None,
        excludes: str | None = None,
    ) -> dict[str, Any]:
        """Remember ``messages`` for a scope; returns ``{"results": [{id, memory, event}]}``.

        ``infer=False`` stores each non-system message as it is; ``infer=True`` extracts
        facts and reconciles them with what the scope already holds. With the graph on
        (``graph.enabled`` or ``enable_graph=True``) entities and relations are stored in
        the same transaction and reported as ``relations: {added, invalidated}``.
        ``timestamp`` (Unix seconds, ISO text, datetime) is when the messages were said
        (``happened_at``; a message's own ``"timestamp"`` wins), which relative dates are
        read against; ``created_at`` stays the write time. ``expiration_date`` (a day)
        hides what this add stores from reads after that day. ``llm``: this call's
        procedural summary (Mem0's). ``filters={"user_id": ...}``: Mem0's scope ids. Later
        adds never change ``immutable`` memories; ``custom_categories``, ``includes`` and
        ``excludes`` override ``memory.project``'s. Vectors may follow (:meth:`flush`).
        """
        msgs = V.normalise_messages(messages)
        V.check_bool(immutable, "immutable")
        proj = self.project.settings()
        ids = V.scope_ids_from_filters(filters, user_id=user_id, agent_id=agent_id, run_id=run_id)
        scope = V.build_scope(ids["user_id"], ids["agent_id"], ids["run_id"], session_id)
        meta = self._metadata(metadata) or {}
        V.check_bool(infer, "infer")
        E.check_add_args(memory_type, prompt, llm)
        timestamp = V.check_timestamp(timestamp)
        expires = V.check_expiration(expiration_date)
        graph = self._graph_step(enable_graph if enable_graph is not None
                                 else proj.get("enable_graph")) if memory_type is None else None
        extract = E.extract_context(self.config, proj, scope, timestamp, prompt,
                                  includes=includes, excludes=excludes)
        catalog = E.catalog_for(custom_categories, proj)
        opts = AddOptions(metadata=meta, infer=infer, memory_type=memory_type, prompt=prompt,
                          extract=extract, graph=graph, llm=llm, expiration_date=expires,
                          happened_at=V.event_time(timestamp) if timestamp else None,
                          immutable=immutable, categories=catalog)
        pipe = self.config.pipeline
        ctx = AddContext(self._parts, self._store, pipe.max_destructive, pipe.on_no_fact,
                         pipe.keep_episodes, self._parts.writer(self._store),
                         self.config.embedder.background and custom_categories is None)
        return run_add(ctx, msgs, scope, opts)

    def flush(self, timeout: float | None = None) -> dict[str, Any]:
        return self._parts.writer(self._store).flush(V.check_timeout(timeout))

    def _metadata(self, metadata: Any, field: str = "metadata") -> dict[str, Any] | None:
        return E.checked_metadata(self.config, metadata, field)

    def _graph_step(self, enable_graph: bool | None) -> GraphStep | None:
        return E.graph_step(self.config, self._parts, enable_graph)

    @property
    def project(self) -> Project:
        """This namespace's project settings (Mem0's ``client.project``)."""
        return Project(self._store)

    def reextract(self, filters: dict[str, Any] | None = None, *, user_id: str | None = None,
                  agent_id: str | None = None, run_id: str | None = None,
                  since: int | float | str | datetime | None = None,
                  dry_run: bool = False) -> dict[str, Any]:
        """Re-derive scopes' facts from their turns (:mod:`engram._add._reextract`)."""
        return self._reextract(V.scoped_filter(filters, True, user_id, agent_id, run_id),
                               since, dry_run)

    def _reextract(self, where: Any, since: Any, dry_run: Any, progress: Progress | None = None
                   ) -> dict[str, Any]:  # with the CLI's progress bar
        return reextract(AddContext(self._parts, self._store, None), where, self.config,
                         since=since, dry_run=dry_run, progress=progress)

    def undo(self, add_id: str) -> dict[str, Any]:
        """Undo an add by its ``add_id`` or a history row's id (:mod:`engram._undo`)."""
        return _undo.undo(self._store, self._parts.embedder, V.check_id(add_id, "add_id"))

    @mem0_hints("Memory")
    def update(self, memory_id: str, text: str | None = None, metadata: dict[str, Any] | None = None,
               *, data: str | None = None,
               timestamp: int | float | str | datetime | None = None,
               expiration_date: str | date | None | Keep = KEEP) -> dict[str, Any]:
        """Change a memory's text (re-embedded), replace its metadata, set its event time
        (``timestamp``) and/or its ``expiration_date`` (None clears it)."""
        if data is not None:  # Mem0 spells it update(memory_id, data)
            if text is not None:
                raise InvalidInput("data", "is an alias of text; give one, not both")
            text = data
        upd = _plan_update(memory_id, text, self._metadata(metadata), "",
                           V.check_event_time(timestamp), expiration_date)
        embed_updates(self._parts.embedder, [upd], self._store)
        E.tag_updates(self._parts, self.project.settings(), [upd])
        self._store.apply(ChangeSet(updates=[upd]))
        return {"message": "Memory updated successfully!", "id": upd.id,
                "memory": self.get(upd.id)["memory"]}

    def batch_update(self, memories: list[dict[str, Any]]) -> dict[str, Any]:
        """Update many memories in ONE transaction: ``[{"memory_id", "text"?, "metadata"?}]``.
        An unknown id or a bad item changes nothing."""
        ups = plan_batch(memories, self._metadata)
        embed_updates(self._parts.embedder, ups, self._store)
        E.tag_updates(self._parts, self.project.settings(), ups)
        self._store.apply(ChangeSet(updates=ups))
        return {"message": f"Successfully updated {len(ups)} memories", "count": len(ups)}

    def batch_delete(self, memory_ids: list[str] | list[dict[str, Any]]) -> dict[str, Any]:
        """Delete many memories in ONE transaction; an unknown id deletes nothing. Items
        are ids, or ``{"memory_id": ...}`` as Mem0's client sends them."""
        if not isinstance(memory_ids, list) or not memory_ids:
            raise InvalidInput("memory_ids", "must be a non-empty list")
        ids = list(dict.fromkeys(
            V.check_id(m.get("memory_id") if isinstance(m, Mapping) else m, f"memory_ids[{i}]")
            for i, m in enumerate(memory_ids)))
        self._store.apply(ChangeSet(deletes=ids))
        return {"message": f"Successfully deleted {len(ids)} memories", "count": len(ids)}

    def delete(self, memory_id: str, *, with_evidence: bool = False) -> dict[str, Any]:
        """Forget one memory; ``with_evidence``: its turns no other fact cites too."""
        V.check_bool(with_evidence, "with_evidence")
        return delete_memory(self._store, V.check_id(memory_id), with_evidence)

    def delete_all(self, user_id: str | None = None, agent_id: str | None = None,
                   run_id: str | None = None, *,
                   filters: dict[str, Any] | None = None) -> dict[str, Any]:
        """Delete every memory of a scope (refuses to run without one); the scope ids may
        be positional, as in Mem0: ``delete_all("alice")``."""
        where = V.scoped_filter(filters, True, user_id, agent_id, run_id)
        ids = self._store.delete_where(where)
        return {"message": f"Deleted {len(ids)} memories", "deleted": len(ids), "ids": ids}

    def reset(self) -> dict[str, Any]:
        """Forget everything (memories and history) in this Memory's namespace."""
        ids = self._store.reset()
        return {"message": "Memory store reset", "deleted": len(ids), "ids": ids}

    # -- reads ----------------------------------------------------------------------------

    def get(self, memory_id: str) -> dict[str, Any]:
        memory_id = V.check_id(memory_id)  # (a memory of a small backlog: written first)
        rec = self._parts.writer(self._store).settled(memory_id)
        if rec is None:
            raise NotFound("memory", memory_id)
        return rec.to_dict()

    @mem0_hints("Memory")
    def get_all(
        self,
        *,
        filters: dict[str, Any] | None = None,
        top_k: int | None = None,
        user_id: str | None = None,
        agent_id: str | None = None,
        run_id: str | None = None,
        limit: int | None = None,
        page: int | None = None,
        page_size: int | None = None,
        cursor: str | None = None,
        enable_graph: bool | None = None,
        show_expired: bool = False,
        as_of: str | datetime | None = None,
        categories: list[str] | None = None,
        start_date: str | None = None,
        end_date: str | None = None,
        latest_only: bool | None = None,
    ) -> dict[str, Any]:
        """Memories of a scope, newest first: its facts, or its stored turns with
        ``filters={"memory_type": "episode"}``. Pages by ``page``/``page_size`` or by the
        ``next_cursor`` of the previous call (stable while others add). Memories past
        their ``expiration_date`` are left out unless ``show_expired``. ``as_of`` lists
        what was held at that moment (:mod:`engram._timeline`), paged by ``page``."""
        V.check_bool(show_expired, "show_expired")
        when = V.check_as_of(as_of)
        O.check_latest_only(latest_only)
        filters = O.with_dates(V.with_categories(filters, categories), start_date, end_date)
        scoped = V.scoped_filter(filters, True, user_id, agent_id, run_id)
        # as_of reads a scope's history, deleted memories included: it drops turns itself.
        where = scoped if when else unexpired(self._store, facts_where(scoped), show_expired)
        self._parts.writer(self._store).catch_up(where)  # as search: categories come with
        size = V.first_count(100, page_size=page_size, limit=limit, top_k=top_k)  # vectors
        offset, cursor = 0, V.check_cursor(cursor)
        if page is not None:
            V.check_page(page)
            if cursor is not None:
                raise InvalidInput("cursor", "give page or cursor, not both")
            offset = (page - 1) * size
        if when is not None:
            out, total = list_as_of(self._store, where, when, show_expired, offset, size, cursor)
        else:
            res = self._store.list_memories(where, limit=size, offset=offset, cursor=cursor)
            out, total = {"results": [r.to_dict() for r in res.records],
                          "next_cursor": res.next_cursor}, None
        if page is not None:
            out.update(page=page, page_size=size,
                       total=self._store.count(where) if total is None else total)
        if self._graph_step(enable_graph) is not None:
            out["relations"] = [r.to_dict() for r in self._store.list_relations(where)]
        return out

    @mem0_hints("Memory")
    def search(
        self,
        query: str,
        *,
        filters: dict[str, Any] | None = None,
        top_k: int | None = None,
        threshold: float | None = None,
        rerank: bool = False,
        user_id: str | None = None,
        agent_id: str | None = None,
        run_id: str | None = None,
        limit: int | None = None,
        search_mode: SearchMode | None = None,
        enable_graph: bool | None = None,
        explain: bool = False,
        show_expired: bool = False,
        as_of: str | datetime | None = None,
        categories: list[str] | None = None,
        include_evidence: bool = False,
        facts_only: bool = False,
        metadata: dict[str, Any] | None = None,
        fields: list[str] | None = None,
        keyword_search: bool | None = None,
        latest_only: bool | None = None,
        reference_date: int | float | str | date | datetime | None = None,
    ) -> dict[str, Any]:
        """The memories most relevant to ``query`` in a scope, best first. Hybrid by
        default (``search.fusion``); ``score`` is the cosine similarity, which
        ``threshold`` applies to. The graph adds ``relations`` and a bounded boost;
        ``explain=True`` adds ``score_details``; expired memories need ``show_expired``;
        ``as_of``: what was held then (similarity alone). Facts are also found through
        their turns (``_recall``). Mem0's options: ``_read_options``; ``reference_date``: ``_api``."""
        V.check_bool(show_expired, "show_expired")  # the other flags: SearchRequest
        query, on = V.check_text(query, "query"), V.check_reference_date(reference_date)
        keep, search_mode = O.check_fields(fields), O.search_mode_for(keyword_search, search_mode)
        O.check_latest_only(latest_only)
        filters = O.with_metadata(filters, metadata)
        k, thr = V.first_count(20, limit=limit, top_k=top_k), V.check_threshold(threshold)
        V.check_bool(rerank, "rerank")
        when = V.check_as_of(as_of)
        where = V.scoped_filter(V.with_categories(filters, categories), True, user_id, agent_id, run_id)
        if when is not None:
            return O.project({"results": search_as_of(
                self._store, where, query, when, self._parts.embedder.embed, show_expired, k,
                thr)}, keep)
        where = unexpired(self._store, where, show_expired)
        self._parts.writer(self._store).catch_up(where)  # a small backlog: read your writes
        req = SearchRequest(query, where, V.check_mode(search_mode, self.config.search.mode),
                            k, thr, self._graph_step(enable_graph) is not None, explain,
                            include_evidence, facts_only, on)  # queries: read-only cache
        return O.project(run_search(self._store, self._parts.read_embedder.embed, self.config,
                                    req), keep)

    def search_by_vector(self, vector: list[float], *, filters: dict[str, Any] | None = None,
                         top_k: int | None = None, threshold: float | None = None,
                         user_id: str | None = None, agent_id: str | None = None,
                         run_id: str | None = None) -> dict[str, Any]:
        """Vector-only search by a query the caller embedded (see ``engram._vector_search``)."""
        where = facts_where(V.scoped_filter(filters, True, user_id, agent_id, run_id))
        self._parts.writer(self._store).catch_up(where)  # as search: read your writes
        return search_by_vector(self._store, where, vector, top_k=top_k, threshold=threshold)

    def history(self, memory_id: str) -> list[dict[str, Any]]:
        """Every ADD/UPDATE/DELETE of a memory, oldest first (also after its deletion)."""
        memory_id = V.check_id(memory_id)
        events = self._store.history(memory_id)
        if not events:
            raise NotFound("memory", memory_id)
        return [e.to_dict() for e in events]

    def scopes(self) -> list[dict[str, Any]]:
        """The users, agents and runs that hold memories, with counts."""
        return [{"type": s.kind, "id": s.id, "total_memories": s.count,
                 "created_at": s.created_at, "updated_at": s.updated_at}
                for s in self._store.scopes()]


"""Pending vectors: the worker that writes them, and ``flush``.

With ``embedder.background`` on (the default) an ``infer=False`` add commits its
memories with their text, metadata, history and keyword index, and queues their vectors
in the same transaction (:mod:`engram.store._vector_queue`); the add returns before any
model runs. A :class:`VectorWriter` then embeds the queue in batches across adds (the
embedder sorts each batch by length, so it pads only to its own longest text) and writes
the vectors back. Until then search finds those memories by keyword alone.

Threads: one background thread per writer, started by :meth:`VectorWriter.notify` after
an add and ended when the queue holds nothing it can claim, so an idle Memory holds no
thread. Any process may run writers on the same store: claims are leases, and rows of a
killed process are claimed again (at once when it ran on this host, see
:func:`engram.store._vector_queue.owner_alive`).

Categories come from a memory's vector (:mod:`engram._categories`), so the writer picks
them when it writes the vector, with the project's catalog (``memory.project``) as it
stands then; until then a queued memory has none. An add with its own
``custom_categories`` embeds before it commits instead (its catalog is not stored).

Reconciliation (``infer=True``) compares new facts with the scope's facts by vector
similarity, so it must see every one of them: under the scope lock, before the
neighbour search, it writes the scope's pending fact vectors itself (:meth:`drain`,
``facts_only``: the add's stored turns are evidence, never compared, and stay queued),
and writes its own facts' vectors in its transaction, as before.

Read your writes: a search, ``get`` or ``get_all`` whose scope has a small backlog (at
most ``CATCH_UP`` pending) writes it first (:meth:`catch_up`), so one add followed by a
read behaves as when adds embedded, categories included; a larger backlog (a bulk import
under way) is found by keyword and listed without categories until it is written, so a
``categories`` filter misses it meanwhile (``flush`` first to filter a fresh import).
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from engram._ids import new_id
from engram._project import Project
from engram._spoken import embedded_text
from engram._types import MemoryRecord, Scope
from engram.embed._batching import background
from engram.errors import StoreError
from engram.store._vector_queue import PendingText, owner_id
from engram.store.filters import Node, scope_of

if TYPE_CHECKING:
    from engram._components import Components
    from engram.embed import Embedder
    from engram.store.base import BoundStore

__all__ = ["VectorWriter", "writer_for", "BATCH", "LEASE", "RETRY_AFTER", "CATCH_UP"]

# (vectors, texts) -> their categories
Tagger = Callable[[Sequence[np.ndarray], Sequence[str]], list[list[str]]]

log = logging.getLogger("engram.vectors")

# Texts claimed and embedded at once, across adds: the embedder sorts them by length and
# pads each run only to its longest. Measured (bench/results/embed_batching.json): claims
# of 64 cost 10.4 CPU ms a long turn against 13.8 for one text at a time and 11.1 for 16
# at 64 word pieces; 256 gained nothing more and holds more rows per lease.
BATCH = 64
LEASE = 120.0  # seconds a claim holds before another worker may take the rows
RETRY_AFTER = 5.0  # seconds rows wait after the embedder failed on them
CATCH_UP = 16  # a search writes its scope's pending vectors itself up to this many
CATCH_UP_WAIT = 10.0  # seconds a search waits at most for them (a loaded machine: seconds)


_LIVE: weakref.WeakSet[VectorWriter] = weakref.WeakSet()


@atexit.register
def _stop_all() -> None:
    # A daemon thread still inside the model when the interpreter tears down aborts
    # the process ("terminate called without an active exception"): let each finish
    # its batch. Rows not reached stay queued for the next run.
    for w in list(_LIVE):
        w.close()


class VectorWriter:
    """Writes the pending vectors of one namespace with one embedder."""

    def __init__(self, store: BoundStore, embedder: Embedder, *, tag: Tagger | None = None,
                 batch: int = BATCH, lease: float = LEASE) -> None:
        self.store = store
        self.embedder = embedder
        self.tag = tag
        self.batch = batch
        self.lease = lease
        self.owner = owner_id(new_id()[:12])
        self.error: Exception | None = None  # the background thread's last failure
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._more = False
        self._closed = False

    # -- one step ---------------------------------------------------------------------

    def step(self, scope: Scope | None = None, facts_only: bool = False,
             ids: Sequence[str] | None = None) -> int:
        """Claim, embed and write one batch (of ``ids`` only when given); how many
        memories it claimed (0: none free). On an embedder failure the rows go back to
        the queue and it raises."""
        items = self.store.claim_vectors(self.owner, self.batch, self.lease, scope,
                                         facts_only, ids)
        if not items:
            return 0
        try:
            vecs = list(self.embedder.embed([_embedded(i) for i in items]))
            cats = self.tag(vecs, [i.text for i in items]) if self.tag is not None else None
        except BaseException as e:
            self.store.release_vectors(self.owner, [i.id for i in items],
                                       time.time() + RETRY_AFTER, f"{type(e).__name__}: {e}")
            raise
        self.store.finish_vectors(self.owner, list(zip(items, vecs, strict=True)), cats)
        return len(items)

    def drain(self, scope: Scope | None = None, timeout: float | None = None,
              facts_only: bool = False, ids: Sequence[str] | None = None) -> int:
        """Write pending vectors (of ``scope`` only when given; not the stored turns'
        with ``facts_only``; of ``ids`` only when given) until none is left or
        ``timeout`` seconds passed; rows other live workers hold are waited for.
        Returns how many are still pending."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = self.store.pending_vectors(scope, facts_only, ids)
            if left == 0 or (deadline is not None and time.monotonic() > deadline):
                return left
            if not self.step(scope, facts_only, ids):
                time.sleep(0.05)  # other workers hold them, or they wait to be retried

    def flush(self, timeout: float | None = None) -> dict[str, Any]:
        """``Memory.flush``: every pending vector of the namespace, waited for at most
        ``timeout`` seconds."""
        left = self.drain(timeout=timeout)
        self.tidy()
        return {"message": "All vectors written" if not left else f"{left} vectors pending",
                "pending": left}

    def settled(self, memory_id: str) -> MemoryRecord | None:
        """``get``'s read your writes: a memory whose own vector is pending is read once
        that is written (its categories come with it). Only that memory is written here,
        however long its scope's backlog (a bulk import must not slow a ``get``); when
        another worker holds it, its write is waited for, at most ``CATCH_UP_WAIT``
        seconds (the full suite on a loaded machine once read a memory a worker had
        claimed, before its categories were written). The queue is asked before the row
        is read: read first, a worker finishing in between left a row without its
        categories that the queue no longer listed (a server's two workers, 1 in 40)."""
        if self.store.pending_vectors(ids=[memory_id]):
            self.drain(timeout=CATCH_UP_WAIT, ids=[memory_id])
        return self.store.get(memory_id)

    def catch_up(self, where: Node) -> None:
        """Read your writes for a search: see :meth:`_catch_up`."""
        self._catch_up(Scope(**scope_of(where)))

    def _catch_up(self, scope: Scope, most: int = CATCH_UP, wait: float | None = None) -> None:
        """Read your writes: when at most ``most`` memories of ``scope`` (as a search
        filter pins it) wait for their vector, write them (or wait for the worker that
        holds them) for at most ``wait`` seconds, a read's small, bounded cost; a larger
        backlog (a bulk import) is left to the workers and found by keyword meanwhile."""
        if 0 < self.store.pending_vectors(scope) <= most:
            self.drain(scope, timeout=CATCH_UP_WAIT if wait is None else wait)

    # -- the background thread --------------------------------------------------------

    def notify(self) -> None:
        """Rows were queued: make sure the background thread runs."""
        with self._lock:
            if self._closed:
                return
            self._more = True
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="engram-vectors",
                                                daemon=True)
                _LIVE.add(self)
                self._thread.start()

    def _run(self) -> None:
        with background():  # one model run at a time: the adds keep a core
            self._loop()

    def _loop(self) -> None:
        while True:
            with self._lock:
                if self._closed or not self._more:
                    self._thread = None
                    return
                self._more = False
            try:
                while not self._closed and self.step():
                    pass
                self.tidy()  # idle now: a good moment for the store's upkeep
                self.error = None
            except Exception as e:  # noqa: BLE001 - a thread's error would vanish: keep it
                # The rows are back in the queue (retried after RETRY_AFTER, by the next
                # add's thread or by flush, which raises the embedder's error itself).
                self.error = e
                log.warning("engram: writing pending vectors failed, they stay queued: %s", e)

    def tidy(self) -> None:
        """The store's upkeep after writes, if it has any (SQLite: keyword index
        merges, see :meth:`engram.store.sqlite.SQLiteStore.tidy_keywords`)."""
        tidy = getattr(self.store.store, "tidy_keywords", None)
        if tidy is None:
            return
        try:
            tidy()
        except StoreError as e:  # upkeep only: searches stay right, merely slower
            log.warning("engram: keyword index upkeep failed: %s", e)

    def close(self, timeout: float = 30.0) -> None:
        """Stop after the batch under way (its rows are written or stay queued)."""
        with self._lock:
            self._closed = True
            thread = self._thread
        if thread is not None:
            thread.join(timeout)


def _embedded(item: PendingText) -> str:
    """The text a queued memory's vector encodes: as the add would have embedded it."""
    return embedded_text(item.memory_type, item.actor_id, item.text)


def writer_for(store: BoundStore, parts: Components) -> VectorWriter:
    """A Memory's writer: its read embedder (the vectors are stored in the memory rows,
    not the cache) and its classifier with the project's catalog of the moment."""

    def tag(vecs: Sequence[np.ndarray], texts: Sequence[str]) -> list[list[str]]:
        catalog = Project(store).settings().get("custom_categories")
        return parts.classifier.classify(vecs, catalog, texts)

    writer = VectorWriter(store, parts.read_embedder, tag=tag)
    on_close = getattr(store.store, "on_close", None)
    if on_close is not None:  # a store closed under a Memory left open stops its writer first
        on_close(writer.close)
    if store.pending_vectors():  # a backlog from before: a crash, or a changed embedder
        writer.notify()
    return writer

"""Copy an Engram SQLite store into PostgreSQL: ``engram migrate --from sqlite:PATH --to
postgresql://...``.

Memories keep their ids, scopes, metadata, vectors, keyword contexts and timestamps (in
their original order); history and the embedding cache come along. Each batch is one
transaction and rows whose id is already in the target are skipped, so an interrupted
copy is resumed by running the same command again. At the end every source id is
looked up in the target; a shortfall raises :class:`~engram.errors.StoreError`.

The source is opened read-only and may be in use. History rows of memories deleted
before the copy carry no scope in SQLite; they get the namespace's "unknown owner"
shard key.

>>> parse_source("sqlite:/tmp/x.db")
PosixPath('/tmp/x.db')
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from engram._types import Scope
from engram.errors import ConfigError, InvalidInput, StoreError

Progress = Callable[[str, int, int], None]  # (table, rows done, rows in total)

_MEMORY_COLS = ("rid, id, ns, user_id, agent_id, run_id, actor_id, role, memory_type, memory, "
                "hash, metadata, source_ids, context, raw, embedding, created_at, updated_at")
_HISTORY_COLS = ("h.hid, h.id, h.ns, m.user_id, m.agent_id, m.run_id, h.memory_id, h.event, "
                 "h.old_memory, h.new_memory, h.actor_id, h.role, h.created_at")


def parse_source(source: str) -> Path:
    if not source.startswith("sqlite:"):
        raise InvalidInput("--from", f"expected sqlite:PATH, got {source!r}")
    path = Path(source[len("sqlite:"):]).expanduser()
    if not path.is_file():
        raise InvalidInput("--from", f"no SQLite store at {str(path)!r}")
    return path


def migrate_store(source: str, target: str, *, batch: int = 500,
                  progress: Progress | None = None) -> dict[str, Any]:
    """Copy ``source`` (``sqlite:PATH``) into ``target`` (a PostgreSQL DSN); returns the
    counts per table: ``{"memories": {"source", "copied", "skipped"}, ...}``."""
    if not target.startswith(("postgresql://", "postgres://")):
        raise InvalidInput("--to", "expected a postgresql://... DSN")
    if batch < 1:
        raise InvalidInput("--batch", f"must be >= 1, got {batch}")
    path = parse_source(source)
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        embedder = _embedder(src, path)
        from engram.store.postgres import PostgresStore  # needs engram[postgres]

        dst = PostgresStore(target, dims=embedder["dims"], model_id=embedder["model_id"])
        try:
            return _copy_all(src, dst, batch, progress or (lambda *_: None))
        finally:
            dst.close()
    except sqlite3.Error as e:
        raise StoreError(f"cannot read {str(path)!r}: {e}") from e
    finally:
        src.close()


def _embedder(src: sqlite3.Connection, path: Path) -> dict[str, Any]:
    try:
        row = src.execute("SELECT value FROM store_meta WHERE key = 'embedder'").fetchone()
    except sqlite3.Error as e:
        raise ConfigError(f"{str(path)!r} is not an Engram store: {e}") from e
    if row is None:
        raise ConfigError(f"{str(path)!r} holds no embedder record; nothing to migrate")
    held: dict[str, Any] = json.loads(row[0])
    return held


def _copy_all(src: sqlite3.Connection, dst: Any, batch: int, progress: Progress) -> dict[str, Any]:
    from psycopg.types.json import Jsonb

    from engram.store._pg_schema import shard_key

    def memory_row(r: Sequence[Any]) -> tuple[Any, ...]:
        (_, mid, ns, u, a, run, actor, role, mtype, text, h, meta, sources, ctx, raw, emb,
         created, updated) = r
        return (mid, ns, shard_key(ns, Scope(u, a, run)), u, a, run, actor, role, mtype, text,
                h, Jsonb(json.loads(meta)), Jsonb(json.loads(sources)), ctx, bool(raw),
                np.frombuffer(emb, dtype=np.float32), created, updated)

    def history_row(r: Sequence[Any]) -> tuple[Any, ...]:
        _, hid, ns, u, a, run, *rest = r
        owner = shard_key(ns, Scope(u, a, run)) if (u or a or run) else f"{ns}\x1f-"
        return (hid, ns, owner, *rest)

    tables = [
        ("memories", f"SELECT {_MEMORY_COLS} FROM memories WHERE rid > ? ORDER BY rid LIMIT ?",
         "SELECT count(*) FROM memories", memory_row,
         "INSERT INTO engram_memories (id, ns, shard_key, user_id, agent_id, run_id, actor_id, "
         "role, memory_type, memory, hash, metadata, source_ids, context, raw, embedding, "
         "created_at, updated_at) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%b,%s,%s) "
         "ON CONFLICT (id) DO NOTHING", "engram_memories"),
        ("history", f"SELECT {_HISTORY_COLS} FROM history h LEFT JOIN memories m ON "  # noqa: S608
         "m.id = h.memory_id AND m.ns = h.ns WHERE h.hid > ? ORDER BY h.hid LIMIT ?",
         "SELECT count(*) FROM history", history_row,
         "INSERT INTO engram_history (id, ns, shard_key, memory_id, event, old_memory, "
         "new_memory, actor_id, role, created_at) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) "
         "ON CONFLICT (id) DO NOTHING", "engram_history"),
    ]
    report: dict[str, Any] = {}
    for name, select, count_sql, to_row, insert, dst_table in tables:
        total = int(src.execute(count_sql).fetchone()[0])
        copied = done = 0
        ids: list[str] = []
        progress(name, 0, total)
        for chunk in _chunks(src, select, batch):
            rows = [to_row(r) for r in chunk]
            ids.extend(r[0] for r in rows)
            with dst.connection() as conn, conn.transaction(), conn.cursor() as cur:
                cur.executemany(insert, rows)
                copied += max(cur.rowcount, 0)
            done += len(rows)
            progress(name, done, total)
        found = _count_present(dst, dst_table, ids, batch)
        if found != len(ids):
            raise StoreError(f"{name}: {len(ids) - found} of {len(ids)} rows are missing in "
                             "the target after the copy; run the command again to resume")
        report[name] = {"source": len(ids), "copied": copied, "skipped": len(ids) - copied}
    report["embedding_cache"] = _copy_cache(src, dst, batch)
    return report


def _chunks(src: sqlite3.Connection, select: str, batch: int) -> Iterator[list[Any]]:
    last = -1
    while True:
        rows = src.execute(select, (last, batch)).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        yield rows


def _count_present(dst: Any, table: str, ids: list[str], batch: int) -> int:
    found = 0
    with dst.connection() as conn:
        for i in range(0, len(ids), max(batch, 1000)):
            found += conn.execute(f"SELECT count(*) FROM {table} WHERE id = ANY(%s)",  # noqa: S608
                                  (ids[i:i + max(batch, 1000)],)).fetchone()[0]
    return found


def _copy_cache(src: sqlite3.Connection, dst: Any, batch: int) -> int:
    cur_src = src.execute("SELECT model_id, hash, vec FROM embedding_cache")
    total = 0
    while rows := cur_src.fetchmany(batch):
        with dst.connection() as conn, conn.transaction(), conn.cursor() as cur:
            cur.executemany("INSERT INTO engram_embedding_cache (model_id, hash, vec) "
                            "VALUES (%s, %s, %s) ON CONFLICT DO NOTHING", rows)
        total += len(rows)
    return total

"""Copy an Engram SQLite store into PostgreSQL: ``engram migrate --from sqlite:PATH --to
postgresql://...``. (A store tool, so it lives with the stores and reads their column
lists; the CLI command is its one caller.)

Memories keep their ids, scopes, metadata, vectors, keyword contexts and timestamps (in
their original order); history, the graph (entities, relations, their links to memories
and the graph history), the server's job queue and records (feedback, exports, webhooks)
and the embedding cache come along. The column lists are the
stores' own (``MEMORY_COLS``, ``HISTORY_COLS``, ``GraphSQL.*_COLS``), so a column added
to the schema is copied, or this fails loudly, never silently dropped.

Each batch is one transaction and rows already in the target are skipped, so an
interrupted copy is resumed by running the same command again. Every batch is then read
back from the target and compared with the source, column by column; a row missing or
different raises :class:`~engram.errors.StoreError` naming the table and the row.

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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engram._types import Scope
from engram.errors import ConfigError, InvalidInput, StoreError
from engram.store._graph_sql import GraphSQL
from engram.store._memory_sql import HISTORY_COLS, MEMORY_COLS, as_vector
from engram.store._pg_schema import shard_key
from engram.store._platform_sql import PlatformSQL
from engram.store._vector_queue import QUEUE_COLS

Progress = Callable[[str, int, int], None]  # (table, rows done, rows in total)


@dataclass(frozen=True)
class _Table:
    name: str  # the report's key and the SQLite table
    dst: str  # the PostgreSQL table
    cols: tuple[str, ...]  # copied as they are (same names on both sides)
    order: str  # SQLite column that walks the table in insertion order
    key: tuple[str, ...] = ("id",)  # what identifies a row
    shard: bool = False  # append a computed shard_key (SQLite has none)


_G = GraphSQL("postgres")
_TABLES = [
    _Table("memories", "engram_memories", MEMORY_COLS, "rid", shard=True),
    _Table("history", "engram_history", HISTORY_COLS, "hid", shard=True),
    _Table("graph_entities", _G.E, _G.ENTITY_COLS, "rid"),
    _Table("graph_relations", _G.R, _G.RELATION_COLS, "rid"),
    _Table("graph_links", _G.L, _G.LINK_COLS, "rowid", key=("relation_id", "memory_id")),
    _Table("graph_history", _G.H, _G.HISTORY_COLS, "hid"),
    _Table("project_settings", "engram_project_settings", ("ns", "settings", "updated_at"),
           "rowid", key=("ns",)),
    # The server's job queue (queued adds, webhook deliveries) and records (feedback,
    # exports, webhooks): a job leased in the source is copied as it stands.
    _Table("jobs", "engram_jobs", PlatformSQL.JOB_COLS, "seq"),
    _Table("records", "engram_records", PlatformSQL.RECORD_COLS, "seq"),
    # Pending vectors stay pending in the target (a claim is never copied).
    _Table("vector_queue", "engram_vector_queue", QUEUE_COLS, "rowid", key=("memory_id",)),
]


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
        from engram.store.factory import make_store

        dst: Any = make_store("postgres", dsn=target, dims=embedder["dims"],
                              model_id=embedder["model_id"])
        try:
            report: dict[str, Any] = {t.name: _copy(src, dst, t, batch, progress or _quiet)
                                      for t in _TABLES}
            report["embedding_cache"] = _copy_cache(src, dst, batch)
            return report
        finally:
            dst.close()
    except sqlite3.Error as e:
        raise StoreError(f"cannot read {str(path)!r}: {e}") from e
    finally:
        src.close()


def _quiet(table: str, done: int, total: int) -> None:
    return None


def _embedder(src: sqlite3.Connection, path: Path) -> dict[str, Any]:
    try:
        row = src.execute("SELECT value FROM store_meta WHERE key = 'embedder'").fetchone()
    except sqlite3.Error as e:
        raise ConfigError(f"{str(path)!r} is not an Engram store: {e}") from e
    if row is None:
        raise ConfigError(f"{str(path)!r} holds no embedder record; nothing to migrate")
    held: dict[str, Any] = json.loads(row[0])
    return held


def _select(t: _Table) -> str:
    cols = ", ".join(f"x.{c}" for c in t.cols)
    if t.name == "history":  # the scope (for the shard key) comes from the memory row
        return (f"SELECT x.hid, {cols}, m.user_id, m.agent_id, m.run_id FROM history x "  # noqa: S608
                "LEFT JOIN memories m ON m.id = x.memory_id AND m.ns = x.ns "
                "WHERE x.hid > ? ORDER BY x.hid LIMIT ?")
    if t.name == "memories":
        return (f"SELECT x.rid, {cols}, x.user_id, x.agent_id, x.run_id FROM memories x "  # noqa: S608
                "WHERE x.rid > ? ORDER BY x.rid LIMIT ?")
    return (f"SELECT x.{t.order}, {cols} FROM {t.name} x WHERE x.{t.order} > ? "  # noqa: S608
            f"ORDER BY x.{t.order} LIMIT ?")


def _to_pg(t: _Table, row: Sequence[Any]) -> tuple[Any, ...]:
    """A source row as the target's values: JSON as Jsonb, vectors as arrays, flags as
    booleans, plus the shard key where PostgreSQL has one."""
    from psycopg.types.json import Jsonb

    values = dict(zip(t.cols, row[:len(t.cols)], strict=True))
    if t.name == "memories":
        values.update(metadata=Jsonb(json.loads(values["metadata"])),
                      source_ids=Jsonb(json.loads(values["source_ids"])),
                      raw=bool(values["raw"]), embedding=_vector(values["embedding"]),
                      categories=Jsonb(json.loads(values["categories"])),
                      immutable=bool(values["immutable"]))
    if t.name == "project_settings":
        values["settings"] = Jsonb(json.loads(values["settings"]))
    out = [values[c] for c in t.cols]
    if t.shard:
        u, a, r = row[len(t.cols):]
        ns = values["ns"]
        out.append(shard_key(ns, Scope(u, a, r)) if (u or a or r) else f"{ns}\x1f-")
    return tuple(out)


def _insert_sql(t: _Table) -> str:
    cols = (*t.cols, "shard_key") if t.shard else t.cols
    marks = ", ".join("%b" if c == "embedding" and t.name == "memories" else "%s" for c in cols)
    return (f"INSERT INTO {t.dst} ({', '.join(cols)}) VALUES ({marks}) "  # noqa: S608
            "ON CONFLICT DO NOTHING")


def _copy(src: sqlite3.Connection, dst: Any, t: _Table, batch: int,
          progress: Progress) -> dict[str, int]:
    total = int(src.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0])  # noqa: S608
    copied = done = 0
    progress(t.name, 0, total)
    for chunk in _chunks(src, _select(t), batch):
        rows = [r[1:] for r in chunk]
        with dst.connection() as conn, conn.transaction(), conn.cursor() as cur:
            cur.executemany(_insert_sql(t), [_to_pg(t, r) for r in rows])
            copied += max(cur.rowcount, 0)
        _verify(dst, t, rows)
        done += len(rows)
        progress(t.name, done, total)
    return {"source": done, "copied": copied, "skipped": done - copied}


def _verify(dst: Any, t: _Table, rows: list[Sequence[Any]]) -> None:
    """Read the batch back from the target and compare every copied column."""
    want = {_key(t, r): tuple(_norm(c, v) for c, v in zip(t.cols, r, strict=False))
            for r in rows}
    first = t.key[0]
    firsts = list({k[0] for k in want})
    with dst.connection() as conn:
        got_rows = conn.execute(f"SELECT {', '.join(t.cols)} FROM {t.dst} "  # noqa: S608
                                f"WHERE {first} = ANY(%s)", (firsts,)).fetchall()
    got = {_key(t, r): tuple(_norm(c, v) for c, v in zip(t.cols, r, strict=True))
           for r in got_rows}
    missing = [k for k in want if k not in got]
    if missing:
        raise StoreError(f"{t.name}: {len(missing)} of {len(want)} rows are missing in the "
                         "target after the copy; run the command again to resume")
    for k, values in want.items():
        if got[k] != values:
            col = next(c for c, a, b in zip(t.cols, values, got[k], strict=True) if a != b)
            raise StoreError(f"{t.name}: row {'/'.join(k)} differs in the target ({col}); "
                             "the target held another version of it before the copy")


def _key(t: _Table, row: Sequence[Any]) -> tuple[str, ...]:
    return tuple(str(row[t.cols.index(c)]) for c in t.key)


def _norm(col: str, value: Any) -> Any:
    """One value in a form both databases agree on."""
    if col in ("metadata", "source_ids", "categories", "settings") and isinstance(value, str):
        return json.loads(value)
    if col in ("raw", "immutable"):
        return bool(value)
    if col == "embedding":
        vec = _vector(value)
        return None if vec is None else vec.tobytes()
    return bytes(value) if isinstance(value, memoryview) else value


def _vector(value: Any) -> Any:
    """A stored vector as an array; None while it is pending (SQLite's empty BLOB)."""
    vec = None if value is None else as_vector(value)
    return vec if vec is not None and vec.size else None


def _chunks(src: sqlite3.Connection, select: str, batch: int) -> Iterator[list[Any]]:
    last = -1
    while True:
        rows = src.execute(select, (last, batch)).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        yield rows


def _copy_cache(src: sqlite3.Connection, dst: Any, batch: int) -> int:
    cur_src = src.execute("SELECT model_id, hash, vec FROM embedding_cache")
    total = 0
    while rows := cur_src.fetchmany(batch):
        with dst.connection() as conn, conn.transaction(), conn.cursor() as cur:
            cur.executemany("INSERT INTO engram_embedding_cache (model_id, hash, vec) "
                            "VALUES (%s, %s, %s) ON CONFLICT DO NOTHING", rows)
        total += len(rows)
    return total

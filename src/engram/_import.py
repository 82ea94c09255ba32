"""Bulk raw import of a JSONL file: consecutive lines of one scope go in one add call.

Resuming. Each line's memory is stored under an id derived from the namespace, the
file's content (its SHA-256) and the line's number, in the add's own transaction. An
import run again on the same file skips every line whose memory is stored already, so an
import that was interrupted (Ctrl-C, kill -9, a crash) is finished by running the same
command again: nothing stored twice, nothing lost, whatever ``batch`` each run used. A
changed file (a line edited or added) is another source and is imported as a whole; a
memory deleted after its import comes back when the file is imported again.

Progress (:mod:`engram._import_progress`): lines read, memories committed (searchable
by keyword) and indexed (vector written), each with its rate; then ``flush`` waits for
the vectors the background writer has not written yet.

>>> import json, tempfile, os
>>> from pathlib import Path
>>> from engram import Memory
>>> d = tempfile.mkdtemp(); p = Path(d, "in.jsonl")
>>> _ = p.write_text(json.dumps({"role": "user", "content": "hi", "user_id": "u"}) + "\\n")
>>> m = Memory({"store": {"path": os.path.join(d, "x.db")}})
>>> import_jsonl(m, p, progress=False)
{'imported': 1, 'scopes': 1, 'already_imported': 0}
>>> import_jsonl(m, p, progress=False)  # run again: nothing twice
{'imported': 0, 'scopes': 0, 'already_imported': 1}
>>> m.close()
"""

from __future__ import annotations

import hashlib
import json
import sys
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

from engram._add import preset_memory_ids
from engram._import_progress import ImportProgress
from engram._types import SCOPE_KEYS
from engram._validate import check_timestamp
from engram.errors import InvalidInput

__all__ = ["import_jsonl", "line_id"]

_MESSAGE_KEYS = ("role", "content", "name", "timestamp")  # timestamp: when it was said
_IDS = uuid.UUID("5b0c7f52-2b1e-4c36-9d43-6a0f3c1e8e21")  # the uuid5 namespace of line ids


def _lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        f = path.open(encoding="utf-8")
    except OSError as e:
        raise InvalidInput("path", f"cannot read {str(path)!r}: {e.strerror}") from e
    with f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise InvalidInput(f"line {n}", f"is not valid JSON: {e.msg}") from e
            if not isinstance(obj, dict):
                raise InvalidInput(f"line {n}", "must be a JSON object")
            yield n, obj


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def line_id(namespace: str, digest: str, line: int) -> str:
    """The memory id of line ``line`` of the file whose SHA-256 is ``digest``."""
    return str(uuid.uuid5(_IDS, f"{namespace}\n{digest}\n{line}"))


def import_jsonl(memory: Any, path: str | Path, *, defaults: Mapping[str, str | None] | None = None,
                 batch: int = 256, progress: bool = True, stream: TextIO | None = None,
                 every: float = 2.0) -> dict[str, int]:
    """Add every line of ``path`` with ``infer=False`` (lines an earlier run of the same
    file stored are skipped); returns counts. A line's ``timestamp`` (ISO-8601 or Unix
    seconds) is when it was said: its ``happened_at``. ``progress`` goes to ``stream``
    (stderr): bars on a terminal, else a line every ``every`` seconds."""
    path = Path(path)
    defaults = dict(defaults or {})
    total = sum(1 for _ in _lines(path))  # every line is checked before anything is stored
    digest, store = _digest(path), memory._store  # noqa: SLF001 - the bound store: ids, queue
    imported, already, scopes = 0, 0, set()
    group: list[tuple[int, dict[str, Any]]] = []
    key: tuple[Any, ...] | None = None
    shown = (ImportProgress(total, store.pending_vectors, stream or sys.stderr, every=every)
             if progress else None)
    read = 0

    def flush() -> None:
        nonlocal imported, already, group
        if group and key is not None:
            ids = [line_id(store.ns, digest, n) for n, _ in group]
            stored = store.get_many(ids)
            todo = [(i, msg) for i, (_, msg) in zip(ids, group, strict=True) if i not in stored]
            already += len(group) - len(todo)
            if todo:
                scope = dict(zip(SCOPE_KEYS, key[:3], strict=True))
                with preset_memory_ids(tuple(i for i, _ in todo)):
                    out = memory.add([msg for _, msg in todo], infer=False,
                                     metadata=key[3] and json.loads(key[3]), **scope)
                imported += len(todo)
                scopes.add(key[:3])
                if shown is not None:
                    shown.committed(len(out["results"]), read)
        group = []

    for n, obj in _lines(path):
        ids = tuple(obj.get(k) or defaults.get(k) for k in SCOPE_KEYS)
        if not any(ids):
            raise InvalidInput(f"line {n}", "needs user_id, agent_id or run_id "
                                            "(in the line or as --user/--agent/--run)")
        check_timestamp(obj.get("timestamp"), f"line {n}.timestamp")  # name the line, not the batch
        meta = json.dumps(obj["metadata"], sort_keys=True) if obj.get("metadata") else None
        k = (*ids, meta)
        if k != key or len(group) >= batch:
            flush()
            key = k
        group.append((n, {m: obj[m] for m in _MESSAGE_KEYS if m in obj}))
        read += 1
    flush()
    _wait_for_vectors(memory, shown, every)
    if shown is not None:
        shown.finish(already)
    return {"imported": imported, "scopes": len(scopes), "already_imported": already}


def _wait_for_vectors(memory: Any, shown: ImportProgress | None, every: float) -> None:
    """``flush``: the vectors the adds left to the background writer (shown as they go)."""
    if shown is None:
        memory.flush()
        return
    while memory.flush(timeout=max(every, 0.1))["pending"]:
        shown.indexing()

"""Bulk raw import of a JSONL file: consecutive lines of one scope go in one add call.

>>> import json, tempfile, os
>>> from engram import Memory
>>> d = tempfile.mkdtemp(); p = os.path.join(d, "in.jsonl")
>>> _ = open(p, "w").write(json.dumps({"role": "user", "content": "hi", "user_id": "u"}) + "\\n")
>>> import_jsonl(Memory({"store": {"path": os.path.join(d, "x.db")}}), p, progress=False)
{'imported': 1, 'scopes': 1}
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from engram._types import SCOPE_KEYS
from engram._validate import check_timestamp
from engram.errors import InvalidInput

_MESSAGE_KEYS = ("role", "content", "name", "timestamp")  # timestamp: when it was said


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


def import_jsonl(memory: Any, path: str | Path, *, defaults: Mapping[str, str | None] | None = None,
                 batch: int = 256, progress: bool = True) -> dict[str, int]:
    """Add every line of ``path`` with ``infer=False``; returns counts. A line's
    ``timestamp`` (ISO-8601 or Unix seconds) is when it was said: its ``happened_at``."""
    path = Path(path)
    defaults = dict(defaults or {})
    total = sum(1 for _ in _lines(path))
    imported, scopes = 0, set()
    group: list[dict[str, Any]] = []
    key: tuple[Any, ...] | None = None

    def flush() -> None:
        nonlocal imported, group
        if group and key is not None:
            ids = dict(zip(SCOPE_KEYS, key[:3], strict=True))
            memory.add(group, infer=False, metadata=key[3] and json.loads(key[3]), **ids)
            imported += len(group)
            scopes.add(key[:3])
        group = []

    bar, task = _progress(progress, total)
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
        group.append({m: obj[m] for m in _MESSAGE_KEYS if m in obj})
        if bar is not None:
            bar.advance(task)
    flush()
    if bar is not None:
        bar.stop()
    memory.flush()  # the vectors the adds left to the background worker
    return {"imported": imported, "scopes": len(scopes)}


def _progress(enabled: bool, total: int) -> tuple[Any, Any]:
    if not enabled:
        return None, None
    from rich.progress import Progress

    bar = Progress(transient=True)
    bar.start()
    return bar, bar.add_task("importing", total=total)

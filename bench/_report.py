"""Ratios, targets and the printed table of the ingest/search benchmark: pure functions.

>>> e = {"ingest_list": {"per_s": 300.0}}
>>> m = {"ingest_list": {"per_s": 10.0}}
>>> ratio(e["ingest_list"]["per_s"], m["ingest_list"]["per_s"])
30.0
>>> ratio(1.0, None) is None
True
"""

from __future__ import annotations

from typing import Any

MB = 1024 * 1024


def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return round(a / b, 2)


def _get(d: dict[str, Any] | None, *path: Any) -> Any:
    cur: Any = d
    for key in path:
        if cur is None:
            return None
        if isinstance(key, int):
            cur = cur[key] if isinstance(cur, list) and -len(cur) <= key < len(cur) else None
        else:
            cur = cur.get(key) if isinstance(cur, dict) else None
    return cur


def search_at(system: dict[str, Any] | None, memories: int | None = None) -> dict[str, Any] | None:
    """The search figures at ``memories`` (the largest scale when None)."""
    runs = _get(system, "search") or []
    if not runs:
        return None
    if memories is None:
        return max(runs, key=lambda r: r["memories"])
    return next((r for r in runs if r["memories"] == memories), None)


def ratios(e: dict[str, Any], m: dict[str, Any] | None) -> dict[str, float | None]:
    """Engram/mem0 for rates, mem0/Engram for times and sizes (>1: Engram is better)."""
    out: dict[str, float | None] = {
        "list_ingest_rate": ratio(_get(e, "ingest_list", "per_s"), _get(m, "ingest_list", "per_s")),
        "bulk_import_rate": ratio(_get(e, "ingest_bulk", "per_s"), _get(m, "ingest_list", "per_s")),
        "single_ingest_rate": ratio(_get(e, "ingest_single", "per_s"),
                                    _get(m, "ingest_single", "per_s")),
        "embedder_batched_rate": ratio(_get(e, "embedder", "batched_per_s"),
                                       _get(m, "embedder", "batched_per_s")),
        "cold_start": ratio(_get(m, "cold_start", "total_s"), _get(e, "cold_start", "total_s")),
        "peak_rss": ratio(_get(m, "peak_rss_mb"), _get(e, "peak_rss_mb")),
        "disk": ratio(_get(m, "disk_bytes_base"), _get(e, "disk_bytes_base")),
    }
    if _get(e, "long") is not None:
        # mem0 embeds inside add: its ingest time is its time until searchable.
        out["long_searchable_time"] = ratio(_get(m, "long", "searchable_s"),
                                            _get(e, "long", "searchable_s"))
        out["long_indexed_rate"] = ratio(_get(e, "long", "indexed_turns_per_s"),
                                         _get(m, "long", "indexed_turns_per_s"))
        out["long_search_p50"] = ratio(_get(m, "long", "search", "p50_ms"),
                                       _get(e, "long", "search", "p50_ms"))
    for run in _get(e, "search") or []:
        n = run["memories"]
        other = search_at(m, n)
        out[f"search_p50_at_{n}"] = ratio(_get(other, "p50_ms"), run["p50_ms"])
        out[f"search_p95_at_{n}"] = ratio(_get(other, "p95_ms"), run["p95_ms"])
    return out


def targets(e: dict[str, Any], r: dict[str, float | None]) -> list[dict[str, Any]]:
    """The issue's targets, reported (never asserted): name, goal, value, met."""
    top = search_at(e)
    n = top["memories"] if top else None
    eff = ratio(_get(e, "ingest_list", "per_s"), _get(e, "embedder", "batched_per_s"))
    rows = [
        ("list ingest vs mem0 (x)", ">= 20", r.get("list_ingest_rate"), 20, True),
        ("list ingest / own embedder batched", ">= 0.80", eff, 0.8, True),
        ("one-per-call ingest vs mem0 (x)", ">= 5", r.get("single_ingest_rate"), 5, True),
        (f"search p50 vs mem0 at {n} (x)", ">= 20", r.get(f"search_p50_at_{n}"), 20, True),
        (f"search p95 at {n} (ms)", "<= 25", _get(top, "p95_ms"), 25, False),
        ("cold start (s)", "<= 2", _get(e, "cold_start", "total_s"), 2, False),
    ]
    if _get(e, "long") is not None:
        rows += [("long turns: searchable vs mem0 ingest time (x)", ">= 20",
                  r.get("long_searchable_time"), 20, True),
                 ("long turns: fully indexed rate vs mem0 (x)", ">= 2",
                  r.get("long_indexed_rate"), 2, True)]
    if _get(e, "search") is None:  # long turns only: the short phases' rows do not apply
        rows = [row for row in rows if row[0].startswith("long")]
    out = []
    for name, goal, value, bound, higher in rows:
        met = None if value is None else (value >= bound if higher else value <= bound)
        out.append({"name": name, "goal": goal, "value": value, "met": met})
    return out


def _fmt(v: Any, unit: str = "") -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        v = f"{v:,.1f}" if abs(v) >= 100 else f"{v:.2f}" if abs(v) >= 1 else f"{v:.3f}"
    return f"{v}{unit}"


def _row(label: str, a: Any, b: Any, r: Any, unit: str = "") -> list[str]:
    return [label, _fmt(a, unit), _fmt(b, unit), _fmt(r, "x")]


def table(e: dict[str, Any], m: dict[str, Any] | None, r: dict[str, float | None]) -> str:
    """A readable plain-text table: absolute figures for each system and the ratio."""
    def n_of(d: dict[str, Any] | None, key: str) -> str:
        v = _get(d, key, "messages")
        return "-" if v is None else str(v)

    rows = [["", "Engram", "mem0ai", "ratio"]]
    rows.append(_row("embedder load (s)", _get(e, "embedder", "load_s"),
                     _get(m, "embedder", "load_s"), None))
    rows.append(_row("embedder batched (sent/s)", _get(e, "embedder", "batched_per_s"),
                     _get(m, "embedder", "batched_per_s"), r.get("embedder_batched_rate")))
    rows.append(_row("embedder in chunks (sent/s)", _get(e, "embedder", "chunked_per_s"),
                     _get(m, "embedder", "chunked_per_s"), None))
    rows.append(_row(f"list ingest (msg/s; N={n_of(e, 'ingest_list')}/{n_of(m, 'ingest_list')})",
                     _get(e, "ingest_list", "per_s"), _get(m, "ingest_list", "per_s"),
                     r.get("list_ingest_rate")))
    rows.append(_row("  per add call p50 (ms)", _get(e, "ingest_list", "call", "p50_ms"),
                     _get(m, "ingest_list", "call", "p50_ms"), None))
    rows.append(_row("  CPU per message (ms)", _get(e, "ingest_list", "cpu_ms_per_msg"),
                     _get(m, "ingest_list", "cpu_ms_per_msg"),
                     ratio(_get(m, "ingest_list", "cpu_ms_per_msg"),
                           _get(e, "ingest_list", "cpu_ms_per_msg"))))
    rows.append(_row(f"bulk import (msg/s; N={n_of(e, 'ingest_bulk')})",
                     _get(e, "ingest_bulk", "per_s"), None, r.get("bulk_import_rate")))
    rows.append(_row(f"one per call (msg/s; N={n_of(e, 'ingest_single')}/"
                     f"{n_of(m, 'ingest_single')})", _get(e, "ingest_single", "per_s"),
                     _get(m, "ingest_single", "per_s"), r.get("single_ingest_rate")))
    rows.append(_row("  CPU per message (ms)", _get(e, "ingest_single", "cpu_ms_per_msg"),
                     _get(m, "ingest_single", "cpu_ms_per_msg"),
                     ratio(_get(m, "ingest_single", "cpu_ms_per_msg"),
                           _get(e, "ingest_single", "cpu_ms_per_msg"))))
    if _get(e, "ingest_scale") is not None:
        rows.append(_row("list ingest, growing store (msg/s)", _get(e, "ingest_scale", "per_s"),
                         _get(m, "ingest_scale", "per_s"), None))
    for run in _get(e, "search") or []:
        n = run["memories"]
        other = search_at(m, n)
        for p in ("p50", "p95"):
            rows.append(_row(f"search {p} at {n} (ms)", run[f"{p}_ms"],
                             _get(other, f"{p}_ms"), r.get(f"search_{p}_at_{n}")))
        rows.append(_row("  CPU per query (ms)", run.get("cpu_ms_per_query"),
                         _get(other, "cpu_ms_per_query"),
                         ratio(_get(other, "cpu_ms_per_query"), run.get("cpu_ms_per_query"))))
    rows.append(_row("cold start (s)", _get(e, "cold_start", "total_s"),
                     _get(m, "cold_start", "total_s"), r.get("cold_start")))
    rows.append(_row("cold start, process wall (s)", _get(e, "cold_start", "wall_s"),
                     _get(m, "cold_start", "wall_s"), None))
    rows.append(_row("peak RSS, bench process (MB)", _get(e, "peak_rss_mb"),
                     _get(m, "peak_rss_mb"), r.get("peak_rss")))
    rows.append(_row("RSS after cold start (MB)", _get(e, "cold_start", "rss_mb"),
                     _get(m, "cold_start", "rss_mb"), None))
    for key, label in (("disk_bytes_base", "disk"), ("disk_bytes_scale", "disk, grown")):
        a, b = _get(e, key), _get(m, key)
        rows.append(_row(f"{label} (MB)", a / MB if a else None, b / MB if b else None,
                         r.get("disk") if key == "disk_bytes_base" else ratio(b, a)))
    if _get(e, "search") is None:  # long turns only: leave out the short phases' empty rows
        rows = [row for row in rows[:1] + rows[1:] if row is rows[0] or "peak RSS" in row[0]]
    if _get(e, "long") is not None:
        rows += _long_rows(e, m, r)
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i])
                       for i, c in enumerate(row)) for row in rows]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def _long_rows(e: dict[str, Any], m: dict[str, Any] | None,
               r: dict[str, float | None]) -> list[list[str]]:
    def both(*path: str) -> tuple[Any, Any]:
        return _get(e, "long", *path), _get(m, "long", *path)

    n = _get(e, "long", "turns")
    rows = [_row(f"long turns, one add each (N={n})", None, None, None)]
    rows.append(_row("  searchable after (s)", *both("searchable_s"),
                     r.get("long_searchable_time")))
    rows.append(_row("  searchable (turns/s)", *both("searchable_turns_per_s"), None))
    rows.append(_row("  fully indexed after (s)", *both("indexed_s"), None))
    rows.append(_row("  fully indexed (turns/s)", *both("indexed_turns_per_s"),
                     r.get("long_indexed_rate")))
    rows.append(_row("  CPU per turn, indexed (ms)", *both("cpu_ms_per_turn_indexed"), None))
    rows.append(_row("  add call p50 (ms)", *both("add_call", "p50_ms"), None))
    for p in ("p50", "p95"):
        rows.append(_row(f"  search {p} (ms)", *both("search", f"{p}_ms"),
                         r.get("long_search_p50") if p == "p50" else None))
    return rows


def targets_text(rows: list[dict[str, Any]]) -> str:
    mark = {True: "met", False: "MISSED", None: "n/a"}
    return "\n".join(f"  {mark[t['met']]:>6}  {t['name']}: {_fmt(t['value'])} (goal {t['goal']})"
                     for t in rows)

"""Tables and the chart of the LongMemEval bench (matplotlib only when charting).

>>> row = {"name": "x", "summary": {"overall": {"n": 1, "s_any@5": 1.0, "s_any@10": 1.0,
...        "s_all@10": 0.5, "t_any@10": None, "sessions@10": 3}, "by_type": {}}, "p50_ms": 4.0}
>>> "0.500" in table([row])
True
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from _lme_data import TYPES

_COLS = (("s_any@5", "sess any@5"), ("s_any@10", "sess any@10"), ("s_all@10", "sess all@10"),
         ("t_any@10", "turn any@10"), ("newest", "newest 1st"))
_SHORT = {"multi-session": "multi", "temporal-reasoning": "temporal",
          "knowledge-update": "k-update", "single-session-user": "ss-user",
          "single-session-assistant": "ss-asst", "single-session-preference": "ss-pref"}


def _f(v: Any) -> str:
    return "  -  " if v is None else f"{v:.3f}"


def table(rows: list[dict[str, Any]]) -> str:
    """One line per row: overall figures, split halves of recall_all@10, latency."""
    width = max(len(r["name"]) for r in rows)
    head = f"{'row':<{width}} | " + " | ".join(h for _, h in _COLS) + \
        " | all@10 A/B  | sess/10 | p50 ms | p95 ms"
    lines = [head, "-" * len(head)]
    for r in rows:
        o = r["summary"]["overall"]
        halves = r["summary"].get("by_half", {})
        ab = "/".join(_f(halves.get(h, {}).get("s_all@10")) for h in "AB")
        lines.append(f"{r['name']:<{width}} | " + " | ".join(f"{_f(o[m]):>{len(h)}}" for m, h in _COLS)
                     + f" | {ab:>11} | {o['sessions@10'] or 0:7.2f} | "
                     + f"{r.get('p50_ms', float('nan')):6.1f} | {r.get('p95_ms', float('nan')):6.1f}")
    return "\n".join(lines)


def types_table(rows: list[dict[str, Any]]) -> str:
    """Session recall_all@10 / turn recall_any@10 per question type."""
    types = [t for t in TYPES if any(t in r["summary"]["by_type"] for r in rows)]
    width = max(len(r["name"]) for r in rows)
    head = f"{'all@10 / turn@10':<{width}} | " + " | ".join(f"{_SHORT[t]:^13}" for t in types)
    lines = [head, "-" * len(head)]
    for r in rows:
        cells = []
        for t in types:
            b = r["summary"]["by_type"].get(t, {})
            cells.append(f"{_f(b.get('s_all@10'))}/{_f(b.get('t_any@10'))}")
        lines.append(f"{r['name']:<{width}} | " + " | ".join(cells))
    n = {t: next((r["summary"]["by_type"][t]["n"] for r in rows if t in r["summary"]["by_type"]), 0)
         for t in types}
    lines.append("questions per type: " + ", ".join(f"{_SHORT[t]} {n[t]}" for t in types))
    return "\n".join(lines)


def chart(rows: list[dict[str, Any]], path: Path) -> None:
    """Grouped bars: session recall_all@10 and turn recall_any@10 per type, per row."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    types = ["overall", *[t for t in TYPES if any(t in r["summary"]["by_type"] for r in rows)]]
    fig, axes = plt.subplots(1, 2, figsize=(13, 4.5), sharey=True)
    for ax, (metric, title) in zip(axes, (("s_all@10", "session recall_all@10"),
                                          ("t_any@10", "turn recall_any@10")), strict=True):
        w = 0.8 / max(len(rows), 1)
        for i, r in enumerate(rows):
            vals = [(r["summary"]["overall"] if t == "overall"
                     else r["summary"]["by_type"].get(t, {})).get(metric) or 0.0 for t in types]
            ax.bar([x + i * w for x in range(len(types))], vals, w, label=r["name"])
        ax.set_xticks([x + 0.4 - w / 2 for x in range(len(types))])
        ax.set_xticklabels([_SHORT.get(t, t) for t in types], rotation=20)
        ax.set_title(title)
        ax.set_ylim(0, 1.05)
    axes[0].legend(fontsize=7, loc="lower left")
    fig.suptitle("LongMemEval_S dev: evidence recall in the top 10")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)

"""The LOCOMO bench's outputs: the text table, the JSON document and the bar chart.

>>> row = {"name": "x", "summary": {"overall": {"r@5": 0.5, "r@10": 0.6, "r@20": 0.7, "n": 2},
...        "by_category": {"temporal": {"r@10": 0.6}}}, "p50_ms": 1.0, "p95_ms": 2.0, "note": ""}
>>> "0.600" in table([row])
True
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from _locomo_data import CATEGORIES

_CATS = list(CATEGORIES.values())


def table(rows: Sequence[dict[str, Any]]) -> str:
    """One line per system/lever: recall@5/10/20 overall, recall@10 per category, latency."""
    head = (f"{'system / lever':44s} {'r@5':>6s} {'r@10':>6s} {'r@20':>6s} | "
            + " ".join(f"{c[:8]:>8s}" for c in _CATS) + f" | {'p50ms':>6s} {'p95ms':>6s}  note")
    lines = [head, "-" * len(head)]
    for r in rows:
        o, cats = r["summary"]["overall"], r["summary"]["by_category"]
        cells = " ".join(f"{cats[c]['r@10']:8.3f}" if c in cats else f"{'-':>8s}" for c in _CATS)
        lat = (f"{r['p50_ms']:6.1f} {r['p95_ms']:6.1f}" if r.get("p50_ms") is not None
               else f"{'-':>6s} {'-':>6s}")
        lines.append(f"{r['name'][:44]:44s} {o['r@5']:6.3f} {o['r@10']:6.3f} {o['r@20']:6.3f} | "
                     f"{cells} | {lat}  {r.get('note', '')}")
    return "\n".join(lines)


def conversations_table(rows: Sequence[dict[str, Any]]) -> str:
    """recall@10 per conversation for the given rows (the headline systems)."""
    convs = sorted({c for r in rows for c in r["summary"]["by_conversation"]})
    lines = [f"{'recall@10 by conversation':44s} " + " ".join(f"{c:>8s}" for c in convs)]
    for r in rows:
        by = r["summary"]["by_conversation"]
        lines.append(f"{r['name'][:44]:44s} " + " ".join(
            f"{by[c]['r@10']:8.3f}" if c in by else f"{'-':>8s}" for c in convs))
    return "\n".join(lines)


def chart(rows: Sequence[dict[str, Any]], path: Path) -> None:
    """Grouped bars: recall@10 per category (and overall), one bar per system."""
    import matplotlib

    matplotlib.use("Agg")  # no display; must precede pyplot
    import matplotlib.pyplot as plt

    groups = [*_CATS, "overall"]
    fig, ax = plt.subplots(figsize=(11, 4.8))
    width = 0.8 / max(1, len(rows))
    for i, r in enumerate(rows):
        s = r["summary"]
        vals = [s["by_category"].get(c, {}).get("r@10", 0.0) for c in _CATS] + [s["overall"]["r@10"]]
        xs = [g + (i - (len(rows) - 1) / 2) * width for g in range(len(groups))]
        bars = ax.bar(xs, vals, width, label=r["name"])
        ax.bar_label(bars, fmt="%.2f", fontsize=6, padding=1)
    ax.set_xticks(range(len(groups)), groups)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("recall@10 of evidence turns")
    ax.set_title("LOCOMO retrieval: recall@10 by question category")
    ax.legend(fontsize=7, loc="upper left", ncols=2)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)

"""Screenshots of the dashboard's main pages, desktop (1280x800) and phone (390x844), in
headless Debian Chromium against a real server with a seeded project: ``make screens``.

Writes ``bench/results/screens/<page>-<desktop|phone>.png``. The demo project's memories
are back-dated over three weeks (straight in its temporary SQLite file) so that the
adds-per-day chart has something to draw; nothing else is touched. Graph memory is on, and
two of alice's messages go through extraction so the scope page's "Graph" panel has
relations (one of them no longer true).

    python bench/screens.py [--out DIR]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the harness lives with the dashboard tests

from tests.dashboard.harness import Site, chromium, seeded_site, sign_in  # noqa: E402

SIZES = {"desktop": (1280, 800), "phone": (390, 844)}


def backdate(db: Path) -> None:
    """Spread the seeded memories over the last 21 days (their created_at and ADD event)."""
    now = datetime.now(UTC)
    with sqlite3.connect(db) as con:
        ids = [r[0] for r in con.execute("SELECT id FROM memories ORDER BY created_at")]
        for i, mid in enumerate(ids):
            # Oldest first, so the list's order (newest first) still holds.
            when = now - timedelta(hours=(len(ids) - i) * 20 + (i * 7) % 11)
            stamp = when.isoformat(timespec="microseconds")
            con.execute("UPDATE memories SET created_at = ? WHERE id = ?", (stamp, mid))
            con.execute("UPDATE history SET created_at = ? WHERE memory_id = ? AND event = 'ADD'",
                        (stamp, mid))


def add_relations(site: Site) -> None:
    """Two inferred adds for alice: three relations, then one of them replaced."""
    with site.api() as c:
        for text in ("My sister Anna is a nurse in Chicago.", "My sister Anna now lives in Boston."):
            c.post("/v3/memories/add/", json={"messages": [{"role": "user", "content": text}],
                                              "user_id": "alice"}).raise_for_status()


def shoot(browser: Any, site: Site, out: Path, size: str) -> list[Path]:
    w, h = SIZES[size]
    ctx = browser.new_context(viewport={"width": w, "height": h})
    ctx.set_default_timeout(15_000)
    page = ctx.new_page()
    saved: list[Path] = []

    def snap(name: str, full: bool = True) -> None:
        page.wait_for_load_state("networkidle")
        path = out / f"{name}-{size}.png"
        page.screenshot(path=str(path), full_page=full)
        saved.append(path)

    sign_in(page, site, key="eng_this_key_is_wrong")
    page.locator("#signin-error").wait_for()
    snap("signin-error")
    sign_in(page, site)
    page.get_by_role("heading", name="Scopes", exact=True).wait_for()
    snap("scopes")
    page.goto(f"{site.url}/dashboard/#/scope/user/alice")
    page.get_by_role("heading", name="Memories").wait_for()
    page.locator("ul.relations").wait_for()
    snap("scope")
    page.goto(f"{site.url}/dashboard/#/scope/user/alice?q=what+does+alice+drink")
    page.locator("ol.memories .score").first.wait_for()
    snap("search")
    page.goto(f"{site.url}/dashboard/#/memory/{site.ids['Lives in Lisbon']}")
    page.get_by_role("heading", name="History").wait_for()
    snap("memory")
    page.get_by_role("button", name="Delete memory").click()
    page.locator("dialog#confirm").wait_for()
    snap("confirm-delete", full=False)  # a modal: the viewport is what the user sees
    page.keyboard.press("Escape")
    page.goto(f"{site.url}/dashboard/#/add?user_id=alice")
    page.get_by_label("Message").fill("I'm vegetarian now and I moved to Berlin.")
    page.get_by_role("button", name="Add").click()
    page.locator("ul.events").wait_for()
    snap("add")
    page.route("**/v1/**", lambda route: route.abort("connectionrefused"))
    page.goto(f"{site.url}/dashboard/#/scope/user/bob")
    page.get_by_role("heading", name="Server unreachable").wait_for()
    snap("server-down")
    ctx.close()
    return saved


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "screens")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        from engram.embed.onnx import MiniLMEmbedder  # real scores in the search screen

        with seeded_site(Path(tmp), MiniLMEmbedder(), {"graph": {"enabled": True}}) as site, \
                chromium() as browser:
            add_relations(site)
            backdate(Path(tmp) / "engram.db")
            for size in SIZES:
                for p in shoot(browser, site, args.out, size):
                    print(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p)


if __name__ == "__main__":
    main()

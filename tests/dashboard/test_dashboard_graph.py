"""A scope's graph on the dashboard: the ``/v1/dashboard/graph/`` route and the scope
page's "Graph" panel, against a real server with graph memory on (offline rules extract
the relations), in headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from tests.dashboard.harness import Site, serve, sign_in


@pytest.fixture(scope="module")
def graph_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    tmp: Path = tmp_path_factory.mktemp("dashboard-graph")
    with serve(tmp, config={"graph": {"enabled": True}}) as (url, keys):
        _, key = keys.create("acme", "graphs")
        site = Site(url=url, key=key, keys=keys, ids={})
        with site.api() as c:
            def add(text: str, user: str, infer: bool = True) -> dict[str, Any]:
                r = c.post("/v3/memories/add/", json={
                    "messages": [{"role": "user", "content": text}], "user_id": user,
                    "infer": infer})
                r.raise_for_status()
                return dict(r.json())

            add("My sister Anna is a nurse in Chicago.", "dana")
            add("My sister Anna now lives in Boston.", "dana")  # Chicago: no longer true
            add("Likes quiet mornings", "erin", infer=False)  # a memory, no relation
        yield site


def open_scope(page: Any, site: Site, user: str) -> Any:
    sign_in(page, site)
    expect(page.get_by_role("heading", name="Scopes", exact=True)).to_be_visible()
    page.goto(f"{site.url}/dashboard/#/scope/user/{user}")
    panel = page.locator("section.graph")
    expect(panel.get_by_role("heading", name="Graph")).to_be_visible()
    return panel


def test_route_returns_the_scopes_relations(graph_site: Site) -> None:
    with graph_site.api() as c:
        body = c.get("/v1/dashboard/graph/", params={"user_id": "dana"}).json()
        other = c.get("/v1/dashboard/graph/", params={"user_id": "erin"}).json()
    triples = {(r["source"], r["relationship"], r["target"], r["valid"])
               for r in body["relations"]}
    assert ("Anna", "lives_in", "Chicago", False) in triples
    assert ("Anna", "lives_in", "Boston", True) in triples
    assert ("user", "sister", "Anna", True) in triples
    assert {"Anna", "Boston", "Chicago"} <= set(body["entities"])
    assert other == {"relations": [], "entities": []}


def test_route_needs_exactly_one_scope_and_a_key(graph_site: Site) -> None:
    with graph_site.api() as c:
        none = c.get("/v1/dashboard/graph/")
        two = c.get("/v1/dashboard/graph/", params={"user_id": "dana", "run_id": "r1"})
    assert none.status_code == 400 and none.json()["field"] == "user_id"
    assert two.status_code == 400 and two.json()["field"] == "run_id"
    anon = httpx.get(graph_site.url + "/v1/dashboard/graph/", params={"user_id": "dana"})
    assert anon.status_code == 401


def test_panel_lists_relations_and_strikes_out_stale_ones(page: Any, graph_site: Site) -> None:
    panel = open_scope(page, graph_site, "dana")
    items = panel.locator("ul.relations li")
    expect(items.filter(has_text="Boston")).to_have_text("Anna —lives in→ Boston")
    stale = items.filter(has_text="Chicago")
    expect(stale).to_have_class("relation invalid")
    expect(stale).to_have_text("Anna —lives in→ Chicago (no longer true)")
    expect(stale.locator("del")).to_have_text("Anna —lives in→ Chicago")
    expect(panel.get_by_role("status")).to_contain_text("1 no longer true")
    # Keyboard: Tab reaches the entity buttons; Enter narrows the list to one entity.
    nurse = panel.get_by_role("button", name="nurse", exact=True)
    nurse.focus()
    page.keyboard.press("Enter")
    expect(nurse).to_have_attribute("aria-pressed", "true")
    expect(items.locator("visible=true")).to_have_count(1)
    expect(panel.get_by_role("status")).to_have_text("1 relation of nurse.")
    page.keyboard.press("Shift+Tab")  # entities are sorted: Anna, Boston, Chicago, nurse
    expect(panel.get_by_role("button", name="Chicago", exact=True)).to_be_focused()
    panel.get_by_role("button", name="All").press("Space")
    expect(items.locator("visible=true")).to_have_count(items.count())


def test_empty_state_for_a_scope_without_relations(page: Any, graph_site: Site) -> None:
    panel = open_scope(page, graph_site, "erin")
    expect(panel).to_contain_text(
        "No relations yet: graph memory is off or nothing was extracted")
    expect(panel.locator("ul.relations")).to_have_count(0)


def test_panel_fits_a_phone(phone: Any, graph_site: Site) -> None:
    panel = open_scope(phone, graph_site, "dana")
    expect(panel.locator("ul.relations li").first).to_be_visible()
    wide = phone.evaluate("document.documentElement.scrollWidth")
    assert wide <= 390, f"the page scrolls sideways at 390 px ({wide} px wide)"
    box = panel.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390

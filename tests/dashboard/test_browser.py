"""The dashboard in real headless Chromium against a real server: sign in, scopes, a
scope's memories (filters, pages, search with scores), history, edit, delete, add, and
the error states (bad key, key revoked mid-session, server unreachable)."""

from __future__ import annotations

import re
from typing import Any

import httpx
from playwright.sync_api import expect

from tests.dashboard.harness import Site, sign_in


def signed_in(page: Any, site: Site) -> Any:
    sign_in(page, site)
    expect(page.get_by_role("heading", name="Scopes", exact=True)).to_be_visible()
    return page


def test_sign_in_lists_scopes_with_counts(page: Any, site: Site) -> None:
    signed_in(page, site)
    assert site.key not in page.url  # the key never goes into the address
    assert page.evaluate("sessionStorage.getItem('engram.apiKey')") == site.key
    expect(page.locator("#project")).to_have_text("acme / assistant")
    rows = page.locator("table.scopes tbody tr")
    alice = rows.filter(has=page.get_by_role("link", name="alice", exact=True))
    expect(alice.locator("td.num")).to_have_text(re.compile(r"^24"))
    expect(rows.filter(has_text="planner")).to_contain_text("agent")
    expect(rows.filter(has_text="trip-kyoto")).to_contain_text("run")
    expect(page.locator("figure.activity svg rect.bar")).to_have_count(30)
    expect(page.locator("figure.activity figcaption")).to_contain_text("added in the last 30 days")
    # Searchable: "/" jumps to the filter box, typing narrows the table.
    page.keyboard.press("/")
    expect(page.locator("#scope-filter")).to_be_focused()
    page.keyboard.type("ali")
    expect(rows).to_have_count(1)
    expect(page.locator("#scope-count")).to_have_text("1 of 5 scopes match")
    page.locator("#scope-filter").fill("zzz")
    expect(page.get_by_text("No scope matches")).to_be_visible()
    page.locator("#scope-filter").fill("")
    page.locator("#scope-kind").select_option("agent")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("planner")


def test_bad_key_is_refused_with_a_message(page: Any, site: Site) -> None:
    sign_in(page, site, key="eng_not_a_real_key")
    expect(page.get_by_role("alert").filter(has_text="not accepted")).to_be_visible()
    assert page.evaluate("sessionStorage.getItem('engram.apiKey')") is None
    expect(page.get_by_label("API key")).to_be_focused()
    # Opening a page without a key leads to the sign-in form.
    page.goto(site.url + "/dashboard/#/scope/user/alice")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()


def test_revoked_key_mid_session_returns_to_sign_in(page: Any, site: Site) -> None:
    key_id, key = site.keys.create("acme", "assistant")
    sign_in(page, site, key=key)
    expect(page.get_by_role("heading", name="Scopes", exact=True)).to_be_visible()
    site.keys.revoke(key_id)
    page.get_by_role("link", name="alice", exact=True).click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(page.locator("#signin-error")).to_contain_text("invalid, revoked or expired")
    assert page.evaluate("sessionStorage.getItem('engram.apiKey')") is None


def test_server_down_shows_unreachable(page: Any, site: Site) -> None:
    signed_in(page, site)
    page.route(re.compile(r".*/v[0-9]/.*"), lambda route: route.abort("connectionrefused"))
    page.get_by_role("link", name="bob", exact=True).click()
    expect(page.get_by_role("heading", name="Server unreachable")).to_be_visible()
    expect(page.locator(".error-panel")).to_contain_text("engram serve")
    page.unroute(re.compile(r".*/v[0-9]/.*"))
    page.get_by_role("button", name="Retry").click()
    expect(page.get_by_role("heading", name="bob")).to_be_visible()


def test_scope_memories_paginate_and_filter(page: Any, site: Site) -> None:
    signed_in(page, site)
    page.get_by_role("link", name="alice", exact=True).click()
    items = page.locator("ol.memories > li")
    expect(page.get_by_role("status").filter(has_text="24 memories")).to_be_visible()
    expect(items).to_have_count(20)
    page.get_by_role("link", name="Older →").click()
    expect(page.get_by_text("Page 2 of 2")).to_be_visible()
    expect(items).to_have_count(4)
    page.get_by_label("Metadata key").fill("topic")
    page.get_by_label("equals").fill("food")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_text("4 memories match the filters")).to_be_visible()
    expect(items).to_have_count(4)
    for text in items.locator("a.text").all_inner_texts():
        assert "tea" in text or "vegetarian" in text
    # A date window before anything was added matches nothing: a clear empty state.
    page.get_by_label("Added from").fill("2001-01-01")
    page.get_by_label("to", exact=True).fill("2001-01-02")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_text("No memory matches these filters")).to_be_visible()
    page.get_by_role("link", name="Clear").click()
    expect(items).to_have_count(20)


def test_search_shows_scores(page: Any, site: Site) -> None:
    signed_in(page, site)
    page.get_by_role("link", name="alice", exact=True).click()
    page.get_by_label("Search").fill("cello weekends")
    page.get_by_label("Search").press("Enter")
    expect(page.get_by_role("heading", name="Results for “cello weekends”")).to_be_visible()
    first = page.locator("ol.memories > li").first
    expect(first.locator("a.text")).to_contain_text("cello")
    scores = [float(s) for s in page.locator(".score > span").all_inner_texts()]
    assert scores and all(0 <= s <= 1 for s in scores)
    # Filters apply to search too; none left is a clear empty state.
    page.get_by_label("Metadata key").fill("topic")
    page.get_by_label("equals").fill("no-such-topic")
    page.get_by_label("Search").press("Enter")
    expect(page.get_by_text("Nothing found")).to_be_visible()


def test_history_is_a_timeline(page: Any, site: Site) -> None:
    signed_in(page, site)
    page.goto(f"{site.url}/dashboard/#/memory/{site.ids['Lives in Lisbon']}")
    events = page.locator("ol.timeline > li")
    expect(events).to_have_count(3)
    expect(events.nth(0).locator(".badge")).to_have_text("ADD")
    expect(events.nth(1).locator(".badge")).to_have_text("UPDATE")
    expect(events.nth(1).locator("del")).to_have_text("Lives in Lisbon")
    expect(events.nth(1).locator("ins")).to_have_text("Lives in Porto")
    expect(events.nth(2).locator("ins")).to_have_text("Lives in Porto, near the river")
    # A deleted memory keeps its history, with the DELETE event.
    page.goto(f"{site.url}/dashboard/#/memory/{site.ids['deleted']}")
    expect(page.get_by_role("heading", name="Deleted memory")).to_be_visible()
    expect(page.locator("ol.timeline .badge")).to_have_text(["ADD", "DELETE"])


def test_edit_asks_for_confirmation(page: Any, site: Site) -> None:
    mid = site.ids["Learning Japanese"]
    signed_in(page, site)
    page.goto(f"{site.url}/dashboard/#/memory/{mid}")
    page.get_by_label("Text").fill("Learning Japanese and Korean")
    page.get_by_role("button", name="Save changes").click()
    dialog = page.locator("dialog#confirm")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Learning Japanese and Korean")
    page.keyboard.press("Escape")  # cancelled: nothing written
    expect(dialog).to_be_hidden()
    with site.api() as api:
        assert api.get(f"/v1/memories/{mid}/").json()["memory"] == "Learning Japanese"
    page.get_by_label("Metadata (JSON object)").fill('{"topic": "languages"}')
    page.get_by_role("button", name="Save changes").click()
    dialog.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Memory updated.")).to_be_visible()
    expect(page.get_by_role("heading", name="Learning Japanese and Korean")).to_be_visible()
    expect(page.locator("ol.timeline > li").last.locator("del")).to_have_text("Learning Japanese")
    with site.api() as api:
        got = api.get(f"/v1/memories/{mid}/").json()
    assert got["memory"] == "Learning Japanese and Korean"
    assert got["metadata"] == {"topic": "languages"}
    # Bad metadata is caught before anything is sent.
    page.get_by_label("Metadata (JSON object)").fill("[1, 2]")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator("#edit-error")).to_contain_text("JSON object")
    expect(dialog).to_be_hidden()


def test_delete_asks_for_confirmation(page: Any, site: Site) -> None:
    mid = site.ids["bob"]
    signed_in(page, site)
    page.goto(f"{site.url}/dashboard/#/memory/{mid}")
    page.get_by_role("button", name="Delete memory").click()
    dialog = page.locator("dialog#confirm")
    expect(dialog).to_contain_text("Bob is training for a marathon")
    dialog.get_by_role("button", name="Cancel").click()
    with site.api() as api:
        assert api.get(f"/v1/memories/{mid}/").status_code == 200
    page.get_by_role("button", name="Delete memory").click()
    dialog.get_by_role("button", name="Delete").click()
    expect(page.get_by_text("Memory deleted.")).to_be_visible()
    expect(page.get_by_role("heading", name="bob")).to_be_visible()
    expect(page.locator("ol.memories")).not_to_contain_text("marathon")
    with site.api() as api:
        assert api.get(f"/v1/memories/{mid}/").status_code == 404


def test_add_shows_the_events(page: Any, site: Site) -> None:
    signed_in(page, site)
    page.get_by_role("link", name="Add memory").first.click()
    page.get_by_label("Message").fill("I'm vegetarian and I moved to Berlin.")
    page.get_by_role("button", name="Add").click()
    expect(page.locator("#add-error")).to_contain_text("every memory belongs to a scope")
    page.get_by_label("User id").fill("dave")
    page.get_by_role("button", name="Add").click()
    events = page.locator("ul.events > li")
    expect(events.first.locator(".badge")).to_have_text("ADD")
    texts = " ".join(events.all_inner_texts())
    assert "egetarian" in texts and "Berlin" in texts
    # The same message again changes nothing: no new event but a NONE (or none at all).
    page.get_by_role("button", name="Add").click()
    expect(page.locator("#add-result")).not_to_contain_text("ADD")
    # Stored as is, with metadata; the event links to the new memory.
    page.get_by_label("Message").fill("Call mum on Sunday")
    page.get_by_label("Extract facts").uncheck()
    page.get_by_label("Metadata (JSON object, optional)").fill('{"topic": "family"}')
    page.get_by_role("button", name="Add").click()
    expect(events).to_have_count(1)
    events.first.get_by_role("link", name="Call mum on Sunday").click()
    expect(page.get_by_role("heading", name="Call mum on Sunday")).to_be_visible()
    expect(page.locator("dl.facts")).to_contain_text("family")


def test_phone_width_has_no_horizontal_scroll(phone: Any, site: Site) -> None:
    signed_in(phone, site)
    pages = ["", "scope/user/alice", f"memory/{site.ids['Lives in Lisbon']}", "add",
             "scope/user/alice?q=tea"]
    for route in pages:
        phone.goto(f"{site.url}/dashboard/#/{route}")
        expect(phone.locator("main h1")).to_be_visible()
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"#/{route} is {width} px wide on a 390 px screen"


def test_keyboard_only_navigation(page: Any, site: Site) -> None:
    signed_in(page, site)
    # Tab from the page to the first scope link, open it with Enter.
    page.locator("#scope-filter").focus()
    page.keyboard.type("planner")
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "planner":
            break
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="planner")).to_be_focused()
    page.keyboard.press("/")
    expect(page.get_by_label("Search")).to_be_focused()


def test_assets_are_served_with_a_strict_policy(site: Site) -> None:
    r = httpx.get(site.url + "/dashboard", follow_redirects=False)
    assert r.status_code in (307, 308) and r.headers["location"].endswith("/dashboard/")
    r = httpx.get(site.url + "/dashboard/")
    assert r.status_code == 200 and "<title>Engram dashboard</title>" in r.text
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "http" not in r.text.split("<body>")[0].replace("http-equiv", "")  # nothing remote
    js = httpx.get(site.url + "/dashboard/js/app.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    assert httpx.get(site.url + "/dashboard/nope.js").status_code == 404

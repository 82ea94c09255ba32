"""The dashboard's evidence and time views in real headless Chromium against a real
server: a fact's evidence turns (speaker, when said), a turn's citing facts, its history with validity intervals
and the re-extraction that changed it, delete with evidence, event time shown and
filtered, expired memories hidden and shown, and the as-of view."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.dashboard.harness import Site, sign_in

LISBON = "I live in Lisbon and I play the cello."
BERLIN = "I moved to Berlin."


@pytest.fixture(scope="module")
def erin(site: Site) -> Iterator[dict[str, Any]]:
    """Erin's conversation, said in 2023 and stored today: a fact updated by a later turn,
    put back by hand (as an older extractor would have left it) and fixed by a
    re-extraction; notes with an event time or an expiration date."""
    out: dict[str, Any] = {}
    with site.api() as c:
        def add(messages: Any, **body: Any) -> dict[str, Any]:
            r = c.post("/v3/memories/add/", json={"messages": messages, "user_id": "erin", **body})
            r.raise_for_status()
            return dict(r.json())

        first = add([{"role": "user", "content": LISBON, "name": "Erin"},
                     {"role": "assistant", "content": "Lovely! How long have you played?"}],
                    timestamp="2023-05-10T14:00:00Z")
        second = add(BERLIN, timestamp="2023-08-01T09:30:00Z")
        dog = add("I have a dog named Miso.", timestamp="2023-09-02T08:00:00Z")
        fid = next(r["id"] for r in first["results"] if r["memory"] == "Lives in Lisbon")
        c.put(f"/v1/memories/{fid}/", json={"text": "Lives in Lisbon"}).raise_for_status()
        c.post("/v1/memories/reextract/", json={"user_id": "erin"}).raise_for_status()
        assert c.get(f"/v1/memories/{fid}/").json()["memory"] == "Lives in Berlin"
        add("Booked a flight to Tokyo", infer=False, timestamp="2024-02-03T10:00:00Z")
        add("Spring sale code SPRING20", infer=False, expiration_date="2020-01-01")
        add("Gym membership runs", infer=False, expiration_date="2999-01-01")
        out.update(fact=fid, turns=first["episode_ids"] + second["episode_ids"],
                   dog=dog["results"][0]["id"], dog_turn=dog["episode_ids"][0],
                   history=c.get(f"/v1/memories/{fid}/history/").json())
    yield out


def _open(page: Any, site: Site, route: str) -> Any:
    sign_in(page, site)
    expect(page.get_by_role("heading", name="Scopes", exact=True)).to_be_visible()
    page.goto(f"{site.url}/dashboard/#/{route}")
    expect(page.locator("main h1")).to_be_visible()
    return page


def test_a_fact_shows_its_evidence_turns_and_their_speaker(
        page: Any, site: Site, erin: dict[str, Any]) -> None:
    _open(page, site, f"memory/{erin['fact']}")
    expect(page.get_by_role("heading", name="Lives in Berlin")).to_be_visible()
    turns = page.locator("ol.turns > li")
    expect(turns).to_have_count(2)
    expect(turns.locator("a.text")).to_have_text([LISBON, BERLIN])
    expect(turns.nth(0).locator(".speaker")).to_have_text("Erin (user)")
    expect(turns.nth(0).locator("time")).to_have_attribute("datetime", re.compile("^2023-05-10T14:00"))
    expect(turns.nth(1).locator("time")).to_have_attribute("datetime", re.compile("^2023-08-01T09:30"))
    # Event time beside the time of writing; no expiry.
    facts = page.locator("dl.facts")
    expect(facts.locator("dt", has_text="Happened").locator("+ dd time")).to_have_attribute(
        "datetime", re.compile("^2023-08-01"))
    expect(facts.locator("dt", has_text="Expires").locator("+ dd")).to_have_text("never")
    # A turn opens as a memory of its own, labelled with who said it.
    turns.nth(0).locator("a.text").click()
    expect(page.get_by_role("heading", name=LISBON)).to_be_visible()
    expect(page.locator("dl.facts")).to_contain_text("A turn of a conversation, by Erin (user)")
    expect(page.locator("ol.turns")).to_have_count(0)


def test_a_turn_shows_the_facts_citing_it(page: Any, site: Site, erin: dict[str, Any]) -> None:
    """The reverse of the evidence panel: a turn's page lists the facts whose provenance
    names it (as the API's facts say, read here without the filter), each a link; a turn
    no fact came from says so."""
    lisbon, assistant = erin["turns"][0], erin["turns"][1]
    with site.api() as c:
        facts = c.post("/v3/memories/", json={"user_id": "erin", "page_size": 100}).json()["results"]
    citing = [f["memory"] for f in facts if lisbon in (f.get("source_ids") or [])]
    assert "Lives in Berlin" in citing and len(citing) >= 2  # the cello too
    _open(page, site, f"memory/{lisbon}")
    panel = page.get_by_role("region", name="Facts citing this turn")
    expect(panel.locator("li.fact a.text")).to_have_text(citing, ignore_case=False)
    panel.get_by_role("link", name="Lives in Berlin").click()
    expect(page.get_by_role("heading", name="Lives in Berlin")).to_be_visible()
    expect(page.get_by_role("region", name="Facts citing this turn")).to_have_count(0)
    page.goto(f"{site.url}/dashboard/#/memory/{assistant}")
    expect(page.get_by_role("heading", name="Lovely! How long have you played?")).to_be_visible()
    empty = page.get_by_role("region", name="Facts citing this turn")
    expect(empty).to_contain_text("No stored fact cites this turn")
    expect(empty.locator("li")).to_have_count(0)


def test_the_timeline_shows_validity_and_the_reextraction(
        page: Any, site: Site, erin: dict[str, Any]) -> None:
    _open(page, site, f"memory/{erin['fact']}")
    events = page.locator("ol.timeline > li")
    expect(events).to_have_count(4)
    expect(events.locator(".badge")).to_have_text(["ADD", "UPDATE", "UPDATE", "UPDATE"])
    expect(events.locator(".origin")).to_have_count(1)
    expect(events.nth(3).locator(".origin")).to_have_text("re-extraction")
    expect(events.nth(3).locator("ins")).to_have_text("Lives in Berlin")
    # Each version held from the change that wrote it until the one that replaced it.
    hist = erin["history"]
    for i in range(3):
        held = events.nth(i).locator(".validity time")
        expect(held).to_have_count(2)
        expect(held.nth(0)).to_have_attribute("datetime", hist[i]["created_at"])
        expect(held.nth(1)).to_have_attribute("datetime", hist[i + 1]["created_at"])
    expect(events.nth(3).locator(".validity")).to_contain_text("now")
    # The update brought in the Berlin turn as evidence.
    expect(events.nth(0).locator(".evidence-note")).to_have_text("evidence: 1 turn")
    expect(events.nth(1).locator(".evidence-note")).to_have_text("evidence: 2 turns (+1)")


def test_delete_with_evidence_takes_the_turn_along(
        page: Any, site: Site, erin: dict[str, Any]) -> None:
    _open(page, site, f"memory/{erin['dog']}")
    expect(page.locator("ol.turns > li")).to_have_count(1)
    page.get_by_role("button", name="Delete memory").click()
    dialog = page.locator("dialog#confirm")
    dialog.get_by_label("Also delete its evidence turns that no other fact cites").check()
    dialog.get_by_role("button", name="Delete").click()
    expect(page.get_by_text("Memory deleted with 1 evidence turn.")).to_be_visible()
    with site.api() as api:
        assert api.get(f"/v1/memories/{erin['dog']}/").status_code == 404
        assert api.get(f"/v1/memories/{erin['dog_turn']}/").status_code == 404
        last = api.get(f"/v1/memories/{erin['dog_turn']}/history/").json()[-1]
    assert (last["event"], last["origin"]) == ("DELETE", "delete_with_evidence")
    # Its timeline says why the turn went.
    page.goto(f"{site.url}/dashboard/#/memory/{erin['dog_turn']}")
    expect(page.get_by_role("heading", name="Deleted memory")).to_be_visible()
    expect(page.locator("ol.timeline .origin")).to_have_text("deleted with its evidence")


def test_event_time_is_shown_and_filters_the_list(
        page: Any, site: Site, erin: dict[str, Any]) -> None:
    _open(page, site, "scope/user/erin")
    items = page.locator("ol.memories > li")
    tokyo = items.filter(has_text="Booked a flight to Tokyo")
    expect(tokyo.locator(".chip.happened time")).to_have_attribute(
        "datetime", re.compile("^2024-02-03"))
    page.get_by_label("Happened from").fill("2024-01-01")
    page.get_by_label("until").fill("2024-12-31")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_text("1 memory match the filters")).to_be_visible()
    expect(items.locator("a.text")).to_have_text(["Booked a flight to Tokyo"])
    # A window in August 2023: the facts the Berlin turn dated.
    page.get_by_label("Happened from").fill("2023-08-01")
    page.get_by_label("until").fill("2023-08-31")
    page.get_by_role("button", name="Apply").click()
    expect(items).to_have_count(2)
    assert sorted(items.locator("a.text").all_inner_texts()) == ["Lives in Berlin", "Moved to Berlin"]
    # The conversation itself: May 2023's two turns, labelled with their speakers.
    page.get_by_label("Happened from").fill("2023-05-01")
    page.get_by_label("until").fill("2023-05-31")
    page.get_by_label("Show", exact=True).select_option("turns")
    page.get_by_role("button", name="Apply").click()
    expect(items).to_have_count(2)
    expect(items.locator(".kind-turn")).to_have_count(2)
    expect(items.locator(".speaker")).to_have_text(["assistant", "Erin (user)"])


def test_search_shows_evidence_and_turns_no_fact_came_from(
        page: Any, site: Site, erin: dict[str, Any]) -> None:
    _open(page, site, "scope/user/erin?q=cello")
    first = page.locator("ol.memories > li").first
    expect(first.locator("a.text")).to_have_text("Plays the cello")
    expect(first.locator(".from q")).to_have_text(LISBON)
    page.get_by_label("Search").fill("how long have you played")
    page.get_by_label("Search").press("Enter")
    top = page.locator("ol.memories > li").first
    expect(top.locator("a.text")).to_have_text("Lovely! How long have you played?")
    expect(top.locator(".kind-turn")).to_have_text("turn")


def test_expired_memories_are_hidden_until_asked(
        page: Any, site: Site, erin: dict[str, Any]) -> None:
    _open(page, site, "scope/user/erin")
    memories = page.locator("ol.memories")
    expect(memories.filter(has_text="Gym membership runs").locator(".chip.expires")).to_have_text(
        "expires 2999-01-01")
    expect(memories).not_to_contain_text("SPRING20")
    page.get_by_label("Show expired").check()
    page.get_by_role("button", name="Apply").click()
    sale = page.locator("ol.memories > li").filter(has_text="SPRING20")
    expect(sale.locator(".chip.expired")).to_have_text("expired 2020-01-01")
    assert "expired=1" in page.url


def test_as_of_lists_what_was_held_then(page: Any, site: Site, erin: dict[str, Any]) -> None:
    added, updated = erin["history"][0]["created_at"], erin["history"][1]["created_at"]
    _open(page, site, "scope/user/erin")
    page.get_by_label("As of").fill(added)
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_role("heading", name=f"Memories held at {added}")).to_be_visible()
    items = page.locator("ol.memories > li")
    then = items.filter(has_text="Lives in Lisbon")
    expect(then).to_have_count(1)
    expect(then.locator(".validity time")).to_have_count(2)
    expect(then.locator(".validity time").nth(1)).to_have_attribute("datetime", updated)
    expect(page.locator("ol.memories")).not_to_contain_text("Berlin")
    expect(page.locator("ol.memories")).not_to_contain_text("Tokyo")


def test_phone_width_with_evidence_and_time_filters(
        phone: Any, site: Site, erin: dict[str, Any]) -> None:
    _open(phone, site, "")
    for route, shown in ((f"memory/{erin['fact']}", "ol.turns"),
                         ("scope/user/erin?hfrom=2023-01-01&expired=1&q=cello", "ol.memories")):
        phone.goto(f"{site.url}/dashboard/#/{route}")
        expect(phone.locator(shown)).to_be_visible()
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"#/{route} is {width} px wide on a 390 px screen"

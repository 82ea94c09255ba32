"""A purchase is no change of what it is bought for: gear for work under way, or a thing
whose name only borrows a held word, leaves the held memory (it replaced "Is building
a wooden canoe" with "Bought a canoe paddle"), while a purchase that replaces a thing
of its kind, or settles a wait, still does. Every sentence is written for this file;
none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_mechanisms import final


@pytest.mark.parametrize(("held", "message"), [
    ("Is sewing a patchwork quilt for their niece", "I bought a quilt frame on Saturday."),
    ("Is restoring a rowing dinghy", "Just ordered some dinghy varnish."),
    ("Is writing a cookbook", "I bought a cookbook by Ottolenghi yesterday."),
    ("Is training for a triathlon", "I bought triathlon goggles last week."),
    ("Owns a petrol lawnmower", "Bought a lawnmower blade at the garage."),
])
def test_a_purchase_for_it_leaves_the_held_memory(held: str, message: str) -> None:
    after = final([held, "Likes jazz"], message)
    assert held in after and "Likes jazz" in after
    assert any(f.startswith(("Bought", "Ordered", "Just ordered")) for f in after), after


@pytest.mark.parametrize(("held", "message"), [
    ("Rides an old steel road bike", "I bought a new road bike, a carbon one."),
    ("Is saving up for a campervan", "We finally bought a campervan!"),
    ("Rents a flat in Bristol", "We bought a house in Bath."),
])
def test_a_purchase_that_replaces_or_settles_still_does(held: str, message: str) -> None:
    assert held not in final([held, "Likes jazz"], message)

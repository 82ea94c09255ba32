"""A beginning (started, joined, got, booked, adopted) that shares a word with a standing
state does not end it: "Started a law podcast" deleted "Studies law", "Got Ella a scarf
for her birthday" deleted "Has a sister named Ella". It still fulfils a wish or a plan,
ends work under way in what the work was for, and replaces a thing held one at a time.
Every sentence is written for this file; none is in an evaluation set (the pairs that
found the fault are bench/data/nearest_pairs_shared.jsonl)."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_mechanisms import final

KEPT = [
    ("Plays the cello", "Joined a cello fan group on Facebook."),
    ("Works at a garden centre in Frome", "Got a garden centre gift card from my aunt."),
    ("Lives in Norwich", "Booked a Norwich restaurant for our anniversary."),
    ("Has a rabbit named Clover", "Got a rabbit hutch cover from the pet shop."),
    ("Drives a grey Honda Jazz", "Booked the Honda in for its MOT on Monday."),
    ("Works as a pharmacist at Boots", "Started a pharmacy newsletter with a colleague."),
    ("Has a nephew named Kai", "Got Kai a kite for his birthday."),
    ("Supports Leeds United", "Bought a Leeds United scarf for my grandad."),
    ("Is married to Priya", "Booked a spa day for Priya's birthday."),
    ("Plays squash on Mondays", "Joined a squash ladder at the leisure centre."),
    ("Studies history at Durham", "Started a history book club."),
    ("Has a canal boat", "Joined the canal society."),
    ("Lives with their partner Dev", "Started a new job at a hospital."),
]


@pytest.mark.parametrize(("held", "message"), KEPT)
def test_a_beginning_that_shares_a_word_leaves_a_standing_state(held: str, message: str) -> None:
    assert held in final([held], message)


@pytest.mark.parametrize(("held", "message"), [
    ("Wants to learn Welsh", "Started learning Welsh on Duolingo."),
    ("Is thinking about getting a rescue greyhound", "We adopted a rescue greyhound!"),
    ("Works at a deli in Hove", "Started a new job at a bistro in Brighton."),
    ("Is learning to sail", "Got my sailing certificate this morning."),
    ("Lives in Exeter", "We moved to Plymouth last month."),
])
def test_a_beginning_still_ends_what_it_fulfils_or_replaces(held: str, message: str) -> None:
    assert held not in final([held], message)


@pytest.mark.parametrize(("held", "message", "kept"), [
    ("Supports Everton", "Everton switched to a new kit sponsor.", True),
    ("Shares a flat with Mo", "Mo changed jobs in the summer.", True),
    ("Is planning a party for June", "The party is postponed to July.", False),
])
def test_a_things_own_news_changes_a_plan_for_it_not_a_tie_to_it(
        held: str, message: str, kept: bool) -> None:
    assert (held in final([held], message)) is kept


def test_an_outing_this_weekend_leaves_the_standing_liking() -> None:
    held = "Likes sailing on the Solent"
    assert held in final([held], "Went sailing off Cornwall instead this weekend.")


@pytest.mark.parametrize(("held", "message"), [
    ("Teaches violin", "Got a new violin pupil today."),
    ("Is pescatarian", "Started a pescatarian recipe blog."),
])
def test_a_held_word_that_qualifies_another_thing_names_nothing_held(held: str, message: str) -> None:
    assert held in final([held], message)


@pytest.mark.parametrize(("held", "message"), [
    ("Is redecorating the bathroom", "Ordered a new bathroom mirror."),
    ("Has an allotment", "We finally finished the allotment shed."),
])
def test_a_nearest_memory_found_through_a_qualifying_word_is_left(held: str, message: str) -> None:
    assert held in final([held], message)


@pytest.mark.parametrize(("fact", "held", "expected"), [
    ("Ordered a new bathroom mirror", "Is redecorating the bathroom", True),
    ("Ordered a new bathroom", "Is redecorating the bathroom", False),  # the thing itself
    ("Mostly works late at night", "Prefers working early", False),  # no noun phrase
    ("Bought an Xbox Series X", "Has an Xbox One", False),  # a name in capitals
])
def test_only_qualifies(fact: str, held: str, expected: bool) -> None:
    from engram.pipeline.rules._phrases import only_qualifies
    assert only_qualifies(fact, held) is expected


# The start of an activity goes on beside the work under way that it shares a word with;
# it is not what that work was for (sentences written for this file).
UNDER_WAY = [
    ("Is learning Portuguese", "Started a Portuguese baking course on Saturday."),
    ("Is learning to swim", "Joined a swimming-pool cleaning rota at the club."),
    ("Is training for a triathlon", "Signed up for a triathlon photography workshop."),
]


@pytest.mark.parametrize(("held", "message"), UNDER_WAY)
def test_an_activity_begun_leaves_the_work_under_way(held: str, message: str) -> None:
    assert held in final([held], message)


# A held word that only qualifies the name of another thing links nothing, also when the
# name has a word with no content inside it ("a Leeds half marathon") or opens the fact
# ("Five-a-side pitch moved ...": a pitch, not the game).
QUALIFIED = [
    ("Lives in Swansea", "Ran a Swansea half marathon in under two hours."),
    ("Plays water polo on Fridays", "Our water polo pool moved to the university."),
    ("Sings in a gospel choir", "The gospel choir bus changed to a minibus."),
]


@pytest.mark.parametrize(("held", "message"), QUALIFIED)
def test_a_qualifying_word_replaces_nothing(held: str, message: str) -> None:
    assert held in final([held], message)

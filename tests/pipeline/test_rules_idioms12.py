"""Idioms of an end and of a finish: a couple that called it quits, a pet that did not
make it (whatever is said of how), boots hung up, an apron handed in, a finish line
crossed (issue #22). Every sentence is written for this file; none is in an evaluation
set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_mechanisms import final


@pytest.mark.parametrize(("held", "message"), [
    ("Is dating Ravi", "Ravi and I called it quits in August."),
    ("Is in a relationship with Kim", "Kim and I went our separate ways over the summer."),
    ("Has a rabbit named Dot", "Dot didn't make it through the night, we're gutted."),
    ("Has a dog named Bruno", "Bruno passed away after a long illness."),
    ("Plays in a Sunday rugby team", "Hung up my rugby boots after twelve seasons."),
    ("Is training for the Brighton marathon", "Crossed the finish line in Brighton in 3:58!"),
])
def test_an_idiom_of_an_end_or_a_finish_replaces_the_held_state(held: str, message: str) -> None:
    assert held not in final([held], message)


@pytest.mark.parametrize(("held", "message"), [
    ("Has a dog named Bruno", "Didn't make it to the vet before closing, Bruno's fine though."),
    ("Is dating Ravi", "Ravi called a taxi and we went home."),
])
def test_a_near_idiom_ends_nothing(held: str, message: str) -> None:
    assert held in final([held], message)


# A tie held with the person's own state after it ("Has a niece named Bea who lives in
# Cork") is that person's state: her move changes it; a name's contracted "has" before
# any past participle is read ("Tariq's relocated ...").
@pytest.mark.parametrize(("held", "message", "gone"), [
    (["Has a niece named Bea who lives in Cork"], "Bea moved to Galway for college.",
     "Has a niece named Bea who lives in Cork"),
    (["Has an uncle named Tariq", "Uncle Tariq lives in Leeds"],
     "Tariq's relocated to Sheffield for work.", "Uncle Tariq lives in Leeds"),
])
def test_a_relatives_move_changes_where_they_are_held_to_live(held: list[str], message: str,
                                                             gone: str) -> None:
    state = final(held, message)
    assert gone not in state
    assert any("Galway" in f or "Sheffield" in f for f in state)


# "off to" is a journey and "over the moon" a joy: neither ends what it names.
@pytest.mark.parametrize(("held", "message"), [
    ("Is married to Tomas", "Tomas and I are off to Crete for a week."),
    ("Works at the pharmacy", "I'm over the moon with how things are going at the pharmacy."),
])
def test_a_journey_or_a_joy_ends_nothing(held: str, message: str) -> None:
    assert held in final([held], message)


# A new home told as settling in; a brace or a cast taken off; an awaited operation that
# went ahead.
@pytest.mark.parametrize(("held", "message"), [
    ("Lives in Dundee", "Slowly settling into life in Perth, loving the river walks."),
    ("Has a cast on their wrist", "The cast came off this morning!"),
    ("Is waiting for a hip operation", "The operation went ahead on Monday, all fine."),
])
def test_a_state_told_by_what_happened_replaces_the_held_one(held: str, message: str) -> None:
    assert held not in final([held], message)


# An ending only tried for is a wish, which the ending itself then fulfils.
@pytest.mark.parametrize(("held", "message"), [
    ("Is trying to stop drinking", "Six weeks without a drink today!"),
    ("Wants to quit vaping", "Eight weeks without a vape today."),
])
def test_an_ending_tried_for_is_fulfilled_by_it(held: str, message: str) -> None:
    assert held not in final([held], message)


@pytest.mark.parametrize(("held", "message"), [
    # a death told as "RIP <name>": the ending is no content word, yet it is no repeat
    ("Has a hamster named Nibbles", "RIP Nibbles, best hamster ever."),
    # a first week at another employer is a new job
    ("Works at Lloyds", "First week at Santander done, my manager is great."),
    # back on what a diet gave up
    ("Is vegetarian", "Back on chicken, couldn't keep it up anymore."),
    # a couple that split, a sport given up as days that are over
    ("Has a girlfriend named Mel", "Mel and I split, it was for the best."),
    ("Plays hockey for the county", "Shoulder's gone, my hockey days are over."),
])
def test_more_updates_told_without_a_word_of_change(held: str, message: str) -> None:
    assert held not in final([held], message)


def test_we_split_the_bill_ends_nothing() -> None:
    assert "Is dating Omar" in final(["Is dating Omar"], "Omar and I split the bill at dinner.")


def test_results_that_came_back_settle_the_wait_for_them() -> None:
    # "Results came back": a verb after the noun, not a noun that "results" qualifies
    held = "Is waiting for blood test results"
    assert held not in final([held], "Results came back normal, phew.")


def test_an_app_uninstalled_ends_its_use_and_a_reinstall_does_not() -> None:
    assert "Plays Candy Crush" not in final(["Plays Candy Crush"], "Uninstalled Candy Crush, too addictive.")
    assert "Uses Strava" in final(["Uses Strava"], "Uninstalled and reinstalled Strava to fix a bug.")

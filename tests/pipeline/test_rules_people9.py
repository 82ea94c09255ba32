"""People held by name: their news ends what they did, never the user's tie to them, and
"my brother" is the one brother held (issue #22). Every sentence is written for this
file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_round3 import conversation


@pytest.mark.parametrize(("held", "said", "gone"), [
    # an ending told of a person ends what it names, not the person
    (["Has a sister named Mia", "Sister Mia works at the post office"],
     "Mia quit the post office in March.", "Sister Mia works at the post office"),
    (["Has a cousin named Dev", "Cousin Dev plays cricket"], "Dev stopped playing cricket.",
     "Cousin Dev plays cricket"),
    # news with a word of ending in it is no ending of the tie either
    (["Has a son named Ravi"], "Ravi won't stop singing that song from the film.", None),
])
def test_a_persons_ending_keeps_the_tie(held: list[str], said: str, gone: str | None) -> None:
    out = conversation(("user", said), existing=held)
    assert held[0] in out
    assert gone is None or gone not in out


def test_a_death_ends_the_tie() -> None:
    out = conversation(("user", "Our old dog Bramble died last night."),
                       existing=["Has a dog named Bramble"])
    assert "Has a dog named Bramble" not in out


def test_past_verbs_joined_after_a_name_are_two_facts_about_that_person() -> None:
    out = conversation(("user", "Dev sold his flat and bought a boat."),
                       existing=["Has a cousin named Dev"])
    assert {"Cousin Dev sold his flat", "Cousin Dev bought a boat"} <= set(out)


@pytest.mark.parametrize(("held", "said", "meant"), [
    # one brother held: "my brother" is he
    (["Brother Oskar lives in Malmo"], "My brother's in Lund these days.",
     "Brother Oskar is in Lund these days"),
    (["Has a niece named Pia"], "My niece started school.", "Niece Pia started school"),
])
def test_a_relation_said_without_a_name_is_the_one_held(held: list[str], said: str,
                                                         meant: str) -> None:
    assert meant in conversation(("user", said), existing=held)


def test_a_relation_held_twice_is_not_guessed() -> None:
    out = conversation(("user", "My sister started a new job."),
                       existing=["Has a sister named Ana", "Has a sister named Bea"])
    assert not any("Ana" in f and "job" in f or "Bea" in f and "job" in f for f in out)

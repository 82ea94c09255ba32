""""her" before a noun is whose ("I'm one of her bridesmaids" -> "Aisha's"), "her" as an
object is who ("throwing her a party"); a slip owned up to (", easy mix-up") is no part
of the fact (#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

from engram.pipeline.rules._subjects import People
from tests.pipeline.test_rules_mechanisms import user


def test_her_before_a_noun_is_whose_and_as_an_object_is_who() -> None:
    people = People()
    people.last = "Sister Femi"
    assert people.for_pronouns("Is minding her cats") == "Is minding Femi's cats"
    assert people.for_pronouns("Is taking her to the airport") == \
        "Is taking Sister Femi to the airport"


def test_a_role_at_someones_event_names_them() -> None:
    facts = user("My cousin Ife is graduating in July and I'm taking her parents.")
    assert "Is taking Ife's parents" in facts


def test_a_slip_owned_up_to_is_cut_from_the_fact() -> None:
    assert "Is a joiner" in user("I'm not a plasterer, I'm a joiner, my mistake.")

"""Mechanisms of the third #22 round (helper extract3): verb phrases joined by commas,
preparation settled by the event, a choice that replaces an earlier turn's plan. Every
sentence is written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from engram._types import Message
from engram.pipeline.base import Existing, ExtractContext
from engram.pipeline.rules import RulesExtractor, RulesReconciler
from tests.pipeline.test_rules_mechanisms import final, user

CTX = ExtractContext()


def conversation(*turns: tuple[str, str], existing: list[str] | None = None) -> list[str]:
    """The memory state after one add of a whole conversation through the rules pair."""
    held = existing or []
    facts, _ = RulesExtractor().extract(
        [Message(r, c, index=i) for i, (r, c) in enumerate(turns)], CTX)
    decisions, _ = RulesReconciler().reconcile(
        facts, [Existing(i, t) for i, t in enumerate(held)], CTX)
    state: dict[int, str | None] = dict(enumerate(held))
    added: list[str] = []
    for d in decisions:
        if d.event == "ADD" and d.text:
            added.append(d.text)
        elif d.event == "UPDATE" and d.ref is not None and d.text:
            state[d.ref] = d.text
        elif d.event == "DELETE" and d.ref is not None:
            state[d.ref] = None
    return [t for t in state.values() if t is not None] + added


@pytest.mark.parametrize(("content", "expected"), [
    # a present verb, then base forms after commas and "and"
    ("I bake rye bread, grow my own herbs, and only buy seasonal fruit.",
     ["Bakes rye bread", "Grows their own herbs", "Only buys seasonal fruit"]),
    # a negated auxiliary opens a predicate of its own
    ("Loves hiking in the Alps, can't handle the heat though",
     ["Loves hiking in the Alps", "Cannot handle the heat though"]),
    # a past verb, then a past verb
    ("I sat my theory test on Friday, scored 48 out of 50.",
     ["Sat their theory test on Friday", "Scored 48 out of 50"]),
])
def test_comma_joined_verb_phrases_are_facts_of_their_own(content: str,
                                                          expected: list[str]) -> None:
    assert user(content) == expected


@pytest.mark.parametrize(("content", "expected"), [
    # nouns after commas are a list, not predicates
    ("I collect stamps, coins and old maps.", ["Collects stamps", "Collects coins",
                                                "Collects old maps"]),
    # an apposition after a past verb is not a second event
    ("I moved to Porto, a city I adore.", None),
    # a present verb after a past one is not the same predicate chain
    ("I ran a bakery, loves it", None),
])
def test_a_comma_before_a_non_predicate_does_not_split(content: str,
                                                       expected: list[str] | None) -> None:
    facts = user(content)
    if expected is not None:
        assert facts == expected
    else:
        assert len(facts) <= 1 or all("," not in f for f in facts[1:])
        assert not any(f.startswith(("A city", "Loves it")) for f in facts)


def test_the_event_prepared_for_settles_the_preparation() -> None:
    state = final(["Is rehearsing for the spring piano recital", "Lives in Hull"],
                  "Played the spring piano recital last night!")
    assert "Is rehearsing for the spring piano recital" not in state
    assert "Lives in Hull" in state


def test_an_unrelated_past_event_leaves_the_preparation() -> None:
    state = final(["Is training for the Ghent triathlon"], "Painted the garden fence on Sunday.")
    assert "Is training for the Ghent triathlon" in state


def test_a_choice_made_instead_replaces_the_earlier_turns_plan() -> None:
    state = conversation(
        ("user", "I'm thinking about a road trip through Wales in August."),
        ("assistant", "Sounds fun! Want some route ideas?"),
        ("user", "Actually we've gone for a week in Cornwall instead."))
    assert not any("Wales" in s for s in state)
    assert any("Cornwall" in s for s in state)


def test_instead_of_names_what_it_replaces_so_nothing_earlier_is_replaced() -> None:
    state = conversation(("user", "I'm planning to learn the banjo."),
                         ("user", "I also walk to work instead of driving."))
    assert any("banjo" in s for s in state)


def test_instead_replaces_only_an_intention_not_a_held_fact() -> None:
    state = conversation(("user", "I own a pressure cooker."), ("assistant", "Handy!"),
                         ("user", "I mostly use the slow cooker instead."))
    assert any("pressure cooker" in s for s in state)

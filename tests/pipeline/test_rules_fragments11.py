"""A habit said with its "I" left out ("Swim twice a week at the lido"), an aside after
"especially" that is no object, a condition said with a noun ("Given a big win, I'd
..."), and a reply that decides nothing yet ("I'll have a think") (#22). Sentences
written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._facts import split_adverbial_fragment
from engram.pipeline.rules._fragments import subjectless
from engram.pipeline.rules._noise import is_noise
from engram.pipeline.rules._sentences import split_clauses
from engram.pipeline.rules._speech import is_hypothetical
from tests.pipeline.test_rules_mechanisms import user


@pytest.mark.parametrize(("clause", "fact"), [
    ("Swim twice a week at the lido", "Swims twice a week at the lido"),
    ("Cycle to the office on Mondays", "Cycles to the office on Mondays"),
    ("Visit my gran every Sunday", "Visits their gran every Sunday"),
])
def test_a_bare_verb_with_how_often_is_a_habit(clause: str, fact: str) -> None:
    assert subjectless(clause) == fact


@pytest.mark.parametrize("clause", ["Remind me every Sunday", "Rugby most weekends",
                                    "Swim in the sea"])
def test_an_order_a_noun_or_a_verb_without_how_often_is_no_habit(clause: str) -> None:
    assert subjectless(clause) is None


def test_an_adverbial_after_especially_stays_with_its_fact() -> None:
    fact = "Loves cycling, especially out in the Dales"
    assert split_adverbial_fragment(fact) == [fact]
    assert split_adverbial_fragment("Drinks tea, usually green tea") == [
        "Drinks tea", "Usually drinks green tea"]


@pytest.mark.parametrize("sentence", ["Honestly, given a spare million, I'd buy a boat.",
                                      "With a bigger garden, we would keep chickens.",
                                      "Honestly, if I had the time I'd learn Welsh."])
def test_a_condition_said_with_a_noun_is_hypothetical(sentence: str) -> None:
    assert is_hypothetical(sentence)
    assert user(sentence) == []


def test_a_plain_statement_with_given_is_kept() -> None:
    assert not is_hypothetical("Given the rain, we stayed in.")


@pytest.mark.parametrize("clause", ["I'll have a think", "Not sure", "I'll sleep on it",
                                    "Let me think it over"])
def test_a_reply_that_decides_nothing_is_no_fact(clause: str) -> None:
    assert is_noise(clause)


def test_being_unsure_about_something_named_is_kept() -> None:
    assert not is_noise("Not sure about the move to Cardiff")


def test_a_past_act_after_a_comma_is_a_clause_of_its_own() -> None:
    assert split_clauses("I'm not on the committee any more, quit after the AGM") == [
        "I'm not on the committee any more", "quit after the AGM"]
    facts = user("I'm not with Vodafone any more, cancelled it when the contract ended.")
    assert facts[0] == "Is no longer with Vodafone"
    assert not any(f.startswith("Is cancelled") for f in facts)

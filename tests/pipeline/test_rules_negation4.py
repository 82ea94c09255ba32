"""A habit said with "hardly ever" or "almost always", a denial said softly ("I wouldn't
say I'm a morning person") and a verdict on an idea put to the user ("Crete sounds
lovely") (#22). Every sentence is written for this file; none is in an evaluation set.
Not yet read: a refusal that restates nothing ("Nah, I'll stick with what I'm doing"
gives "Will stick with what they are doing")."""

from __future__ import annotations

from typing import Any

import pytest

from engram.pipeline.rules._noise import is_noise
from engram.pipeline.rules._rewrite import to_third_person
from tests.pipeline.test_rules_nearest import state


@pytest.mark.parametrize(("clause", "fact"), [
    ("I hardly ever cook at home", "Hardly ever cooks at home"),
    ("I almost always walk the dog at six", "Almost always walks the dog at six"),
])
def test_a_two_word_adverb_keeps_the_verb_after_it(clause: str, fact: str) -> None:
    assert to_third_person(clause) == fact


def test_a_soft_denial_is_a_denial(shared_minilm: Any) -> None:
    assert state(shared_minilm, [], "I wouldn't say I'm a morning person.") == ["Is not a morning person"]


@pytest.mark.parametrize("clause", ["Crete sounds lovely", "That sounds really fun",
                                    "The second option sounds perfect"])
def test_a_verdict_on_an_idea_is_no_fact(clause: str) -> None:
    assert is_noise(clause)


def test_a_statement_beside_the_verdict_is_kept(shared_minilm: Any) -> None:
    after = state(shared_minilm, [], "Crete sounds lovely but we're going to Sicily in May.")
    assert not any("Crete" in f for f in after) and any("Sicily" in f for f in after)

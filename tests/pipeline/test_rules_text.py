"""Rewriting, splitting and filtering: the grammar of the offline extractor."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._facts import (
    enumerated_members,
    relation_facts,
    split_adverbial_fragment,
    split_lists,
    split_shared_preposition,
    split_verb_coordination,
    standing_request,
)
from engram.pipeline.rules._noise import is_noise
from engram.pipeline.rules._rewrite import conjugate, to_third_person
from engram.pipeline.rules._sentences import (
    is_question,
    split_clauses,
    split_sentences,
    strip_discourse,
)


@pytest.mark.parametrize(("clause", "fact"), [
    ("I'm not a huge fan of jazz fusion", "Is not a huge fan of jazz fusion"),
    ("I love board games", "Loves board games"),
    ("I work as a data engineer at X", "Works as a data engineer at X"),
    ("I have two cats", "Has two cats"),
    ("I was born in Tallinn", "Was born in Tallinn"),
    ("I don't like olives", "Does not like olives"),
    ("I've been learning Welsh", "Has been learning Welsh"),
    ("I'd like a window seat", "Would like a window seat"),
    ("I can't swim", "Cannot swim"),
    ("I can't stand musicals", "Dislikes musicals"),
    ("I didn't go", "Did not go"),
    ("I won't fly again", "Will not fly again"),
    ("I really enjoy hiking", "Enjoys hiking"),
    ("I usually watch films on Fridays", "Usually watches films on Fridays"),
    ("I study at night", "Studies at night"),
    ("I need to repaint my fence", "Needs to repaint their fence"),
    ("I sprained my wrist", "Sprained their wrist"),
    ("I sold my bike", "Sold their bike"),
    ("We cancelled the barbecue", "Cancelled the barbecue"),
    ("I'm not vegan anymore", "Is no longer vegan"),
    ("I don't eat meat anymore", "No longer eats meat"),
    ("Anna visits me every May", None),  # no first-person subject
])
def test_first_person_to_third_person(clause: str, fact: str | None) -> None:
    assert to_third_person(clause) == fact


def test_conjugation_keeps_past_forms() -> None:
    assert [conjugate(v) for v in ("go", "fix", "try", "play", "moved", "left", "need")] == \
        ["goes", "fixes", "tries", "plays", "moved", "left", "needs"]


def test_sentences_and_clauses() -> None:
    assert split_sentences("I met Dr. Smith. He is nice!\nBye") == \
        ["I met Dr. Smith.", "He is nice!", "Bye"]
    assert split_clauses("I sold the van; now I'm cycling everywhere") == \
        ["I sold the van", "now I'm cycling everywhere"]  # "now" goes in strip_discourse
    assert split_clauses("I'm not a fan of X but I love Y") == ["I'm not a fan of X", "I love Y"]
    assert split_clauses("I like salt and pepper") == ["I like salt and pepper"]
    assert split_clauses("My wife Julia and I are moving") == ["My wife Julia and I are moving"]


def test_discourse_markers_are_stripped() -> None:
    assert strip_discourse("Actually, I moved") == "I moved"
    assert strip_discourse("Big news: I got a job") == "I got a job"
    assert strip_discourse("As I said, I love tea") == "I love tea"
    assert strip_discourse("My name is Ann") == "My name is Ann"


@pytest.mark.parametrize("text", ["Hello, how's it going", "Thanks, that's everything", "ok", "no",
                                  "Can you recommend a book", "Any recommendations",
                                  "Got it", "Please tell me a joke"])
def test_noise_is_dropped(text: str) -> None:
    assert is_noise(text)


@pytest.mark.parametrize("text", ["I love tea", "My sister is a nurse", "Is vegan"])
def test_statements_are_not_noise(text: str) -> None:
    assert not is_noise(text)


def test_questions() -> None:
    assert is_question("How deep is the Mariana Trench?")
    assert not is_question("I wonder about it.")


def test_coordination_splits_only_where_safe() -> None:
    assert split_lists("Plays chess, bridge and a little poker") == \
        ["Plays chess", "Plays bridge", "Plays a little poker"]
    assert split_lists("Likes salt and pepper") == ["Likes salt and pepper"]
    assert split_lists("Is afraid of wasps, heights and deep water") == \
        ["Is afraid of wasps", "Is afraid of heights", "Is afraid of deep water"]
    assert split_shared_preposition("Is sensitive to gluten and also to soy") == \
        ["Is sensitive to gluten", "Is sensitive to soy"]
    assert split_verb_coordination("Sold their car and bought a bike") == \
        ["Sold their car", "Bought a bike"]
    assert split_verb_coordination("Likes fish and chips") == ["Likes fish and chips"]
    assert split_adverbial_fragment("Drinks tea, usually a green one") == \
        ["Drinks tea", "Usually drinks a green one"]


def test_relations_members_and_requests() -> None:
    assert relation_facts("my best friend Laura is here") == ["Has a best friend named Laura"]
    assert relation_facts("my dog Rex died") == []  # an ended state is not "has"
    assert relation_facts("my car Rex is red") == []  # not a relation noun
    assert enumerated_members("Has two daughters, Ada who is 5 and Eve who is 3") == \
        ["Has two daughters", "Daughter Ada is 5 years old", "Daughter Eve is 3 years old"]
    assert standing_request("please keep answers short") == "Prefers answers short"
    assert standing_request("please never suggest pork") == "Does not want pork"
    assert standing_request("please book a table tonight") is None  # one-off request

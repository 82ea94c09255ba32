"""Short forms people write: a condition with a hedge, a short name allowed after the full
one (issue #22). Every sentence is written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_round3 import conversation


@pytest.mark.parametrize(("said", "fact"), [
    ("Vegan, mostly.", "Is mostly vegan"),
    ("Mostly vegan.", "Is mostly vegan"),
    ("Coeliac these days.", "Is coeliac these days"),
    ("Lactose intolerant, strictly.", "Is strictly lactose intolerant"),
])
def test_a_condition_with_a_hedge_is_kept(said: str, fact: str) -> None:
    assert conversation(("user", said)) == [fact]


@pytest.mark.parametrize(("said", "facts"), [
    ("Name's Bartholomew but Bart is fine.", ["Name is Bartholomew", "Prefers to be called Bart"]),
    ("I'm Katarzyna, but Kasia is fine.", ["Name is Katarzyna", "Prefers to be called Kasia"]),
])
def test_a_short_name_allowed_after_the_full_one(said: str, facts: list[str]) -> None:
    assert conversation(("user", said)) == facts


@pytest.mark.parametrize("said", ["Thursday is fine.", "Pasta is fine, thanks."])
def test_something_fine_without_a_name_before_it_is_no_name(said: str) -> None:
    assert not any("called" in f for f in conversation(("user", said)))


@pytest.mark.parametrize(("reply", "facts"), [
    # a reply that names its own things is whole: no "pets" tacked on
    ("Three goldfish, Bubbles, Nemo and Dory.", None),
    ("A hamster.", ["Has a hamster"]),
])
def test_an_answer_naming_its_own_things_takes_no_word_of_the_question(
        reply: str, facts: list[str] | None) -> None:
    out = conversation(("assistant", "Do you have any pets?"), ("user", reply))
    assert out and not any(f.endswith("pets") or " pets " in f for f in out)
    assert facts is None or out == facts


@pytest.mark.parametrize(("said", "fact"), [
    # how the speaker feels about it, after a comma, is no part of the fact
    ("I'm on the morning bus now, thank god.", "Is on the morning bus now"),
    ("Got my own desk at work, at last.", "Got their own desk at work"),
])
def test_a_feeling_after_the_fact_is_dropped_not_the_fact(said: str, fact: str) -> None:
    assert conversation(("user", said)) == [fact]


# A state said without "I'm" and with no verb: where the speaker is back, what they are
# off, the kind of person they are now, what they have no more, how long it has held.
@pytest.mark.parametrize(("said", "fact"), [
    ("Back in Dundee for good.", "Is back in Dundee for good"),
    ("Off sugar since the new year.", "Is off sugar since the new year"),
    ("Early riser these days.", "Is an early riser these days"),
    ("Cat person now.", "Is a cat person now"),
    ("No more weekend shifts.", "No longer has weekend shifts"),
    ("Pescatarian now, two years in.", "Is pescatarian now"),
    ("Engaged!", "Is engaged"),
])
def test_a_state_without_a_verb_is_kept(said: str, fact: str) -> None:
    assert conversation(("user", said)) == [fact]


@pytest.mark.parametrize("said", [
    "Off to the dentist.", "Back to square one.", "No more questions.",
    "Off work today.", "Summer these days.",
])
def test_a_passing_remark_without_a_verb_is_no_state(said: str) -> None:
    assert conversation(("user", said)) == []


# More states said without "I": a kind of person always been, a fan of something named,
# what someone is into, where they usually are, a liking said without "I", a condition
# with "for what it's worth" after it.
@pytest.mark.parametrize(("said", "fact"), [
    ("Worrier, always have been.", "Has always been a worrier"),
    ("Lifelong Everton supporter since I was eight.",
     "Is a lifelong Everton supporter since they were eight"),
    ("Into pottery and trail running lately.", "Is into pottery and trail running lately"),
    ("Normally at the allotment on Sundays.", "Is normally at the allotment on Sundays"),
    ("Prefer texts to phone calls.", "Prefers texts to phone calls"),
    ("Love long walks with the dog.", "Loves long walks with the dog"),
    ("Colour-blind, for what it's worth.", "Is colour-blind"),
])
def test_more_states_without_a_subject_are_kept(said: str, fact: str) -> None:
    assert conversation(("user", said)) == [fact]


@pytest.mark.parametrize("said", ["Love it!", "Like that idea.", "Into it.", "Huge fan!"])
def test_a_liking_of_nothing_named_is_no_fact(said: str) -> None:
    assert conversation(("user", said)) == []


@pytest.mark.parametrize(("held", "said", "fact"), [
    ("Has a cousin named Marek", "Marek's finally passed his driving test.",
     "Cousin Marek has finally passed his driving test"),
    ("Has a niece named Ines", "Ines's starting uni in Coimbra.",
     "Niece Ines is starting uni in Coimbra"),
])
def test_a_name_with_has_or_is_contracted_is_read(held: str, said: str, fact: str) -> None:
    assert fact in conversation(("user", said), existing=[held])


# "No" before a thing someone has is no interjection: "No pets anymore", "No kids".
@pytest.mark.parametrize(("said", "fact"), [
    ("No siblings.", "Has no siblings"),
    ("No car anymore.", "No longer has a car"),
])
def test_no_before_a_thing_had_says_none_is_had(said: str, fact: str) -> None:
    assert conversation(("user", said)) == [fact]


@pytest.mark.parametrize("said", ["No worries!", "No, thanks.", "No more questions."])
def test_no_as_an_interjection_stays_one(said: str) -> None:
    assert conversation(("user", said)) == []


def test_a_journey_there_goes_to_the_place_named() -> None:
    state = conversation(("user", "I work in Bath, I cycle there from Bristol most days."))
    assert "Cycles to Bath from Bristol most days" in state

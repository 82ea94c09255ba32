"""Chat as people write it: stage directions in brackets, chat spellings, verdicts on
doing things in general, a "since we last spoke" opener (issue #22). Every sentence is
written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_round3 import conversation


@pytest.mark.parametrize(("said", "facts"), [
    # a stage direction is no part of what was said
    ("I finally repainted the shed. [shares a photo: a green shed]", ["Finally repainted the shed"]),
    ("Adopted a greyhound last week [laughs]", ["Adopted a greyhound last week"]),
    # chat spellings are the words they stand for
    ("I wanna learn the cello.", ["Wants to learn the cello"]),
    ("I'm gonna run the Bath half in March.", ["Is going to run the Bath half in March"]),
    # an opener about the last chat is no part of the statement
    ("Since we last talked, I've started a pottery course.", ["Has started a pottery course"]),
])
def test_chat_is_read_as_what_it_says(said: str, facts: list[str]) -> None:
    assert conversation(("user", said)) == facts


@pytest.mark.parametrize("said", [
    "Keeping a routine is so important.",
    "Moving house is always stressful.",
    "Finding good childcare has been tricky.",
])
def test_a_verdict_on_doing_something_in_general_is_no_fact(said: str) -> None:
    assert conversation(("user", said)) == []


def test_a_verdict_about_the_speaker_is_not_taken_for_one_in_general() -> None:
    from engram.pipeline.rules._noise import is_noise

    assert not is_noise("Cycling is great for my knees")
    assert not is_noise("Nothing is easy")  # no doing named


def test_a_link_is_no_forwarded_text() -> None:
    """The colon of "https://" after "a post" read as a forwarded text's opening, and the
    whole sentence was dropped as someone else's words."""
    assert conversation(("user", "I started a blog post at https://example.org about my allotment.")) \
        != []


def _said_by(name: str, text: str, to: str) -> list[str]:
    """``text`` said by ``name`` in a chat of two named speakers, the other one ``to``."""
    from engram._types import Message
    from engram.pipeline.base import ExtractContext
    from engram.pipeline.rules import RulesExtractor

    msgs = [Message(role="user", content="Hi!", name=to, index=0),
            Message(role="user", content=text, name=name, index=1)]
    facts, _ = RulesExtractor().extract(msgs, ExtractContext())
    return [f.text for f in facts if "1" in f.source_ids]


@pytest.mark.parametrize(("text", "fact"), [
    # the name of the one spoken to is no part of the fact
    ("Can't wait to try the new climbing wall, Priya!", "Cannot wait to try the new climbing wall"),
    ("Hey Priya, I adopted a rescue cat.", "Adopted a rescue cat"),
])
def test_the_name_of_the_one_spoken_to_is_dropped(text: str, fact: str) -> None:
    assert _said_by("Tomas", text, to="Priya") == [fact]


def test_a_speaker_named_as_a_person_in_the_sentence_stays() -> None:
    assert any("Priya" in f for f in _said_by("Tomas", "I met Priya at the climbing wall.",
                                                to="Priya"))


@pytest.mark.parametrize(("said", "fact"), [
    # a doing that is the subject of its own verb is said as it is, not as "Is ..."
    ("Gardening and painting are my main hobbies.", "Gardening and painting are their main hobbies"),
    ("Swimming keeps me sane.", "Swimming keeps them sane"),
])
def test_a_doing_as_the_subject_is_said_as_it_is(said: str, fact: str) -> None:
    assert conversation(("user", said)) == [fact]


@pytest.mark.parametrize(("said", "fact"), [
    # "I am" inside a fact agrees with its new subject
    ("I love that yoga helps me accept who I am.", "Loves that yoga helps them accept who they are"),
])
def test_first_person_inside_a_fact_agrees(said: str, fact: str) -> None:
    assert conversation(("user", said)) == [fact]


def test_a_fact_cut_off_before_its_object_is_not_kept() -> None:
    from engram.pipeline.rules._worth import worth

    assert not worth("Loves to") and not worth("Is thinking of") and worth("Is looking forward to it")


def test_why_the_assistant_asks_is_no_part_of_the_answer() -> None:
    out = conversation(("assistant", "Do you have any allergies I need to plan around?"),
                       ("user", "Yes, peanuts."))
    assert out and all("plan around" not in f for f in out)


def test_a_list_after_a_preposition_keeps_the_preposition_for_each_item() -> None:
    assert conversation(("user", "We bond over board games, long walks and cooking.")) == [
        "Bonds over board games", "Bonds over long walks", "Bonds over cooking"]


@pytest.mark.parametrize(("said", "facts"), [
    # a quantifier after "we" counts the speakers; it is no verb
    ("We all went bowling on Friday.", ["Went bowling on Friday"]),
    ("We both love sea swimming.", ["Loves sea swimming"]),
    # catching up is no news
    ("Tons has happened since then!", []),
    # a doing as the subject of any verb of effect is said as it is
    ("Watching the kids play warms my heart.", ["Watching the kids play warms their heart"]),
])
def test_more_chat_forms(said: str, facts: list[str]) -> None:
    assert conversation(("user", said)) == facts

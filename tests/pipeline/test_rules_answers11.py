"""Short replies read against the question they answer: a strong no, a no followed by
what happened, a bare "Any ...?" question, and "she"/"he" meaning the person the question
asked about (issue #22). Every sentence is written for this file; none is in an
evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._answers import answer_clause
from tests.pipeline.test_rules_round3 import conversation


@pytest.mark.parametrize(("question", "reply", "fact"), [
    ("Are you a big football fan?", "absolutely not", "Is not a big football fan"),
    ("Do you like horror films?", "definitely not", "Does not like horror films"),
    ("Are you on any medication?", "not", None),  # a bare "not" to an "any" question: none
    ("Are you a cat person?", "absolutely", "Is a cat person"),
])
def test_a_strong_yes_or_no(question: str, reply: str, fact: str | None) -> None:
    out = conversation(("assistant", question), ("user", reply))
    if fact is None:
        assert not any(" not" in f and f.endswith(reply) for f in out)
    else:
        assert out == [fact]


@pytest.mark.parametrize(("held", "question", "reply", "gone", "facts"), [
    (["Plays in a five-a-side team"], "Do you still play five-a-side?",
     "nah, stopped after my knee op", "Plays in a five-a-side team",
     ["No longer plays five-a-side", "Stopped after their knee op"]),
    (["Lives in a flat in Hackney"], "Are you still in the Hackney flat?",
     "no, moved out in August", "Lives in a flat in Hackney",
     ["Is no longer in the Hackney flat", "Moved out in August"]),
])
def test_a_no_then_what_happened(held: list[str], question: str, reply: str, gone: str,
                                 facts: list[str]) -> None:
    out = conversation(("assistant", question), ("user", reply), existing=held)
    assert gone not in out
    assert all(f in out for f in facts)


def test_a_bare_any_question_asks_about_the_users_things() -> None:
    assert answer_clause("Any intolerances I should know about?", "lactose") \
        == "I have lactose intolerances"
    assert conversation(("assistant", "Any pets at home?"), ("user", "a rabbit")) \
        == ["Has a rabbit at home"]
    assert conversation(("assistant", "Any pets?"), ("user", "one old tabby")) \
        == ["Has one old tabby"]
    # about the conversation, not the user
    assert conversation(("assistant", "Any questions before I send it?"),
                        ("user", "none, thanks")) == []


@pytest.mark.parametrize(("held", "question", "reply", "fact"), [
    ([], "Is your son still doing judo?", "he moved on to fencing in the spring",
     "Son moved on to fencing in the spring"),
    (["Has a brother named Tariq"], "Did Tariq get the flat he wanted?",
     "he signed the lease on Friday", "Brother Tariq signed the lease on Friday"),
])
def test_she_or_he_is_the_person_the_question_asked_about(held: list[str], question: str,
                                                          reply: str, fact: str) -> None:
    assert fact in conversation(("assistant", question), ("user", reply), existing=held)


@pytest.mark.parametrize(("question", "reply", "fact"), [
    ("Do you have any pets?", "yep, an old tortoise named Gerald who lives in the garden",
     "Has an old tortoise named Gerald who lives in the garden"),
    ("Where do you work at the moment?", "at a bike shop in Leith, part time for now",
     "Works at a bike shop in Leith, part time for now"),
])
def test_a_longer_reply_still_answers_the_question(question: str, reply: str,
                                                   fact: str) -> None:
    assert fact in conversation(("assistant", question), ("user", reply))


def test_a_name_given_as_her_name_is() -> None:
    out = conversation(("assistant", "What's your sister's name?"),
                       ("user", "her name's Petra, she's two years older"))
    assert "Has a sister named Petra" in out and not any("name is" in f for f in out)

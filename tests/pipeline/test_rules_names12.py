"""A name given with something of it after a comma or a dash: a nickname, pronouns, the
full name it is short for, how it is spelt; an aside before the name; pronouns asked for
politely (issue #22). Every sentence is written for this file; none is in an evaluation
set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_round3 import conversation


@pytest.mark.parametrize(("said", "state"), [
    ("Hi, it's Radek here, Rad is fine.", ["Name is Radek", "Prefers to be called Rad"]),
    ("Name's Oyelaran, he/him.", ["Name is Oyelaran", "Pronouns are he/him"]),
    ("Just so you know, I'm Kit, short for Katherine.",
     ["Name is Katherine", "Prefers to be called Kit"]),
    ("I'm Siobhan - spelt the Irish way.", ["Name is Siobhan"]),
    ("Call me Vic, nobody uses Victoria.", ["Prefers to be called Vic", "Name is Victoria"]),
    ("I go by my middle name, Rowan.", ["Prefers to be called Rowan"]),
    ("Pronouns are she/they please.", ["Pronouns are she/they"]),
    ("My pronouns are they/them.", ["Pronouns are they/them"]),
])
def test_a_name_with_what_is_said_of_it(said: str, state: list[str]) -> None:
    assert conversation(("user", said)) == state


def test_a_name_then_a_clause_of_its_own_reads_both() -> None:
    assert conversation(("user", "I'm Bram - I teach chemistry in Ghent.")) == [
        "Name is Bram", "Teaches chemistry in Ghent"]

"""Replies to an either-or question about a name ("Is it Sam or Samantha?") and to a
question about a workplace ("Are you still at Lloyds?" - "no, moved to Monzo") (#22).
Exchanges written for this file; none is in an evaluation set."""

from __future__ import annotations

from engram.pipeline.rules._choices import options
from tests.pipeline.test_rules_round3 import conversation


def test_the_questions_opening_is_no_part_of_an_option() -> None:
    assert options("Is it Kit or Katherine?") == ["Kit", "Katherine"]


def test_a_name_chosen_is_not_mangled() -> None:
    facts = conversation(("assistant", "Is it Kit or Katherine?"), ("user", "Kit is fine"))
    assert facts and not any("Is it" in f for f in facts)


def test_a_move_from_a_workplace_is_no_new_home() -> None:
    facts = conversation(("assistant", "Are you still at Barclays?"),
                         ("user", "no, moved to Starling in May"))
    assert "Lives in Starling" not in facts
    assert any("Starling" in f for f in facts)


def test_an_either_or_about_the_user_says_what_they_are() -> None:
    # (a bare "right" is still read as a yes: not yet told apart from the option)
    assert conversation(("assistant", "Are you left or right footed?"), ("user", "left")) == [
        "Is left footed"]
    assert conversation(("assistant", "Are you a cat or a dog person?"),
                        ("user", "dog person for sure")) == ["Is a dog person"]

"""Mechanisms of the second #22 round (helper extract2): pronouns that point back to an
unnamed relative, adverbs before the verb, and the worth-keeping gate. Every sentence is
written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_mechanisms import user


def test_a_comma_splice_with_a_pronoun_subject_is_about_the_relative_named_before() -> None:
    facts = user("I'm knitting a scarf for my aunt, she's visiting from Ghent in March.")
    assert facts == ["Is knitting a scarf for their aunt", "Aunt is visiting from Ghent in March"]


def test_a_pronoun_after_a_comma_without_a_relative_before_gives_no_guess() -> None:
    assert user("We're repainting the hall, he says it needs two coats.") == \
        ["Is repainting the hall"]


@pytest.mark.parametrize(("content", "expected"), [
    ("I never skip leg day.", "Never skips leg day"),
    ("I never watch the news before bed.", "Never watches the news before bed"),
])
def test_never_keeps_the_verb_in_the_third_person(content: str, expected: str) -> None:
    assert user(content) == [expected]

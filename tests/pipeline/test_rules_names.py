"""Facts that differ in a name or a number are two facts, however close their vectors:
"Adopted a puppy named Rex36" was taken for a repeat of "... named Rex3" (the stemmer
also read "rex33" as "rex3") and silently dropped. Every sentence is written for this
file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._slots import new_name, stem
from tests.pipeline.test_rules_mechanisms import final


@pytest.mark.parametrize(("held", "message"), [
    ("Rescued a kitten called Pip4 in May", "Rescued a kitten called Pip47 in May."),
    ("Ran the 10k in 52 minutes", "Ran the 10k in 48 minutes."),
])
def test_a_fact_with_another_name_or_number_is_not_a_repeat(held: str, message: str) -> None:
    after = final([held], message)
    assert len(after) == 2, after


def test_new_name_and_a_stem_that_keeps_digits() -> None:
    assert new_name("Plays in Studio 11", "Plays in Studio 1")
    assert not new_name("Plays in Studio 1 on Fridays", "Plays in Studio 1")
    assert stem("11") == "11" and stem("rex33") == "rex33" and stem("running") == "run"

"""Who said it and with whom (#22): "the name is X" once uncontracted, a subject of
"me and X" said as the readers know it ("X and I"), and a comma before what other
people do ("..., everyone says ...") closing the user's clause. Every sentence is
written for this file; none is in an evaluation set. Not yet read: a title before the
name ("I'm Dr. Okafor, a GP in Leeds" gives one fact "Is Dr. Okafor, a GP in Leeds"),
a spelling put right ("it's Jon with an h"), and "three kids, well, two and a stepson"
(the first count stays)."""

from __future__ import annotations

from typing import Any

from tests.pipeline.test_rules_nearest import state


def test_the_name_is_said_with_the(shared_minilm: Any) -> None:
    assert state(shared_minilm, [], "The name's Bartosz.") == ["Name is Bartosz"]
    assert state(shared_minilm, [], "The name is Ilse, nice to meet you.") == ["Name is Ilse"]


def test_me_and_someone_is_a_shared_subject(shared_minilm: Any) -> None:
    after = state(shared_minilm, [], "Me and my cousin Ravi are starting a food truck in Derby.")
    assert "Has a cousin named Ravi" in after
    assert any(f.startswith("Is starting a food truck in Derby") and "Ravi" in f for f in after)
    after = state(shared_minilm, [], "Me and Hana just moved to Bergen.")
    assert not any(f.startswith("Hana") for f in after)
    # "me and" inside a sentence is left alone
    assert state(shared_minilm, [], "It was just me and the dog all weekend.") == []


def test_what_others_do_closes_the_users_clause(shared_minilm: Any) -> None:
    after = state(shared_minilm, [], "I'm a midwife, everyone assumes I'm a nurse.")
    assert "Is a midwife" in after
    after = state(shared_minilm, ["Lives in Salford"],
                  "I live in Eccles, people always mix it up with Salford.")
    assert "Lives in Eccles" in after and not any("mix" in f for f in after)

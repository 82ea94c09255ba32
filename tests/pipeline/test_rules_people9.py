"""People (#22): "our daughter is called X" introduces her as "my daughter is called X"
does, so "she" after it is her; and a couple parted, said of both ("Mia and her husband
split up"), is the person's own fact. Every sentence is written for this file; none is in
an evaluation set. Also: moving in with someone is a new home. Tried and dropped: "my
mum's name is Grace" read as "my mum is called Grace" (it cost a blind set a stale fact,
and a repair test wants the name kept as said). Not yet read: news of a person held by
name whose only content words are the person's ("Dad has moved in with us", after "Has a
dad named Viktor") is taken for the tie said again and dropped; letting it through made
a later step replace the tie itself."""

from __future__ import annotations

from typing import Any

from tests.pipeline.test_rules_nearest import state


def test_our_child_is_called_introduces_them(shared_minilm: Any) -> None:
    after = state(shared_minilm, [], "Our son is called Ruben and he's mad about trains.")
    assert "Has a son named Ruben" in after
    assert any(f.startswith("Son Ruben") and "trains" in f for f in after)


def test_a_couple_parted_is_the_persons_fact(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Has a cousin named Ines"], "Ines and her boyfriend broke up.")
    assert "Has a cousin named Ines" in after
    assert any(f.startswith("Cousin Ines broke up with") for f in after)
    after = state(shared_minilm, [], "My brother and his wife separated in June.")
    assert any(f.startswith("Brother separated from his wife") for f in after)


def test_moving_in_with_someone_is_a_new_home(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Lives in Swindon", "Likes crosswords"],
                  "I moved in with my boyfriend in Reading.")
    assert "Lives in Swindon" not in after and "Likes crosswords" in after

"""Names, ages and pronouns as chat gives them: "g'day, X here but it's Y to everyone",
an age spelled out alone, "mum of two", "I go by they/them", "id rather you call me",
a full name then the short one to use (#22). Sentences written for this file; none is in
an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_mechanisms import final


def test_an_introduction_with_the_name_everyone_uses() -> None:
    assert final([], "g'day, Siobhan here but it's Shiv to everyone") == [
        "Name is Siobhan", "Prefers to be called Shiv"]


@pytest.mark.parametrize(("note", "facts"), [
    ("Fifty-one, dad of three", ["Is 51 years old", "Has three children"]),
    ("Divorced, mum of one, forty-two", ["Is divorced", "Has one child", "Is 42 years old"]),
])
def test_a_note_with_an_age_in_words_and_children(note: str, facts: list[str]) -> None:
    assert final([], note) == facts


def test_pronouns_gone_by_and_a_name_to_use() -> None:
    assert final([], "i go by she/her now, and id rather you call me Jem") == [
        "Pronouns are she/her", "Prefers to be called Jem"]


def test_an_age_then_more_after_and() -> None:
    assert final([], "I'm sixty-eight and only just learning to text") == ["Is 68 years old"]


def test_a_full_name_then_the_short_one_to_use() -> None:
    assert final([], "Temperance Okoye, but just Tem is fine", before="What should I call you?") == [
        "Name is Temperance Okoye", "Prefers to be called Tem"]


def test_a_joke_on_the_count_is_no_part_of_it() -> None:
    assert final([], "I've got two dogs, well, three if you count my son") == ["Has two dogs"]


def test_a_name_put_right_mid_sentence_keeps_the_sentence_whole() -> None:
    assert final([], "my cat Tibbs, I mean Tobbs, is fourteen") == [
        "Has a cat named Tobbs", "Cat Tobbs is fourteen"]

"""A name that opens with "If", a remark after "..., not Y", a filler before a marker
("ugh no"), a number put right after "well", a value put right that holds "since" a change,
an introduction's ", and ...", adjectives that end like jobs, "Only" opening a note, an
emoji closing a sentence, a three-word past act (#22). Sentences written for this file;
none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def one(message: str, held: tuple[str, ...] = ()) -> list[str]:
    return state_after([("user", message)], held)


@pytest.mark.parametrize("name", ["Ifeanyi", "Unlessa", "Imaginé"])
def test_a_name_that_opens_like_a_condition_is_still_a_name(name: str) -> None:
    assert one(f"{name} is a pharmacist in Enugu") == [f"{name} is a pharmacist in Enugu"]


def test_if_as_a_word_is_still_a_condition() -> None:
    assert one("if I got the job I'd move to Oslo") == []


def test_a_remark_after_the_old_value_leaves_the_correction() -> None:
    state = one("I'm a physio, not a chiropractor, it's a different degree entirely",
                ("Works as a chiropractor",))
    assert state == ["Is a physio"]


def test_a_filler_before_the_marker() -> None:
    assert one("choir is every other Monday, ugh no, every other Wednesday") \
        == ["Choir is every other Wednesday"]


def test_a_number_put_right_after_well_and_since_when() -> None:
    assert one("I catch the 8:10 bus, well, the 8:25 since the new timetable") \
        == ["Catches the 8:25 bus since the new timetable"]


def test_an_introduction_with_and() -> None:
    assert one("hey I'm Dorota, 52, and totally clueless with tech") == ["Name is Dorota", "Is 52 years old"]


@pytest.mark.parametrize("note", ["feel ancient", "feel important"])
def test_an_adjective_that_ends_like_a_job_is_no_job(note: str) -> None:
    assert one(note) == []


def test_only_opening_a_note_is_no_name() -> None:
    state = one("Jonas is my cousin! Only got aunts, no uncles. He's visiting Friday.")
    assert not any(s.startswith("Only") for s in state)
    assert "Cousin Jonas is visiting Friday" in state


def test_an_emoji_closes_a_sentence() -> None:
    assert one("got the keys today 🏠 painting the hallway first") \
        == ["Got the keys today", "Is painting the hallway first"]


@pytest.mark.parametrize(("message", "fact"), [("Just moved to Derby!", "Moved to Derby"),
                                               ("Switched to oat milk", "Switched to oat milk")])
def test_a_three_word_past_act_is_no_remark(message: str, fact: str) -> None:
    assert one(message)[0] == fact
    assert one("Worked for me") == []


def test_the_questions_verb_and_you_are_no_part_of_an_option() -> None:
    from engram.pipeline.rules._choices import options
    assert options("Would a road bike or a hybrid suit you better?") == ["road bike", "hybrid"]
    assert options("Would you like the window or the aisle?") == ["window", "aisle"]

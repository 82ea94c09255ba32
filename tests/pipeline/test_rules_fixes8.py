"""A value put right in the next sentence of the same message (issue #22). Sentences
written for these tests, in no eval set."""

from __future__ import annotations

from tests.pipeline._state import state_after


def facts(message: str, *held: str) -> list[str]:
    return state_after([("user", message)], list(held))


def test_a_count_put_right_after_well() -> None:
    assert facts("I've got four nephews. Well, three, one is my cousin's boy")[0] == \
        "Has three nephews"


def test_an_age_put_right_after_no_keeps_no_now() -> None:
    assert facts("My son's 11. No, 12 now, he had a party on Sunday")[0] == \
        "Son is 12 years old"


def test_a_name_put_right_after_sorry() -> None:
    assert facts("I shop at Tesco. Sorry, Sainsbury's.") == ["Shops at Sainsbury's"]


def test_well_before_a_clause_puts_nothing_right() -> None:
    assert facts("We drove to Bath. Well, it poured the whole way") == ["Drove to Bath"]


def test_wait_no_its_the_value_puts_the_date_right() -> None:
    assert facts("My exam is on May 14th - wait no, it's the 15th") == ["Exam is on May 15th"]


def test_a_value_put_right_after_an_ellipsis_in_one_sentence() -> None:
    from engram.pipeline.rules._restated import restated
    assert restated("We land at Gatwick... I mean Stansted") == "We land at Stansted"


def test_not_x_dash_y_puts_a_name_right() -> None:
    assert facts("Not Derby - Nottingham. Easy to mix up", "Lives in Derby") == ["Lives in Nottingham"]


def test_im_is_no_value_put_right() -> None:
    assert facts("I'm not 61! I'm 16", "Is 61 years old") == ["Is 16 years old"]


def test_someone_now_an_ex_is_a_break_up() -> None:
    state = facts("Jordan's my ex now", "Has a girlfriend named Jordan")
    assert "Has a girlfriend named Jordan" not in state

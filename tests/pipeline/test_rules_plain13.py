"""Longer messages: a reason after "mainly because" leaves no dangling "mainly"; "there"
after a place moved to is in that place; a post got with "the" and three words replaces
the job; "it means moving to ..." is a move (#22). Sentences written for this file; none
is in an evaluation set."""

from __future__ import annotations

from tests.pipeline._state import state_after


def after(message: str, *held: str) -> list[str]:
    return state_after([("user", message)], list(held))


def test_an_adverb_before_because_stays_with_the_reason() -> None:
    assert after("I've been teetotal since June, mostly because my meds don't mix with it")[0] == "Has been teetotal since June"


def test_there_after_a_place_moved_to() -> None:
    assert "Brother lives in Cork" in after("We relocated to Cork, partly because my brother lives there")


def test_a_post_got_replaces_the_job_held() -> None:
    state = after("Just got the senior data analyst post at the council!", "Works as a junior analyst")
    assert "Works as a junior analyst" not in state


def test_what_the_news_means_is_a_move() -> None:
    assert "Is moving to Dundee in April" in after("Got the funding! It means moving to Dundee in April.")


def test_a_habit_dropped_cold_turkey_is_quit() -> None:
    assert after("went cold turkey on sugar in January", "Eats a lot of sugar") == ["Quit sugar in January"]


def test_an_event_told_by_how_it_went_was_had() -> None:
    assert after("Shoulder surgery went great, thanks for asking") == ["Had shoulder surgery"]
    assert after("My MRI scan went fine") == ["Had their MRI scan"]


def test_a_list_after_to_and_a_verb_keeps_the_verb() -> None:
    assert after("I want to visit Lima, Cusco and Arequipa") == [
        "Wants to visit Lima", "Wants to visit Cusco", "Wants to visit Arequipa"]


def test_amounts_after_a_list_are_not_items_of_it() -> None:
    assert not any(f.startswith("Wants to 3") or "to budget" in f
                   for f in after("We want to see Oslo and Bergen, 3 weeks total, budget about 5k"))


def test_a_habit_of_one_verb_is_kept() -> None:
    assert after("I used to row but now I just cycle") == ["Used to row", "Cycles"]
    assert after("I smoke, sadly.") == ["Smokes"]


def test_homes_in_a_list_up_to_now() -> None:
    assert after("I've lived in Lagos, Accra and now Kigali") == [
        "Used to live in Lagos", "Used to live in Accra", "Lives in Kigali"]

"""Endings said by what was done with the things of a job, slang for selling and for
cigarettes, a sober streak, a vet's word, a death that moves no visit, a direct debit
cancelled, a visa stamped, and a new surname (#22). Sentences written for this file;
none is in an evaluation set."""

from __future__ import annotations

from typing import Any

import pytest

from engram.pipeline.rules._abstained import abstained
from tests.pipeline.test_rules_mechanisms import final
from tests.pipeline.test_rules_nearest import state


@pytest.mark.parametrize(("clause", "quit"), [
    ("200 days sober", "Quit drinking 200 days ago"),
    ("six weeks without a ciggie", "Quit smoking six weeks ago"),
    ("a year without a fag now", "Quit smoking a year ago"),
])
def test_a_streak_without_it_is_the_habit_given_up(clause: str, quit: str) -> None:
    assert abstained(clause) == quit


def test_a_sober_streak_ends_the_drinking_held(shared_minilm: Any) -> None:
    assert "Drinks beer most nights" not in state(shared_minilm, ["Drinks beer most nights"],
                                                  "60 days sober today mate")


def test_the_things_of_a_job_handed_back_end_it(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Works as a cook at Mezze in Leith", "Lives in Leith"],
                  "handed back my whites and keys at mezze today, weird feeling")
    assert "Works as a cook at Mezze in Leith" not in after and "Lives in Leith" in after


def test_flogged_is_sold(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Plays the drums in a covers band"],
                  "flogged my drums to a lad from church")
    assert "Plays the drums in a covers band" not in after


def test_the_vets_word_is_a_pet_put_to_sleep() -> None:
    assert final(["Has a dog named Bramble"], "the vet said it was time for bramble") == [
        "Dog Bramble was put to sleep"]


def test_a_death_on_a_day_moves_no_visit_to_that_day() -> None:
    state_after = final(["Visits nan at her care home on Fridays"],
                        "nan passed away on tuesday, funeral's next week")
    assert not any("tuesdays" in f.lower() for f in state_after)


def test_a_direct_debit_cancelled_ends_what_it_paid_for() -> None:
    assert "Has a membership at Gymbox" not in final(["Has a membership at Gymbox"],
                                                     "cancelled the gymbox direct debit")


def test_a_visa_stamped_settles_the_wait_for_it() -> None:
    assert "Is waiting for a Canadian work visa" not in final(
        ["Is waiting for a Canadian work visa"], "My visa is stamped!!")


def test_a_new_surname_as_mrs_is_a_marriage() -> None:
    assert final(["Is engaged to Obi"], "I'm officially Mrs Okafor now") == [
        "Is married now", "Surname is Okafor"]


def test_a_business_closed_ends_the_work_there(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Sells jewellery at a stall in Camden Market"],
                  "I have closed my stall at Camden, the fees got silly")
    assert "Sells jewellery at a stall in Camden Market" not in after


def test_keys_handed_back_at_the_end_of_the_sentence(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Has a beach hut at Whitstable"],
                  "Handed the beach hut keys back to the council today")
    assert "Has a beach hut at Whitstable" not in after


def test_a_funeral_by_name_is_a_death() -> None:
    assert "Is married to Dennis" not in final(["Is married to Dennis"],
                                               "Dennis's funeral was on Friday, a lovely send-off")


@pytest.mark.parametrize("content", ["Shifting to Noida done finally", "we shifted to Noida last month"])
def test_shifting_to_a_place_is_a_move(content: str) -> None:
    assert "Lives in Noida" in final(["Lives in Kochi"], content)
    assert "Lives in Kochi" not in final(["Lives in Kochi"], content)


def test_someone_moving_the_users_lessons_moves_them() -> None:
    assert final(["Has swimming lessons on Tuesdays"],
                 "My coach has had to change my lessons to Thursday this term") == [
        "Has swimming lessons on Thursdays"]


def test_things_and_what_was_done_with_them_after_a_comma_are_a_clause() -> None:
    assert not any("at laptop" in f for f in final([], "Last day at Zeta done, laptop and pass returned"))

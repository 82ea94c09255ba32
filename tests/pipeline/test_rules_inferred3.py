"""States implied by events (issue #22): a place of one's own, a new job started, a
swap that names both the old and the new. Sentences written for these tests, in no eval
set."""

from __future__ import annotations

from tests.pipeline._state import state_after


def facts(message: str, *held: str) -> list[str]:
    return state_after([("user", message)], list(held))


def test_a_place_of_ones_own_is_where_one_lives() -> None:
    assert "Lives in Dundee" in facts("Got my own flat in Dundee at last")


def test_looking_for_a_place_of_ones_own_is_no_home_yet() -> None:
    assert not any(f.startswith("Lives in") for f in facts("Hunting for my own flat in Dundee"))


def test_a_new_job_started_says_where_one_works() -> None:
    assert "Works at Ocado" in facts("Started my new logistics job at Ocado on Monday")


def test_a_trade_in_keeps_the_verb_and_drops_the_old_make() -> None:
    state = facts("Traded in the Puma for a Kia Picanto", "Drives a Ford Puma")
    assert "Drives a Kia Picanto" in state and "Drives a Ford Puma" not in state


def test_a_swap_fixes_the_article() -> None:
    assert "Uses a Kobo" in facts("Swapped my iPad for a Kobo", "Uses an iPad")


def test_a_model_traded_for_another_kind_of_thing_is_no_swap_of_the_model() -> None:
    assert not any("Ford cargo" in f for f in
                   facts("Traded in the Puma for a cargo bike", "Drives a Ford Puma"))


def test_a_new_pet_leaves_the_pet_held() -> None:
    assert "Has a dog named Olive" in facts("Got a new puppy on Saturday", "Has a dog named Olive")


def test_a_new_one_of_a_kind_held_one_at_a_time_replaces_it() -> None:
    assert "Has a Nokia phone" not in facts("Got a new phone", "Has a Nokia phone")


def test_a_car_picked_up_is_no_one_off() -> None:
    state = facts("Picked up my new Kia yesterday", "Drives a Toyota Aygo")
    assert "Drives a Toyota Aygo" not in state


def test_a_person_picked_up_changes_no_car() -> None:
    assert "Drives a Toyota Aygo" in facts("Picked up my nephew from school yesterday",
                                           "Drives a Toyota Aygo")


def test_a_new_thing_under_a_verb_label() -> None:
    assert facts("Took up a new hobby: fencing") == ["New hobby is fencing"]


def test_makes_the_kind_list_names_are_cars_and_phones() -> None:
    assert "Drives a Skoda Fabia" not in facts("Picked up my new Polestar today", "Drives a Skoda Fabia")
    assert "Has a Motorola phone" not in facts("Got a new Xiaomi", "Has a Motorola phone")


def test_kin_moving_in_with_one_is_a_home_shared() -> None:
    state = facts("My brother moved in with me in March", "Lives alone")
    assert "Lives with their brother" in state and "Lives alone" not in state


def test_a_housemate_moving_out_ends_the_home_shared() -> None:
    state = facts("My housemate moved out in May, it's just me now", "Lives with a housemate")
    assert "Lives with a housemate" not in state and "Lives alone now" in state


def test_a_model_traded_for_a_used_model_is_a_swap_of_the_model() -> None:
    state = facts("Traded the Puma for a second-hand Kia Niro", "Drives a Ford Puma")
    assert "Drives a second-hand Kia Niro" in state and "Drives a Ford Puma" not in state


def test_an_animal_named_in_the_home_is_the_users() -> None:
    assert "Has a whippet named Dot" in facts("I live in Whitby with a whippet called Dot")

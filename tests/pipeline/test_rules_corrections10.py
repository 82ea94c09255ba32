"""A correction typed bare in chat: "X not Y" to what the assistant said, and "it's X
actually" (#22). Sentences written for this file; none is in an evaluation set."""

from __future__ import annotations

from engram.embed import make_embedder
from tests.pipeline._state import minilm_reconciler, state_after


def test_x_not_y_after_a_statement_puts_the_held_value_right() -> None:
    state = state_after([("assistant", "As a paramedic you'll know CPR already."),
                         ("user", "ambulance technician not paramedic, common mix-up")],
                        ["Works as a paramedic"])
    assert state == ["Works as an ambulance technician"]


def test_x_not_y_answering_a_choice_is_the_choice() -> None:
    state = state_after([("assistant", "Window or aisle?"), ("user", "window not aisle")])
    assert not any(s.startswith("Meant") for s in state)


def test_its_x_actually_narrows_to_the_nearest_held_thing() -> None:
    state = state_after([("assistant", "I'll leave sesame out of the recipes."),
                         ("user", "its poppy seeds actually, sesame is fine")],
                        ["Is allergic to sesame", "Lives in Leeds"], minilm_reconciler(make_embedder("minilm")))
    assert state == ["Is allergic to poppy seeds", "Lives in Leeds"]


def test_my_allergy_is_x_is_an_allergy_to_x() -> None:
    state = state_after([("user", "you've got my allergy wrong, it's kiwi not mango")], ["Is allergic to mango"])
    assert state == ["Is allergic to kiwi"]


def test_what_the_assistant_said_asked_back_is_a_challenge() -> None:
    state = state_after([("user", "you said my anniversary's in May?? it's the 3rd of June")],
                        ["Anniversary is on May 3"])
    assert state == ["Anniversary is on 3rd of June"]


def test_a_birth_told_by_a_weight_in_kilos() -> None:
    state = state_after([("user", "Baby Ines arrived on monday, 3.4kg, all well")], ["Is pregnant"])
    assert state == ["Baby Ines was born on monday", "Has a newborn baby named Ines"]


def test_a_word_said_short_matches_the_held_word_it_begins() -> None:
    assert state_after([("user", "Sorry, I meant a collie, not a lab")], ["Has a Labrador named Rex"]) \
        == ["Has a Collie named Rex"]

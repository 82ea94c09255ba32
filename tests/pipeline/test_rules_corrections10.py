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

"""Plain statements with more than one fact in them: an age said with a role, what holds
now after what came before, a relative's nationality and origin said with "'s", two ages
said together (issue #22). Every sentence is written for this file; none is in an
evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_round3 import conversation


@pytest.mark.parametrize(("said", "state"), [
    ("I'm a 41-year-old electrician.", ["Is 41 years old", "Is an electrician"]),
    ("Trained in Dublin, now working in Galway.",
     ["Is trained in Dublin", "Is now working in Galway"]),
    ("Born in Kraków, now living in Dundee.", ["Was born in Kraków", "Lives in Dundee"]),
    ("Dad's Scottish and Mum's from Kerala.", ["Dad is Scottish", "Mum is from Kerala"]),
    ("Our girls are 5 and 9.", ["Girls are 5 and 9"]),
])
def test_each_fact_of_a_plain_statement_is_kept(said: str, state: list[str]) -> None:
    assert conversation(("user", said)) == state


def test_two_names_set_off_by_commas_after_a_relation_are_read() -> None:
    # (a plain plural subject with its names and no commas, "My sisters Ada and Ola study
    # medicine", still gives nothing: left for the parser the issue discusses)
    assert conversation(("user", "My twin brothers, Kwame and Kofi, both play the drums.")) == [
        "Twin brothers Kwame and Kofi both play the drums"]


def test_a_note_about_the_user_said_in_the_third_person_is_read() -> None:
    assert conversation(("user", "The user is based in Halifax and works remotely.")) == [
        "Is based in Halifax", "Works remotely"]

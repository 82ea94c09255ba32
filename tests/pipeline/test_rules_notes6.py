"""Notes as people and agents write them: adverbs before a verb in -s, bullet lists,
labelled values (issue #22). Sentences written
for these tests, in no eval set."""

from __future__ import annotations

import pytest

from tests.pipeline._state import state_after


def facts(message: str, *held: str) -> list[str]:
    return state_after([("user", message)], list(held))


@pytest.mark.parametrize(("message", "fact"), [
    ("Usually jogs to work", "Usually jogs to work"),
    ("Walks to school with her brother", "Walks to school with her brother"),
    ("Never eats red meat", "Never eats red meat"),
    ("Still rents a flat in Hove", "Still rents a flat in Hove"),
])
def test_a_note_of_a_habit_with_its_adverb_is_kept(message: str, fact: str) -> None:
    assert facts(message) == [fact]


@pytest.mark.parametrize("message", ["Never use emojis", "Never mention my ex",
                                     "Sounds good to me"])
def test_an_order_or_a_remark_stays_none(message: str) -> None:
    assert facts(message) == []


def test_a_state_said_for_the_moment_keeps_its_time() -> None:
    assert facts("Pescatarian right now") == ["Is pescatarian right now"]
    assert facts("Between contracts at the moment") == ["Is between contracts at the moment"]


def test_between_jobs_ends_the_job_held() -> None:
    assert facts("Between jobs right now", "Works at a garden centre") == ["Is between jobs right now"]


@pytest.mark.parametrize("message", ["Queue at the post office was endless",
                                     "Match last night was brilliant",
                                     "Parcel from my aunt is sitting on the doorstep"])
def test_a_remark_on_a_thing_is_no_fact(message: str) -> None:
    assert facts(message) == []


def test_a_word_in_s_that_is_no_verb_names_no_one() -> None:
    assert facts("Rain this afternoon was heavy") == []


def test_a_second_note_with_its_own_verb_is_a_fact_of_its_own() -> None:
    assert facts("Grew up in Cork, teaches maths at a sixth-form college") == \
        ["Grew up in Cork", "Teaches maths at a sixth-form college"]
    # a tail on the first note is no second fact
    assert facts("Avoids mushrooms, smells like damp") == ["Avoids mushrooms, smells like damp"]


def test_every_item_of_a_bullet_list_is_read() -> None:
    assert facts("- Plays the oboe\n- Allergic to kiwi\n- Works as a tiler") == \
        ["Plays the oboe", "Is allergic to kiwi", "Works as a tiler"]
    assert facts("About me:\n1) I live in Gdansk\n2) I have a parrot called Rio") == \
        ["Lives in Gdansk", "Has a parrot called Rio"]
    assert facts("* coeliac\n* three kids") == ["Is coeliac", "Has three kids"]


def test_a_hyphen_inside_a_sentence_is_no_bullet() -> None:
    assert facts("I'm a stay-at-home dad - two boys") != []


@pytest.mark.parametrize(("message", "fact"), [
    ("Allergies: sesame", "Is allergic to sesame"),
    ("Hometown: Bruges", "Lives in Bruges"),
    ("Diet: raw vegan", "Is raw vegan"),
    ("Age 61", "Is 61 years old"),
    ("Job: radiographer", "Is a radiographer"),
    ("Enjoys: fencing", "Enjoys fencing"),
    ("Pets: a tortoise named Shelly", "Has a tortoise named Shelly"),
    ("Favourite band: Elbow", "Favourite band is Elbow"),
])
def test_a_labelled_value_takes_the_form_of_its_kind(message: str, fact: str) -> None:
    assert facts(message) == [fact]


def test_a_label_before_a_clause_is_a_heading() -> None:
    assert facts("Big news: I'm moving to Tallinn") == ["Is moving to Tallinn"]


@pytest.mark.parametrize(("message", "fact"), [
    ("The user mentioned they keep bees", "Keeps bees"),
    ("User noted that she teaches ballet", "Teaches ballet"),
    ("The user said he's allergic to latex", "Is allergic to latex"),
    ("User's son, Idris, is 9", "Son Idris is 9 years old"),
])
def test_an_agents_note_of_what_the_user_said_is_the_users_fact(message: str, fact: str) -> None:
    assert fact in facts(message)


def test_a_label_set_off_by_a_dash() -> None:
    assert facts("Allergies - latex") == ["Is allergic to latex"]


def test_a_note_of_kids_with_their_ages_in_brackets() -> None:
    assert facts("Divorced, three kids (12, 9 and 4).") == ["Is divorced", "Has three kids aged 12, 9 and 4"]


def test_a_role_said_with_an_initialism() -> None:
    assert facts("Retired GP, 71") == ["Is a retired GP", "Is 71 years old"]
    assert facts("CFO at a brewery") == ["Is a CFO at a brewery"]


def test_a_relative_of_an_age_named_after_a_comma() -> None:
    assert facts("Has a 4-year-old niece, Wren.") == ["Has a niece named Wren", "Niece Wren is 4 years old"]

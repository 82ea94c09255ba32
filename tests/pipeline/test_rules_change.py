"""Changes and corrections found by how they are said, not by the pair of values: a
correction that restates a clause ("I meant I'm ..."), a value inside its frame ("Has two
kids" -> "Has three kids"), a correction no frame word links to its memory (found by the
MiniLM cosine, as ``Memory`` wires it), and a change said with an inchoative verb ("went
vegan", "turned 40"). Sentences written for this file; none is in an eval set."""

from __future__ import annotations

from typing import Any

import pytest

from engram._types import Message
from engram.pipeline.base import ExtractContext
from engram.pipeline.rules import RulesExtractor
from tests.pipeline._state import minilm_reconciler, state_after
from tests.pipeline.test_rules_mechanisms import final


def texts(content: str) -> list[tuple[str, bool]]:
    facts, _ = RulesExtractor().extract([Message("user", content, index=0)], ExtractContext())
    return [(f.text, f.correction) for f in facts]


def state(embedder: Any, existing: list[str], content: str) -> list[str]:
    return state_after([("user", content)], existing, minilm_reconciler(embedder))


# --- "I meant <clause>": the clause is the corrected statement ---

def test_i_meant_a_whole_clause_is_a_correction_of_it() -> None:
    assert texts("Sorry, I meant I'm allergic to shellfish, not peanuts.") == [
        ("Is not allergic to peanuts", True), ("Is allergic to shellfish", True)]
    after = final(["Is allergic to peanuts", "Plays chess"],
                  "Ugh, I meant I'm allergic to shellfish, not peanuts.")
    assert "Is allergic to peanuts" not in after
    assert "Is allergic to shellfish" in after and "Plays chess" in after


def test_i_meant_a_value_and_meant_to_stay_as_they_were() -> None:
    assert texts("Sorry, I meant shellfish, not peanuts.") == [
        ("Meant shellfish, not peanuts", False)]
    assert all(not fix for _, fix in texts("I meant to ring the dentist this morning."))


# --- a correction whose value sits inside its frame ---

@pytest.mark.parametrize(("held", "content", "new"), [
    ("Has two kids", "Correction: I have three kids.", "Has three kids"),
    ("Goes climbing on Tuesdays", "Wait, I go climbing on Thursdays.", "Goes climbing on Thursdays"),
])
def test_a_corrected_value_inside_the_frame_replaces_it(held: str, content: str,
                                                         new: str) -> None:
    after = final([held, "Lives in Derby"], content)
    assert held not in after
    assert new in after and "Lives in Derby" in after


def test_a_correction_of_another_frame_keeps_the_memory() -> None:
    # "Has" alone is no frame: a correction about a car leaves the kids alone
    after = final(["Has two kids"], "Correction: I have a blue car.")
    assert "Has two kids" in after


# --- a correction no frame word links (MiniLM cosine, as Memory wires it) ---

def test_a_correction_replaces_its_nearest_held_memory(shared_minilm: Any) -> None:
    after = state(shared_minilm, ["Works as a teacher", "Likes chess"],
                  "Scratch that, I'm a school librarian, not a teacher.")
    assert "Works as a teacher" not in after
    assert "Likes chess" in after
    # without the correction opener the same statement adds beside the job
    assert "Works as a teacher" in state(shared_minilm, ["Works as a teacher", "Likes chess"],
                                         "I'm a school librarian.")


def test_a_correction_near_two_memories_changes_neither(shared_minilm: Any) -> None:
    held = ["Works at a library", "Works at a school"]  # cosine 0.55 and 0.50
    after = state(shared_minilm, held, "Scratch that, I'm a school librarian.")
    assert set(held) <= set(after)


# --- a change said with an inchoative verb ---

@pytest.mark.parametrize(("held", "content"), [
    ("Is vegetarian", "I've gone fully vegan since January."),
    ("Eats meat", "I went vegetarian over the summer."),
])
def test_an_inchoative_change_replaces_its_nearest_memory(shared_minilm: Any, held: str,
                                                          content: str) -> None:
    after = state(shared_minilm, [held, "Lives in Oslo"], content)
    assert held not in after and "Lives in Oslo" in after


@pytest.mark.parametrize(("held", "content"), [
    ("Plans to visit Rome", "I went to the Vatican museums last week."),  # a place
    ("Goes skiing every winter", "We went skiing in the Alps in March."),  # an errand
])
def test_going_somewhere_is_no_change_of_state(shared_minilm: Any, held: str,
                                               content: str) -> None:
    assert held in state(shared_minilm, [held, "Lives in Oslo"], content)


# --- a state set against before by the sentence's opener ("these days I ...") ---

@pytest.mark.parametrize(("held", "content", "plain"), [
    ("Works night shifts at the hospital", "At the moment I'm on day shifts.",
     "I'm on day shifts."),
    ("Uses Spotify", "Currently I'm on Apple Music, the family plan was cheaper.",
     "I'm on Apple Music, the family plan was cheaper."),
])
def test_a_state_said_as_now_replaces_its_nearest_memory(shared_minilm: Any, held: str,
                                                         content: str, plain: str) -> None:
    others = ["Has a sister named Ruth", "Likes crosswords"]
    after = state(shared_minilm, [held, *others], content)
    assert held not in after
    assert set(others) <= set(after)
    # the same statement without the opener says nothing changed: it adds
    assert held in state(shared_minilm, [held, *others], plain)


def test_the_opener_marks_the_facts_and_keeps_their_text() -> None:
    facts, _ = RulesExtractor().extract(
        [Message("user", "These days I'm on day shifts.", index=0)], ExtractContext())
    assert [(f.text, f.change) for f in facts] == [("Is on day shifts", True)]
    facts, _ = RulesExtractor().extract(
        [Message("user", "I'm on day shifts.", index=0)], ExtractContext())
    assert [f.change for f in facts] == [False]


def test_a_state_said_as_now_without_a_near_memory_adds(shared_minilm: Any) -> None:
    held = ["Works night shifts at the hospital", "Likes crosswords"]
    after = state(shared_minilm, held, "These days I'm really into sourdough.")
    assert set(held) <= set(after) and len(after) == 3


# --- a correction that gives only the value, applied to what was just said ---

@pytest.mark.parametrize(("first", "fix", "right", "wrong"), [
    ("I work at Siemens as an engineer.", "Oh sorry, not Siemens, Bosch.", "Bosch", "Siemens"),
    ("My brother Tim lives in Cork.", "Sorry, I meant Galway.", "Galway", "Cork"),
    ("I've been a nurse for ten years.", "Well, twelve years actually.", "twelve years",
     "ten years"),
    ("I go swimming on Mondays.", "I mean Tuesdays, sorry.", "Tuesdays", "Mondays"),
    ("I'm flying to Oslo on Friday.", "Change of plans, it's Saturday now.", "Saturday",
     "Friday"),
])
def test_a_value_alone_corrects_the_fact_just_said(first: str, fix: str, right: str,
                                                   wrong: str) -> None:
    after = state_after([("user", first), ("assistant", "Got it."), ("user", fix)],
                        ["Likes crosswords"])
    assert "Likes crosswords" in after
    assert any(right in t for t in after)
    assert not any(wrong in t for t in after)
    assert not any(t.startswith("Meant") for t in after)


def test_a_value_alone_leaves_memories_of_earlier_conversations() -> None:
    # nothing said in this conversation to correct: no held name is guessed at
    after = state_after([("user", "Sorry, I meant Galway.")], ["Lives in Cork", "Sister Ana lives in Bray"])
    assert after == ["Lives in Cork", "Sister Ana lives in Bray"]


@pytest.mark.parametrize("content", [
    "Galway is lovely.",  # a statement about the place
    "Well, Tom.",  # no correction said
    "Actually, I love it.",  # no value of a kind
])
def test_what_is_no_value_correction_keeps_the_fact(content: str) -> None:
    after = state_after([("user", "My brother Tim lives in Cork."), ("user", content)])
    assert "Brother Tim lives in Cork" in after


def test_an_answer_to_a_question_is_not_a_correction() -> None:
    after = state_after([("user", "My brother Tim lives in Cork."),
                         ("assistant", "Where does your sister live?"),
                         ("user", "Actually Lisbon.")])
    assert "Brother Tim lives in Cork" in after


# --- "I read" is hearsay only with what was read ---

@pytest.mark.parametrize(("content", "kept"), [
    ("I read a lot of Japanese crime novels.", True),  # a habit of the speaker's
    ("I read that oat milk is bad for teeth.", False),  # passing on what was read
    ("I read somewhere you should nap at noon.", False),
])
def test_reading_is_a_habit_unless_what_was_read_follows(content: str, kept: bool) -> None:
    assert bool(texts(content)) is kept


@pytest.mark.parametrize(("content", "fact"), [
    ("I hung up my boots last season.", "Hung up their boots last season"),
    ("We dug a pond behind the shed.", "Dug a pond behind the shed"),
    ("I swept the regional chess title in May.", "Swept the regional chess title in May"),
])
def test_an_irregular_past_is_kept_as_said(content: str, fact: str) -> None:
    # not conjugated as a present ("Hungs up ...")
    assert texts(content)[0][0] == fact

"""The offline extractor's general mechanisms, each on sentences written for this file
(none is in an evaluation set): who said it, who it is about, what it answers, and what
it supersedes."""

from __future__ import annotations

from typing import Any

import pytest

from engram._types import Message
from engram.pipeline.base import Existing, ExtractContext, Fact
from engram.pipeline.rules import RulesExtractor, RulesReconciler
from tests.pipeline._state import state_after

CTX = ExtractContext()


def texts(*contents: tuple[str, str]) -> list[str]:
    msgs = [Message(role, c, index=i) for i, (role, c) in enumerate(contents)]
    return [f.text for f in RulesExtractor().extract(msgs, CTX)[0]]


def user(content: str) -> list[str]:
    return texts(("user", content))


def final(existing: list[str], content: str, *, before: str | None = None) -> list[str]:
    """The memory state after one add through the rules pair."""
    return state_after([*([("assistant", before)] if before else []), ("user", content)], existing)


# --- who is speaking: reported, quoted, forwarded and imagined text (#17 item 4) ---

HELD = ["Lives in Lisbon", "Is vegetarian", "Plays the oboe", "Has a cat named Figo",
        "Works as a translator"]


@pytest.mark.parametrize("content", [
    "My friend thinks I don't live in Lisbon.",
    "My aunt Rosa is convinced I'm not vegetarian anymore.",
    "She said I quit the oboe years ago.",
    "He told me I should stop working as a translator.",
    "Apparently I moved out of Lisbon, according to my landlord.",
    "I heard that I'm no longer a translator, which is news to me.",
    "People say Figo ran away.",
    'My brother wrote "I am not vegetarian, I sold the oboe" on my birthday card.',
    "Forwarding a message from an unknown number: I don't live in Lisbon. I'm not "
    "vegetarian. I don't play the oboe. My cat Figo died. I quit my job as a translator.",
    "Got this email today:\nI no longer live in Lisbon.\nI am not vegetarian.",
])
def test_reported_or_quoted_speech_changes_none_of_the_users_facts(content: str) -> None:
    assert set(HELD) <= set(final(HELD, content))


def test_a_mass_negation_inside_a_forward_deletes_nothing() -> None:
    held = [f"Likes {x}" for x in ("kites", "figs", "tango", "chess", "sailing", "opera",
                                   "cider", "ferns", "haiku", "darts")]
    body = " ".join(f"I don't like {x}." for x in ("kites", "figs", "tango", "chess",
                                                   "sailing", "opera", "cider", "ferns",
                                                   "haiku", "darts"))
    assert final(held, f"A stranger sent me this text: {body}") == held


def test_own_statements_next_to_reported_ones_are_kept() -> None:
    assert user("My mum thinks I work too hard, but I love my job as a welder.") == [
        "Loves their job as a welder"]
    assert user("I think I'm allergic to cashews.") == ["Is allergic to cashews"]


@pytest.mark.parametrize("content", [
    "If I get the grant I'll move to Vancouver.",
    "Suppose I quit tomorrow, what would happen?",
    "I might adopt a greyhound someday.",
    "Maybe I'll learn Icelandic one day.",
    "I wish I lived by the sea.",
    "I'd buy a sailboat if I had the money.",
])
def test_hypotheticals_are_not_facts(content: str) -> None:
    assert user(content) == []


def test_the_assistants_own_suggestions_are_not_the_users_facts() -> None:
    assert texts(("user", "What should I bake this weekend?"),
                 ("assistant", "You might enjoy a mushroom risotto. You love Italian food.")) == []


# --- who it is about ---

@pytest.mark.parametrize(("content", "expected"), [
    ("Hi there! I'm Ingrid.", ["Name is Ingrid"]),
    ("Hey, it's Marcus here", ["Name is Marcus"]),
    ("My name's Leopold but my friends call me Leo.",
     ["Name is Leopold", "Prefers to be called Leo"]),
    ("Please call me Bea.", ["Prefers to be called Bea"]),
    ("I'm Brazilian and I'm 29.", ["Is Brazilian", "Is 29 years old"]),
    ("My pronouns are she/her.", ["Pronouns are she/her"]),
])
def test_names_nicknames_age_and_pronouns(content: str, expected: list[str]) -> None:
    assert user(content) == expected


def test_introduction_splits_into_clauses_with_their_own_subjects() -> None:
    assert user("I'm Nadia, I work at Ferrovia as a signal engineer and my son Ilyas "
                "collects fossils.") == [
        "Name is Nadia", "Works at Ferrovia as a signal engineer", "Has a son named Ilyas",
        "Son Ilyas collects fossils"]


def test_a_named_person_keeps_their_relation_and_gets_facts_of_their_own() -> None:
    assert user("My niece Zofia started university in Leeds. Zofia studies geology and "
                "she plays rugby.") == [
        "Has a niece named Zofia", "Niece Zofia started university in Leeds",
        "Niece Zofia studies geology", "Niece Zofia plays rugby"]
    assert user("Oskar got a job in Tromso.") == ["Oskar got a job in Tromso"]


@pytest.mark.parametrize(("content", "expected"), [
    # Mem0's own documentation examples, stored as the facts they state.
    ("Likes to play cricket on weekends", ["Likes to play cricket on weekends"]),
    ("Prefers vegetarian food", ["Prefers vegetarian food"]),
    ("Alice is a software engineer", ["Alice is a software engineer"]),
    ("Enjoys restoring old radios.", ["Enjoys restoring old radios"]),
    # things had, each with its own determiner, are split (extract3, round 3)
    ("Has three chickens and a goat", ["Has three chickens", "Has a goat"]),
])
def test_statements_without_a_first_person_subject_are_kept(content: str,
                                                            expected: list[str]) -> None:
    assert user(content) == expected


@pytest.mark.parametrize("content", ["Looks like rain again.", "Sounds great to me.",
                                     "Vienna is gorgeous in June.", "Works for me!"])
def test_remarks_that_open_with_a_verb_are_not_facts(content: str) -> None:
    assert user(content) == []


# --- short answers read against the assistant turn ---

@pytest.mark.parametrize(("question", "reply", "expected"), [
    ("Where do you live now?", "Antwerp", ["Lives in Antwerp"]),
    ("Where are you from originally?", "Quito", ["Is from Quito"]),
    ("Would you rather have a standing desk or a treadmill desk?", "the second one",
     ["Would rather have treadmill desk"]),
    ("Do you prefer hardcovers or ebooks?", "ebooks", ["Prefers ebooks"]),
    ("Shall I note that you're training for a triathlon?", "yep",
     ["Is training for a triathlon"]),
    ("Do you own a car?", "no", ["Does not own a car"]),
    ("Are you left-handed?", "yes", ["Is left-handed"]),
    ("What's your favourite dessert?", "Tiramisu", ["Favourite dessert is Tiramisu"]),
    ("How old are you?", "63", ["Is 63 years old"]),
    ("Want me to set a reminder?", "yes", []),  # an offer, not a fact
])
def test_short_answers(question: str, reply: str, expected: list[str]) -> None:
    assert texts(("assistant", question), ("user", reply)) == expected


# --- implicit updates, endings and corrections ---

@pytest.mark.parametrize(("held", "content", "expected"), [
    (["Drinks green tea every afternoon", "Lives in Utrecht"], "I switched to rooibos.",
     ["Drinks rooibos", "Lives in Utrecht", "Switched to rooibos"]),
    (["Rides a Yamaha motorbike"], "I swapped the Yamaha for a Ducati last month.",
     ["Rides a Ducati motorbike", "Swapped the Yamaha for a Ducati last month"]),
    (["Is studying for the CPA exam"], "I passed the CPA exam!", ["Passed the CPA exam"]),
    (["Works as a sous chef at Marrow"], "I got promoted to head chef at Marrow.",
     ["Got promoted to head chef at Marrow"]),
    (["Works as a postman"], "I retired last spring.",
     ["Retired last spring; no longer works as a postman"]),  # what ended is kept (_ended)
    (["Is dating Yusuf"], "Yusuf and I broke up.", ["Broke up with Yusuf"]),
    (["Has a rabbit named Clover"], "Sadly Clover died on Sunday.",
     ["Rabbit Clover died on Sunday"]),
    (["Sister Hana lives in Kyoto"], "My sister Hana moved to Osaka.",
     ["Has a sister named Hana", "Sister Hana moved to Osaka"]),
])
def test_a_change_of_state_supersedes_the_memory_it_changes(
        held: list[str], content: str, expected: list[str]) -> None:
    assert sorted(final(held, content)) == sorted(expected)


@pytest.mark.parametrize(("held", "content"), [
    (["Plays the viola"], "I started learning the harp."),  # a beginning adds
    (["Lives in Utrecht"], "My brother Joost moved to Delft."),  # someone else's move
    (["Has a dog named Bruno"], "We adopted a kitten called Pixel."),
    (["Is allergic to sulfa drugs"], "I'm not allergic to latex."),
])
def test_what_does_not_change_the_held_memory_leaves_it(held: list[str], content: str) -> None:
    assert set(held) <= set(final(held, content))


@pytest.mark.parametrize("content", [
    "Actually I'm not allergic to lupin, it was mustard.",
    "I'm allergic to mustard, not lupin.",
])
def test_explicit_corrections_replace_the_corrected_value(content: str) -> None:
    assert final(["Is allergic to lupin", "Lives in Graz"], content) == [
        "Lives in Graz", "Is allergic to mustard"]


def test_the_neighbours_decide_nothing_outside_their_subject() -> None:
    out, _ = RulesReconciler().reconcile(
        [Fact("Cousin Mateo switched to decaf")],
        [Existing(0, "Drinks espresso after lunch")], CTX)
    assert [d.event for d in out] == ["ADD"]


def test_extractor_handles_a_long_mixed_message_quickly(benchmark_text: Any = None) -> None:
    content = ("Hi! I'm Vera. I live in Sofia with my husband Emil and our dog Rumen. "
               "My friend says I work too much. If I had time I'd learn to sail. "
               "I switched from the night shift to days, and Emil is a violin teacher.")
    got = user(content)
    assert "Name is Vera" in got and "Husband Emil is a violin teacher" in got
    assert not any("sail" in f or "too much" in f for f in got)

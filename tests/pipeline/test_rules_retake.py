"""Corrections and changes of state found by general mechanisms (issue #22, round of
helper extract): a correction said as a fresh statement replaces the held memory of the
same frame, clefts, names with "'s", endings and status slots. Every sentence is written
for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_round3 import conversation


@pytest.mark.parametrize(("held", "said", "expected"), [
    # an opener that takes something back, then the frame with a new value
    (["Is allergic to cashews", "Lives in Derby"], "Oops, my mistake: I'm allergic to almonds.",
     ["Is allergic to almonds", "Lives in Derby"]),
    (["Plays the violin"], "Scratch that, I play the viola.", ["Plays the viola"]),
    # a cleft puts the corrected value in focus
    (["Is allergic to cashews"], "No wait, it's almonds I'm allergic to.",
     ["Is allergic to almonds"]),
    # "I told you X, but it's actually Y <frame>": the value in the held memory swapped
    (["Works at Siemens"], "I think I told you Siemens, but it's actually Bosch where I work.",
     ["Works at Bosch"]),
    # a name's "'s" before a number is "is": the relative's age is corrected
    (["Son Leo is 7 years old"], "Correction: Leo's 8, he celebrated on Sunday.",
     ["Son Leo is 8 years old", "Son Leo celebrated on Sunday"]),
    (["Brother Tom lives in Leeds"], "Sorry, I got that wrong before - Tom lives in York.",
     ["Brother Tom lives in York"]),
])
def test_a_correction_replaces_the_same_frame(held: list[str], said: str,
                                               expected: list[str]) -> None:
    assert sorted(conversation(("user", said), existing=held)) == sorted(expected)


@pytest.mark.parametrize(("held", "said"), [
    # without a correction opener the same frame is a second value, not a replacement
    (["Is allergic to cashews"], "I'm allergic to almonds too."),
    # a bare "actually" opens no correction
    (["Is thinking of buying a car"], "Actually, I'm thinking of learning Spanish."),
])
def test_a_plain_statement_keeps_the_held_frame(held: list[str], said: str) -> None:
    assert held[0] in conversation(("user", said), existing=held)


def test_a_name_with_s_is_a_clause_of_its_own() -> None:
    assert conversation(("user", "Nina's a vet and Sam's moving to Cork.")) == [
        "Nina is a vet", "Sam is moving to Cork"]


@pytest.mark.parametrize(("held", "said", "gone", "kept"), [
    # an animal given up ends "Has a dog named ..." (the reason and the new home aside)
    (["Has a dog named Rusty", "Lives in Hull"],
     "We had to rehome Rusty because of my partner's asthma.", "Has a dog named Rusty",
     "Lives in Hull"),
    (["Has a dog named Rusty"], "We gave Rusty away to a farm.", "Has a dog named Rusty", None),
    (["Has a hamster named Pip"], "Sadly we had to have Pip put down last week.",
     "Has a hamster named Pip", None),
    # a birth settles the pregnancy, whatever words either uses
    (["Is expecting twins in May", "Lives in Hull"], "Our twin girls arrived on Tuesday!",
     "Is expecting twins in May", "Lives in Hull"),
    (["Is pregnant, due in June"], "She came early and we named her Ivy.",
     "Is pregnant, due in June", None),
    # "seeing someone" is a relationship status, so it replaces "Is single"
    (["Is single", "Lives in Hull"], "I've been seeing a guy named Omar for a few weeks.",
     "Is single", "Lives in Hull"),
    # "no more <doing>" ends the habit
    (["Drives to work every day"], "My office closed so no more driving to work for me.",
     "Drives to work every day", None),
    # a clause after a comma with its own subject and a negated verb is split off, so the
    # ending names only what ended
    (["Is in training for the Berlin marathon"],
     "I've pulled out of the marathon, my hamstring isn't recovering.",
     "Is in training for the Berlin marathon", None),
])
def test_a_change_ends_the_held_state(held: list[str], said: str, gone: str,
                                      kept: str | None) -> None:
    state = conversation(("user", said), existing=held)
    assert gone not in state, state
    assert kept is None or kept in state, state


@pytest.mark.parametrize(("held", "said"), [
    (["Is expecting a promotion"], "The new printer finally arrived at the office today."),
    (["Has a dog named Rusty"], "I put down a deposit on a flat."),
])
def test_an_unrelated_arrival_or_phrase_keeps_the_state(held: list[str], said: str) -> None:
    assert held[0] in conversation(("user", said), existing=held)


def test_a_plan_moved_to_another_month_in_a_later_turn() -> None:
    state = conversation(("user", "I'm going to Lisbon in April."),
                         ("assistant", "Lovely, Lisbon is great in April."),
                         ("user", "Actually it'll have to be October, work is too busy then."))
    assert state == ["Is going to Lisbon in October"]


@pytest.mark.parametrize(("held", "said", "expected"), [
    # the held memory with a time of the same kind (a weekday for a weekday) is moved
    (["Lives in Hull", "Has a dentist appointment on Friday"], "Hmm, make it Thursday.",
     ["Lives in Hull", "Has a dentist appointment on Thursday"]),
    (["Has a dentist appointment on Friday"], "Let's say 7pm.",
     ["Has a dentist appointment on Friday"]),  # no time of that kind held: nothing moves
    (["Has a dentist appointment on Friday"], "It'll be fine.",
     ["Has a dentist appointment on Friday"]),
])
def test_a_time_said_again_moves_the_plan_that_holds_its_kind(
        held: list[str], said: str, expected: list[str]) -> None:
    assert conversation(("user", said), existing=held) == expected


@pytest.mark.parametrize(("said", "expected"), [
    # a question weighing a definite choice says it is being considered ...
    ("Should I accept the offer from Oxford?", ["Is considering accepting the offer from Oxford"]),
    # ... a question between options, or about a passing thing, says nothing lasting
    ("Should I learn Rust or Go first?", []),
    ("Should I bring a jacket tonight?", []),
    # musing about another life is no state
    ("I often wonder what it would be like to run a bakery.", []),
    # "Name's X" without "my"
    ("Name's Priya, I'm a dentist from Leeds.", ["Name is Priya", "Is a dentist", "Is from Leeds"]),
])
def test_framed_statements(said: str, expected: list[str]) -> None:
    assert conversation(("user", said)) == expected


def test_a_wedding_with_a_named_partner_replaces_dating() -> None:
    state = conversation(("user", "Alex and I got married in June!"),
                         existing=["Is dating someone named Alex"])
    assert "Is married to Alex" in state and "Is dating someone named Alex" not in state


def test_settled_into_a_new_home_is_where_they_live() -> None:
    state = conversation(("user", "The movers left and we're finally settled into our new "
                                  "flat in York."), existing=["Lives in Derby"])
    assert "Lives in York" in state and "Lives in Derby" not in state


@pytest.mark.parametrize(("turns", "expected"), [
    # one verb, two objects with a phrase each
    ((("user", "I write Python at work and Rust at home."),),
     ["Writes Python at work", "Writes Rust at home"]),
    # "born and raised" is one past state
    ((("user", "I'm 35, born and bred in Leeds."),),
     ["Is 35 years old", "Was born and bred in Leeds"]),
    # "no, just X" to "any N?": none of N, and X
    ((("assistant", "Do you have any siblings?"), ("user", "No, just a couple of cousins.")),
     ["Does not have any siblings", "Has a couple of cousins"]),
    # two ages to "how old are your N?"
    ((("assistant", "How old are your daughters?"), ("user", "4 and 11.")),
     ["Has two daughters aged 4 and 11"]),
])
def test_coordination_and_short_answers(turns: tuple[tuple[str, str], ...],
                                        expected: list[str]) -> None:
    assert conversation(*turns) == expected


def test_a_definite_noun_with_a_past_verb_opens_a_clause() -> None:
    state = conversation(("user", "I finished my thesis and the university offered me a "
                                  "postdoc."))
    assert state[0] == "Finished their thesis"


@pytest.mark.parametrize(("said", "expected"), [
    # a liking of "it"/"them" is a liking of what the clause before took up or bought
    ("My son Max just started swimming lessons and he loves them.",
     ["Has a son named Max", "Son Max just started swimming lessons",
      "Son Max loves swimming lessons"]),
    ("I bought a new bike last week and I love it.",
     ["Bought a new bike last week", "Loves their bike"]),
    # a start without an object starts what the message said was got
    ("Got the teaching job! I start on Monday.",
     ["Got the teaching job", "Starts the teaching job on Monday"]),
])
def test_an_object_carried_to_the_next_clause(said: str, expected: list[str]) -> None:
    assert conversation(("user", said)) == expected



@pytest.mark.parametrize(("turns", "expected"), [
    # news of an outcome from whoever decides it is the user's fact; a verdict is not
    ((("user", "My boss just told me I'm getting a raise in March!"),),
     ["Is getting a raise in March"]),
    ((("user", "My boss told me I'm too slow."),), []),
    # "he'd" is "he would", about the person named before
    ((("user", "I need a present for my husband's birthday."),
      ("assistant", "How about a watch or a cooking class?"),
      ("user", "He'd love the watch, he's always late.")),
     ["Needs a present for their husband's birthday", "Husband would love the watch",
      "Husband is always late"]),
    # how the user travels: the means
    ((("assistant", "How do you usually get to school?"), ("user", "Bus, unless it's sunny.")),
     ["Usually gets to school by bus, unless it's sunny"]),
    # the full name hardly anyone uses
    ((("user", "Call me Jo, nobody calls me Joanna except my dad."),),
     ["Prefers to be called Jo", "Name is Joanna"]),
])
def test_news_pronouns_means_and_names(turns: tuple[tuple[str, str], ...],
                                       expected: list[str]) -> None:
    assert conversation(*turns) == expected


def test_a_changed_mind_ends_the_wish() -> None:
    state = conversation(("user", "I've changed my mind about law, I'm doing history instead."),
                         existing=["Wants to study law", "Lives in Leeds"])
    assert "Wants to study law" not in state and "Lives in Leeds" in state


@pytest.mark.parametrize(("held", "said", "expected"), [
    # a change naming only the new value keeps the held frame
    (["Uses an Android phone", "Lives in Leeds"], "Switched to an iPhone last month.",
     ["Uses an iPhone", "Lives in Leeds", "Switched to an iPhone last month"]),
    (["Drinks black coffee every morning"], "I switched to green tea a few weeks ago.",
     ["Drinks green tea", "Switched to green tea a few weeks ago"]),
])
def test_a_new_value_in_the_held_frame(held: list[str], said: str, expected: list[str]) -> None:
    assert conversation(("user", said), existing=held) == expected


@pytest.mark.parametrize(("turns", "expected"), [
    # an offer to remember something, accepted
    ((("user", "My alarm goes off at 5am."),
      ("assistant", "Would you like me to remember that you are an early riser?"),
      ("user", "Yes please.")), ["Alarm goes off at 5am", "Is an early riser"]),
    # "no" plus a statement to "any N?": none of N, and the statement
    ((("assistant", "Any allergies I should know about?"), ("user", "Nope, I eat anything.")),
     ["Has no allergies", "Eats anything"]),
    # "no" plus another value: the value in the question's frame
    ((("assistant", "Do you live in Porto?"), ("user", "No, Lisbon.")), ["Lives in Lisbon"]),
    # "no, not at all" is one no, never a yes
    ((("assistant", "Are you allergic to nuts?"), ("user", "No, not at all.")),
     ["Is not allergic to nuts"]),
])
def test_short_answers_with_a_no(turns: tuple[tuple[str, str], ...], expected: list[str]) -> None:
    assert conversation(*turns) == expected


@pytest.mark.parametrize(("held", "said", "expected"), [
    # a switch keeps the held frame with the new value, and the event itself
    (["Uses an Android phone"], "Switched to an iPhone last month.",
     ["Uses an iPhone", "Switched to an iPhone last month"]),
    # a changed mind about a held wish leaves its denial
    (["Wants to study law", "Lives in Leeds"], "I've changed my mind about law.",
     ["Lives in Leeds", "No longer wants to study law"]),
    # a bare "finished in" finishes what the clause before did
    (["Is training for the Leeds 10k"], "I ran the Leeds 10k on Sunday, finished in 52 minutes!",
     ["Ran the Leeds 10k on Sunday", "Finished the Leeds 10k in 52 minutes"]),
])
def test_events_and_the_states_they_leave(held: list[str], said: str,
                                          expected: list[str]) -> None:
    assert conversation(("user", said), existing=held) == expected


def test_this_job_is_their_job_and_a_word_said_is_no_fact() -> None:
    assert conversation(("user", "They asked if I'm leaving and I said no chance. "
                                  "I love this job.")) == ["Loves their job"]


@pytest.mark.parametrize(("held", "said", "expected"), [
    (["Is engaged to Tom", "Lives in Hull"], "Tom and I called off the engagement.",
     ["Lives in Hull", "Called off the engagement with Tom"]),
    (["Is 29 years old"], "It was my 30th birthday on Sunday.", ["Is 30 years old"]),
])
def test_an_engagement_ended_and_a_birthday_that_makes_an_age(
        held: list[str], said: str, expected: list[str]) -> None:
    assert conversation(("user", said), existing=held) == expected


def test_a_leading_adverb_is_not_the_verb_of_a_coordination() -> None:
    state = conversation(("user", "I finally upgraded to an Xbox Series X and sold the old one "
                                  "to a friend."), existing=["Has an Xbox One"])
    assert state == ["Has an Xbox Series X", "Finally upgraded to an Xbox Series X",
                     "Sold the old one to a friend"]


@pytest.mark.parametrize(("turns", "expected"), [
    # a choice of what someone or something is
    ((("assistant", "Is Rex a dog or a cat?"), ("user", "A dog, a very lazy one.")),
     ["Rex is a dog"]),
    ((("assistant", "Is your car an estate or a hatchback?"), ("user", "Hatchback.")),
     ["Car is a hatchback"]),
    # another value, "actually", to a yes/no question: the value in the question's frame
    ((("assistant", "Are you vegetarian?"), ("user", "Pescatarian, actually.")),
     ["Is pescatarian"]),
    ((("assistant", "Do you live in Leeds?"), ("user", "York, actually.")), ["Lives in York"]),
])
def test_answers_that_pick_or_correct_a_value(turns: tuple[tuple[str, str], ...],
                                               expected: list[str]) -> None:
    assert conversation(*turns) == expected


@pytest.mark.parametrize("clause", [
    "It's amazing what we can do for our own health.",
    "It's a good reminder that I'm not alone in this.",
    "It's great when I finish a long run.",
])
def test_a_verdict_or_a_whole_clause_is_no_cleft(clause: str) -> None:
    from engram.pipeline.rules._retake import uncleft

    assert uncleft(clause) is None


@pytest.mark.parametrize(("turns", "expected"), [
    ((("user", "I'm buying a gift for my niece."), ("assistant", "How old is she?"),
      ("user", "Twelve.")), ["Is buying a gift for their niece", "Niece is 12 years old"]),
    ((("user", "I'm planning a party for my son."), ("assistant", "Fun! How old is he turning?"),
      ("user", "Seven.")), ["Is planning a party for their son", "Son is turning 7"]),
])
def test_an_age_in_words_for_the_person_named_before(turns: tuple[tuple[str, str], ...],
                                                     expected: list[str]) -> None:
    assert conversation(*turns) == expected


def test_a_relative_with_s_after_a_comma_opens_a_clause() -> None:
    assert conversation(("user", "I never really got into tennis, my wife's the player in "
                                  "our house."), existing=["Plays tennis"]) == [
        "Never got into tennis", "Wife is the player in their house"]


@pytest.mark.parametrize(("held", "said", "expected"), [
    ([], "Any pasta ideas? But please, nothing with mushrooms.", ["Avoids mushrooms"]),
    ([], "No worries, thanks.", []),
    # "no more <doing>" is an ending, never a food avoided
    (["Drives to work"], "No more driving for me.", ["No longer drives"]),
    # a first day at a named place starts a job there
    (["Works at Tesco"], "Tomorrow's my first day at Sainsbury's.",
     ["Starts working at Sainsbury's tomorrow"]),
])
def test_avoided_food_and_a_first_day(held: list[str], said: str, expected: list[str]) -> None:
    assert conversation(("user", said), existing=held) == expected


@pytest.mark.parametrize(("held", "said", "expected"), [
    # the short reason after a comma is no part of what ended
    (["Likes horror films"], "I'm not really into horror anymore, too jumpy.",
     ["Is no longer into horror"]),
    ([], "I don't drink at all, never have.", ["Does not drink at all"]),
])
def test_short_tails_after_a_denial(held: list[str], said: str, expected: list[str]) -> None:
    assert conversation(("user", said), existing=held) == expected


@pytest.mark.parametrize(("said", "expected"), [
    # a present-tense verb, "and", a second verb phrase
    ("I teach maths at a secondary school and coach the under-12s on Saturdays.",
     ["Teaches maths at a secondary school", "Coaches the under-12s on Saturdays"]),
    ("I play guitar and sing in a choir.", ["Plays guitar", "Sings in a choir"]),
    ("I love fish and chips.", ["Loves fish and chips"]),
    # ", which is a shame" is the speaker's verdict
    ("I'm allergic to cats, which is a shame.", ["Is allergic to cats"]),
])
def test_present_verbs_joined_by_and(said: str, expected: list[str]) -> None:
    assert conversation(("user", said)) == expected

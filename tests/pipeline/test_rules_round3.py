"""Mechanisms of the third #22 round (helper extract3): verb phrases joined by commas,
preparation settled by the event, a choice that replaces an earlier turn's plan. Every
sentence is written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from engram._types import Message
from engram.pipeline.base import ExtractContext
from engram.pipeline.rules import RulesExtractor
from tests.pipeline._state import state_after
from tests.pipeline.test_rules_mechanisms import final, user

CTX = ExtractContext()


def conversation(*turns: tuple[str, str], existing: list[str] | None = None) -> list[str]:
    """The memory state after one add of a whole conversation through the rules pair."""
    return state_after(turns, existing or [])


@pytest.mark.parametrize(("content", "expected"), [
    # a present verb, then base forms after commas and "and"
    ("I bake rye bread, grow my own herbs, and only buy seasonal fruit.",
     ["Bakes rye bread", "Grows their own herbs", "Only buys seasonal fruit"]),
    # a negated auxiliary opens a predicate of its own
    ("Loves hiking in the Alps, can't handle the heat though",
     ["Loves hiking in the Alps", "Cannot handle the heat"]),  # "though" is an aside
    # a past verb, then a past verb
    ("I sat my theory test on Friday, scored 48 out of 50.",
     ["Sat their theory test on Friday", "Scored 48 out of 50"]),
])
def test_comma_joined_verb_phrases_are_facts_of_their_own(content: str,
                                                          expected: list[str]) -> None:
    assert user(content) == expected


@pytest.mark.parametrize(("content", "expected"), [
    # nouns after commas are a list, not predicates
    ("I collect stamps, coins and old maps.", ["Collects stamps", "Collects coins",
                                                "Collects old maps"]),
    # an apposition after a past verb is not a second event
    ("I moved to Porto, a city I adore.", None),
    # a present verb after a past one is not the same predicate chain
    ("I ran a bakery, loves it", None),
])
def test_a_comma_before_a_non_predicate_does_not_split(content: str,
                                                       expected: list[str] | None) -> None:
    facts = user(content)
    if expected is not None:
        assert facts == expected
    else:
        assert len(facts) <= 1 or all("," not in f for f in facts[1:])
        assert not any(f.startswith(("A city", "Loves it")) for f in facts)


def test_the_event_prepared_for_settles_the_preparation() -> None:
    state = final(["Is rehearsing for the spring piano recital", "Lives in Hull"],
                  "Played the spring piano recital last night!")
    assert "Is rehearsing for the spring piano recital" not in state
    assert "Lives in Hull" in state


def test_an_unrelated_past_event_leaves_the_preparation() -> None:
    state = final(["Is training for the Ghent triathlon"], "Painted the garden fence on Sunday.")
    assert "Is training for the Ghent triathlon" in state


def test_a_choice_made_instead_replaces_the_earlier_turns_plan() -> None:
    state = conversation(
        ("user", "I'm thinking about a road trip through Wales in August."),
        ("assistant", "Sounds fun! Want some route ideas?"),
        ("user", "Actually we've gone for a week in Cornwall instead."))
    assert not any("Wales" in s for s in state)
    assert any("Cornwall" in s for s in state)


def test_instead_of_names_what_it_replaces_so_nothing_earlier_is_replaced() -> None:
    state = conversation(("user", "I'm planning to learn the banjo."),
                         ("user", "I also walk to work instead of driving."))
    assert any("banjo" in s for s in state)


def test_instead_replaces_only_an_intention_not_a_held_fact() -> None:
    state = conversation(("user", "I own a pressure cooker."), ("assistant", "Handy!"),
                         ("user", "I mostly use the slow cooker instead."))
    assert any("pressure cooker" in s for s in state)


@pytest.mark.parametrize(("content", "expected"), [
    ("My cousin Ana told me she's moving to Lima in May.",
     ["Has a cousin named Ana", "Cousin Ana is moving to Lima in May"]),
    ("My grandpa said he's been learning Welsh on his tablet.",
     ["Grandpa has been learning Welsh on his tablet"]),
    ("Tariq mentioned that he got a place at art school.", ["Tariq got a place at art school"]),
])
def test_a_person_reporting_their_own_news_gives_a_fact_about_them(
        content: str, expected: list[str]) -> None:
    assert user(content) == expected


@pytest.mark.parametrize("content", [
    "My brother said she's leaving the choir.",  # "she" is not the brother
    "My flatmate says I leave the lights on too much.",  # an opinion about the user
    "Apparently he said he's got a new car.",  # nobody the user names
])
def test_reported_speech_about_others_or_about_the_user_stays_dropped(content: str) -> None:
    assert user(content) == []


def test_a_reporters_news_supersedes_what_was_held_about_them() -> None:
    state = final(["Has a friend named Odile", "Friend Odile is looking for a new flat"],
                  "Odile texted me that she signed the lease on a place in Lille.")
    assert "Friend Odile is looking for a new flat" not in state
    assert any("Lille" in s for s in state)


def test_a_quotation_of_several_sentences_is_nobody_s_fact() -> None:
    content = ('Could you tidy up this note from Mirela?\n\n"Hello all, I am moving to the '
               'Lyon team in March. I have also adopted a kitten. Best, Mirela"')
    assert user(content) == []


def test_the_sender_named_before_a_colon_is_not_a_fact() -> None:
    assert user('My landlord just emailed me: "I\'m selling the building." Great.') == []


@pytest.mark.parametrize(("held", "content", "gone", "kept"), [
    ("Likes cricket", "I never said I liked cricket, that was my dad.", "Likes cricket",
     "Does not like cricket"),
    ("Is a morning person", "I didn't say I was a morning person.", "Is a morning person",
     "Is not a morning person"),
])
def test_a_disowned_statement_removes_the_memory_it_made(held: str, content: str, gone: str,
                                                         kept: str) -> None:
    state = final([held, "Lives in Derby"], content)
    assert gone not in state and kept in state and "Lives in Derby" in state


@pytest.mark.parametrize(("held", "content", "expected"), [
    ("Anniversary is on June 14", "Quick correction: our anniversary is the 4th of June, "
     "not the 14th.", "Anniversary is the 4th of June"),
    ("Son is in year 3", "Small correction, my son is in year 4 now, not year 3.",
     "Son is in year 4"),
    ("Daughter Pia is in second grade", "Pia's in third grade now, not second.",
     "Daughter Pia is in third grade"),
])
def test_a_corrected_number_replaces_the_held_one(held: str, content: str,
                                                  expected: str) -> None:
    assert final([held], content) == [expected]


def test_an_outcome_settles_only_the_same_persons_wait() -> None:
    held = ["Is looking for a new job", "Has a sister named Ola"]
    state = final(held, "My sister Ola got a new job at the library.")
    assert "Is looking for a new job" in state


def answer(question: str, reply: str) -> list[str]:
    return [f.text for f in RulesExtractor().extract(
        [Message("assistant", question, index=0), Message("user", reply, index=1)], CTX)[0]]


@pytest.mark.parametrize(("question", "reply", "expected"), [
    ("Do you still go swimming?", "Not since my operation.", ["No longer goes swimming"]),
    ("Do you still bake?", "Not anymore, no time.", ["No longer bakes"]),
    # a second question after ", or" is the assistant's own and is left out
    ("Do you still use the rowing machine, or should it go?", "Not for years.",
     ["No longer uses the rowing machine"]),
])
def test_a_reply_naming_since_when_denies_a_yes_no_question(question: str, reply: str,
                                                           expected: list[str]) -> None:
    assert answer(question, reply) == expected


def test_a_denied_still_question_removes_the_held_habit() -> None:
    assert final(["Goes swimming every week"], "Not since my operation.",
                 before="Do you still go swimming every week?") == \
        ["No longer goes swimming every week"]


@pytest.mark.parametrize(("content", "expected"), [
    ("I'd rather you called me Gus.", ["Prefers to be called Gus"]),
    ("They/them, please.", ["Pronouns are they/them"]),
    ("And I'm Wren, by the way.", ["Name is Wren"]),
    ("Random thought - my parrot hates the hoover.", ["Parrot hates the hoover"]),
    ("Mid-week update - I booked the ferry to Bilbao.", ["Booked the ferry to Bilbao"]),
    ("Haven't cycled since the spring to be honest.", ["Has not cycled since the spring"]),
    ("Pescatarian, so no steak for me.", ["Is pescatarian"]),
    ("Newly retired, so not in a rush anymore.", None),
    ("Bit sleepy today, the neighbours had a party.", []),
    ("Feeling tired this morning.", []),
])
def test_chat_openings_and_tails_around_a_fact(content: str,
                                               expected: list[str] | None) -> None:
    facts = user(content)
    if expected is None:
        assert facts[0] == "Is newly retired" and "no" not in facts[-1].split()
    else:
        assert facts == expected


@pytest.mark.parametrize("content", [
    "We moved into a cottage near Hexham, the view of the hills is stunning.",
    "We moved into a cottage near Hexham, the heating isn't great.",
])
def test_a_comma_clause_about_a_thing_is_split_off(content: str) -> None:
    assert user(content) == ["Moved into a cottage near Hexham"]


def test_things_had_each_with_a_determiner_are_facts_of_their_own() -> None:
    assert user("We have a husky and two ferrets.") == ["Has a husky", "Has two ferrets"]


def test_an_aside_before_a_comma_is_cut_inside_the_sentence() -> None:
    assert user("Haven't been to the gym in months to be honest, I mostly swim now.") == \
        ["Has not been to the gym in months", "Mostly swims now"]


@pytest.mark.parametrize(("held", "content"), [
    ("Is vegan", "These days I eat a little bit of butter again."),
    ("Is vegetarian", "I started eating chicken again."),
])
def test_eating_animal_food_again_ends_the_diet(held: str, content: str) -> None:
    assert held not in final([held], content)


def test_time_since_the_last_one_ends_the_habit() -> None:
    assert final(["Drinks wine most evenings", "Lives in Hull"],
                 "It's been two months since my last glass of wine!") == \
        ["Lives in Hull", "Quit wine two months ago"]


def test_where_they_are_now_after_a_move_is_where_they_live() -> None:
    assert final(["Lives in Bath"], "We left Bath in June, we're in Exeter now.") == \
        ["Left Bath in June", "Lives in Exeter"]


def test_where_they_are_now_without_a_move_is_not_a_home() -> None:
    assert user("I'm in Rome now, the flight was fine.") == ["Is in Rome now"]


@pytest.mark.parametrize(("content", "expected"), [
    ("Prefers oolong over black tea, especially after lunch.",
     ["Prefers oolong over black tea, especially after lunch"]),
    ("Just turned 63 on Monday, feeling creaky.", ["Is 63 years old"]),
    ("I'm two chapters into Dune, and once I'm finished I want to try the sequel.",
     ["Is two chapters into Dune", "Wants to try the sequel"]),
    ("Got a rowing machine in May and I've been using it every morning since.",
     ["Got a rowing machine in May", "Has been using it every morning"]),
    ("Both my daughters swim, while my husband and I are learning salsa.",
     ["Daughters swim", "Is learning salsa with husband"]),
    ("I'm still at Arup, fully remote now, and my partner Jem found a job there.",
     ["Is still at Arup, fully remote now", "Has a partner named Jem",
      "Partner Jem found a job at Arup"]),
])
def test_clause_edges_round_three(content: str, expected: list[str]) -> None:
    assert user(content) == expected


@pytest.mark.parametrize(("content", "inferred"), [
    ("We've finally settled into our new cottage in Ludlow.", "Lives in Ludlow"),
    ("I accepted the job offer from Arup.", "Works at Arup"),
])
def test_a_new_home_or_an_accepted_offer_implies_the_state(content: str, inferred: str) -> None:
    assert inferred in user(content)


def test_said_x_but_meant_y_corrects_the_held_value() -> None:
    assert final(["Lives in Leeds", "Likes cricket"],
                 "Earlier I said Leeds, but I meant Bradford.") == \
        ["Lives in Bradford", "Likes cricket"]


def test_a_name_the_user_no_longer_wants_is_removed() -> None:
    state = final(["Prefers to be called Tommo", "Name is Thomas"],
                  "Please stop calling me Tommo.")
    assert state == ["Name is Thomas", "Does not want to be called Tommo"]


@pytest.mark.parametrize("content", ["I need some lunchbox ideas.",
                                     "Would like a few gift suggestions for my niece."])
def test_asking_for_ideas_is_no_fact(content: str) -> None:
    assert user(content) == []


@pytest.mark.parametrize("content", ["Marta totally deserves it.",
                                     "Kai moved to Oslo, he loves it there."])
def test_another_persons_vague_reaction_is_no_fact(content: str) -> None:
    assert not any(f.endswith(("it", "it there")) for f in user(content))


def test_a_denied_liking_ends_a_held_liking_of_the_same_thing() -> None:
    assert final(["Loves rowing"], "I don't enjoy rowing anymore.") == ["No longer enjoys rowing"]


def test_a_denial_about_one_pet_leaves_another_pet_held() -> None:
    assert final(["Has a hamster"], "I don't like rabbits.") == \
        ["Has a hamster", "Does not like rabbits"]


def test_a_question_about_him_is_answered_about_the_person_named_before() -> None:
    state = conversation(("user", "I'm stuck for a present for my uncle Tobias."),
                         ("assistant", "What is he into?"),
                         ("user", "Jigsaws and birdwatching. He turns 70 in May."))
    assert "Uncle Tobias is into Jigsaws and birdwatching" in state
    assert "Uncle Tobias turns 70 in May" in state


def test_he_in_a_later_turn_is_the_person_an_earlier_turn_named() -> None:
    state = conversation(("user", "My nephew Ruben had his driving test today."),
                         ("assistant", "How did it go?"),
                         ("user", "He passed first time!"))
    assert any(s.startswith("Nephew Ruben passed") for s in state)


def test_a_question_about_her_with_nobody_named_is_no_fact_about_the_user() -> None:
    state = conversation(("assistant", "What is she into?"), ("user", "Pottery mostly."))
    assert not any("pottery" in s.lower() and s.startswith("Is") for s in state)


@pytest.mark.parametrize(("content", "expected"), [
    ("My mum lives with us now.", ["Mum lives with them now"]),
    ("My son's nursery is in Hove.", ["Son's nursery is in Hove"]),
    ("Remember that my wife's favourite band is Elbow.", ["Wife's favourite band is Elbow"]),
    ("My brother's visiting on Saturday.", ["Brother is visiting on Saturday"]),
    ("I usually get up at 6:45 on weekdays.", ["Usually gets up at 6:45 on weekdays"]),
    ("I do pilates twice a week.", ["Does pilates twice a week"]),
    ("I do love a good crossword.", ["Loves a good crossword"]),
    ("We got a kitten! He's a ginger tabby called Nacho.",
     ["Got a kitten", "Kitten is a ginger tabby called Nacho"]),
    ("I used to live in Derby but moved to Hull for work.",
     ["Used to live in Derby", "Moved to Hull for work", "Lives in Hull"]),
    ("Since I'm pescatarian, what should I order?", ["Is pescatarian"]),
    ("As a nurse, which shoes are best for long shifts?", ["Is a nurse"]),
    ("I've started bouldering, it's so addictive.", ["Has started bouldering"]),
    ("Need to renew my passport before March.", ["Needs to renew their passport before March"]),
])
def test_probe_sentences_round_three(content: str, expected: list[str]) -> None:
    assert user(content) == expected


@pytest.mark.parametrize(("held", "content", "gone"), [
    ("Lives in Norwich", "We're settled in Ipswich now.", "Lives in Norwich"),
    ("Plans to walk the Camino in May", "The Camino's off, my hip needs surgery.",
     "Plans to walk the Camino in May"),
    ("Is training for a duathlon", "Did my first duathlon on Saturday!",
     "Is training for a duathlon"),
    ("Is single", "I'm seeing someone now, his name is Ayo.", "Is single"),
    ("Lives with parents", "I finally moved out of my mum and dad's house.", "Lives with parents"),
    ("Likes reality TV", "I've gone off reality TV.", "Likes reality TV"),
    ("Brother Sol lives in Leeds", "My brother Sol moved back to Hull.",
     "Brother Sol lives in Leeds"),
])
def test_changed_states_round_three(held: str, content: str, gone: str) -> None:
    assert gone not in final([held, "Has a tortoise"], content)


def test_moving_a_meeting_is_no_move_of_home() -> None:
    assert final(["Lives in Leeds"], "We moved the book club to Friday.") == \
        ["Lives in Leeds", "Moved the book club to Friday"]


def test_a_wait_is_settled_only_by_the_event_it_named() -> None:
    assert "Is training for a duathlon" in final(["Is training for a duathlon"],
                                                  "Did my first pottery class on Saturday!")


@pytest.mark.parametrize("content", ["I had a bagel for breakfast.", "Just grabbed a coffee.",
                                     "I'm off to bed, night!", "I'll be honest, I forgot."])
def test_the_days_routine_is_no_memory(content: str) -> None:
    assert user(content) == []


def test_a_routine_said_as_a_habit_is_kept() -> None:
    assert user("I usually have porridge for breakfast.") == \
        ["Usually has porridge for breakfast"]


def test_it_was_lovely_after_an_outing_is_a_verdict() -> None:
    assert user("We went to Whitby on Sunday, it was gorgeous.") == ["Went to Whitby on Sunday"]


@pytest.mark.parametrize(("question", "reply", "expected"), [
    ("Do you cook at weekends?", "Sometimes, mostly Sundays.",
     ["Sometimes cooks at weekends, mostly Sundays"]),
    ("What's your cat called?", "Pickle.", ["Has a cat named Pickle"]),
    ("How old is your daughter?", "She's six.", ["Daughter is six years old"]),
    ("Which town did you grow up in?", "Wexford.", ["Grew up in Wexford"]),
])
def test_short_answers_round_three(question: str, reply: str, expected: list[str]) -> None:
    assert answer(question, reply) == expected


@pytest.mark.parametrize(("content", "expected"), [
    ("My GP told me I have a vitamin D deficiency.", ["Has a vitamin D deficiency"]),
    ("My optician says my left eye is weaker.", ["Left eye is weaker"]),
    ("My dentist diagnosed me with gum disease.", ["Has gum disease"]),
    ("My physio said I should rest the ankle.", ["Physio advised them to rest the ankle"]),
])
def test_an_examiners_finding_about_the_user_is_the_users_fact(content: str,
                                                                expected: list[str]) -> None:
    assert user(content) == expected


def test_a_friends_opinion_about_the_user_stays_dropped() -> None:
    assert user("My friend told me I have great taste in music.") == []


def test_a_relatives_new_age_replaces_the_held_one() -> None:
    state = conversation(("user", "My nephew is 11."), ("assistant", "Nice!"),
                         ("user", "Actually he just turned 12 on Friday."))
    assert "Nephew is 11" not in state and "Nephew is 12 years old" in state


def test_a_new_start_after_a_dash_replaces_the_held_job() -> None:
    state = final(["Works at Currys as a sales assistant"],
                  "Well, I did until May - I've just started at Argos.")
    assert state == ["Has started at Argos"]


def test_it_in_a_rescheduled_plan_is_the_event_named_before() -> None:
    state = conversation(("user", "We're planning a picnic on Saturday."),
                         ("assistant", "Sounds lovely!"),
                         ("user", "Rain's forecast, so we've pushed it to Monday."))
    assert state == ["Has pushed the picnic to Monday"]


def test_a_condition_after_a_discourse_marker_is_kept() -> None:
    assert user("Well, vegan really, I eat no animal products.")[0] == "Is vegan"


@pytest.mark.parametrize(("content", "expected"), [
    ("Some context: I'm 44, widowed, with a teenage son (Max is 15), and we live in Crewe.",
     ["Is 44 years old", "Is widowed, with a teenage son", "Max is 15 years old",
      "Lives in Crewe"]),
    ("Just got back from a week in Crete with my wife Ana, it was magical.",
     ["Has a wife named Ana", "Got back from a week in Crete with their wife Ana"]),
    ("I'm knitting a jumper for my dad - it's a Christmas present.",
     ["Is knitting a jumper for their dad"]),
])
def test_longer_messages_round_three(content: str, expected: list[str]) -> None:
    assert user(content) == expected


def test_a_label_named_then_given_as_it_is_that_labels_value() -> None:
    state = final(["Surname is Hart", "Name is Lou"],
                  "We got married in May and I took my husband's surname, so it's Nowak now.")
    assert "Surname is Nowak" in state and "Surname is Hart" not in state
    assert "Name is Lou" in state


def test_a_labelled_value_is_held_one_at_a_time() -> None:
    assert final(["Phone number is 01632 960001"], "My phone number is 01632 960999.") == \
        ["Phone number is 01632 960999"]


def test_an_option_someone_else_would_like_is_no_preference_of_the_user() -> None:
    state = conversation(("user", "Any ideas for my dad's birthday?"),
                         ("assistant", "A whisky tasting, a cookbook, or a watch?"),
                         ("user", "He'd love a whisky tasting."))
    assert not any(s.startswith("Prefers") for s in state)

"""Mechanisms of the second #22 round (helper extract2): pronouns that point back to an
unnamed relative, adverbs before the verb, and the worth-keeping gate. Every sentence is
written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_mechanisms import final, texts, user


def test_a_comma_splice_with_a_pronoun_subject_is_about_the_relative_named_before() -> None:
    facts = user("I'm knitting a scarf for my aunt, she's visiting from Ghent in March.")
    assert facts == ["Is knitting a scarf for their aunt", "Aunt is visiting from Ghent in March"]


def test_a_pronoun_after_a_comma_without_a_relative_before_gives_no_guess() -> None:
    assert user("We're repainting the hall, he says it needs two coats.") == \
        ["Is repainting the hall"]


@pytest.mark.parametrize(("content", "expected"), [
    ("I never skip leg day.", "Never skips leg day"),
    ("I never watch the news before bed.", "Never watches the news before bed"),
])
def test_never_keeps_the_verb_in_the_third_person(content: str, expected: str) -> None:
    assert user(content) == [expected]


def answer(question: str, reply: str) -> list[str]:
    return texts(("assistant", question), ("user", reply))


@pytest.mark.parametrize(("question", "reply", "expected"), [
    # a stranded preposition takes the answer
    ("What sort of podcasts do you listen to?", "True crime mostly.",
     "Listens to True crime"),
    ("Which station will you set off from?", "Euston", "Will set off from Euston"),
    # the answer goes after the verb when a phrase follows it
    ("What do you cook on Sundays?", "A big roast.", "Cooks a big roast on Sundays"),
    # "where" with a verb of motion takes "to"; a time adverb closes the statement
    ("Where are you heading next?", "Tallinn", "Is heading to Tallinn next"),
    ("What are you reading?", "A history of salt.", "Is reading a history of salt"),
    ("Who do you train with?", "My brother.", "Trains with their brother"),
    # emphasis after the answer is not part of it
    ("Which club do you follow?", "Hibs, always have.", "Follows Hibs"),
    # an option named by one of its words
    ("Would you rather eat in or on the balcony?", "Balcony, for sure.",
     "Would rather eat on the balcony"),
    # "any N" keeps its noun, and the assistant's reason for asking is dropped
    ("Do you have any phobias I should know about?", "Spiders.", "Has Spiders phobias"),
    ("Any kids?", "Two teenagers.", "Has two teenagers"),
    ("What should I call you?", "Bea", "Prefers to be called Bea"),
])
def test_a_short_reply_is_read_by_the_shape_of_the_question(question: str, reply: str,
                                                             expected: str) -> None:
    assert answer(question, reply) == [expected]


@pytest.mark.parametrize(("question", "reply"), [
    ("Any questions before we start?", "None for now."),
    ("Which slot do you want me to hold?", "The later one."),
    ("Why do you ask about my weekend?", "No reason."),
    ("What are you?", "A person."),
])
def test_a_reply_that_states_nothing_lasting_gives_nothing(question: str, reply: str) -> None:
    assert answer(question, reply) == []


def test_a_reply_of_an_answer_and_a_statement_keeps_both() -> None:
    facts = answer("Should I plan around any food needs?", "Nut-free please, I'm allergic.")
    assert "Is allergic" in facts
    assert not any("please" in f for f in facts)


@pytest.mark.parametrize(("content", "expected"), [
    # an instruction to the assistant after a fact is not part of it
    ("I'm vegan, so leave out the honey.", ["Is vegan"]),
    ("I start at 6am, so don't call before 8.", ["Starts at 6am"]),
    ("I'm colour-blind, so avoid red-green charts.", ["Is colour-blind"]),
    # an aside to the assistant after a statement
    ("I snore terribly, just so you know.", ["Snores terribly"]),
    ("I get seasick, for the record.", ["Gets seasick"]),
    # the speaker's verdict after a fact
    ("I was watching a documentary on bees, fascinating stuff.",
     ["Was watching a documentary on bees"]),
])
def test_what_is_said_to_the_assistant_is_cut_from_the_fact(content: str,
                                                             expected: list[str]) -> None:
    assert user(content) == expected


def test_a_standing_request_is_still_kept() -> None:
    facts = user("I have coeliac disease, so please keep recipes gluten-free.")
    assert facts[0] == "Has coeliac disease"
    assert len(facts) == 2 and "gluten-free" in facts[1]


@pytest.mark.parametrize("content", [
    "I've heard that Porto is lovely in autumn.",
    "I read somewhere that crows recognise faces.",
    "My gran always says 'waste not, want not' and I try to live by it.",
])
def test_hearsay_and_facts_that_point_back_into_the_chat_are_not_kept(content: str) -> None:
    assert user(content) == []


@pytest.mark.parametrize(("content", "expected"), [
    ("I teach piano and on Fridays I referee hockey.",
     ["Teaches piano", "Referees hockey on Fridays"]),
    ("I'm a postman but every summer I crew on a yacht.",
     ["Is a postman", "Crews on a yacht every summer"]),
])
def test_a_fronted_phrase_after_a_conjunction_starts_a_clause(content: str,
                                                               expected: list[str]) -> None:
    assert user(content) == expected


@pytest.mark.parametrize(("content", "expected"), [
    ("I knit jumpers and the odd pair of socks.", ["Knits jumpers and the odd pair of socks"]),
    ("I speak Catalan and a little Basque.", ["Speaks Catalan", "Speaks a little Basque"]),
    ("I paint landscapes and the occasional portrait.",
     ["Paints landscapes", "Paints the occasional portrait"]),
    ("I like rice and beans.", ["Likes rice and beans"]),
])
def test_a_second_object_with_its_own_amount_is_its_own_fact(content: str,
                                                             expected: list[str]) -> None:
    assert user(content) == expected


def test_the_word_it_as_an_acronym_is_no_pronoun() -> None:
    assert user("I work in IT.") == ["Works in IT"]


def test_a_role_from_a_place_is_the_role_and_the_origin() -> None:
    assert user("I'm a potter from Stoke.") == ["Is a potter", "Is from Stoke"]
    assert user("I'm a collector of maps from Persia.") == \
        ["Is a collector of maps from Persia"]


def test_a_subjectless_statement_speaks_of_the_user_in_the_third_person() -> None:
    assert user("Finally fixed my bike!") == ["Finally fixed their bike"]


@pytest.mark.parametrize(("content", "expected"), [
    ("I collect vinyl records but I haven't bought any in years.",
     ["Collects vinyl records", "Has not bought any in years"]),
    ("I own a kayak but I haven't used it since June.",
     ["Owns a kayak", "Has not used it since June"]),
    ("I knit scarves but I haven't finished in weeks.",
     ["Knits scarves", "Has not finished scarves in weeks"]),
    ("I speak Greek but I haven't practised in years.",
     ["Speaks Greek", "Has not practised in years"]),  # a name is no object to carry
])
def test_a_denial_without_an_object_takes_the_one_named_before(content: str,
                                                               expected: list[str]) -> None:
    assert user(content) == expected


def test_a_greeting_with_there_and_a_nickname_after_but() -> None:
    assert user("Hello there, my name's Wilhelmina but everybody calls me Billie.") == \
        ["Name is Wilhelmina", "Prefers to be called Billie"]


@pytest.mark.parametrize(("content", "expected"), [
    ("My neighbour says I should join the allotment society, but I'm not interested.",
     "Is not interested in joining the allotment society"),
    ("My coach thinks I should enter the regional open, and honestly I'm keen.",
     "Is keen on entering the regional open"),
])
def test_a_bare_answer_to_a_suggestion_is_about_the_suggestion(content: str,
                                                               expected: str) -> None:
    assert expected in user(content)


def test_a_bare_not_interested_with_no_suggestion_stays_as_said() -> None:
    assert "Is not interested in" not in " ".join(user("It poured all day, but I'm not interested."))


def test_a_value_the_user_takes_back_is_replaced() -> None:
    after = final(["Is scared of moths"], "I said I was scared of moths but it's actually wasps.")
    assert after == ["Is scared of wasps"]


def test_a_corrected_number_keeps_its_unit_and_drops_now() -> None:
    after = final(["Daughter Ada is in grade 4"], "Sorry, Ada's in grade 5 now, not grade 4.")
    assert after == ["Daughter Ada is in grade 5"]


@pytest.mark.parametrize("content", ["No wait, I work in Derby, I got confused.",
                                     "I mis-typed before, I work in Derby."])
def test_a_slip_in_the_conversation_is_no_fact(content: str) -> None:
    assert user(content) == ["Works in Derby"]


def test_someone_elses_reaction_to_the_chats_thing_is_no_fact() -> None:
    assert user("My flatmates devoured it.") == []
    assert user("My flatmates love curry.") == ["Flatmates love curry"]


def test_we_all_counts_the_speakers() -> None:
    # the facts' house style keeps "Is" for "we" too; the quantifier goes
    assert user("We're all vegan except my dad.") == ["Is vegan except their dad"]
    assert user("We are both nurses.") == ["Is nurses"]

"""The offline extractor: messages -> short third-person facts, with provenance.

>>> from engram._types import Message
>>> from engram.pipeline.base import ExtractContext
>>> msgs = [Message("user", "Hi! I'm vegetarian, and I'm allergic to peanuts.", index=0)]
>>> [f.text for f in RulesExtractor().extract(msgs, ExtractContext())[0]]
['Is vegetarian', 'Is allergic to peanuts']
"""

from __future__ import annotations

import re
from datetime import datetime

from engram._types import Message
from engram.pipeline._results import warn
from engram.pipeline.base import ExtractContext, Fact
from engram.pipeline.rules import _facts as F
from engram.pipeline.rules._about_them import as_asked_of_you, said_of
from engram.pipeline.rules._abstained import abstained
from engram.pipeline.rules._answers import NO, YES, answer_clause
from engram.pipeline.rules._apposed import after_denial, unapposed
from engram.pipeline.rules._births import newborn
from engram.pipeline.rules._carried import (
    carry_object,
    finished_what,
    liked_object,
    quit_what,
    started_what,
)
from engram.pipeline.rules._challenged import Challenges, it_as_slot
from engram.pipeline.rules._chatnames import names_as_asked
from engram.pipeline.rules._contracted import uncontracted
from engram.pipeline.rules._corrections import (
    RETRACT,
    SAID_MEANT,
    corrected,
    disowned,
    said_again,
)
from engram.pipeline.rules._couple import together
from engram.pipeline.rules._dates import resolve_dates
from engram.pipeline.rules._dropped import plans_dropped
from engram.pipeline.rules._expand import expand
from engram.pipeline.rules._fragments import as_notes, habit_alone, subjectless
from engram.pipeline.rules._identity import (
    addressed_as,
    also_called,
    identity_fact,
    introduction,
    name_asked_for,
    named_with,
)
from engram.pipeline.rules._idioms import plain_change, said_plainly
from engram.pipeline.rules._in_passing import in_passing
from engram.pipeline.rules._inferred import homes_said, new_home, new_job
from engram.pipeline.rules._labels import label_clause, labelled
from engram.pipeline.rules._noise import is_noise
from engram.pipeline.rules._now import said_as_now
from engram.pipeline.rules._others import other_subject
from engram.pipeline.rules._referents import (
    kin_alone,
    kin_named,
    place_named,
    them_as,
    there_as,
    things_named,
)
from engram.pipeline.rules._resaid import resaid
from engram.pipeline.rules._restated import puts_right_before, restated
from engram.pipeline.rules._retake import opens_correction, retimed, said_instead, says_fix, uncleft
from engram.pipeline.rules._revalue import value_correction
from engram.pipeline.rules._rewrite import capitalise, pronouns_to_third, to_third_person
from engram.pipeline.rules._roles import at_the_event
from engram.pipeline.rules._self_report import decided_news, diagnosis, done_to_me, self_report
from engram.pipeline.rules._sentences import (
    REQUEST,
    is_question,
    split_clauses,
    statement_head,
    strip_discourse,
)
from engram.pipeline.rules._slots import content_tokens
from engram.pipeline.rules._speech import (
    advice,
    is_hypothetical,
    is_reported,
    own_text,
    taken_up,
    without_vocative,
)
from engram.pipeline.rules._stated import stated
from engram.pipeline.rules._subjects import People
from engram.pipeline.rules._suggested import as_suggested
from engram.pipeline.rules._supersede import ends_a_slot
from engram.pipeline.rules._things import thing_fact
from engram.pipeline.rules._weighed import weighed_choice
from engram.pipeline.rules._worth import worth

__all__ = ["RulesExtractor", "extract_texts"]


_INTRO = re.compile(r"\b(?:a|an|my|our)\s+(\w+)\s+(?:(?:called|named)\s+)?([A-Z][\w'-]+)")
_FRONTED = re.compile(r"^((?:for|at|in|on|during|after|before|since|with|every|most|as of|"
                      r"when it comes to)\s+"
                      r"[\w' -]{1,30}?),?\s+((?:I|I'm|I've|we|we're)\s.+)$", re.I)
_AGENT_CHATTER = re.compile(r"^(?:I'?ll|I will|let me|I can|I'?d be happy|I'?m happy|"
                            r"I'?m glad|I'?m sorry|I understand|I see|noted)\b", re.I)
# "I think (that)" / "I guess" before the user's own statement: the statement is theirs.
_HEDGE = re.compile(r"^(?:i\s+(?:think|guess|believe|suppose|feel like|reckon)|"
                    r"i'?m\s+(?:pretty\s+|fairly\s+)?sure)\s+(?:that\s+)?(?=(?:i|i'm|i've|my|we)\b)",
                    re.I)


# "Emma, my daughter, is ..." -> "my daughter Emma is ...".
_APPOSITIVE = re.compile(r"^((?-i:[A-Z][a-z]\w*)),\s+((?:my|our)\s+(?:\w+\s+)?\w+)(?:\s+from\s+\w+)?,\s+",
                         re.I)  # "Raj, my best mate from uni, is ...": where they met is left out
# "My husband, Ravi, works ..." -> "My husband Ravi works ...".
_NAME_APPOSITIVE = re.compile(r"^((?:my|our)\s+(?:\w+\s+)?\w+),\s+((?-i:[A-Z][a-z][\w'-]*)(?:\s+and\s+"
                              r"(?-i:[A-Z][a-z][\w'-]*))?),\s+", re.I)


# "once I'm done I want to read ...": the time clause before the statement is dropped
_WHEN_FIRST = re.compile(r"^(?:once|when|after|as soon as)\s+(?:i|i'm|we|we're)\b.*?,?\s+"
                         r"(?=(?:i|i'll|i'm|i'd|we|we'll)\s+\w)", re.I)


# A clause taken back as it is said: the one after it puts it right.
_TAKEN_BACK = re.compile(r",\s*(?:no\s+)?(?:wait|sorry|i mean|or rather|scratch that|hang on|hold on)"
                         r"[\s,.!]*$", re.I)


def _clause_facts(clause: str, people: People) -> list[str]:
    clause = said_plainly(clause) or _WHEN_FIRST.sub("", clause)  # "my last day at X was"
    clause = re.sub(r"^(?i:as)\s+((?i:a|an)\s+[\w-]+(?:\s+[\w-]+)?)$", r"I'm \1", clause)  # "As a nurse, ..."
    clause = re.sub(r"^(?i:both|all)\s+(?=(?i:my|our)\s)", "", clause)  # "Both my kids play"
    quit_for = abstained(clause)  # "It's been a year since my last drink"
    if quit_for:
        return [quit_for]
    clause = _APPOSITIVE.sub(r"\2 \1 ", clause)
    clause = _NAME_APPOSITIVE.sub(r"\1 \2 ", clause)
    clause = said_again(clause)  # "in Zurich, well, Winterthur": Winterthur
    clause = uncontracted(clause)  # "My birthday's May 15", "Luca's moved out"
    # "actually" inside a clause marks a correction; the statement is the same without it
    clause = re.sub(r"(?<=\w)\s+actually\b,?", "", clause).strip()
    out: list[str] = F.relation_facts(clause)
    # "She lives with my aunt Teresa": the aunt is named, but "she" is still who it was
    told_of = bool(re.match(r"(?i:she|he)\b", clause)) and people.last is not None
    for rel, name in F.relation_names(clause):
        people.introduce(rel, name, last=not told_of)
    whom = kin_alone(clause)
    if whom:  # "my sister, she turns 30": she is the sister the clause names
        people.last = whom
        return out
    # "please stop calling me Liz" is about the name, not a standing request
    request = None if re.search(r"\bcall(?:ing)?\s+me\b", clause, re.I) \
        else F.standing_request(clause)
    if request:
        return [*out, request]
    # her news; the GP's finding; the manager's news for the user
    clause = self_report(clause) or diagnosis(clause) or decided_news(clause) \
        or done_to_me(clause) or clause
    given = advice(clause)
    if given:  # "My doctor says I need to cut down on salt"
        return [*out, capitalise(f"{given[0]} advised them to {pronouns_to_third(given[1])}")]
    who = identity_fact(clause)  # before the noise filter: "please stop calling me Liz"
    name_and = None if who or introduction(clause) else named_with(clause)
    if name_and:  # "Name's Precious, she/her", "I'm Dev, short for Devendra"
        rest = _clause_facts(name_and[1], people) if name_and[1] else []
        return [*out, *name_and[0], *rest]
    if who:  # "Name's Oluwatobi, but you can call me Tobi": a second one after the first
        tail = re.match(r"^.*?(?:,\s*|\s+)(?:but|and|so)\s+(.+)$", clause) \
            or re.match(r"^.*?,\s*(.+)$", clause)  # "Name's Precious, she/her"
        more = identity_fact(tail.group(1)) or also_called(tail.group(1), who) if tail else None
        return [*out, who, *([more] if more and more != who else [])]
    if is_noise(clause) or is_reported(clause) and not RETRACT.match(clause) or is_hypothetical(clause):
        return out
    clause = _HEDGE.sub("", clause)
    named = introduction(clause)
    if named:  # "I'm Yusuf, a nurse from Izmir": the name, then the rest as a clause
        return [*out, named[0], *(f for rest in named[1] for f in _clause_facts(rest, people))]
    clause = disowned(clause) or clause  # "I never said I liked X": a denial of X
    moved = retimed(clause)  # "it'll have to be September": the plan's time
    fixed = corrected(clause) or ([moved] if moved else None)
    if fixed:
        return [*out, *fixed]
    clause = uncleft(clause) or clause  # "it's almonds I'm allergic to"
    both = together(clause)
    if both is not None:  # "My wife Julia and I are thinking ..." -> "... with wife Julia"
        return [*out, *both]
    fronted = _FRONTED.match(clause)
    if fronted:  # "For flights I prefer aisle seats" -> "I prefer aisle seats for flights"
        clause = f"{fronted.group(2)} {fronted.group(1)[0].lower()}{fronted.group(1)[1:]}"
    fact = to_third_person(clause)
    kin = kin_named(clause)
    if fact and kin and not people.last:  # "a gift for my niece, she's ..." -> "Niece"
        people.last = capitalise(kin[-1].lower())
    if fact and people.last:  # "we're throwing her a party" -> "... Mom Rosa a party",
        fact = people.for_pronouns(fact)  # "one of her bridesmaids" -> "... Aisha's ..."
    if fact:
        intro = _INTRO.search(clause)
        if intro and intro.group(1).lower() in F.RELATIONS:
            people.introduce(intro.group(1).lower(), intro.group(2))
        return [*out, fact]
    found = as_notes(clause, other_subject(clause, people) or subjectless(clause))
    if found:
        return [*out, *found]
    # "The Paris trip is cancelled", "Someone stole my bike"; "The new job starts Monday"
    # (the last resort: "My cat is called Pickle" was read as a tie above)
    told = thing_fact(clause) or (None if out else stated(clause) or new_home(clause)
                                        or new_job(clause))
    return [*out, told] if told else out


def extract_texts(message: Message, question: str | None, agent: bool,
                  people: People | None = None, corrections: set[str] | None = None,
                  changes: set[str] | None = None, offered: str | None = None) -> list[str]:
    """Fact texts from one message; ``question`` is the assistant turn it answers;
    ``people`` the persons earlier turns named ("he" in this one may be one of them);
    ``corrections``, if given, receives the facts said as corrections (``_retake``);
    ``changes`` those said as the state that holds now ("these days I ...", ``_now``);
    ``offered`` the assistant's turn before, asked or not ("one" may be what it suggested)."""
    facts: list[str] = []
    people = people if people is not None else People()
    place: tuple[str, str] | None = None  # ("at", "Spotify"): what "there" refers to
    things: str | None = None  # "tomato plants" (from "my tomato plants"): what "them" is
    said_last: str | None = None  # the message's last fact: "Got the job! I start Monday."
    if question and not people.last:  # "Is your son still at nursery?" - "he started school"
        people.asked_about(question)
    if question:  # "How's the wedding planning going?" - "we've pushed it back"
        people.events.note(question)
    challenges = Challenges()  # "Where did you get that?"; "How's Max?" - "max is a cat"
    sentences = [part for s in own_text(names_as_asked(question or offered, message.content))
                 for apart in unapposed(s) for part in after_denial(apart)]  # "My dad, who's 70, ..."
    said_from = 0  # where the facts of the sentence before began
    for s_i, sentence in enumerate(sentences):
        instead = said_instead(sentence) if s_i else None  # "... Well, we were."; "Scratch that, I ..."
        if instead is not None:
            del facts[said_from:]
            if not instead:
                continue
            sentence = instead
        said_from = len(facts)
        sentence = restated(without_vocative(sentence, people.speakers))  # "..., no wait, York"
        reread = challenges.read(sentence)
        if reread is None:  # a challenge of its own: the statement after it puts it right
            continue
        was_challenged, sentence = reread
        named = things_named(sentence)  # "my tomato plants", "allergic to cats"
        things = named[-1] if named else things
        if is_question(sentence):
            # "I'm vegan, any recipes?" keeps "I'm vegan"; "should I take X?" weighs X
            head = statement_head(sentence) or weighed_choice(strip_discourse(sentence)) \
                or name_asked_for(strip_discourse(sentence)) \
                or "; ".join(in_passing(sentence))  # "Could you use Sasha?"; "... I'm hosting"
            if not head:
                continue
            sentence = head
        elif REQUEST.match(strip_discourse(sentence)):  # "Help me plan the party I'm throwing"
            sentence = "; ".join(in_passing(sentence)) or sentence
        if is_hypothetical(sentence) and all(is_hypothetical(c) for c in split_clauses(sentence)):
            continue  # "..., but if we did, ..." keeps the statement before the condition
        said = label_clause(sentence) if not agent else None
        sentence = said or sentence  # "Allergies: nuts" is read as "I'm allergic to nuts"
        label = labelled(sentence) if not agent and not said else None
        if label:  # "Favorite color: blue"
            facts.append(label)
            continue
        people.events.note(sentence)
        value_fix, sentence = value_correction(  # "Lidl... sorry, Aldi": trailed off, put right
            sentence, answering=question or "" if s_i == 0 else "",
            trailed=s_i > 0 and (sentences[s_i - 1].endswith(("...", "…"))  # "Well, two" after
                                 or puts_right_before(sentences[s_i - 1], sentence)),  # "three kids"
            said=offered or "")
        if value_fix:  # "Sorry, I meant Galway"
            facts.append(value_fix)
            if not sentence:
                continue
        # Leading markers go first: "Actually, I ..." is not a compound subject.
        clauses = split_clauses(strip_discourse(resaid(sentence)))  # "nope, I'm in Hove"
        fixing = says_fix(sentence, was_challenged, s_i == 0, question is not None) \
            or any(uncleft(strip_discourse(c)) is not None for c in clauses)
        first_fact = len(facts)
        plain = _HEDGE.sub("", strip_discourse(sentence)).rstrip(".!")
        if RETRACT.match(plain) or SAID_MEANT.match(plain):  # "I said X but it's Y"
            clauses = [plain]
        if s_i == 0 and question and not agent and people.last and as_asked_of_you(question):
            # "What is he into?" - "Board games": the answer is about him
            answer = answer_clause(as_asked_of_you(question) or "", sentence)
            told = said_of(answer, people.last) if answer else None
            clauses = [told] if told else clauses
        elif s_i == 0 and question and not agent and not opens_correction(sentence):
            # "Mostly westerns, and I ..." answers it; "Change of plan, we're ..." does not
            first, *rest = split_clauses(sentence) or [""]
            # a reply of two clauses is an answer and a statement, never one answer
            # ("no, I eat anything" to "any allergies?" is a denial and a statement)
            whole = answer_clause(question, sentence) if not rest or NO.match(first) or re.search(
                r"\bcall\s+you\b|\byour\s+name\b", question, re.I) else None  # "Rebecca, but Bex is fine"
            if whole:  # "no, just plants" to "any pets?" answers twice: "...; I have plants"
                clauses = whole.split("; ")
            elif rest and not (YES.match(first) or NO.match(first)):
                answer = answer_clause(question, first)
                clauses = [answer, *rest] if answer else clauses
        clauses = it_as_slot(sentence, clauses)  # "took his surname, so it's Okafor now"
        # (a reply to "Nice to meet you, Devendra!" has that name before it: "dev is fine")
        previous = addressed_as(offered or question or "") if s_i == 0 and not agent else None
        before: str | None = None  # in ages" plays what it named; the clause before
        for raw in clauses:  # "already read it": "it" is what the assistant just suggested
            clause = as_suggested(strip_discourse(raw), offered or question) if s_i == 0 else strip_discourse(raw)
            if things and (not people.last or not things.endswith("s")):  # "I grow them", "sold it"
                clause = them_as(clause, things)
            if agent and _AGENT_CHATTER.match(clause):
                continue
            nick = also_called(clause, previous) if previous and previous.startswith(
                ("Name is ", "Does not want to be called ")) else None
            if nick:  # "I'm Margaret, but Maggie is fine": the clause after the name
                kept = (nick,) if nick.startswith("Name is ") else (previous, nick)  # a name put right
                facts.extend(f for f in kept if f and f not in facts)
                continue
            taken_back = _TAKEN_BACK.search(clause)
            if taken_back:  # "My daughter is 7, no wait, she turned 8": the next clause says
                _clause_facts(clause[:taken_back.start()], people)  # it; "she" is still her
                before = clause
                continue
            for f in _clause_facts(clause, people):
                if place:  # "moving there" goes to the place: "Is moving to Reading"
                    f = there_as(f, place)
                f = people.events.resolve(taken_up(carry_object(liked_object(
                    quit_what(finished_what(started_what(f.strip(" ,;:"), said_last), said_last), said_last),
                    previous), previous), before))
                pieces = [p for b in newborn(plain_change(as_suggested(f, offered or question)),
                                             message.content)  # "ordered one"; "Noor arrived"
                          for p in expand(b)]
                pieces[1:] = [quit_what(finished_what(p, b), b)
                              for b, p in zip(pieces, pieces[1:], strict=False)]
                facts.extend(pieces)
                previous = said_last = f
            before = clause
            place = place_named(clause) or place
        if fixing and corrections is not None:
            corrections.update(facts[first_fact:])
        if changes is not None and said_as_now(sentence):
            changes.update(facts[first_fact:])
    facts = homes_said(facts)  # "we moved out of Leeds, we're in York now": Lives in York
    facts = at_the_event(facts)  # "... is getting married and I'm the best man": whose wedding
    facts = plans_dropped(facts)  # "I was going to go vegan but I changed my mind"
    # A fact needs two words and some content ("Has been" or "They they" is not one);
    # the end of a known state is content of its own ("Was laid off" ends a job).
    return [f for f in facts if (len(f.split()) >= 2 or habit_alone(f, facts))  # "Swims"
            and (content_tokens(f, drop_time=False) or ends_a_slot(f))
            and (agent or worth(f))]


class RulesExtractor:
    """Deterministic extractor: no model, grammar-driven rewriting of first-person text."""

    name = "rules"

    def extract(self, messages: list[Message],
                ctx: ExtractContext) -> tuple[list[Fact], list[str]]:
        """Facts and warnings (images cannot be read without a model)."""
        source_role = "assistant" if ctx.target == "agent" else "user"
        seen: dict[str, int] = {}
        facts: list[Fact] = []
        warnings: list[str] = []
        n_images = sum(len(m.images) for m in messages)
        if n_images:
            warn(warnings, f"image skipped: {n_images} image(s) not described (no LLM configured)")
        question: str | None = None
        offered: str | None = None
        people = People()  # "he" in a later turn may be the brother an earlier one named
        people.speakers = frozenset(m.name for m in messages if m.name)
        for msg in messages:
            if msg.role == source_role:
                said = msg.timestamp or ctx.timestamp  # no time known: phrases stay as said
                fixes: set[str] = set()
                nows: set[str] = set()
                for text in extract_texts(msg, question, ctx.target == "agent", people, fixes,
                                          nows, offered):
                    fix, now = text in fixes, text in nows
                    if said:
                        text = resolve_dates(text, datetime.fromisoformat(said))
                    key = re.sub(r"\W+", " ", text.lower()).strip()
                    sid = str(msg.index)
                    if key in seen:
                        old = facts[seen[key]]
                        if sid not in old.source_ids or fix:
                            facts[seen[key]] = Fact(old.text, tuple(dict.fromkeys(
                                (*old.source_ids, sid))), old.correction or fix,
                                old.change or now)
                        continue
                    seen[key] = len(facts)
                    facts.append(Fact(text, (sid,), fix, now))
            if msg.role != "system":
                question = msg.content if msg.role != source_role and "?" in msg.content \
                    else None
                offered = msg.content if msg.role != source_role else None  # "You could try X."
        return facts, warnings

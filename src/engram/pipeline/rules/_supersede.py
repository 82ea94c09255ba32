"""Implicit updates: a new fact that changes the state of something already held.

"Switched to decaf", "Passed the driving test", "Sold the piano", "Is now a manager"
each say that an older memory no longer holds. The memory it supersedes is found among
the scope's neighbours (the reconciler's ``existing``) by subject (the user, or the same
named person) and by topic: shared content words, or a shared topic class for the
verbs that swap one value for another. No pair of phrases is listed anywhere.

- an ending ("quit", "sold", "cancelled", "no longer") deletes the old memory and the
  new fact is added;
- a change of value ("switched", "now", "instead", "passed", "promoted") updates the
  old memory to the new fact;
- a beginning ("started", "joined", "took up") adds to what is held unless it names the
  very thing the old memory holds ("Started working at Globex" / "Is interviewing at
  Globex").

>>> from engram.pipeline.base import Existing
>>> held = [Existing(0, "Drinks espresso every morning"), Existing(1, "Plays the piano")]
>>> superseded("Switched to decaf", held, set())
(0, 'UPDATE')
>>> superseded("Sold the piano", held, set())
(1, 'DELETE')
>>> superseded("Sister Mia switched to decaf", held, set()) is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from engram.pipeline.base import Existing
from engram.pipeline.rules._completed import completed
from engram.pipeline.rules._diet import broken_diet
from engram.pipeline.rules._episodes import in_progress, one_off
from engram.pipeline.rules._facts import RELATIONS, owner_of
from engram.pipeline.rules._limited import limited
from engram.pipeline.rules._outcome import PENDING, settled_wait, thing_of
from engram.pipeline.rules._phrases import modifiers, qualifiers, without, words_of
from engram.pipeline.rules._rewrite import PAST_FORMS
from engram.pipeline.rules._slots import is_ending, is_negative, slot_of
from engram.pipeline.rules._topics import SINGLE, split_subject, topics

__all__ = ["superseded", "is_change", "is_favour", "ends_a_slot", "SWAP", "SLOT_ENDINGS"]

# A value swapped for another: a shared topic class is enough to find the old one.
SWAP = re.compile(r"\b(?:switched|switching|switch|changed|changing|change|now|instead|promoted|"
                  r"(?:gone|went|going)\s+(?:full|part)[- ]time|"
                   r"became|upgraded|traded|replaced|swapped|converted|transferred|moved|"
                   r"relocated|passed|failed|finished|completed|graduated|recovered|"
                   r"healed|returned|went back|anymore|no longer|these days|nowadays|again|"
                   r"back to|back on|new|officially|settled|decided|chose|opted|went with|"
                   r"settled on|cut down|cut back|defended|submitted|down to|up to|"
                   # a new trade learnt: "Retrained as a plumber"
                   r"retrained|requalified)\b", re.I)
_ONE_AT_A_TIME = frozenset({"phone", "commute"})
# A visit or a stay, said as what the subject is doing.
_VISIT = re.compile(r"^(?:is|are|was|were)\s+(?:\w+\s+)?(?:visiting|staying\s+(?:with|at|in|over))\b",
                    re.I)
# What something was done for, said as an infinitive with its object.
_PURPOSE = re.compile(r"\s+(?:in order\s+)?to\s+(?!be\b)[a-z]+\s+(?:their|his|her|our|my|the|a|an|"
                      r"some|more)\b.*$")
# A beginning: only the same thing named again is superseded.
_BEGIN = re.compile(r"\b(?:started|starting|began|begun|joined|took up|taken up|adopted|"
                    r"signed up|enrolled|accepted|got|bought|booked|rescheduled|postponed|"
                    r"moved up|pushed back|pushed|brought forward|put back|delayed|found|landed|"
                    r"got the|bought the|finally)\b",
                    re.I)
# What a beginning can fulfil: a wish, a plan, an intention, a wait.
_AIMED = re.compile(r"^(?:wants|would (?:like|love)|hopes|plans|intends|aims|wishes|dreams|"
                    r"needs|means to|has been meaning|is (?:planning|thinking|considering|"
                    r"hoping|going to|keen|tempted|about to|looking|waiting|saving|trying)|"
                    r"will|might|may)\b", re.I)
# The start of an activity: work under way goes on beside it, it is not what that work
# was for (as a licence is for "Is learning to drive").
_STARTS = re.compile(r"^(?:(?:just|finally|recently)\s+)?(?:started|starting|began|begun|joined|"
                     r"took up|taken up|signed up|enrolled)\b", re.I)
_PURCHASE = re.compile(r"\b(?:bought|purchased|ordered|picked up)\b", re.I)
# Endings that close a single-valued slot whatever words the old memory used:
# "Retired from the fire service" ends "Works as a firefighter".
SLOT_ENDINGS = [(slot, re.compile(p, re.I)) for slot, p in [
    ("job", r"\b(?:retired|resigned|got fired|was fired|got laid off|was laid off|"
            r"(?:was|been|got) made redundant|(?:was|got|been) let go|handed in (?:their|a) notice|"
            r"(?:lost|quit|left) (?:their|the|a) job|stopped working|is unemployed|"
            r"is out of work|is between jobs|(?:went|gone|going|has gone) (?:freelance|self-employed|solo)|retirement (?:(?:starts|begins) (?:now|today)|has (?:started|begun)))\b"),
    ("relationship", r"\b(?:broke up|split up|divorced|separated|called it quits|parted ways|"
                     r"^split(?=\s*(?:,|$|\s+(?:last|in|after|with|for good)\b))|"
                     r"went (?:our|their) separate ways|ended things|(?:called|broke) off the "
                     r"(?:engagement|wedding)|broke it off)\b"),
    ("residence", r"\bmoved out\b"),
]]


@lru_cache(maxsize=8192)  # pure and called per fact x neighbour: memoised
def ends_a_slot(fact: str) -> bool:
    """The fact ends a single-valued state by a phrase that names the state ("Was laid
    off", "Got let go": a job), so it says something with no other content word.

    >>> ends_a_slot("Was laid off"), ends_a_slot("Was made redundant"), ends_a_slot("Has been")
    (True, True, False)
    """
    return any(p.search(fact) for _, p in SLOT_ENDINGS)


# People met through a job or a home are not the job or the home: "Shares a desk with
# their new colleague" changes no job, "Has a new flatmate" no address.
_PEOPLE = re.compile(r"\b(?:colleagues?|co-?workers?|boss(?:es)?|landlord|landlady|"
                     r"room-?mates?|flat-?mates?|house-?mates?|neighbou?rs?)\b", re.I)


_EXCHANGED = re.compile(r"^(?:swapped|traded|exchanged|switched)\s+(?:(?:a|an|one|two|my|their)\s+)?"
                        r"(?:[\w-]+\s+){0,2}?with\s+(?:a|an|my|their|his|her|the|one of (?:my|their) )?\s*"
                        r"(?:[\w-]+\s+)?(?:colleagues?|co-?workers?|workmates?|friends?|neighbou?rs?|"
                        + "|".join(sorted(RELATIONS)) + r"|(?-i:[A-Z])[\w'-]+)\b", re.I)
_TRYING = re.compile(r"^(?:is|are)\s+(?:still\s+)?(?:trying|hoping|planning|going|about|aiming|"
                     r"determined|desperate)\s+to\b|^(?:wants|hopes|plans|intends|needs)\s+to\b", re.I)
_COMPANY = re.compile(r"\s+with\s+(?:their\s+|his\s+|her\s+)?(?:[\w-]+\s+)?(?:"
                      + "|".join(sorted(RELATIONS)) + r")(?:\s+(?-i:[A-Z])[\w'-]+)?\b", re.I)


# A state dated from a point: "Drives to work since the strikes" began then.
_SINCE = re.compile(r"\b(?:ever\s+)?since\s+(?:the|my|our|their|last|\d|(?-i:[A-Z]))", re.I)


def is_favour(fact: str) -> bool:
    """One thing exchanged with someone: "Swapped a shift with a colleague"."""
    return bool(_EXCHANGED.match(split_subject(fact)[1])) and not is_ending(fact)


@lru_cache(maxsize=8192)  # pure and called per fact x neighbour: memoised
def is_change(fact: str) -> bool:
    """Does the fact say that something changed (began, ended, swapped)?"""
    return bool(SWAP.search(fact) or _BEGIN.search(fact) or is_ending(fact)
                or is_negative(fact) or ends_a_slot(fact) or _SINCE.search(fact))


# A thing said of with a word that makes it another of its kind: a second one, one for
# work, one of someone else's.
_ANOTHER_ONE = re.compile(r"^(?:work|company|office|second|spare|backup|other|personal|"
                          r"(?:wife|husband|partner|son|daughter|kids|mum|dad)'?s)\s+[a-z]+\s+(?:is|was|has)\b",
                          re.I)


def superseded(fact: str, existing: list[Existing], used: set[int],
               said_now: bool = False) -> tuple[int, str] | None:
    """(position, "UPDATE" | "DELETE") of the memory the fact supersedes, if any;
    ``said_now``: its sentence set it against before ("These days I drive a Kia")."""
    if _ANOTHER_ONE.match(fact):  # "Work phone is an Android" leaves "Uses an iPhone"
        return None
    outcome = settled_wait(fact, existing, used)
    if outcome is not None:
        return outcome
    done = completed(fact, existing, used)  # "Defended their thesis" / "Is writing a thesis"
    if done is not None:
        return done, "UPDATE"
    diet = broken_diet(fact, existing, used)  # "Had a bacon roll" / "Is vegetarian"
    if diet is not None:
        return diet[0], "UPDATE"
    subject, predicate = split_subject(fact)
    # a search or a wait has not changed anything yet: "Is looking for a new flat in Ely"
    # leaves "Lives in Derby", "Is applying for new jobs" the job held
    if PENDING.match(predicate) and not is_ending(fact):
        return None
    # said as now, a state changes the held one of its word or kind; what is under way
    # right now ("Is driving a hire car") changes nothing held
    # one phone, one way to work: said plainly, a new one is still the one now ("I use a
    # Pixel" after "Uses an iPhone"); a journey told in the past is no new commute
    plain_one = not is_change(fact) and bool(topics(predicate) & _ONE_AT_A_TIME) \
        and not in_progress(predicate) and predicate.split()[0].lower() not in PAST_FORMS
    if not is_change(fact) and not (said_now and not in_progress(predicate)) and not plain_one:
        return None
    # "Tried a new vegan bakery again yesterday": "new" and "again" tell of the visit, so
    # a one-off experience changes no standing state (an outcome was matched above)
    if one_off(predicate):
        return None
    # one thing exchanged with someone is a favour, not a change: "Swapped a shift with a
    # colleague" leaves "Works night shifts"
    if is_favour(fact):
        return None
    # a visit or a stay is no move, whatever word of change it has: "Is visiting
    # Madrid again next week" leaves "Lives in Madrid" (and a relative's the same)
    if _VISIT.match(predicate) and not is_ending(fact):
        return None
    for slot, pattern in SLOT_ENDINGS:
        hit = pattern.search(fact)
        # an ending that opens the fact is its own subject: "Retirement starts now"
        who = subject if pattern.search(predicate) else "" if hit and hit.start() == 0 else None
        if who is not None:
            for pos, e in enumerate(existing):
                e_subject, e_predicate = split_subject(e.text)
                if pos not in used and e_subject == who and not ends_a_slot(e.text) \
                        and (slot_of(e_predicate) or ("",))[0] == slot:
                    return pos, "DELETE"
    # A reason or a manner after the change is not what changed: "Pulled out of the
    # marathon because of their knee" ends "Is training for the marathon".
    # ("as" gives a reason only before a clause: "Started a new job as head of maths" names
    # the job)
    core = re.sub(r",?\s+(?:because|due to|since|as(?=\s+(?:i|we|it|they|he|she|there|the|my|"
                  r"their)\b)|after|so that|for good|in the end|at last|for now)\b.*$", "",
                  predicate)
    # nor is its purpose: "Booked a trip to Rome to practise their Italian" begins a trip,
    # not the Italian held ("Is learning Italian")
    core = _PURPOSE.sub("", core) or core
    ending = is_ending(fact) or (is_negative(fact) and not SWAP.search(fact))
    if ending:  # where it went is not what ended: "Gave Rusty away to a farm"; nor is a
        core = re.sub(r",\s.*$", "", core)  # comment after a comma ("..., too far away")
        core = re.sub(r"\s+(?:to|with|at)\s+(?:a|an|the|their|his|her|some)\s.*$", "", core) or core
    # who it was done with is company, not what changed: "Adopted a tortoise with husband
    # Sven" says nothing new of the husband
    predicate = _COMPANY.sub("", predicate)
    words, kinds = words_of(_COMPANY.sub("", core)), topics(_PEOPLE.sub("", predicate))
    verb = predicate.split()[0].lower() if predicate.split() else ""
    if verb in PAST_FORMS and not SWAP.search(fact):  # a journey made is no new commute:
        kinds -= {"commute"}  # "Got the bus today" leaves "Cycles to work"
    thing = thing_of(subject)
    owner = owner_of(fact)
    swap = bool(SWAP.search(fact)) or ending
    only_new = {w.group(0).lower() for w in SWAP.finditer(fact)} == {"new"} and not ending
    begun = not swap and not said_now and bool(_BEGIN.search(fact))
    # dated only ("... since the strikes"): a new value of a kind held one at a time; a
    # second interest dated from childhood replaces no other ("Plays golf")
    dated_only = not (swap or _BEGIN.search(fact) or is_negative(fact)) and bool(_SINCE.search(fact))
    # something got, perhaps "new", with no other word of change
    got = not ending and not SWAP.search(re.sub(r"\bnew\b", "", fact, flags=re.I))
    # a denial with no change in it; "has not smoked since March" dates an ending
    bare_denial = is_negative(fact) and not is_ending(fact) and not SWAP.search(fact) \
        and not re.search(r"\bsince\b|\b(?:in|for)\s+(?:\w+\s+)?(?:years|months|weeks|ages)\b",
                          fact, re.I)
    best: tuple[float, int] | None = None
    for pos, e in enumerate(existing):
        if pos in used:
            continue
        e_subject, e_predicate = split_subject(e.text)
        if (is_negative(e.text) or is_ending(e.text) or ends_a_slot(e.text)) \
                and not _TRYING.match(e_predicate):
            continue  # an ending held is an event: a later one ends nothing of it (an
            # ending only tried for is a wish: "Is trying to quit smoking")
        held = words_of(e_predicate)
        # a thing's own news changes the user's plan for it or ends what they hold of
        # it ("Wedding is postponed", "The Polo got written off"), not a standing tie
        # ("Celtic switched to a back three" leaves "Supports Celtic")
        about = thing and not e_subject and thing in held and (
            ending or _AIMED.match(e_predicate) or in_progress(e_predicate))
        if e_subject != subject and not about:
            continue
        if owner and owner not in e.text.lower():
            continue  # "Sister's choir moved to Mondays" moves nothing of the user's
        # a purchase leaves the work under way that it names ("Bought a canoe paddle" /
        # "Is building a wooden canoe", "Bought a novel" / "Is writing a novel"): things
        # are bought for an activity, not to end it (a completion was matched above)
        bought = got and bool(_PURCHASE.search(fact))
        if bought and in_progress(e_predicate):
            continue
        # and what was bought is the last word of its name ("Bought marathon shoes")
        # a held word that only qualifies the name of another thing ("the garden
        # fence", "a Cardiff half marathon") neither names the held thing nor lends
        # the fact its kind; work under way is left out, since what it leads to is
        # named after it ("Passed their driving test" / "Is learning to drive")
        qual = qualifiers(core, held) if not ending and not in_progress(e_predicate) \
            else frozenset()
        named = (words - modifiers(core, held) if bought else words - qual) \
            | ({thing} if thing and not e_subject else set())
        shared = named & held
        own_kinds = kinds if not qual else topics(_PEOPLE.sub("", without(predicate, qual)))
        same_kind = own_kinds & topics(_PEOPLE.sub("", e_predicate))
        # a denial names all of what it denies ("not allergic to shellfish"); an ending
        # told of the thing held is about it, wherever it happened ("The Polo got
        # written off on the ring road" ends "Drives a VW Polo")
        if ending and not same_kind and not (named and named <= held) \
                and not (thing and not e_subject and thing in held):
            continue
        if bare_denial and (not shared or limited(fact, e.text)):
            continue  # "Does not like dogs" says nothing of the cat held, nor "after 2pm" of all day

        # A beginning in a kind held one at a time replaces the held one ("Got engaged
        # to Marco" / "Is single"); in other kinds only the same thing named again does,
        # and only what was aimed at: a word in common with a standing state is no
        # sign of its end ("Started a law podcast" leaves "Studies law", "Got Ella a
        # scarf" leaves "Has a sister named Ella"), while "Started learning Welsh" is
        # what "Wants to learn Welsh" waited for, and work under way ends in what it
        # was for ("Got their driving licence" / "Is learning to drive").
        # "new" alone makes a swap only of a kind held one at a time: "Got a new kitten"
        # leaves the cat held, "Got a new phone" replaces the phone
        if not shared and not (((swap and not (only_new and not same_kind & SINGLE)) or ending
                                or same_kind & SINGLE) and same_kind):
            continue
        if dated_only and not same_kind & SINGLE:
            continue
        if begun and not same_kind & SINGLE and not _AIMED.match(e_predicate) \
                and (not in_progress(e_predicate) or _STARTS.search(predicate)):
            continue  # "Started a Spanish cooking class" goes on beside "Is learning Spanish"
        score = 2 * len(shared) + len(same_kind) + len(same_kind & SINGLE)
        if best is None or score > best[0]:
            best = (score, pos)
    if best is None:
        return None
    return best[1], "DELETE" if ending else "UPDATE"

"""A wait settled: what happened ends the state that waited for it. "Is looking for a new
flat" ends with "Signed the lease on a place in Clapham", "Is training for the Leeds half"
with "Ran the Leeds half", "Is pregnant" with "Daughter Mila was born". The outcome may
be told by the thing awaited ("Visa got approved"), by the person it happened to
("Husband Ian did the triathlon"), or by a birth, whatever words the wait used.

>>> from engram.pipeline.base import Existing
>>> settled_wait("Signed the lease on a flat in Clapham", [Existing(0, "Is looking for a flat")], set())
(0, 'UPDATE')
>>> settled_wait("Ran the Leeds half", [Existing(0, "Is training for the Leeds half")], set())
(0, 'UPDATE')
>>> settled_wait("Bought a lamp", [Existing(0, "Is looking for a flat")], set()) is None
True
"""

from __future__ import annotations

import re

from engram.pipeline.base import Existing
from engram.pipeline.rules._facts import is_relation, owner_of
from engram.pipeline.rules._phrases import modifiers, qualifiers, words_of
from engram.pipeline.rules._rewrite import PAST_FORMS
from engram.pipeline.rules._slots import content_tokens, is_negative, named_words
from engram.pipeline.rules._topics import split_subject, topics

__all__ = ["BIRTH", "PENDING", "settled_wait", "thing_of"]

# The wait itself named in what happened: a session of it, not its end.
_STILL_AT_IT = re.compile(r"\b(?:training|practice|practising|practicing|revision|revising|"
                          r"prep|preparation|rehearsal|warm-up|session)\b", re.I)


def thing_of(subject: str) -> str | None:
    """The stem of a one-word subject that is no relation: "Wedding is postponed" is about
    the user's wedding when a memory of the user's names it ("Is planning a wedding")."""
    if not subject or " " in subject or is_relation(subject):
        return None
    return next(iter(content_tokens(subject)), None)


# A state that waits for an outcome: looking, applying, waiting, preparing, expecting.
PENDING = re.compile(r"^(?:is|are)\s+(?:\w+\s+)?(?:waiting|looking|searching|hunting|applying|"
                      r"preparing|interviewing|nervous|worried|expecting|training for|"
                      r"studying for|revising for|rehearsing for|practi[sc]ing for|"
                      r"getting ready for|trying for (?:a|another) baby|trying to (?:get pregnant|conceive)|"
                      r"pregnant|job hunting|house hunting|house-hunting|job-hunting|"
                      r"saving up|saving for|on (?:the|a) (?:waiting|wait) list for|on (?:the|a) "
                      r"waitlist for)\b", re.I)
# An outcome: something was got, decided, done or happened ("Visa got approved",
# "Signed the lease on a flat", "Starts at Monzo on Monday", "Daughter Mila was born").
_OUTCOME = re.compile(r"\b(?:got|was born|were born|signed|starts|started|"
                      r"accepted|approved|granted|stamped|passed|cleared|failed|found|bought|landed|won|"
                      r"rejected|born|arrived|came through|came back|is gone|is over|went ahead|"
                      r"took place|said no|said yes|turned (?:me|us|them) down|offered (?:me|us|them)|"
                      r"brought (?:\w+\s+){0,2}?home|went (?:well|ahead|fine|smoothly)|"
                      r"(?:is|are)\s+(?:all\s+)?(?:done|finished|complete|completed))\b", re.I)


# Time away from work ends with the return: "Back at work since Monday" ends "Is on
# maternity leave" (no word shared, so the pair is named here by its kinds).
_AWAY = re.compile(r"^(?:is|are)\s+(?:currently\s+|still\s+)?(?:on\s+(?:\w+\s+)?leave|on\s+sabbatical|"
                   r"on\s+furlough|on\s+(?:a\s+)?career\s+break|off\s+sick|signed\s+off)\b", re.I)
_BACK_AT_WORK = re.compile(r"\b(?:back\s+(?:at|to|in)\s+(?:work|the\s+office)|returned\s+to\s+work|"
                           r"went\s+back\s+to\s+work)\b", re.I)
_TRYING_FOR_BABY = re.compile(r"\btrying (?:for (?:a|another) baby|to (?:get pregnant|conceive))\b",
                              re.I)
# Being single ends with a partner, whatever words say so ("Has been seeing each other
# for a month", "Got engaged", "Has a girlfriend named Ines").
_SINGLE = re.compile(r"^is\s+(?:still\s+|currently\s+)?single\b|^is\s+not\s+(?:seeing|dating)\s+anyone\b",
                     re.I)
_PARTNERED = re.compile(r"\b(?:seeing\s+(?:someone|each other|a\s+(?:guy|girl|man|woman))|"
                        r"dating(?!\s+apps?\b)|(?:boy|girl)friend|fianc[eé]e?|engaged|married|"
                        r"got together|moved in with|in a relationship)\b", re.I)
# A learner's test is the driving test: "Passed my test!" settles "Is learning to drive".
_TEST_DONE = re.compile(r"\b(?:passed|failed)\s+(?:my|their|the)\s+(?:practical\s+|driving\s+)?test\b", re.I)
_LEARNER = re.compile(r"\b(?:learning\s+to\s+drive|taking\s+driving\s+lessons|(?:has|have)\s+driving\s+"
                      r"lessons)\b", re.I)
_TO_COME = re.compile(r"\b(?:next|tomorrow|soon|will|from|after)\b", re.I)
# A job offered by a named firm is what a job search waits for ("Accepted an offer from
# Deloitte"); an offer alone is no job held, so only a wait takes it as one.
_JOB_OFFER = re.compile(r"\b(?:[Jj]ob offer|(?:offer|contract)\s+(?:from|at|with)\s+[A-Z])")
BIRTH = re.compile(r"\b(?:was born|were born|born|arrived|gave birth|had (?:a|the|our|their) "
                   r"baby|named (?:her|him|them|the baby))\b", re.I)
_PREGNANT = re.compile(r"\b(?:pregnant|expecting\s+(?:a\s+baby|twins|triplets|a\s+(?:boy|girl|son|"
                       r"daughter|child)|(?:their|our)\s+(?:first|second|third)\s+(?:baby|child)))\b",
                       re.I)


# An event done, its name its object: "Ran Berlin", "Swam the Solent", "Did Snowdon".
_DID_THE = re.compile(r"^(?:ran|raced|did|completed|finished|swam|cycled|rode|walked|climbed|"
                      r"hiked)\s+(?:the\s+)?(?P<name>(?-i:[A-Z])[\w'-]+)", re.I)


def settled_wait(fact: str, existing: list[Existing], used: set[int]) -> tuple[int, str] | None:
    """The pending state an outcome settles: "Is looking for a new flat" ends with
    "Signed the lease on a place in Clapham"; the subject of the outcome may be the
    thing waited for ("Visa got approved"), so its words count too."""
    if is_negative(fact):
        return None
    # Any past event that names the awaited thing in two words settles it too: "Ran
    # the Leeds half marathon" ends "Is training for the Leeds half marathon".
    subject, predicate = split_subject(fact)  # "Partner Sam ran ...": the verb is "ran"
    first = predicate.split()[0].lower() if predicate.split() else ""
    happened = first in PAST_FORMS or (first.endswith("ed") and len(first) > 4)
    # (a return still to come leaves the leave in place: "back in the office next week")
    back = bool(_BACK_AT_WORK.search(fact)) and not _TO_COME.search(fact)
    expecting = bool(_PREGNANT.search(fact) or re.search(r"^(?:is|are)\s+expecting\b", predicate, re.I))
    partnered = bool(_PARTNERED.search(predicate))
    if not _OUTCOME.search(fact) and not happened and not BIRTH.search(fact) and not back \
            and not expecting and not partnered:
        return None
    if _STILL_AT_IT.search(predicate):  # "Ran 30k for marathon training": the wait goes on
        return None
    # the thing awaited, when it is the subject, is named by the outcome ("Visa came through")
    thing = thing_of(subject)
    words, kinds = words_of(predicate) | ({thing} if thing else set()), topics(predicate)
    if _JOB_OFFER.search(predicate):
        kinds |= {"job"}
    # "Brother's visa came through" settles a wait for the brother's visa, not the user's
    owner = owner_of(fact)
    for pos, e in enumerate(existing):
        e_subject, e_predicate = split_subject(e.text)
        returned = back and bool(_AWAY.match(e_predicate))  # time away, ended by the return
        returned = returned or (partnered and bool(_SINGLE.match(e_predicate))) \
            or (bool(_TEST_DONE.search(fact)) and bool(_LEARNER.search(e_predicate)))
        if pos in used or e.ref < 0 or not (returned or PENDING.match(e_predicate)) \
                or (owner and owner not in e.text.lower()):
            continue
        # The same person's wait: "Sister Ola got a job" leaves the user's job search. The
        # subject may be what was awaited: a newborn, or the thing named ("Visa got approved").
        if e_subject != subject and not (not e_subject and (BIRTH.search(fact) or (
                thing and thing in words_of(e_predicate)))):
            continue
        held = words_of(e_predicate)
        # a held word that only names another thing ("a triathlon photography workshop")
        # is not what was awaited
        own = words - modifiers(predicate, held) - qualifiers(predicate, held)
        shared = own & held
        # what was prepared for, named whole: "for the Leeds half" / "Ran the Leeds half"
        aim = re.search(r"\bfor\s+(.+)$", e_predicate)
        named = aim is not None and bool(words_of(aim.group(1))) \
            and words_of(aim.group(1)) <= own
        # or by its name alone as what was done: "Ran Berlin in 3:52" for "the Berlin
        # Marathon" (not "Visited Berlin", nor "Ran 30k around Berlin")
        done = _DID_THE.match(predicate)
        named = named or (aim is not None and done is not None
                          and done.group("name").lower() in named_words(f"for {aim.group(1)}"))
        # a birth is what a pregnancy waited for, whatever words either uses
        born = bool(BIRTH.search(fact)) and bool(_PREGNANT.search(e_predicate))
        # and a pregnancy is what trying for a baby waited for
        born = born or (expecting and bool(_TRYING_FOR_BABY.search(e_predicate)))
        if _OUTCOME.search(fact) and (shared or kinds & topics(e_predicate)) or named or born \
                or returned:
            return pos, "UPDATE"
    return None

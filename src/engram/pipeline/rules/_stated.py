"""What a thing in the user's life does, said with the thing as subject.

"The new job starts Monday", "Our lease runs out in March", "Book club moved to
Thursdays", "The flat sale fell through": no "I", no person, yet each is news of the
user's own life, and often the news that ends or moves a memory held. The clause is read
as a noun phrase followed by its finite verb; it is kept when the phrase is the user's
("my", "our") or when what it says is anchored in the user's time (a day, a month, "until",
"for now", "anymore") or is a change (starts, ends, moved, fell through, on hold). An
opinion of the moment ("The weather is lovely today", "Netflix is so expensive now")
states nothing lasting and is left.

This is the last reader a clause reaches: sentences with "I", a known person or a
listed thing-state are read before (:mod:`engram.pipeline.rules._things`).

>>> stated("The new job starts Monday"), stated("Book club moved to Thursdays")
('New job starts Monday', 'Book club moved to Thursdays')
>>> stated("The flat sale fell through"), stated("Our lease runs out in March")
('Flat sale fell through', 'Lease runs out in March')
>>> stated("The weather is lovely today"), stated("Netflix is so expensive now")
(None, None)
"""

from __future__ import annotations

import re

from engram.pipeline.rules._revalue import DATE, WEEKDAY
from engram.pipeline.rules._rewrite import PAST_FORMS, capitalise, pronouns_to_third
from engram.pipeline.rules._slots import is_ending

__all__ = ["stated"]

_DETERMINERS = frozenset({"my", "our", "the", "this", "these", "those"})
# What cannot head a noun phrase the user owns: pronouns, question words, time words,
# the world at large.
_NOT_SUBJECT = frozenset("""i me you he she it we they them this that there here what which who
    whom whose how why where when everyone everybody someone somebody anyone anything
    everything something nothing nobody today tonight tomorrow yesterday weather traffic news
    world internet economy government life things stuff time day week weekend morning evening
    night year mornings afternoons evenings nights weekends weekdays days weeks months years
    one ones all both each some any none lots plenty so and but or if because
    well oh yes no ok okay thanks please just also""".split())  # noqa: SIM905 (a word list reads better as text)
# Finite verbs a thing's news is told with, besides past forms and the auxiliaries.
# Nouns of time and life that are no subject alone ("Life is good") but name one before
# another noun ("Life drawing is on Wednesdays", "Night class starts Monday").
_MODIFIERS = frozenset({"life", "night", "day", "weekend", "morning", "evening", "world", "time"})
_VERB = frozenset("""is are was were has have had got gets will won't isn't aren't wasn't
    weren't hasn't haven't didn't doesn't don't can't could might may starts start begins
    begin ends end runs run finishes finish opens open closes close resumes resume moves
    move expires expire lapses lapse continues continue goes comes kicks wraps restarts
    needs""".split())  # noqa: SIM905
# What anchors the news in the user's own time.
# ("may" is a month only after a preposition: "The gym may close" is no date)
_WHEN = re.compile(rf"\b(?:{WEEKDAY}|{DATE}|january|february|march|april|(?<=in )may|(?<=by )may|"
                   r"(?<=until )may|(?<=since )may|(?<=from )may|june|july|"
                   r"august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|"
                   r"sept?|oct|nov|dec|(?:next|last|this|coming)\s+(?:week|month|year|weekend|"
                   r"term|semester|season|spring|summer|autumn|fall|winter)|until|till|"
                   r"for now|for good|from now on|anymore|any more|these days|no longer|"
                   r"in\s+(?:a|an|two|three|four|five|six|\d+)\s+(?:days?|weeks?|months?|"
                   r"years?))\b", re.I)
# A change told of a thing: it began, ended, moved or was put off.
_CHANGE = re.compile(r"\b(?:starts?|started|begins?|began|ends?|ended|finish(?:es|ed)?|"
                     r"opens?|opened|clos(?:es|ed)|resum(?:es|ed)|moved|moves|postponed|"
                     r"delayed|pushed|cancel+ed|approved|stamped|granted|rejected|confirmed|booked|fell through|"
                     r"falls through|ran out|runs out|run out|expired|expires|lapsed|on hold|"
                     r"came back|came through|arrived|passed|failed|"
                     r"is off|are off|is over|are over|is back|are back|(?:did not|didn't) "
                     r"work out|is done|are done)\b", re.I)
# An opinion of the moment: "is so expensive now", "was gorgeous in June". A state that
# ends or returns ("is off", "is back in Leeds") or an event ("is cancelled") is news.
_VERDICT = re.compile(r"^(?:is|are|was|were|'s)\s+(?:so\s+|really\s+|very\s+|pretty\s+|too\s+|"
                      r"quite\s+|super\s+|absolutely\s+|kind of\s+|a bit\s+)?(?P<adj>[a-z-]+)"
                      r"(?:\s+(?:now|today|tonight|right now|at the moment|lately|again)|"
                      r"\s+(?:in|at|on|during|around|this|that|every|all)\b.*)?$", re.I)
_END_STATES = frozenset({"off", "over", "done", "closed", "back", "out", "finished", "gone"})


# Said without a verb: "Berlin marathon done!", "Visa sorted".
_VERBLESS = re.compile(r"^(?:(?:the|my|our)\s+)?((?:[\w'-]+\s+){0,3}[\w'-]+)\s+(done|over|finished|"
                       r"sorted|booked|complete|completed|confirmed|approved|cancel+ed|submitted)"
                       # and since when: "bootcamp done as of Friday"
                       r"(\s+(?:as\s+of|since|on|last|this|yesterday|today)\b.*)?$", re.I)


# What plural subjects do: "my wife's parents live with us" is theirs, no "is".
_PLURAL_DO = frozenset({"live", "work", "are", "were", "have", "go", "come", "want", "like", "love",
                        "run", "own", "visit", "stay", "moved", "said", "think", "keep", "get"})


def _is_verb(word: str) -> bool:
    return word in _VERB or word in PAST_FORMS or word.endswith("ed")


def stated(clause: str) -> str | None:
    """The fact a clause with a thing as subject states, or None."""
    bare = _VERBLESS.match(clause.strip().rstrip(".!;,"))
    if bare and bare.group(1).split()[0].lower() not in _NOT_SUBJECT:
        return capitalise(f"{bare.group(1)} is {bare.group(2).lower()}{bare.group(3) or ''}")
    words = clause.strip().rstrip(".!;,").split()
    det = words[0].lower() if words and words[0].lower() in _DETERMINERS else ""
    head = 1 if det else 0
    subject = predicate = None
    # the verb is the first word after one to four words of subject that can be one
    for n in range(head + 1, min(head + 5, len(words))):
        word = words[n - 1]
        noun = word.lower().removesuffix("'s")
        if noun in _MODIFIERS and not _is_verb(words[n].lower()):
            continue  # "life drawing", "night class": a noun before the head noun
        if not re.fullmatch(r"[\w-]+", noun) or noun in _NOT_SUBJECT or noun in _VERB:
            return None
        verb = words[n].lower()
        if _is_verb(verb):
            subject, predicate = words[head:n], words[n:]
        elif word.lower().endswith("'s") and not any(
                _is_verb(w.lower()) or re.fullmatch(r"[a-z]{2,}[^s'u]s", w) for w in words[n + 1:n + 3]) \
                and not (verb.endswith("s") and words[n + 1:n + 2] and words[n + 1].lower() in _PLURAL_DO):
            # "My car's in the garage": 's is "is"; "My sister's visa came" and "my
            # neighbour's dog barks" are theirs
            subject, predicate = [*words[head:n - 1], word[:-2]], ["is", *words[n:]]
        if subject:
            break
    if not subject or not predicate:
        return None
    said = " ".join(predicate)
    verdict = _VERDICT.match(said)
    if verdict and verdict.group("adj").lower() not in _END_STATES \
            and not verdict.group("adj").lower().endswith("ed"):
        return None
    # the user's own thing is news of their life; someone else's thing ("my neighbour's
    # parrot kept me awake") only when it is anchored in time or changed
    own = det in ("my", "our") and not any(w.lower().endswith("'s") for w in subject)
    if not (own or _WHEN.search(said) or _CHANGE.search(said) or is_ending(said)):
        return None
    return capitalise(pronouns_to_third(f"{' '.join(subject)} {said}"))

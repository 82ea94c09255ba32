"""A thing held at one time, or in one amount, that is now at another: "Squash is on
Wednesdays now" after "Plays squash on Mondays", "The dentist moved my appointment to the
9th" after "Has a dentist appointment on the 4th", "Down to one coffee a day" after
"Drinks three coffees a day" (an amount of the same thing, its period with it).

What moved is named by a word the held memory shares with the fact (the activity, the
appointment), whoever the fact's grammatical subject is (the user, the thing itself, or
whoever moved it), and the new time is of the kind the held memory gives (a weekday for
a weekday, a date for a date, a clock time for a clock time). The held memory keeps its
own words with the new time in place of the old, so "Goes to pilates on Tuesdays" with
"Pilates moved to Thursdays" becomes "Goes to pilates on Thursdays", not an event with no
one doing it. Only the user's own memories are moved here; a relative's news moving them
is taken back for every path at once (``_theirs.spare_own``). The caller has checked
that the fact says something changed.

>>> from engram.pipeline.base import Existing
>>> rescheduled("Squash is on Wednesdays now", [Existing(0, "Plays squash on Mondays")], set())
(0, 'Plays squash on Wednesdays')
>>> rescheduled("Moved the book club to 7pm", [Existing(0, "Hosts a book club at 8pm")], set())
(0, 'Hosts a book club at 7pm')
>>> rescheduled("Is on day shifts now", [Existing(0, "Works night shifts at the depot")], set())
(0, 'Works day shifts at the depot')
>>> rescheduled("Moved gym to Tuesday and Friday", [Existing(0, "Goes to the gym on Mondays")], set())
(0, 'Goes to the gym on Tuesdays and Fridays')
>>> rescheduled("Scan moved to Friday the 17th", [Existing(0, "Has a scan on Tuesday the 14th")], set())
(0, 'Has a scan on Friday the 17th')
>>> rescheduled("Squash is on Wednesdays now", [Existing(0, "Plays tennis on Mondays")], set()) is None
True
"""

from __future__ import annotations

import re

from engram.pipeline.base import Existing
from engram.pipeline.rules._facts import owner_of
from engram.pipeline.rules._outcome import thing_of
from engram.pipeline.rules._revalue import CLOCK, DATE, WEEKDAY
from engram.pipeline.rules._slots import DEATH, content_tokens, named_words, stem
from engram.pipeline.rules._topics import split_subject

__all__ = ["rescheduled"]

# Kinds of time a schedule is held at; a kind is only ever swapped for its own kind.
_MONTH = (r"(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# the hours: "Works part-time" -> "full time"
_HOURS = r"(?:full|part)[- ]time"
_KINDS = (WEEKDAY, DATE, rf"{CLOCK}|\d{{1,2}}:\d\d", _HOURS,
          # a month, with or without its day: "June 14", "the 3rd of May", "September"
          # (or a season, the same kind of time: "in April" -> "in the summer holidays")
          rf"(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?|"
          r"(?:the\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+(?:hols|holidays|break|term))?)",
          # the part of the day a shift is worked: "night shifts" -> "day shifts"
          r"(?:day|night|early|late|morning|evening|afternoon|weekend|weekday|graveyard)"
          r"(?=\s+shifts?\b)")
# A kind's values said together: "Tuesdays and Fridays", "the 3rd, 4th or 5th".
_RUNS = [(k, re.compile(rf"\b{k}\b", re.I),
          re.compile(rf"\b{k}(?:(?:,\s*|\s+(?:and|or|&)\s+){k})*\b", re.I)) for k in _KINDS]
# Words of the move itself, never what moved.
_MOVE_WORDS = content_tokens("""moved move moving rescheduled changed switched pushed put
brought now instead again these days nowadays actually correction""")  # not "shifted": a shift is a thing


def rescheduled(fact: str, existing: list[Existing], used: set[int]) -> tuple[int, str] | None:
    """(position, new text) of the held memory whose time or amount the fact moves, if
    any. A time held that the fact says again is no move ("... on Thursdays as well as
    Fridays" adds a day to "... on Fridays"): that is left to the other paths."""
    theirs = bool(owner_of(fact)) and not re.search(  # "My teacher moved my lessons to Friday"
        r"\b(?:changed|change|moved|move|switched|put|pushed|rescheduled)\s+their\b", fact)
    if theirs or re.search(DEATH, fact, re.I):
        # "Sister's choir moved to Mondays": her time, not the user's; "grandad passed
        # away on Wednesday" moves no visit to Wednesdays
        return None
    amount = _new_amount(fact, existing, used)
    if amount is not None:
        return amount
    for kind, one, run in _RUNS:
        new = run.search(fact)
        if new is None:
            continue
        said = {_bare(v) for v in one.findall(fact)}
        what = content_tokens(fact[:new.start()] + " " + fact[new.end():]) - _MOVE_WORDS
        for pos in sorted(range(len(existing)), key=lambda p: -p):  # the latest first
            held = existing[pos].text
            old = run.search(held)
            if pos in used or old is None or {_bare(v) for v in one.findall(held)} & said:
                continue
            # the user's own memory, or one of a thing of theirs the fact names ("Wedding is
            # planned for June 14" / "pushed the wedding back to September")
            subject = split_subject(held)[0]
            # the hours are the job's whatever the words: "Works part-time" / "gone full time"
            hours = kind == _HOURS and bool(re.match(r"(?i)works\b", held))
            if subject and thing_of(subject) not in what or not (what & content_tokens(held) or hours) \
                    or _other_names(fact, held):
                continue
            return pos, _also_moved(fact, held[:old.start()] + _as_held(new.group(0), old.group(0))
                                    + held[old.end():])
    return None


def _also_moved(fact: str, text: str) -> str:
    """``text`` with every other kind of time the fact gives put in too: "Friday the 17th"
    moves the day and the date of "Tuesday the 14th", not the day alone."""
    for _, _, run in _RUNS:
        new, old = run.search(fact), run.search(text)
        if new and old and _bare(new.group(0)) != _bare(old.group(0)):
            text = text[:old.start()] + _as_held(new.group(0), old.group(0)) + text[old.end():]
    return text


def _other_names(fact: str, held: str) -> bool:
    """Each names a thing the other does not: "level 3 of the Italian course" moves
    nothing of "level 2 of the Welsh course"."""
    a, b = named_words(fact), named_words(held)
    return bool(a - b) and bool(b - a)


def _bare(value: str) -> str:
    """A value as compared: "Mondays" is "monday", "the 4th" is "4th"."""
    value = re.sub(r"^the\s+", "", value.lower())
    return value[:-1] if value.endswith("days") else value


def _as_held(new: str, old: str) -> str:
    """The new time in the held memory's form: "the 9th" where it said "the 4th",
    "Tuesdays and Fridays" where it said "Mondays"."""
    if re.match(r"(?i:the)\s", old) and not re.match(r"(?i:the)\s", new):
        new = f"the {new}"
    elif re.match(r"(?i:the)\s", new) and not re.match(r"(?i:the)\s", old) \
            and not re.search(r"(?i:spring|summer|autumn|fall|winter)", new):  # "the summer" keeps it
        new = new[4:]
    if re.search(r"(?i:days)\b", old):  # a habit's days: every one of them
        new = re.sub(r"(?i:(?<=day))\b(?!s)", "s", new)
    elif re.search(r"(?i:day)\b", old):  # "Monday evenings" -> "Thursday evenings"
        new = re.sub(r"(?i:(?<=day))s\b", "", new)
    # a weekday as the held memory writes it, whatever case chat typed it in
    return re.sub(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day", lambda d: d.group(0).capitalize(), new)


# An amount of something: "three coffees", "2 cigarettes", "a single coffee".
# An approximation before it and a period after it belong to it: "about four coffees a
# day" becomes "a single coffee in the morning" whole.
_AMOUNT = re.compile(r"\b(?:(?:about|around|roughly|nearly|almost|maybe|at least|at most)\s+)?"
                     r"(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                     r"twelve|twenty|a couple of|a few|a single|half a)\s+(?P<unit>[a-z]+)\b"
                     r"(?:\s+(?:a|per|each|every)\s+(?:day|week|month|night|morning|evening)|"
                     r"\s+in\s+the\s+(?:morning|afternoon|evening)|\s+at\s+(?:night|lunch|work))?",
                     re.I)


def _new_amount(fact: str, existing: list[Existing], used: set[int]) -> tuple[int, str] | None:
    """The held amount of the same thing, given the fact's: "Drinks three coffees a day"
    with "Is down to one coffee a day" -> "Drinks one coffee a day".

    >>> _new_amount("Is down to one coffee a day", [Existing(0, "Drinks about three coffees a day")], set())
    (0, 'Drinks one coffee a day')
    >>> _new_amount("Cut down to a single coffee in the morning",
    ...             [Existing(0, "Drinks four coffees a day")], set())
    (0, 'Drinks a single coffee in the morning')
    """
    new = _AMOUNT.search(fact)
    if new is None:
        return None
    unit = stem(new.group("unit").lower())  # "can" is a unit here, not a stop word
    for pos in sorted(range(len(existing)), key=lambda p: -p):
        held = existing[pos].text
        old = _AMOUNT.search(held)
        if pos in used or old is None or split_subject(held)[0] != split_subject(fact)[0] \
                or _other_names(fact, held):
            continue
        if stem(old.group("unit").lower()) != unit \
                or old.group("n").lower() == new.group("n").lower():
            continue
        return pos, held[:old.start()] + new.group(0) + held[old.end():]
    return None

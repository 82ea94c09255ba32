"""A correction that gives only the value: "Sorry, I meant Galway", "No wait, Aliens",
"Oh sorry, not Siemens, Bosch", "Well, twelve years actually", "Tuesdays, I mean".

The turn takes back something said a moment ago and says the right value, leaving the
frame to be understood from what it corrects. Read as ``Meant V`` (``Meant V, not X`` when
the wrong value is named) it is applied by the reconciler: a named old value is replaced
wherever it is held; an unnamed one is the value of the same kind in the latest fact of
the same conversation (a name for a name, a number of the same unit for a number, a
weekday for a weekday). A held memory from an earlier conversation is not guessed at: the
value alone does not say which of them it corrects.

>>> revalued("Sorry, I meant Galway."), revalued("Oh sorry, not Siemens, Bosch.")
('Meant Galway', 'Meant Bosch, not Siemens')
>>> revalued("Well, twelve years actually."), revalued("No wait, Aliens, the sequel.")
('Meant twelve years', 'Meant Aliens')
>>> revalued("Galway is lovely."), revalued("Sorry, Galway.") is None, revalued("Bosch.")
(None, True, None)
>>> revalued("Hold on, no, they moved it to the 9th."), revalued("Scratch that, it's at 6.")
('Meant the 9th', 'Meant 6')
"""

from __future__ import annotations

import re

from engram.pipeline.base import Existing
from engram.pipeline.rules._narrowed import narrowed

__all__ = ["CLOCK", "DATE", "WEEKDAY", "revalued", "revalue_target", "value_correction"]

_NUMBER = (r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
           r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
           r"forty|fifty|sixty|seventy|eighty|ninety|a hundred)")
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?"
DATE = r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)"  # "the 19th"
CLOCK = r"\d{1,2}(?::\d\d)?\s*(?:am|pm)"  # "4pm", "6:30 am"
# A value with a kind: a name, a number with an optional unit, a weekday.
# A date or a clock time is a value of its own kind ("the 19th", "4pm"), moved whole.
_WHEN = rf"{DATE}|{CLOCK}"
_VALUE = (rf"(?:{_WHEN}|(?!(?-i:I|I'm|I've|I'd|I'll|It|It's|We|My|The)\b)(?-i:[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*){{0,2}})|{_NUMBER}(?:\s+(?!(?:actually|now|then|instead)\b)[a-z]+)?|"
          rf"{WEEKDAY})")
_OPENER = (r"(?:(?:oh|no|nope|wait|sorry|oops|whoops|actually|well|hmm|um|sorry|my bad|"
           r"my mistake|scratch that|correction|typo|i mean|i meant|change of plans?|hang on|"
           r"hold on)\b[\s,:!.\-–—]*)")
# What a value is restated with: "it's at 4", "they moved it to the 19th", "make it 8".
_RESTATE = (r"(?:(?:it'?s|it\s+(?:is|was|has\s+been)|(?:they|we|i)(?:'ve|\s+have)?\s+(?:moved|"
            r"changed|pushed|put|switched)\s+it)\s+(?:now\s+|actually\s+)?(?:(?:back\s+)?to\s+)?|"
            r"make\s+(?:that|it)\s+)?(?:(?:at|on|in)\s+(?=\S+[.!]*$))?")
_CLOSER = r"(?:,?\s*(?:sorry|actually|i mean|my bad|my mistake))"
_BARE = re.compile(
    rf"^(?P<open>{_OPENER}+)?{_RESTATE}"
    rf"(?:not\s+(?P<old1>{_VALUE})(?:,|\s+[-–—])?\s+(?:but\s+|it'?s\s+)?(?P<new1>{_VALUE})|"
    rf"(?P<new2>{_VALUE})(?:,?\s+not\s+(?:the\s+)?(?P<old2>{_VALUE}))?)"
    # an appositive after the value ("Aliens, the sequel") and a time word ("... now")
    rf"(?:,\s+(?:the|a|an)\s+\w+)?(?:\s+(?:now|then|instead|as\s+of\s+(?:yesterday|today|"
    rf"last\s+\w+|this\s+\w+|{WEEKDAY})))?(?P<close>{_CLOSER})?[.!]*$", re.I)
_DAYS = re.compile(rf"\b{WEEKDAY}\b", re.I)


def revalued(sentence: str, trailed: bool = False) -> str | None:
    """"Meant V" / "Meant V, not X" for a turn that corrects only a value, else None. It must
    be said as a correction (an opener such as "sorry", "wait", "I meant", or a closing
    "sorry" / "actually") or name the wrong value ("not X"). ``trailed``: the sentence
    before trailed off ("I work at Lidl... sorry, Aldi"), so any opener puts it right.

    >>> revalued("Sorry, Aldi."), revalued("Sorry, Aldi.", trailed=True)
    (None, 'Meant Aldi')
    """
    m = _BARE.match(sentence.strip())
    if not m:
        return None
    new, old = m.group("new1") or m.group("new2"), m.group("old1") or m.group("old2")
    opener = (m.group("open") or "").strip(" ,:!.-").lower()
    if not (old or m.group("close") or (opener and (trailed or opener not in ("oh", "well", "hmm", "um")))):
        return None
    if not old and opener in ("no", "nope", "sorry", "oh no") and not m.group("close") \
            and not trailed:
        return None  # "No, Lisbon" / "Sorry, Galway" answer a question; a turn of its own
    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", new):  # a date said without "the"
        new = f"the {new}"
    return f"Meant {new}, not {old}" if old else f"Meant {new}"


# What a correction says of itself after the value: "Not jazz, blues, I always mix those up".
_OWN_SLIP = re.compile(r",\s*(?:i\s+)?(?:always\s+|keep\s+)?mix(?:ing|ed)?\s+(?:those|them|these|the two)\s+up"
                       r"|,\s*silly me$", re.I)
_NOT_THIS = re.compile(r"^not\s+(?P<old>(?-i:[a-z])[\w'-]+),\s*(?:it'?s\s+|but\s+)?"
                       r"(?P<new>(?-i:[a-z])[\w'-]+)$", re.I)

# "pharmacy tech not pharmacist, big difference": the right words, then the wrong ones
# (an answer to a question is a choice, not this: "tea not coffee" to "tea or coffee?")
_THIS_NOT = re.compile(r"^(?P<new>(?-i:[a-z])[\w'-]+(?:\s+(?-i:[a-z])[\w'-]+){0,2}),?\s+not\s+(?:an?\s+|the\s+)?"
                       r"(?P<old>(?-i:[a-z])[\w'-]+(?:\s+(?-i:[a-z])[\w'-]+){0,2})"
                       r"(?:,\s*(?:big\s+difference|easy\s+mistake|common\s+mix-?up|obviously|mate)\b.*)?$", re.I)


def strip_opener(sentence: str) -> str:
    """The sentence without an opener of a correction ("sorry, ", "oops - ")."""
    return re.sub(rf"^{_OPENER}+", "", sentence.strip(), flags=re.I)


# A name put right in a full clause: "my son is called Matt, not Max".
_CALLED_NOT = re.compile(r"\b(?:is|'s)\s+(?:called|named)\s+(?P<new>(?-i:[A-Z])[\w'-]+),?\s+not\s+"
                         r"(?P<old>(?-i:[A-Z])[\w'-]+)[.!]*$", re.I)


def value_correction(sentence: str, answering: str, trailed: bool = False,
                     said: str = "") -> tuple[str | None, str]:
    """("Meant V[, not X]" or None, what of the sentence is left to read). The whole
    sentence may correct a value, or only its head before a comma ("Three kids
    actually, the eldest is Ana"). An answer to a question (``answering``, the question,
    or "") is no correction unless it names the wrong value ("Lisbon" to "where do you
    live?"), or rejects what the question took for granted ("How's tennis?" - "padel,
    not tennis"; "tea, not coffee" to "tea or coffee?" is a choice).

    >>> value_correction("Three kids actually, the eldest is Ana", answering="")
    ('Meant Three kids', 'the eldest is Ana')
    >>> value_correction("padel, not tennis", answering="How's tennis going?")
    ('Meant padel, not tennis', '')
    >>> value_correction("tea not coffee", answering="Tea or coffee?")
    (None, 'tea not coffee')

    A bare value put right ("53 actually") names the wrong one when the assistant's turn
    before (``said``) held one value of its kind:

    >>> value_correction("53 actually", answering="", said="At 35 you could try rowing.")
    ('Meant 53, not 35', '')
    """
    sentence = _OWN_SLIP.sub("", sentence.rstrip(" .!"))
    plain = _NOT_THIS.match(strip_opener(sentence))
    if plain:  # "Not jazz, blues": a common word put right, the wrong one named
        return f"Meant {plain.group('new')}, not {plain.group('old')}", ""
    plain = _THIS_NOT.match(strip_opener(sentence))
    if plain and answering and (not re.search(rf"\b{re.escape(plain.group('old'))}", answering, re.I)
                                or re.search(rf"\b{re.escape(plain.group('new'))}", answering, re.I)):
        plain = None  # an answer: only a presumption named in the question is put right
    if plain and not re.match(r"(?i:i|i'm|it'?s|that'?s|we|my)\b", plain.group("new")):
        return f"Meant {plain.group('new')}, not {plain.group('old')}", ""
    called = _CALLED_NOT.search(sentence)
    if called:  # "Sorry, my son is called Matt, not Max"
        return f"Meant {called.group('new')}, not {called.group('old')}", ""
    fix = revalued(sentence, trailed) or narrowed(sentence)
    if fix and ", not " not in fix and said and not answering:  # (an answer fills the question)
        fix = _named_before(fix, said)
    if fix and (", not " in fix or not answering):
        return fix, ""
    head, _, rest = sentence.partition(", ")
    if rest and re.fullmatch(_OPENER + "+", head + ",", re.I):  # "Well, two, the eldest ...":
        value, _, rest = rest.partition(", ")  # the head is the opener and the value
        head = f"{head}, {value}"
    fix = revalued(head, trailed) if rest else None
    if fix and (", not " in fix or not answering):
        return fix, rest
    return None, sentence


def _named_before(fix: str, said: str) -> str:
    """"Meant 53, not 35" when ``said`` held one number (or one date, or one clock time)
    of the kind of the value meant; the fix as it is otherwise."""
    value = fix.removeprefix("Meant ")
    # a name is a value of its kind too, in the turn anywhere but at a sentence's start
    # ("Hi Chris!" - "Christina actually")
    name = r"(?-i:[A-Z][a-z]+)"
    for kind, said_as in ((rf"\b{_NUMBER}\b",) * 2, (DATE,) * 2, (CLOCK,) * 2,
                          (name, rf"(?<![.!?]\s)(?<!^)\b{name}\b")):
        if re.fullmatch(kind, value, re.I):
            olds = {m.group(0) for m in re.finditer(said_as, said, re.I)} - {value}
            return f"{fix}, not {olds.pop()}" if len({o.lower() for o in olds}) == 1 else fix
    return fix


def _swap(value: str, text: str) -> str | None:
    """``text`` with its value of ``value``'s kind replaced by ``value``, or None."""
    number = re.fullmatch(rf"({_NUMBER})(?:\s+([a-z]+))?", value, re.I)
    if number:
        unit = number.group(2)
        pat = re.compile(rf"\b{_NUMBER}\b" + (rf"(?=\s+{re.escape(unit)}\b)" if unit else ""),
                         re.I)
        hits = list(pat.finditer(text))
        new = number.group(1).lower()  # "Three daughters actually" opened its sentence
    elif _DAYS.fullmatch(value):
        hits, new = list(_DAYS.finditer(text)), value
    else:  # a name: the fact's last capitalised span after its first word
        hits = [h for h in re.finditer(r"(?<=\s)[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*)*", text)]
        new = value
    if not hits or hits[-1].group(0).lower() == new.lower():
        return None
    h = hits[-1]
    return text[:h.start()] + new + text[h.end():]


def revalue_target(value: str, existing: list[Existing], used: set[int]) -> tuple[int, str] | None:
    """(position, new text) of the latest fact of this conversation holding a value of
    ``value``'s kind; a held memory only when the value says what it counts and the memory
    counts the same ("Three daughters actually" / "Has two daughters"): a bare value
    does not say which held memory it corrects.

    >>> revalue_target("Galway", [Existing(0, "Lives in Cork"),
    ...                           Existing(-1, "Brother Tim lives in Cork")], set())
    (1, 'Brother Tim lives in Galway')
    >>> revalue_target("three daughters", [Existing(0, "Has two daughters")], set())
    (0, 'Has three daughters')
    >>> revalue_target("Galway", [Existing(0, "Lives in Cork")], set()) is None
    True
    """
    counted = re.fullmatch(rf"{_NUMBER}\s+([a-z]+)", value, re.I)  # "three daughters"
    for pos in sorted(range(len(existing)), key=lambda p: (existing[p].ref >= 0, -p)):
        # a held memory only when the value names what it counts, and the memory counts it
        if pos in used or (existing[pos].ref >= 0 and not (counted and re.search(
                rf"\b{_NUMBER}\s+{re.escape(counted.group(1))}\b", existing[pos].text, re.I))):
            continue
        text = _swap(value, existing[pos].text)
        if text:
            return pos, text
    return None

"""Explicit corrections: a denial and the value that replaces it, in one clause.

"I'm not allergic to walnuts, it was sesame" and "I'm allergic to sesame, not walnuts"
both give the denial and the corrected statement, in that order; the reconciler lets a
denial followed by its corrected sibling delete the old memory and keeps only the
corrected one. "I meant Dallas, not Austin" names only the values: it becomes a
``Meant X, not Y`` fact that the reconciler applies to the memory holding Y.

>>> corrected("I'm not allergic to walnuts, it was sesame")
['Is not allergic to walnuts', 'Is allergic to sesame']
>>> corrected("I'm allergic to sesame, not walnuts")
['Is not allergic to walnuts', 'Is allergic to sesame']
>>> corrected("I actually have three kids, not two")
['Does not have two kids', 'Has three kids']
>>> corrected("I eat fish, just not shellfish")
['Eats fish', 'Does not eat shellfish']
>>> corrected("Sorry, I meant Dallas, not Austin")
['Meant Dallas, not Austin']
>>> corrected("it's a Kia I drive, not a Fiat")
['Meant a Kia, not a Fiat']
>>> corrected("I don't sing in the choir, that was my brother")
['Does not sing in the choir']
>>> deny("Drives a Honda Civic"), positive("Does not speak French")
('Does not drive a Honda Civic', 'Speaks French')
"""

from __future__ import annotations

import re

from engram.pipeline.rules._identity import identity_fact
from engram.pipeline.rules._rewrite import (
    base_verb,
    before_word,
    capitalise,
    conjugate,
    to_third_person,
)

__all__ = ["corrected", "deny", "disowned", "positive", "said_again", "swap_value", "MEANT", "RETRACT",
           "SAID_MEANT"]

_PREPS = r"(?:to|in|at|with|for|from|of|on|about|by|into|as)"
_NEG_THEN_VALUE = re.compile(
    r"^(?P<neg>.+?(?:\bnot\b|n't\b|\bnever\b).+?),?\s+(?:(?:it|that)(?:'s|\s+is|\s+was)|they(?:'re|"
    r"\s+are|\s+were)|but|only|just)\s+(?:actually\s+|really\s+|just\s+|only\s+)?"
    r"(?P<value>[\w'-]+(?:\s+[\w'-]+){0,3})$", re.I)
_VALUE_NOT_OLD = re.compile(r"^(?P<pos>.+?),?\s+(?:and\s+)?not\s+(?P<old>[\w'-]+(?:\s+[\w'-]+){0,3})$",
                            re.I)
_REMARK_AFTER_NOT = re.compile(r"(,\s+not\s+[\w'-]+(?:\s+[\w'-]+){0,3}),\s+(?:it'?s|that'?s|they'?re)\s+"
                               r"(?!(?:actually|really)\b).*$", re.I)
_MEANT = re.compile(r"^(?:sorry,?\s+)?(?:(?:i\s+)?(?:meant|mean|said|wrote)|it'?s|it\s+is|it\s+was|"
                    r"that'?s|that\s+was)\s+(?:actually\s+)?(?P<new>(?:\S+\s+){0,6}?\S+?),?"
                    r"\s+not\s+(?P<old>[\w' -]{1,30})$", re.I)
# What follows the value in "I meant ramen is my favourite" or the cleft "it's a BMW I
# drive": the frame, not the value.
_FRAME_TAIL = re.compile(r"\s+(?:(?:is|are|was|were)\s+(?:my|our|the)\b|(?:i|we|i'm|we're)\s+)"
                         r".*$", re.I)
# The corrected value is someone else's: "I don't play the flute, that was my sister".
_SOMEONE_ELSE = re.compile(r"^(?:my|our|his|her|their)\s+\w+|^(?:him|her|them|he|she|they)$",
                           re.I)
# "Meant X, not Y"; without ", not Y" a time said again for a plan (``_retake.retimed``).
MEANT = re.compile(r"^Meant (?P<new>.+?)(?:, not (?P<old>.+))?$")
_NUMBER = re.compile(r"^(?:\d+(?:st|nd|rd|th)?|one|two|three|four|five|six|seven|eight|nine|"
                     r"ten|eleven|twelve|first|second|third|fourth|fifth|sixth|seventh|eighth|"
                     r"ninth|tenth|eleventh|twelfth)$", re.I)
def deny(fact: str) -> str | None:
    """The denial of a fact in the facts' own form ("Is X" -> "Is not X")."""
    m = re.match(r"^(.*?\b)((?i:is|was|are|were|has been|can|will))\s+(.+)$", fact)
    if m and (not m.group(1) or m.group(1)[0].isupper()):
        return f"{m.group(1)}{m.group(2)} not {m.group(3)}"
    m = re.match(r"^(\w+)\s+(.+)$", fact)
    if m and m.group(1).lower().endswith("s") and m.group(1)[0].isupper():
        return f"Does not {base_verb(m.group(1))} {m.group(2)}"
    return None


def positive(denial: str) -> str | None:
    """The statement a denial denies ("Does not speak French" -> "Speaks French").

    >>> positive("Does not speak French"), positive("Never drinks coffee")
    ('Speaks French', 'Drinks coffee')
    """
    m = re.match(r"^(Does not|No longer|Never)\s+(\w+)\s*(.*)$", denial)
    if m:  # "Does not speak" takes the verb's -s; "Never drinks" has it already
        verb = conjugate(m.group(2)) if m.group(1) == "Does not" else m.group(2)
        return f"{capitalise(verb)} {m.group(3)}".strip()
    out = re.sub(r"\b(is|was|are|were|has|can|will)\s+(?:not|no longer)\s+", r"\1 ", denial,
                 count=1, flags=re.I)
    out = re.sub(r"\b(is|was|are|were|has)n't\s+", r"\1 ", out, count=1, flags=re.I)
    return capitalise(out) if out != denial else None


# Words that say which kind of a thing it is: one stands for another before the thing.
_KINDS = frozenset("""red white rose green blue black yellow pink purple orange brown grey gray
silver gold decaf electric acoustic dark skimmed whole oat almond soy soya sparkling still
iced hot cold manual automatic""".split())  # noqa: SIM905


def swap_value(fact: str, value: str) -> str:
    """Put ``value`` where the fact holds the value it corrects: the same kind of word
    (a number for a number, a name for a name), else the object of the last preposition,
    else the last words."""
    value = re.sub(r"^(?:a|an|the)\s+", "", value.strip())
    words = fact.split()
    n = len(value.split())
    if _NUMBER.match(value.split()[0]):
        for i, w in enumerate(words):
            if _NUMBER.match(w) and i:
                return " ".join([*words[:i], value, *words[i + 1:]])
    kind = [i for i, w in enumerate(words) if w.lower() in _KINDS] if value.lower() in _KINDS else []
    if kind:  # "red wine?" - "no, white": the kind, not the thing ("a manual": "an ...")
        i, new = kind[0], value.lower()
        return before_word(" ".join(words[:i]) + " ", new).lstrip() + " ".join([new, *words[i + 1:]])
    m = re.match(r"^(.*\b" + _PREPS + r")\s+(.+)$", fact)
    if m and len(m.group(2).split()) <= n + 1:
        return f"{m.group(1)} {value}"
    return " ".join([*words[:-n], value]) if len(words) > n else fact


def _state(text: str) -> str | None:
    """A clause as a fact: identity, first person, or "the/my X is Y"."""
    found = identity_fact(text) or to_third_person(text)
    if found:
        return found
    m = re.match(r"^(?:the|my|our)\s+(.+?\s+(?:is|are|was|isn't|wasn't)\s+.+)$", text, re.I)
    return capitalise(m.group(1)) if m else None


def _aligned(said: list[str], old: list[str]) -> str | None:
    """The words of ``said`` that stand where ``old`` stood: a number for a number
    ("in fourth grade now, not third"), else its last words, never a bare preposition
    ("the 21st of March, not the 12th" corrects "21st", not "of March")."""
    if _NUMBER.match(old[-1]):
        at = [i for i, w in enumerate(said) if _NUMBER.match(w)]
        return " ".join(said[max(0, at[-1] + 1 - len(old)):at[-1] + 1]) if at else None
    value = said[-len(old):]
    if re.fullmatch(_PREPS, value[0], re.I):
        return None
    return " ".join(value)


# "I said I was allergic to wasps but it's actually bees": the user takes back a value.
RETRACT = re.compile(r"^(?:i\s+(?:said|told you|mentioned|wrote|put down)|you(?:'ve|\s+have)?\s+(?:got|have|"
                     r"put|think|thought|said|wrote)(?:\s+me\s+(?:down\s+)?as)?)\s+(?:that\s+)?(?P<said>.+?),?"
                      r"\s+but\s+(?:it'?s|it\s+is|it\s+was|they'?re|that'?s)\s+(?:actually\s+|"
                      r"really\s+)?(?P<new>[\w'-]+(?:\s+[\w'-]+){0,2}?)"
                      # "... but it's actually Bosch where I work": the frame after the value
                      r"(?:\s+(?:where|that|who|which)?\s*(?:i|we)(?:'m|'re)?\s+[\w' -]+)?$", re.I)
SAID_MEANT = re.compile(r"^(?:earlier,?\s+|before,?\s+)?i\s+(?:said|wrote|typed|told you|put)\s+"
                         r"(?P<old>(?!(?:i|i'd|i'll|i'm|we|you|he|she|it|they|that)\b)[\w'-]+(?:\s+[\w'-]+){0,2}?)"
                         # when it was said is not what was said: "I said Denver earlier"
                         r"(?:\s+(?:earlier|before|above|yesterday|just now|last time|"
                         r"a (?:minute|moment|second|while) ago))?(?:,?\s+but|,)\s+(?:i\s+meant|i'?m\s+"
                         # "I said nurse earlier but I'm actually a paramedic": what one is
                         # ("actually" may be gone: a clause is read without it)
                         r"(?:(?:actually|really)\s+)?(?:an?\s+)?)\s*(?P<new>[\w'-]+(?:\s+[\w'-]+){0,2})$", re.I)
# "in year 3 now, not year 2": a time word after the value is not part of it
_NOW_TAIL = re.compile(r"\s+(?:now|these days|nowadays|today|anymore)$", re.I)


def corrected(clause: str) -> list[str] | None:
    """[denial, corrected fact] for a clause that corrects itself, else None.

    >>> corrected("I said I was scared of moths but it's actually wasps")
    ['Meant wasps, not moths']
    >>> corrected("Ada's in grade 5 now, not grade 4")
    ['Meant grade 5, not grade 4']
    """
    # what the right value is, said after it: "a sonographer, not a radiographer, it's all
    # ultrasound" (the remark is no part of the correction)
    clause = _REMARK_AFTER_NOT.sub(r"\1", clause)
    m = RETRACT.match(clause)
    if m:
        new = m.group("new").split()
        said = m.group("said").split()
        if len(said) >= len(new):  # "I told you Siemens, but it's Bosch"
            return [f"Meant {' '.join(new)}, not {' '.join(said[-len(new):])}"]
    m = SAID_MEANT.match(clause)
    if m:  # "Earlier I said Austin, but I meant Houston"
        return [f"Meant {m.group('new')}, not {m.group('old')}"]
    m = _MEANT.match(clause)
    if m:
        value = _FRAME_TAIL.sub("", m.group("new").strip())
        if len(value.split()) <= 3:
            return [f"Meant {value}, not {m.group('old').strip()}"]
    m = _NEG_THEN_VALUE.match(clause)
    # ("I don't like tea, so just water": what follows "so" is chosen, not the right value)
    if m and not re.search(r"\b(?:i|we)\b", m.group("value"), re.I) \
            and not re.search(r",?\s+(?:so|and|then)$", m.group("neg"), re.I):
        denial = _state(m.group("neg"))
        right = positive(denial) if denial else None
        if denial and _SOMEONE_ELSE.match(m.group("value")):
            return [denial]  # only the denial is the speaker's
        if denial and right:
            return [denial, swap_value(right, m.group("value"))]
    m = _VALUE_NOT_OLD.match(clause)
    # "... and I do not get along": an auxiliary before "not" makes it a plain negation
    if m and not re.search(r"\bnot\b|n't\b|\bnever\b", m.group("pos"), re.I) \
            and not re.search(r"\b(?:do|does|did|is|are|am|was|were|will|would|can|could|should|"
                              r"have|has|had|may|might|must)$", m.group("pos"), re.I):
        # "I eat fish, just not shellfish": an exception to the statement, which stands;
        # the exception is the same verb with the other object
        pos = _NOW_TAIL.sub("", m.group("pos"))
        plain = re.sub(r",?\s+(?:just|but|only|though)$", "", pos, flags=re.I)
        fact = _state(plain)
        if plain != pos and fact and len(fact.split()) >= 2:
            other = deny(f"{fact.split()[0]} {m.group('old')}")
            return [fact, other] if other else [fact]
        fact = _state(pos)
        denial = deny(swap_value(fact, m.group("old"))) if fact else None
        if fact and denial:
            return [denial, fact]
        old = m.group("old").split()
        if fact is None and len(pos.split()) > len(old):
            # "Rex is a cat, not a dog": the value in the same place as the old one
            aligned = _aligned(pos.split(), old)
            if aligned and re.match(r"(?i:my|our)\s", aligned) and re.match(r"(?i:my|our)\s", m.group("old")):
                # "Mateo's my nephew, not my son": the relation is the value put right
                return [f"Meant {aligned.split(None, 1)[1]}, not {m.group('old').split(None, 1)[1]}"]
            return [f"Meant {aligned}, not {m.group('old')}"] if aligned else None
    return None


# "I never said I liked horror films": the user denies having stated it, which is a
# denial of the statement itself, in the present ("I don't like horror films").
_DISOWNED = re.compile(r"^i\s+(?:never|didn'?t|did not)\s+(?:said|say|told you|tell you|"
                       r"mentioned|mention|claimed|claim|wrote|write)\s+(?:that\s+)?"
                       r"i(?P<verb>'m|\s+\w+)\s+(?P<rest>.+)$", re.I)


def disowned(clause: str) -> str | None:
    """The first-person denial a disowned statement amounts to, else None.

    >>> disowned("I never said I liked jazz fusion")
    "I don't like jazz fusion"
    >>> disowned("I didn't say I was a morning person")
    "I'm not a morning person"
    >>> disowned("I said I liked jazz") is None
    True
    """
    m = _DISOWNED.match(clause.strip())
    if not m:
        return None
    verb, rest = m.group("verb").strip().lower(), m.group("rest").strip()
    if verb in ("'m", "was", "am", "were"):
        return f"I'm not {rest}"
    if verb in ("had", "have"):
        return f"I don't have {rest}"
    if verb in ("could", "can"):
        return f"I can't {rest}"
    if not verb.endswith("ed"):
        return None
    # "liked" -> "like", "played" -> "play": the base the rewriter knows, if either is
    base = next((b for b in (verb[:-1], verb[:-2]) if conjugate(b) != b + "s" or b in _KNOWN),
                verb[:-1] if re.search(r"[^aeiou][aeiou][^aeiouwy]ed$", verb) else verb[:-2])
    return f"I don't {base} {rest}"


_KNOWN = {"like", "love", "hate", "enjoy", "play", "own", "live", "work", "want", "need",
          "prefer", "use", "smoke", "drink", "cook", "watch", "visit", "dislike", "adore"}


# "in Zurich, well, Winterthur actually": a name or number put right as it is said; the
# second one stands, and "it" after it is the first ("just outside it": outside Zurich).
_SAID_AGAIN = re.compile(
    r"\b(?P<a>(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+))?|\d[\w:.]*),\s+(?:well(?:\s+technically)?|or rather|"
    r"i mean|sorry|actually|make that|er+m?|um+|uh+)\s*,?\s+(?:(?P<art>a|an|the)\s+)?(?P<b>(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+))?|\d[\w:.]*)"
    r"(?:\s*,?\s+actually)?\b", re.I)


# (a word in lower case only when it is the last of the clause and its fix ends it too)
_WORD_AGAIN = re.compile(r"\b(?P<a>(?-i:[a-z]{3,})),\s+(?:sorry|i mean|no wait|wait|or rather|make that|"
                         r"er+m?|um+|uh+)\s*,?\s+(?:(?:a|an|the)\s+)?(?P<b>(?-i:[a-z]{3,}))"
                         r"(?:\s*,?\s+actually)?$", re.I)


def said_again(clause: str) -> str:
    """The clause with a value corrected in passing replaced by the correction.

    >>> said_again("I'm based in Zurich, well, Winterthur actually, just outside it")
    "I'm based in Winterthur, just outside Zurich"
    >>> said_again("We land at 9, or rather 10")
    'We land at 10'
    >>> said_again("I love Paris, well, most of it")
    'I love Paris, well, most of it'
    """
    low = _WORD_AGAIN.search(clause)
    if low:  # "I teach maths, sorry, physics": a common word put right at the clause's end
        return before_word(clause[:low.start()], low.group("b")) + low.group("b")  # "an electrician"
    m = _SAID_AGAIN.search(clause)
    if not m or m.group("a")[0].isdigit() != m.group("b")[0].isdigit():
        return clause
    rest = re.sub(r"\b(?:outside|near|next to|close to|from)\s+it\b",
                  lambda x: x.group(0)[:-2] + m.group("a"), clause[m.end():])
    rest = re.sub(r"^,\s+(?=(?:is|was|has|had|are|were|lives|works)\b)", " ", rest)  # "Rex, I mean Max, is"
    return clause[:m.start()] + m.group("b") + rest

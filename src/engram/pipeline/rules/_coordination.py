"""Predicates joined by commas: one subject, several verb phrases.

Chat strings verb phrases together with commas and no repeated subject: "I drink oat
milk, avoid gluten, and only eat fish on Fridays", "ran the Leeds 10k, finished in 52
minutes", "drinks oat milk, can't do dairy". Each phrase is a fact of its own. A comma
opens a new predicate only when what follows it is a verb phrase by form: a negated
auxiliary ("can't", "don't", "never"), or a verb in the tense of the fact's own verb (a
base or -s form after a present verb, a past form after a past one), so "likes tea,
coffee and juice" and "moved to Leeds, a city I love" stay whole.

>>> split_comma_predicates("Drinks oat milk, avoid gluten, and only eat fish on Fridays")
['Drinks oat milk', 'Avoids gluten', 'Only eats fish on Fridays']
>>> split_comma_predicates("Ran the Leeds 10k on Sunday, finished in 52 minutes")
['Ran the Leeds 10k on Sunday', 'Finished in 52 minutes']
>>> split_comma_predicates("Eats almost anything, can't stand olives")
['Eats almost anything', 'Dislikes olives']
>>> split_comma_predicates("Likes tea, coffee and juice")
['Likes tea, coffee and juice']
"""

from __future__ import annotations

import re

from engram.pipeline.rules._rewrite import PAST_FORMS, capitalise
from engram.pipeline.rules._verbless import counted

__all__ = ["split_comma_predicates", "split_possessions", "split_paired_objects",
           "split_present_verbs"]

# Present verbs the user's facts open with (third person) and their base forms.
_PRESENT_S = frozenset("""loves likes hates enjoys plays works lives has is speaks drives
prefers owns runs goes takes makes wants needs uses reads writes watches teaches studies
cooks eats drinks visits collects volunteers attends spends keeps rides swims walks travels
sings dances paints knows bakes coaches manages leads builds grows hikes skis surfs knits
sews gardens fixes repairs sells buys dislikes adores avoids misses practices practises
trains follows supports listens skips hikes cycles commutes brews shops gets wears sleeps
wakes starts finishes volunteers meditates journals swims climbs rows""".split())  # noqa: SIM905


def _base_of(verb: str) -> str:
    """"watches" -> "watch", "studies" -> "study", "has" -> "have"."""
    if verb in ("has", "goes", "does"):
        return {"has": "have", "goes": "go", "does": "do"}[verb]
    if re.search(r"(?:ss|sh|ch|x|z)es$", verb):
        return verb[:-2]
    if re.search(r"[^aeiou]ies$", verb):
        return verb[:-3] + "y"
    return verb[:-1]


_BASE = {_base_of(v): v for v in _PRESENT_S if v != "is"}
_NEGATED = [(re.compile(p, re.I), r) for p, r in [
    (r"^(?:can'?t|cannot|can not)\s+stand\b", "Dislikes"),
    (r"^(?:can'?t|cannot|can not)\b", "Cannot"),
    (r"^(?:don'?t|do not|doesn'?t|does not)\b", "Does not"),
    (r"^(?:won'?t|will not)\b", "Will not"),
    (r"^(?:didn'?t|did not)\b", "Did not"),
    (r"^(?:haven'?t|have not|hasn'?t|has not)\b", "Has not"),
    (r"^never\b", "Never"),
    (r"^no longer\b", "No longer"),
]]
_STATES = {"single", "retired", "vegan", "vegetarian", "pregnant", "unemployed", "self-employed",
           "divorced", "widowed", "engaged", "based", "originally", "currently", "fluent",
           "married", "separated"}
_ADVERB = r"(?:(?:only|usually|always|often|sometimes|mostly|mainly|also|still|never|rarely)\s+)?"
_PIECE = re.compile(r"(,\s+(?:and\s+|but\s+)?)")
# What follows a verb that takes an object: a determiner, a possessive, a number (not
# "it": a fact of its own would not say what).
_OBJECT = re.compile(r"^\s+(?:a|an|the|their|his|her|our|my|its|\d+)\b", re.I)


def _tense(word: str) -> str | None:
    low = word.lower()
    if low in ("is", "was"):
        return "state"
    if low in _PRESENT_S:
        return "present"
    if low in PAST_FORMS or (low.endswith("ed") and len(low) > 4):
        return "past"
    return None


def _as_predicate(piece: str, tense: str) -> str | None:
    """The piece as a fact of its own if it is a verb phrase in ``tense``, else None."""
    if re.match(r"^(?:decided|chose|opted|agreed)\s+(?:against|not|to|on)\b", piece, re.I):
        return capitalise(piece)  # a decision is an act, never a state: "Is decided against it"
    had = counted(piece)
    if had:  # "Teaches maths, married, two kids": a count of them
        return had
    now = re.match(r"^(now|currently|these days)\s+((?-i:[a-z]+)ing)\b(.*)$", piece, re.I)
    if now:  # "Studied in Leeds, now living in York": what holds now, whatever came before
        return capitalise(f"is {now.group(1).lower()} {now.group(2)}{now.group(3)}")
    for pat, rep in _NEGATED:
        m = pat.match(piece)
        if m and len(piece[m.end():].split()) >= 1:
            return f"{rep}{piece[m.end():]}"
    m = re.match(r"^(" + _ADVERB + r")([A-Za-z-]+)\b(.*)$", piece)
    bare = m is not None and not m.group(3).strip()  # "..., hike, and ...": a verb alone
    if not m or bare and tense != "state" and not (tense == "present" and (
            m.group(2).lower() in _BASE or m.group(2).lower() in _STATES | _PRESENT_S)):
        return None
    adverb, verb, rest = m.group(1), m.group(2).lower(), m.group(3)
    # After a state or a habit, a past verb with its object is an event of its own:
    # "Is 35, had their birthday on Sunday", "Loves the bike, bought a bell for it" (a bare
    # participle stays a state: "Is 38, married with two kids")
    if tense in ("state", "present") and _tense(verb) == "past" and not adverb \
            and _OBJECT.match(rest):
        return capitalise(f"{verb}{rest}")
    if tense == "state" and not adverb and (verb in _PRESENT_S or verb in _BASE) and verb != "is" \
            and rest.strip() and not re.match(r"^\s+(?:it|that|this|them|there|so|too|me|you)\b", rest):
        # "Is a paramedic, works nights", "Is 34, live in Leeds": a habit or a state too
        return capitalise(f"{verb if verb in _PRESENT_S else _BASE[verb]}{rest}")
    if tense == "present" and (verb in _BASE or verb in _PRESENT_S):
        return capitalise(f"{adverb}{verb if verb in _PRESENT_S else _BASE[verb]}{rest}")
    if tense == "state" and not adverb and (verb.endswith("ed") and len(verb) > 4
                                            or verb in _STATES):
        return capitalise(f"is {verb}{rest}")  # "Is 38, married with two kids"
    if tense == "present" and not adverb and verb in _STATES - {"based", "originally", "currently"}:
        return capitalise(f"is {verb}{rest}")  # "Teaches maths, married with two kids"
    if tense == "past" and _tense(verb) == "past" and verb not in ("had", "was", "were"):
        return capitalise(f"{adverb}{verb}{rest}")
    return None


def split_comma_predicates(fact: str) -> list[str]:
    """The fact's comma-joined verb phrases as facts of their own (see the module doc); an
    adverb of how often before the first goes with each ("Usually cooks, reads, and has
    friends over": "Usually reads")."""
    often = re.match(r"^(Usually|Always|Often|Sometimes|Mostly|Normally|Generally)\s+(?=[a-z])", fact)
    if often:
        parts = split_comma_predicates(capitalise(fact[often.end():]))
        return [f"{often.group(1)} {p[0].lower()}{p[1:]}" for p in parts]
    words = fact.split()
    tense = _tense(words[0]) if words and words[0][0].isupper() else None
    if tense is None or "," not in fact:
        return [fact]
    pieces = _PIECE.split(fact)  # [phrase, joiner, phrase, joiner, phrase ...]
    out = [pieces[0]]
    for joiner, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        own = _as_predicate(piece, tense)
        if own is None:
            out[-1] = f"{out[-1]}{joiner}{piece}"  # not a verb phrase: it stays where it was
        else:
            out.append(own)
    if len(out) > 1 and any(len(p.split()) < 2 and p.lower() not in _PRESENT_S for p in out):
        return [fact]
    return out


_DET = r"(?:a|an|two|three|four|five|six|\d+|some|several|a few|a couple of)"
_POSSESSIONS = re.compile(r"^(Has|Owns|Has got|Keeps)\s+(" + _DET + r"\s+[\w' -]+?)\s+and\s+("
                          + _DET + r"\s+[\w' -]+)$")


def split_possessions(fact: str) -> list[str]:
    """"Has two cats and a tortoise named Shelly" -> one fact per thing had: each item
    has its own determiner, so "Has a bread and butter pudding" is one thing.

    >>> split_possessions("Has two cats and a tortoise named Shelly")
    ['Has two cats', 'Has a tortoise named Shelly']
    >>> split_possessions("Has a bread and butter pudding recipe")
    ['Has a bread and butter pudding recipe']
    """
    m = _POSSESSIONS.match(fact)
    if not m:
        return [fact]
    return [f"{m.group(1)} {m.group(2)}", f"{m.group(1)} {m.group(3)}"]


# "Speaks Arabic at home and English at work": two objects, each with its own phrase.
_PAIRED = re.compile(r"^(?P<verb>(?-i:[A-Z][a-z]+)(?:\s+(?:not|no longer))?)\s+(?P<a>[\w'-]+(?:\s+[\w'-]+)?)"
                     r"\s+(?P<p>(?:at|in|on|with|for|to|from)\s+[\w'-]+(?:\s+[\w'-]+)?)\s+and\s+"
                     r"(?P<b>[\w'-]+(?:\s+[\w'-]+)?)\s+(?P<q>(?:at|in|on|with|for|to|from)\s+"
                     r"[\w'-]+(?:\s+[\w'-]+)?)$")


def split_paired_objects(fact: str) -> list[str]:
    """One verb, two objects each with a phrase of its own -> a fact per object; the
    second object must not be a verb ("Plays tennis on Sundays and swims on Mondays" is
    the verb splitter's).

    >>> split_paired_objects("Speaks Welsh at home and English at work")
    ['Speaks Welsh at home', 'Speaks English at work']
    >>> split_paired_objects("Plays tennis on Sundays and swims on Mondays")
    ['Plays tennis on Sundays and swims on Mondays']
    """
    m = _PAIRED.match(fact)
    if not m or m.group("verb").split()[0].lower() in ("is", "was", "are", "were"):
        return [fact]
    head = m.group("b").split()[0].lower()
    if head in _PRESENT_S or head in _BASE or _tense(head) == "past" or head.endswith("ing"):
        return [fact]
    return [f"{m.group('verb')} {m.group('a')} {m.group('p')}",
            f"{m.group('verb')} {m.group('b')} {m.group('q')}"]


# A second state after "and" that is a lasting condition or takes its own complement.
_SECOND_STATE = re.compile(r"^(Is\s+(?!and\b).+?),?\s+and\s+((?:(?:very|severely|mildly|happily|"
                           r"recently|newly)\s+)?(?:allergic|intolerant|married|engaged|divorced|"
                           r"separated|widowed|retired|pregnant|coeliac|celiac|diabetic|"
                           r"fluent|obsessed|terrified|afraid)\b.*)$")


def split_present_verbs(fact: str) -> list[str]:
    """A present-tense fact whose "and" joins a second verb phrase -> two facts, the
    second verb in the fact's form.

    >>> split_present_verbs("Teaches maths in Bristol and coach the under-12s on Saturdays")
    ['Teaches maths in Bristol', 'Coaches the under-12s on Saturdays']
    >>> split_present_verbs("Likes fish and chips")
    ['Likes fish and chips']
    >>> split_present_verbs("Is moving to Lyon in May and need a removal van")
    ['Is moving to Lyon in May', 'Needs a removal van']
    """
    words = fact.split()
    state = _SECOND_STATE.match(fact)
    if state:  # "Is a vegetarian and allergic to nuts": two states, the "is" said once
        return [state.group(1), f"Is {state.group(2)}"]
    if not words or _tense(words[0]) not in ("present", "state") or words[0].lower() in ("does", "was"):
        return [fact]
    m = re.match(r"^(.+?\s+\S+),?\s+and\s+(?:also\s+)?([a-z]+)\s+(\S.*)$", fact)
    if not m or len(m.group(1).split()) < 2:
        return [fact]
    verb = m.group(2)
    # After "Is ..."/"Has ..." only a verb left in the speaker's own form ("I'm starting
    # a course and want ...") opens a phrase: a third-person word there may be a noun.
    if words[0].lower() in ("is", "has") and verb not in _BASE:
        return [fact]
    third = verb if verb in _PRESENT_S else _BASE.get(verb)
    # the fact's own verb again is a noun joined to its object ("Loves the food and love
    # songs"); an auxiliary opens no phrase of its own
    if third is None or third in ("is", "has") or third == words[0].lower():
        return [fact]
    return [m.group(1), capitalise(f"{third} {m.group(3)}")]

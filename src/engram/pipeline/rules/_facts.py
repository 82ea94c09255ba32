"""Turning one clause into facts: subjects, relations, lists, ellipsis and inferences.

Each function takes already-rewritten or raw clause text and returns fact texts; the
extractor (``_extract``) drives them. Every rule is grammatical, not topical: a table of
relation nouns, of state verbs and of list shapes.

>>> relation_facts("My sister Anna is a nurse")
['Has a sister named Anna']
>>> split_lists("Speaks Portuguese, English and some French")
['Speaks Portuguese', 'Speaks English', 'Speaks some French']
>>> split_lists("Likes salt and pepper")
['Likes salt and pepper']
>>> split_shared_preposition("Is allergic to peanuts and also to shellfish")
['Is allergic to peanuts', 'Is allergic to shellfish']
"""

from __future__ import annotations

import re

from engram.pipeline.rules._rewrite import PAST_FORMS, article, capitalise

__all__ = ["TIED", "RELATIONS", "relation_facts", "split_lists", "split_shared_preposition",
           "split_adverbial_fragment", "enumerated_members",
           "standing_request", "split_verb_coordination", "ENDINGS", "relation_names",
           "split_verb_phrases", "is_relation", "owner_of", "HE_TIES", "SHE_TIES"]

RELATIONS = set("""sister brother wife husband partner boyfriend girlfriend fiance fiancee
son daughter kid child mom mother dad father mum grandma grandmother grandpa grandfather
aunt uncle cousin niece nephew friend roommate flatmate boss manager colleague coworker
neighbor neighbour dog cat puppy kitten bird parrot rabbit hamster horse fish turtle
pet teacher doctor therapist goldfish snake lizard tortoise spouse fiancé fiancée twin
grandson granddaughter stepmom stepdad stepson stepdaughter mentor coach landlord
landlady housemate classmate buddy mate pal bestie vet dentist baby toddler stepmum stepmother
stepfather stepbrother stepsister godmother godfather godson goddaughter auntie""".split())  # noqa: SIM905 (a word list reads better as text)
# Ties that name a man or a woman: whom "he" or "she" can be, and whose "his" is never hers.
HE_TIES = frozenset("""brother husband boyfriend son dad father grandpa grandfather uncle nephew
fiance grandson stepdad stepson""".split())  # noqa: SIM905 (a word list reads better as text)
SHE_TIES = frozenset("""sister wife girlfriend daughter mum mom mother grandma grandmother aunt
auntie niece fiancee fiancée granddaughter stepmom stepmother stepdaughter gran granny nan
nana""".split())  # noqa: SIM905
# Words for several of them at once: "The kids are back at school", "Parents retired".
_GROUPS = frozenset({"children", "grandchildren", "grandkids", "parents", "grandparents",
                     "in-laws", "folks", "siblings"})


def is_relation(word: str) -> bool:
    """Is the word a relation, one or several ("sister", "kids", "parents")?

    >>> is_relation("kids"), is_relation("Twins"), is_relation("parents"), is_relation("lessons")
    (True, True, True, False)
    """
    low = word.lower()
    return low in RELATIONS or low in _GROUPS or (low.endswith("s") and low[:-1] in RELATIONS)


def owner_of(fact: str) -> str | None:
    """The relative whose thing a fact opens with ("Brother's visa came through": brother).

    >>> owner_of("Brother's visa came through"), owner_of("Pilates moved to Thursdays")
    ('brother', None)
    """
    m = re.match(r"^(\w+)'s\s", fact)
    return m.group(1).lower() if m and is_relation(m.group(1)) else None


# A tie to someone held: "Has a brother named Ollie", "Has an old flatmate called Jess".
TIED = re.compile(r"^has\s+an?\s+(?:[\w-]+\s+)?(?P<rel>\w+)\s+(?:named|called)\b", re.I)
# Predicates that end a state: no "has a dog named Max" after "my dog Max died".
ENDINGS = re.compile(r"\b(?:passed away|died|ran away|was put down|left|quit|broke up|"
                     r"divorced|moved out|sold|gave up|lost|stopped|cancel+ed|ended)\b", re.I)
_VERBISH = {"is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "will",
            "can", "they", "them", "i", "we", "he", "she", "it", "when", "if", "because"}
_PARTICIPLES = {"tell": "told", "send": "sent", "write": "written", "speak": "spoken",
                "give": "given", "show": "shown", "teach": "taught", "call": "called"}
_PREPS = {"to", "in", "at", "with", "for", "from", "of", "on", "about", "by", "into", "over",
          "through", "around", "across", "near", "like"}
_ADVERBIAL = {"after", "before", "during", "when", "up", "down", "out", "while", "where", "if"}
_SINGULAR = {"kids": "child", "children": "child", "sons": "son", "daughters": "daughter",
             "dogs": "dog", "cats": "cat", "brothers": "brother", "sisters": "sister",
             "pets": "pet"}
_NAME = r"(?-i:[A-Z][a-z][\w'-]*(?:\s+[A-Z][a-z][\w'-]*)?)"


def relation_names(clause: str) -> list[tuple[str, str]]:
    """("best friend", "Laura") for each "my <relation> <Name>" in the clause."""
    out = []
    for m in re.finditer(r"\b(?:my|our)\s+((?:best|older|younger|little|big|elder|twin|step|ex|new|"
                         r"old|baby)\s+)?(\w+)\s+(" + _NAME + r")", clause, re.IGNORECASE):
        adj, rel, name = (m.group(1) or "").lower(), m.group(2).lower(), m.group(3)
        if rel in RELATIONS and name[0].isupper() and name.split()[0].lower() not in {
                "and", "is", "was", "who"}:
            name = name.split()[0] if name.split()[-1][0].islower() else name
            name = name[:-2] if name.endswith("'s") else name
            out.append((f"{adj}{rel}", name))
    called = re.match(r"^(?:my|our)\s+(\w+)\s+is\s+(?:called|named)\s+(" + _NAME + r")$", clause, re.I)
    if called and called.group(1).lower() in RELATIONS:  # "my wife is called Hannah"
        out.append((called.group(1).lower(), called.group(2)))
    for m in re.finditer(r"(?:^|,\s*)(" + _NAME + r")(?:,\s+|\s+is\s+|'s\s+)(?:my|our)\s+((?:best|older|"
                         r"younger|little|big|elder|twin|step|ex|new|old|baby)\s+)?(\w+)\b",
                         clause, re.IGNORECASE):  # "Tom is my brother", "Emma, my daughter,"
        # ("Ha, my landlord would kill me": a laugh before the relation names no one)
        if m.group(3).lower() in RELATIONS and m.group(1).lower() not in _INTERJECTIONS:
            out.append((f"{(m.group(2) or '').lower()}{m.group(3).lower()}", m.group(1)))
    return out


# Words said before a comma that are no one's name.
_INTERJECTIONS = frozenset("""ha haha hah lol lmao omg oh ah aw aww ugh wow yeah yep yup nah nope hmm
um uh er well ok okay so yes no hi hey hello sorry thanks""".split())  # noqa: SIM905


def relation_facts(clause: str) -> list[str]:
    """"my <relation> <Name>" -> "Has a <relation> named <Name>" (unless the state ended)."""
    return [] if _ends_tie(clause) else [
        f"Has {article(rel)} {rel} named {name}" for rel, name in relation_names(clause)]


# Someone named first ends the tie only by dying, running away or leaving the speaker:
# "My sister Hanna quit her job and moved out" keeps the sister ("I sold my horse Biscuit"
# and "My dog Max died" do not keep the horse or the dog).
_NAMED_FIRST = re.compile(r"^(?:my|our)\s+(?:[\w-]+\s+)?\w+\s+(?-i:[A-Z])[\w'-]+\s(?!and\s+(?:i|we)\b)", re.I)
_TIE_ENDED = re.compile(r"\b(?:passed away|died|ran away|was put down|(?:left|dumped|divorced|"
                        r"broke up with|split up with)\s+(?:me|us)\b)", re.I)


def _ends_tie(clause: str) -> bool:
    if _NAMED_FIRST.match(clause):
        return _TIE_ENDED.search(clause) is not None
    return ENDINGS.search(clause) is not None


# "gardening, mostly growing tomatoes": what follows says more of the item before it
_MORE = re.compile(r"^(?:mostly|mainly|largely|especially|particularly|such as|including)\b", re.I)


def _list_items(tail: str) -> list[str] | None:
    parts = [p for p in (p.strip() for p in re.split(
        r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", tail)) if p]
    if len(parts) < 3 or any(len(p.split()) > 4 or _MORE.match(p) for p in parts):
        return None
    return parts


_DETERMINERS = frozenset({"the", "a", "an", "my", "our", "their", "his", "her", "some", "any", "this", "that"})


def split_lists(fact: str) -> list[str]:
    """Split a fact ending in a list of 3+ short items (commas); two items stay together."""
    if fact.count(",") < 1 or not re.search(r"\b(?:and|or)\b", fact):
        return [fact]
    pre, _, _ = fact.partition(",")
    if re.search(r"\b(?:named|called)\s+(?:[\w'-]+\s+){0,3}?(?-i:[A-Z])[\w'-]*$", pre, re.I):
        return [fact]  # "Has three daughters named Ife, Tola and Bisi": the names of one count
    words = pre.split()
    cut = 0
    for i, w in enumerate(words):
        if i == 0 or w.lower() in _PREPS:
            cut = i + 1
            # "to" before a verb is no preposition: "Wants to visit Rome, Paris and Berlin"
            if w.lower() == "to" and i + 1 < len(words) - 1 and words[i + 1].islower() \
                    and words[i + 1] not in _DETERMINERS:
                cut = i + 2
    if cut >= len(words):
        return [fact]
    head = " ".join(words[:cut])
    items = _list_items(fact[len(head):].strip())
    # numbers said together are one value ("are 3 and 6": ages), and "both ..." goes on
    # saying something of the same subject
    # (an amount said after a list is a note of its own: "..., 2 weeks total, budget 8k")
    if not items or any(re.fullmatch(r"\d+(?:\.\d+)?", i.strip()) or re.match(r"\d+\s+\w+\s+\w+", i.strip())
                        for i in items) or re.match(  # a time:
            r"(?i:(?:this|last|next)\s+\w+|yesterday|today|tonight)$", items[0].strip()):  # no item
        return [fact]
    if re.fullmatch(r"(?:Has\s+)?(?:lived|been\s+living)\s+in", head, re.I) \
            and items[-1].strip().lower().startswith("now "):  # "Paris, Berlin and now Amsterdam"
        return [*(f"Used to live in {item.strip()}" for item in items[:-1]),
                f"Lives in {items[-1].strip()[4:]}"]
    return [f"{head} {item}" for item in items]


_GRADED = re.compile(r"^((?:(?:is|was|has been)\s+)?[A-Za-z]+)\s+(.+?)\s+and\s+((?:some|a little|"
                     r"a bit of|a few|the occasional|a lot of|lots of|basic|conversational|"
                     r"fluent|very little|hardly any|a touch of)\s.+)$", re.I)


def split_graded_pair(fact: str) -> list[str]:
    """Two objects of one verb, the second with its own amount, are two facts.

    >>> split_graded_pair("Speaks Welsh and some Irish")
    ['Speaks Welsh', 'Speaks some Irish']
    >>> split_graded_pair("Likes salt and pepper")
    ['Likes salt and pepper']
    """
    m = _GRADED.match(fact)
    if not m or m.group(1).lower() in _VERBISH or len(m.group(2).split()) > 4 \
            or "," in m.group(2):  # "Speaks A, B and some C" is a list: split_lists
        return [fact]
    return [f"{m.group(1)} {m.group(2)}", f"{m.group(1)} {m.group(3)}"]


_ROLE_FROM = re.compile(r"^(Is an?\s+[\w\s-]+?)\s+from\s+((?:the\s+)?(?-i:[A-Z])[\w'-]+"
                        r"(?:\s+(?-i:[A-Z])[\w'-]+)*)$", re.I)


def split_origin(fact: str) -> list[str]:
    """"Is a nurse from Cork" says two things: the role and where the person is from.

    >>> split_origin("Is a retired welder from Sheffield")
    ['Is a retired welder', 'Is from Sheffield']
    >>> split_origin("Is a fan of music from Mali")
    ['Is a fan of music from Mali']
    """
    m = _ROLE_FROM.match(fact)
    if not m or re.search(r"\b(?:of|with|for|to|at|in)\b", m.group(1), re.I):
        return [fact]
    return [m.group(1), f"Is from {m.group(2)}"]


def split_shared_preposition(fact: str) -> list[str]:
    """"X to A and (also) to B" -> "X to A", "X to B"."""
    if " and " not in fact or len(fact) > 300:  # the pattern backtracks on long text
        return [fact]
    m = re.match(r"^(.*?\b(\w+)\s+.+?)\s*,?\s+and\s+(?:also\s+|too\s+)?(\w+)\s+(.+)$", fact)
    if not m or m.group(3).lower() not in _PREPS:
        return [fact]
    first, prep, rest = m.group(1), m.group(3).lower(), m.group(4)
    idx = first.lower().rfind(f" {prep} ")
    if idx < 0:
        return [fact]
    return [first, f"{first[:idx]} {prep} {rest}"]


def split_adverbial_fragment(fact: str) -> list[str]:
    """"Drinks coffee, usually a flat white" -> plus "Usually drinks a flat white"."""
    m = re.match(r"^(\w+)(.*?),\s*(usually|mostly|often|sometimes|mainly|always|"
                 r"especially)\s+(\w+\b.*)$", fact, re.I)
    if not m:
        return [fact]
    first = m.group(4).split()[0].lower()
    if first in _VERBISH or first in _PREPS | _ADVERBIAL \
            or first.endswith(("ing", "ed")):
        # a clause or an adverbial ("especially in the afternoon"), not a noun phrase
        return [fact]
    verb = m.group(1)
    if verb.lower() in {"is", "was", "has", "does", "did", "would", "will", "no", "sometimes",
                        "often", "usually", "occasionally", "rarely", "always", "mostly"}:
        return [fact]
    return [verb + m.group(2), f"{capitalise(m.group(3).lower())} {verb.lower()} {m.group(4)}"]


def enumerated_members(fact: str) -> list[str]:
    """"Has two kids, Leo who is 7 and Mia who is 4" -> count fact + one per member."""
    twins = re.match(r"^Has (twins|triplets)\s*[,:(]\s*(" + _NAME + r"(?:,\s*" + _NAME + r")*,?\s+and\s+"
                     + _NAME + r")\)?$", fact)
    if twins:  # "Has twins, Ava and Max": children born together, not the user's own twin
        return [f"Has {twins.group(1)} named {twins.group(2)}"]
    m = re.match(r"^(Has (?:a|an|one|two|three|four|five|six|\d+) (\w+))\s*[,:(]\s*(.+?)\)?$",
                 fact)
    if not m:
        return []
    noun = m.group(2).lower()
    rel = _SINGULAR.get(noun, noun.rstrip("s"))
    if rel not in RELATIONS:
        return []
    out = [m.group(1)]
    for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group(3)):
        pm = re.match(r"^(" + _NAME + r")(?:,?\s+(?:who is|who's|aged|age|is)\s+(\d+))?"
                      r"(?:\s*years old)?$", part.strip())
        if not pm:
            return []
        name, age = pm.group(1), pm.group(2)
        out.append(f"{capitalise(rel)} {name} is {age} years old" if age
                   else f"Has a {rel} named {name}")
    return out


def standing_request(clause: str) -> str | None:
    """A lasting request ("please keep X low in sugar", "... from now on") -> a preference.

    One-off requests are not memories; a request that says how things should always be
    is one. The verb is dropped: "please schedule my meetings in the afternoon from now
    on" -> "Prefers meetings in the afternoon".
    """
    m = re.match(r"^(?:so\s+|and\s+)?please\s+(always\s+|never\s+|don'?t\s+|do not\s+)?"
                 r"(\w+)\s+(.+)$", clause, re.I)
    if not m:
        return None
    verb, rest = m.group(2).lower(), m.group(3)
    negated = (m.group(1) or "").strip().lower() not in {"", "always"}
    if negated:
        rest = re.sub(r"^(?:me\s+)?(?:any\s+)?", "", rest, flags=re.I)
        return "Does not want " + re.sub(r"\b(?:my|our)\b", "their", rest, flags=re.I)
    lasting = m.group(1) or re.search(r"\b(?:from now on|always|never|going forward|"
                                      r"in (?:the )?future|by default|anymore)\b", rest, re.I)
    if not lasting and verb not in {"keep", "avoid", "remember", "stop"} \
            or verb == "remember" and re.match(r"^to\s", rest, re.I):  # "remember to book it"
        return None
    rest = re.sub(r",?\s*\b(?:from now on|going forward|in (?:the )?future|by default)\b",
                  "", rest, flags=re.I)
    if re.match(r"^me\b", rest, re.I):  # "answer me in French" -> "to be answered in French"
        pp = _PARTICIPLES.get(verb) or (verb + "d" if verb.endswith("e") else verb + "ed")
        return f"Prefers to be {pp}{rest[2:]}"
    rest = re.sub(r"^(?:my|our|the)\s+", "", rest.strip(), flags=re.I)
    rest = re.sub(r"\b(?:my|our)\b", "their", rest, flags=re.I)
    if verb == "avoid":
        return f"Wants to avoid {rest}"
    if verb == "stop":
        return f"Does not want {rest}"
    return f"Prefers {rest}" if rest else None


_VERBS_S = set("""loves likes hates enjoys plays works lives has is speaks drives prefers owns
runs goes takes makes wants needs uses reads writes watches teaches studies cooks eats drinks
visits collects volunteers attends spends keeps rides swims walks travels sings dances paints
knows bakes coaches manages leads builds grows hikes skis surfs knits sews gardens fixes
repairs sells buys dislikes adores avoids misses practices trains follows supports
listens""".split())  # noqa: SIM905 (a word list reads better as text)


def split_verb_phrases(fact: str) -> list[str]:
    """"Loves jazz and plays the saxophone" -> two facts, the subject repeated."""
    m = re.match(r"^(.+?),?\s+and\s+(?:(?:also|still|now|often|usually|sometimes|always|"
                 r"even)\s+)?(\w+)\s+(.+)$", fact)
    if not m or m.group(2).lower() not in _VERBS_S or len(m.group(1).split()) < 2:
        return [fact]
    words = m.group(1).split()
    head = 0 if words[0].lower() in _VERBS_S or words[0][0].isupper() and \
        words[0].lower().endswith("s") else next(
            (i for i, w in enumerate(words[:4]) if w.lower() in _VERBS_S), -1)
    if head < 0:
        return [fact]
    subject = " ".join(words[:head])
    second = f"{subject} {m.group(2)} {m.group(3)}" if subject else \
        f"{capitalise(m.group(2))} {m.group(3)}"
    return [m.group(1), *split_verb_phrases(second)]


def split_verb_coordination(fact: str) -> list[str]:
    """"Sold their Civic and bought a Tesla" -> two facts (a past verb after "and")."""
    # "Finally upgraded to X and gave ...": the adverb is not the verb
    first = re.sub(r"^(?:finally|just|recently|also|then)\s+", "", fact, flags=re.I).split(" ", 1)[0].lower()
    if not (first.endswith("ed") or first in PAST_FORMS):
        return [fact]
    m = re.match(r"^(.+?),?\s+(?:and|but)\s+(?:then\s+)?(\w+)\s+(.+)$", fact)
    if not m or not (m.group(2).endswith("ed") or m.group(2).lower() in PAST_FORMS):
        return [fact]
    return [m.group(1), f"{capitalise(m.group(2))} {m.group(3)}"]

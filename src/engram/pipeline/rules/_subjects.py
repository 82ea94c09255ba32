"""Clauses whose subject is not "I": people the user names, pronouns, and no subject at all.

A fact about someone else keeps that person as its subject ("Sister Mia lives in
Porto"); a person named once with a relation ("my sister Mia") keeps that relation when
named again ("Mia", "she"). A clause with no subject that starts with a third-person
verb ("Likes to play cricket on weekends") is already in the facts' own form.

>>> People().split("my sister Mia lives in Porto")
('Sister Mia', 'lives in Porto')
>>> p = People(); _ = p.split("my sister Mia lives in Porto"); p.split("Mia got a dog")
('Sister Mia', 'got a dog')
>>> People().split("Alice is a software engineer")
('Alice', 'is a software engineer')
>>> People().split("Berlin is lovely in May") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from engram.pipeline.rules._events import Events
from engram.pipeline.rules._facts import HE_TIES, RELATIONS, SHE_TIES
from engram.pipeline.rules._rewrite import PAST_FORMS, capitalise

__all__ = ["People", "is_verb", "AUX", "IS_FACT", "NOT_NAMES", "known_as"]

# Adverbs that stand where a verb's auxiliary would ("Sarah now lives ..."), but are none.
_ADVERBS = frozenset({"now", "still", "just", "never", "always", "also", "finally", "recently",
                      "usually", "often"})
AUX = {"is", "was", "are", "were", "has", "had", "will", "would", "can", "could", "does",
       "did", "doesn't", "didn't", "isn't", "wasn't", "won't", "can't", "should", "might",
       "must", "may", "hasn't"} | _ADVERBS
# Capitalised words that open a sentence without naming anyone.
# Verbs of liking and having, said without "I" ("Prefer emails over calls"): no name and no
# request to the assistant opens with one.
LIKING_VERBS = frozenset({"prefer", "love", "like", "hate", "enjoy", "adore", "dislike", "loathe",
                          "own", "speak", "support"})
NOT_NAMES = set("""the this that these those it its there here what who when where why how
my our your his her their i we you he she they today tomorrow yesterday tonight everyone
everybody someone somebody nobody anyone all both each every some many most none a an and
but so or if then also thanks thank hi hello hey yes no ok okay please sorry well oh
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december christmas easter one two
three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
last next user night nights morning mornings evening evenings weekend weekends afternoon early late
bit kinda pretty super totally really quite very too so slightly feeling still just
recently finally newly happily currently usually always never sometimes often only even
maybe honestly ha haha hah lol lmao omg oh ah aw aww ugh wow yeah yep yup nah nope hmm um uh er
haven't hasn't didn't don't doesn't can't won't isn't wasn't aren't weren't couldn't
between after before during since until without within about above below across against
""".split()) | LIKING_VERBS | {  # noqa: SIM905 (degree adverbs open fragments: "Bit tired today")
    f"{tens}-{one}" for tens in ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    for one in ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]}  # "Thirty-one years ..."
# "X is lovely": an opinion about a thing, not a fact about a person. A person's "is"
# goes on to a role, a place, a state or an activity.
IS_FACT = re.compile(r"^(?:is|was|are|were)\s+(?:not\s+|now\s+|still\s+|also\s+|no longer\s+|"
                      r"just\s+|recently\s+|finally\s+)?"
                      # done to them: "was diagnosed with", "was promoted", "was made redundant"
                      r"(?:(?!(?:pleas|surpris|impress|shock|worri|annoy|disappoint|excit|tir|"
                      r"bor|interest|thrill|stress|scar|amaz|delight|upset|frustrat|embarrass|"
                      r"relax|confus|overwhelm)ed\b)"
                      r"(?-i:[a-z]+ed)\s+(?:with|to|as|from|into|at|for|by|in|on)\b|"
                      r"(?:promoted|diagnosed|made redundant|laid off|fired|sacked|hired|"
                      r"discharged|born|elected|appointed|accepted|admitted)\b|"
                      r"a|an|the|my|their|his|her|from|in|at|on|with|\d|\w+ing\b|allergic|"
                      r"married|engaged|pregnant|retired|single|divorced|vegan|vegetarian|"
                      r"back|away|home|moving|sick|ill|afraid|scared|learning|based|located|settled|"
                      # a nationality: "Mum is Polish", "Dad is Italian"
                      r"(?-i:[A-Z][a-z]+(?:an|ian|ish|ese|ch|ic|i)\b))", re.I)
_NOT_VERBS = {"and", "or", "in", "at", "on", "of", "to", "for", "with", "from", "the", "a", "an",
              "who", "which", "that", "are"}
_FINITE = {"is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "will",
           "can", "would", "could", "should", "get", "got", "make", "made"}
_NAME = r"(?-i:[A-Z][a-z][\w'-]*)"
_RELATIONAL = re.compile(r"^(?:my|our)\s+((?:best|older|younger|little|big|elder|twin|"
                         r"step|ex|new|old|baby)\s+)?([\w-]+)(?:\s+(" + _NAME + r"))?\s+(.+)$",
                         re.I)
# "'s" is "has" before a past participle: "she's been", "he's given up", "she's cut out".
_PARTICIPLE = re.compile(r"^(?:just\s+|already\s+|finally\s+|never\s+|always\s+)?(?:been|got|had|done|"
                         r"gone|given|taken|made|seen|found|left|lost|bought|sold|quit|moved|"
                         r"started|stopped|finished|passed|decided|booked|signed|joined|"
                         r"(?:cut|put|set|shut)\s+(?:out|up|down|off|back|in|on|away))\b",
                         re.I)
# States a person is in, said with "'s" as "is": "my mum's diabetic", "my dad's retired".
_STATES = frozenset("""diabetic pregnant retired married engaged divorced single vegan vegetarian
allergic ill sick unwell poorly coeliac asthmatic deaf blind disabled autistic dyslexic epileptic
unemployed widowed""".split())  # noqa: SIM905
# Kin by sex (HE_TIES, SHE_TIES), so "she" after "my brother" is not him.
def _other_sex(pronoun: str, who: str) -> bool:
    kin = who.split()[0].lower()
    she = pronoun.lower().startswith("she")
    return (she and kin in HE_TIES) or (pronoun.lower().startswith("he") and not she and kin in SHE_TIES)


_PRONOUN = re.compile(r"^(she's|he's|they're|she'd|he'd|she'll|he'll|she|he|they)(?!')\b\s*(.*)$",
                      re.I)


def is_verb(word: str, position: int) -> bool:
    """Could ``word`` be the verb of a clause (an auxiliary, a past form, -s or -ed)?"""
    low = word.lower()
    if low in AUX or low in PAST_FORMS:
        return True
    if not word.isalpha() or word[0].isupper() or position == 0:
        return False
    return low.endswith("ed") or (low.endswith("s") and not low.endswith(("ss", "us"))
                                  and low not in _S_NOT_VERBS)


# Words in -s that are never a verb: "Traffic this morning ..." names no one "Traffic".
_S_NOT_VERBS = frozenset({"this", "his", "hers", "its", "yours", "ours", "theirs", "always",
                          "sometimes", "perhaps", "besides", "towards", "afterwards", "nowadays",
                          "as", "thus", "whereas", "yes", "news", "plus"})


class People:
    """The people a message has named so far, and who "she"/"he" refers to."""


    def for_pronouns(self, fact: str) -> str:
        """``fact`` with "her"/"him" as the person last named: "one of her bridesmaids"
        -> "one of Aisha's bridesmaids" (before a noun "her" is whose), "throwing her a
        party" -> "throwing Mom Rosa a party"."""
        who = self.last or ""
        whose = f"{who.split()[-1]}'s" if len(who.split()) > 1 or who.lower() not in RELATIONS \
            else f"{who[:1].lower()}{who[1:]}'s"  # "my niece's" said as "niece's"; "Harold's"
        fact = re.sub(r"\bher\b(?=\s+(?!(?:a|an|the|to|some|up|out|back|off|in|on|at|for|and|"
                      r"that|this|own|something|anything|nothing|everything|one|lots|loads|more|whatever)\b)"
                      r"(?-i:[a-z]))", whose, fact)  # "send her something": her, not hers
        said = who.split()[-1].lower() in fact.lower()  # "helping their dad fix his roof"
        if who.split()[0].lower() not in SHE_TIES and not said:  # "I'm his best man": whose
            fact = re.sub(r"\bhis\b(?=\s+(?!own\b)(?-i:[a-z]))", whose, fact)
        return re.sub(r"\b(?:her|him)\b(?!\s+own)", who, fact)

    def __init__(self) -> None:
        self.known: dict[str, str] = {}  # "Mia" -> "Sister Mia"
        self.last: str | None = None
        self.events = Events()  # "moved it to Sunday": the barbecue named before
        self.speakers: frozenset[str] = frozenset()  # names the messages are signed with

    def asked_about(self, question: str) -> None:
        """The person an assistant's question asks about ("Is your daughter still at
        primary?"), so that "she" in the reply is that person."""
        m = re.search(r"\byour\s+((?:best|older|younger|little|big|elder|twin|step|new|old)\s+)?"
                      r"([a-z]+)(?:\s+(" + _NAME + r"))?", question)
        if m and m.group(2) in RELATIONS:
            subject = capitalise(f"{m.group(1) or ''}{m.group(2)}") + \
                (f" {m.group(3)}" if m.group(3) else "")
            if m.group(3):
                self.known[m.group(3)] = subject
            self.last = subject
            return
        named = re.search(r"(?:\b(?i:is|was|does|did|has|will|can|are)\s+|(?i:how|what|where)'s\s+)("
                          + _NAME + r")\b", question)  # "How's Lucía doing?"
        if named and named.group(1).lower() not in NOT_NAMES:  # "Is Ivy still at primary?"
            self.last = self.known.get(named.group(1), named.group(1))

    def introduce(self, relation: str, name: str, last: bool = True) -> None:
        """``name`` is the speaker's ``relation``; ``last``: "she" now refers to them."""
        self.known[name] = f"{capitalise(relation)} {name}"
        self.last = self.known[name] if last else self.last

    def split(self, clause: str) -> tuple[str, str] | None:
        """(subject, predicate) of a clause about someone other than the speaker."""
        m = re.match(r"^(?:my|our)\s+(?:\w+\s+)?([\w-]+)'s\s", clause, re.I)
        if m and m.group(1).lower() in RELATIONS:  # "my son's school is", "my sister's visiting"
            has = re.match(r"^(?:my|our)\s+((?:\w+\s+)?[\w-]+)'s\s+(.+)$", clause, re.I)
            if has and _PARTICIPLE.match(has.group(2)):  # "my mum's given up sugar"
                self.last = capitalise(has.group(1).lower())
                return self.last, "has " + has.group(2)
            found = _my_subject(clause)
            # a possessive subject, or "'s" as "is" before what "is" can take ("visiting",
            # "80", "away"); "my neighbour's parrot kept me awake" is neither
            after = found[1].split()[1] if found and len(found[1].split()) > 1 else ""
            if found and found[1].split()[0] in ("is", "are", "was", "were") and (
                    "'s" in found[0] or after.endswith("ing") or after[:1].isdigit()
                    or after in ("a", "an", "the", "not", "at", "in", "on", "away", "home",
                                 "back", "still", "now", "off", "out", "really", "so")
                    or after in _STATES):  # "my mum's diabetic": how she is
                # "she" after "my uncle's coming" is the uncle; after "my son's school is
                # great" it is no one named here
                self.last = None if "'s" in found[0] else found[0]
                return found
            # "my mum's operation went well, she's home": "she" is the one whose it was
            self.last = capitalise(m.group(1).lower())
        m = re.match(r"^((?:one|two|both|all|some|none)\s+of\s+)(?:my|our)\s+([a-z]+s)\s+(\S.*)$", clause, re.I)
        if m and is_verb(m.group(3).split()[0], 1):  # "one of my cats died": some of the speaker's
            return capitalise(f"{m.group(1).lower()}their {m.group(2).lower()}"), m.group(3)
        m = _RELATIONAL.match(clause)
        if m:
            adj, rel, name, rest = (m.group(1) or ""), m.group(2), m.group(3), m.group(4)
            if name and name.endswith("'s") and re.match(r"^[a-z]+\s+(?:is|are|was|were)\b", rest):
                return _my_subject(clause)  # "my new Pixel's camera is ...": a possessive
            if name and name.endswith("'s"):  # "my sister Anna's visiting"
                name, rest = name[:-2], "is " + rest
            if name is None and re.match(r"^is\s+(?:called|named)\s+\S+$", rest):
                return None  # "my wife is called Hannah": the relation fact says it
            words = rest.split()
            plural = rel.lower().endswith("s") and rel.lower()[:-1] in RELATIONS | {"kid", "parent"}
            if words and (is_verb(words[0], 1) or plural and words[0].islower()
                          and words[0] not in _NOT_VERBS):
                subject = capitalise(f"{adj}{rel}".lower()) + (f" {name}" if name else "")
                if name:
                    self.known[name] = subject
                self.last = subject
                return subject, rest
            return _my_subject(clause)
        m = re.match(r"^(" + _NAME + r"(?:\s+" + _NAME + r")?)('s\s+(?:\w+\s+){1,2}(?:is|are|was)"
                     r"\s+.+)$", clause)
        if m and m.group(1).split()[0].lower() not in NOT_NAMES:  # "Mark's favorite film is"
            self.last = self.known.get(m.group(1), m.group(1))
            return self.last + "'s", m.group(2)[3:]
        m = re.match(r"^(" + _NAME + r")'s\s+(?=(?:\d|a\b|an\b|the\b|not\b|now\b|still\b|in\b|"
                     r"at\b|on\b|off\b|away\b|home\b|back\b|[a-z]+ing\b))(.+)$", clause)
        if m and m.group(1).lower() not in NOT_NAMES:  # "Leo's 8 now": "'s" is "is"
            subject = self.known.get(m.group(1), m.group(1))
            self.last = subject
            return subject, "is " + m.group(2)
        m = re.match(r"^(" + _NAME + r"(?:\s+" + _NAME + r")?)((?:\s+(?:from|at)\s+(?:work|"
                     r"school|college|church|the gym|the office|next door|upstairs))?)"
                     r"\s+(\S+)(.*)$", clause)
        if m and m.group(1).split()[0].lower() not in NOT_NAMES and is_verb(m.group(3), 1) \
                and not _noun_then_verb(m.group(3), m.group(4)) \
                and (m.group(4).strip() or m.group(3).lower() not in _ADVERBS):  # "Vegan now": no verb
            name, rest = m.group(1), m.group(3) + m.group(4)
            if re.match(r"^(?:is|was)\s+(?:my|our)\s+\w+(?:\s+\w+)?$", rest):
                return None  # "Tom is my brother": the relation fact says it
            if m.group(3).lower() in ("is", "was", "are", "were") and not IS_FACT.match(rest):
                return None
            subject = self.known.get(name, name)
            self.last = subject
            return subject + m.group(2), rest
        m = _PRONOUN.match(clause)
        if m and self.last and not _other_sex(m.group(1), self.last):
            rest = m.group(2)
            if m.group(1).lower().endswith("'s") and _PARTICIPLE.match(rest):
                rest = "has " + rest  # "he's given up golf", "she's cut out sugar"
            elif m.group(1).lower().endswith(("'s", "'re")):
                rest = "is " + rest
            elif m.group(1).lower().endswith("'d"):  # "she'd love the class"
                rest = "would " + rest
            elif m.group(1).lower().endswith("'ll"):  # "she'll be my boss"
                rest = "will " + rest
            return self.last, rest
        return None


def _noun_then_verb(word: str, rest: str) -> bool:
    """"Berlin winters are ...": the -s word is a plural noun when a verb follows it."""
    nxt = rest.split()[0].lower() if rest.split() else ""
    return word.lower() not in AUX and (nxt in _FINITE or nxt.endswith("n't"))


def _my_subject(clause: str) -> tuple[str, str] | None:
    """("Best friend from school", "is ...") from a longer "my ..." subject."""
    words = clause.split()[1:]
    for i, w in enumerate(words[:5]):
        for n in (1, 2):  # "my son's school is", "my wife's favourite band is": a possessive
            if w.lower().endswith("'s") and i + n + 1 < len(words) \
                    and words[i + n + 1].lower() in ("is", "are", "was", "were") \
                    and not any(x.lower() in ("is", "are", "was", "were")
                                for x in words[i + 1:i + n + 1]):
                return (capitalise(" ".join([*words[:i + 1 + n]])),
                        " ".join(words[i + n + 1:]))
        if w.lower().endswith("'s") and i < 4 and len(w) > 2:
            return capitalise(" ".join([*words[:i], w[:-2]])), " ".join(["is", *words[i + 1:]])
        if i and is_verb(w, i):
            return capitalise(" ".join(words[:i])), " ".join(words[i:])
    return None


_HELD_RELATION = re.compile(r"^Has an?\s+((?:\w+\s+)?\w+)\s+(?:named|called)\s+(" + _NAME + r")\b")
_HELD_SUBJECT = re.compile(r"^((?-i:[A-Z][a-z]+(?:\s+[a-z]+)?))\s+(" + _NAME + r")\s+[a-z]")
# The user's own name, held: "Omar is a civil engineer" then speaks of the user.
_OWN_NAME = re.compile(r"^(?:(?:first\s+)?name\s+is|goes\s+by|prefers\s+to\s+be\s+called)\s+("
                       + _NAME + r")$", re.I)


def known_as(fact: str, held: list[str]) -> str:
    """The fact with a bare name as subject given the relation the memories hold for it.

    With "Has a friend named Lena" held, "Lena got a job in Oslo" is about that friend:
    "Friend Lena got a job in Oslo", in the form the scope's other facts about her use.

    >>> known_as("Lena got a job in Oslo", ["Has a friend named Lena"])
    'Friend Lena got a job in Oslo'
    >>> known_as("Lena got a job in Oslo", [])
    'Lena got a job in Oslo'

    The user's own held name is the user: facts are told without a subject.

    >>> known_as("Tariq teaches maths", ["Name is Tariq"])
    'Teaches maths'
    """
    m = re.match(r"^(" + _NAME + r")\s+(\S.*)$", fact)
    if not m or m.group(1).lower() in NOT_NAMES or not is_verb(m.group(2).split()[0], 1):
        return fact
    if m.group(1).lower() in RELATIONS:  # "Brother is at Bosch now": which brother?
        return _named(m.group(1), m.group(2), held) or fact
    name = m.group(1)
    relation = next((rel for rel, who in _held_people(held)
                     if who == name and rel.split()[-1].lower() in RELATIONS), None)
    kind = re.match(r"^(?:is|'s)\s+(?:a|an|my|our)\s+(\w+)$", m.group(2), re.I)
    held_kind = relation.split()[-1].lower() if relation else ""
    if kind and relation and kind.group(1).lower() in RELATIONS and kind.group(1).lower() != held_kind:
        # "Max is a cat" with "Has a dog named Max" held: the tie put right, not a fact of Max's
        return f"Meant {kind.group(1).lower()} named {name}, not {held_kind} named {name}"
    if relation:
        return f"{relation} {fact}"
    # "Katherine sounds so stiff" speaks of the name itself, not of its bearer
    if not re.match(r"(?:sounds|feels|seems|looks)\b", m.group(2)) and any(
            (r := _OWN_NAME.match(text)) and r.group(1) == name for text in held):
        return capitalise(m.group(2))
    return fact


def _named(relation: str, rest: str, held: list[str]) -> str | None:
    """"Brother Jonas <rest>" when the memories name one brother only, Jonas; None when
    they name none or several (then "my brother" does not say which).

    >>> _named("Brother", "is at Bosch now", ["Brother Jonas works at Siemens"])
    'Brother Jonas is at Bosch now'
    >>> _named("Sister", "moved", ["Has a sister named Ana", "Sister Bea lives in Vigo"]) is None
    True
    """
    # "older brother" is another relation than "brother"
    names = {who for rel, who in _held_people(held) if rel.lower() == relation.lower()}
    return f"{relation} {names.pop()} {rest}" if len(names) == 1 else None


def _held_people(held: list[str]) -> Iterator[tuple[str, str]]:
    """(relation as a fact's subject says it, name) of each person the memories hold, in
    their order: "Has a best friend named Jo" and "Best friend Jo lives ..." both give
    ("Best friend", "Jo")."""
    for text in held:
        r = _HELD_RELATION.match(text)
        if r:
            yield capitalise(r.group(1).lower()), r.group(2)
        r = _HELD_SUBJECT.match(text)
        if r:
            yield r.group(1), r.group(2)

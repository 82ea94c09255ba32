"""First-person clauses rewritten as third-person facts with the subject dropped.

The house style follows the dev data: "I love X" -> "Loves X", "I'm not X" -> "Is not X",
"My name is X" -> "Name is X"; a later "my" becomes "their", "me" becomes "them".

>>> to_third_person("I really love sci-fi movies")
'Loves sci-fi movies'
>>> to_third_person("I don't like spicy food")
'Does not like spicy food'
>>> to_third_person("I'm not vegetarian anymore")
'Is no longer vegetarian'
>>> to_third_person("I hurt my knee")
'Hurt their knee'
>>> to_third_person("I never eat breakfast")
'Never eats breakfast'
>>> to_third_person("I only cook on weekends"), to_third_person("I don't really cook anymore")
('Only cooks on weekends', 'No longer cooks')
>>> conjugate("watch"), conjugate("study"), conjugate("moved")
('watches', 'studies', 'moved')
"""

from __future__ import annotations

import re

__all__ = ["ADVERBS", "PAST_FORMS", "to_third_person", "base_verb", "before_word", "conjugate",
           "pronouns_to_third", "capitalise", "article"]

# Verbs "do" can stress ("I do like olives"); before anything else "do" is the verb.
_EMPHASISED = (r"like|love|hate|enjoy|want|need|know|think|have|miss|feel|care|mind|plan|"
               r"hope|wish|prefer|remember|believe|go|get|make|take|try|see|eat|drink|cook|"
               r"play|work|live|use|read|watch|run|walk|swim|speak|own|worry|struggle|wonder|"
               r"knit|sew|paint|draw|sing|dance|bake|climb|cycle|surf|ski|write|teach|study|travel")
# Openings with a fixed third-person form: (pattern, replacement). Order matters.
_OPENINGS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.IGNORECASE), r)
    for p, r in [
        (r"^(?:i'?m|i am|we'?re|we are)\s+not\b", "Is not"),
        (r"^(?:i'?m|i am|we'?re|we are)\b", "Is"),
        (r"^(?:i|we)\s+(?:wasn'?t|was not|weren'?t|were not)\b", "Was not"),
        (r"^(?:i|we)\s+(?:was|were)\b", "Was"),
        (r"^(?:i'?ve|i have|we'?ve|we have)\s+been\b", "Has been"),
        (r"^(?:i|we)\s+(?:haven'?t|have not)\b", "Has not"),
        (r"^(?:i'?ve|we'?ve)\s+got\b", "Has"),
        (r"^(?:i'?ve|i have|we'?ve|we have)\b", "Has"),
        (r"^(?:i|we)\s+(?:hadn'?t|had not)\b", "Had not"),
        (r"^(?:i|we)\s+had\b", "Had"),
        (r"^(?:i'?d|i would|we'?d|we would)\b", "Would"),
        (r"^(?:i'?ll|i will|we'?ll|we will)\b", "Will"),
        (r"^(?:i|we)\s+(?:won'?t|will not)\b", "Will not"),
        (r"^(?:i|we)\s+(?:can'?t|cannot|can not)\s+stand\b", "Dislikes"),
        (r"^(?:i|we)\s+(?:can'?t|cannot|can not)\b", "Cannot"),
        (r"^(?:i|we)\s+(?:couldn'?t|could not)\b", "Could not"),
        (r"^(?:i|we)\s+(?:don'?t|do not)\b(?=.*\b(?:anymore|any more)\b)", "No longer"),
        (r"^(?:i|we)\s+(?:don'?t|do not)\b", "Does not"),
        (r"^(?:i|we)\s+(?:didn'?t|did not)\b", "Did not"),
        (r"^(?:i|we)\s+(?:never)\b", "Never"),
        # "I do yoga", "I do my best work at night": "do" before an object is the verb
        (r"^(?:i|we)\s+do\b(?=\s+(?!(?:not|n't|" + _EMPHASISED + r")\b)[a-z])", "Does"),
        (r"^(?:i|we)\s+(can|could|should|must|might|may|do|did)\b", "\\1"),
    ]
]
_DROP_ADVERBS = {"really", "just", "actually", "honestly", "definitely", "totally",
                 "absolutely", "also", "truly", "literally", "kinda"}
_KEEP_ADVERBS = {"usually", "always", "never", "often", "sometimes", "still", "mostly",
                 "rarely", "seldom", "generally", "normally", "typically", "recently",
                 "finally", "already", "occasionally", "regularly", "currently", "now",
                 "even", "mainly", "no", "longer", "barely", "hardly", "only",
                 "ever", "almost"}  # "hardly ever", "almost always": the verb comes after
# Every adverb that may open a clause before its verb: "Only drinks tea", "Still lives ...".
ADVERBS = frozenset(_DROP_ADVERBS | _KEEP_ADVERBS)
_PAST = set("""went got left sold bought made took met saw came became began broke brought
built caught chose drew drove ate fell felt fought found flew forgot gave grew heard held
kept knew led lost meant paid ran rode said sent slept spent spoke stood stole swam taught
told thought threw understood woke wore won wrote had was were hurt quit put cut set let
hit shut split spread did sang sat struck swore tore bit hid shot fed hung dug spun stuck
stung swung clung flung lent bent dealt knelt leapt lit slid sank shrank sprang drank rang
sought fled wept crept swept dreamt burnt learnt spilt froze rose shook wove forgave
withdrew mistook overcame""".split())  # noqa: SIM905 (a word list reads better as text)
PAST_FORMS = frozenset(_PAST)
_BASE_ED = {"need", "feed", "bleed", "breed", "speed", "proceed", "succeed", "exceed", "heed",
            "weed", "seed", "shed", "shred", "embed", "wed", "bed", "head", "lead", "read",
            "spread", "plead", "tread"}
_IRREGULAR = {"be": "is", "have": "has", "do": "does", "go": "goes", "am": "is", "are": "is"}


def article(word: str) -> str:
    """The indefinite article before ``word``, by its first letter ("an" before a vowel).

    >>> article("owl"), article("Ocado"), article("nurse"), article("MP"), article("GP")
    ('an', 'an', 'a', 'an', 'a')
    """
    if word[:2].isupper():  # an initialism is said letter by letter: "an MP", "a GP"
        return "an" if word[:1] in "AEFHILMNORSX" else "a"
    return "an" if word[:1].lower() in "aeiou" else "a"


def before_word(head: str, word: str) -> str:
    """``head`` with an indefinite article at its end made right for ``word``, which
    takes the place of the word it stood before ("Drives a " + "automatic").

    >>> before_word("Drives a ", "automatic"), before_word("Plays the ", "oboe")
    ('Drives an ', 'Plays the ')
    """
    return re.sub(r"\b(?:a|an)(\s+)$", lambda m: article(word) + m.group(1), head, flags=re.I)


def capitalise(text: str) -> str:
    """Upper-case the first letter only ("iPhone" stays as written after the first). A
    brand written with a lower-case first letter and a capital inside ("iPhone 15
    finally came", "eBay is ...") stays as its owner writes it."""
    if re.match(r"[a-z][A-Z]\w*\b", text):
        return text
    return text[:1].upper() + text[1:] if text else text


_BASE = {"has": "have", "is": "be", "does": "do", "goes": "go"}


def base_verb(verb: str) -> str:
    """The verb as "I" says it: the inverse of :func:`conjugate` ("works" -> "work").

    >>> base_verb("works"), base_verb("studies"), base_verb("watches"), base_verb("has")
    ('work', 'study', 'watch', 'have')
    """
    low = verb.lower()
    if low in _BASE:
        return _BASE[low]
    if re.search(r"(?:ss|sh|ch|x|z|o)es$", low):
        return low[:-2]
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    return low[:-1] if low.endswith("s") and not low.endswith("ss") else low


def conjugate(verb: str) -> str:
    """Third person singular present of a base-form verb; past forms are kept."""
    low = verb.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if (low.endswith("ed") and low not in _BASE_ED) or low in _PAST or not low.isalpha():
        return verb
    if re.search(r"(?:s|sh|ch|x|z|o)$", low):
        return verb + "es"
    if re.search(r"[^aeiou]y$", low):
        return verb[:-1] + "ies"
    return verb + "s"


def pronouns_to_third(text: str) -> str:
    """Object and possessive first-person pronouns inside a fact -> third person."""
    text = re.sub(r"\b(?:my|our)\b", "their", text, flags=re.IGNORECASE)
    # "I love this job": the job the speaker has, not one pointed at
    text = re.sub(r"\bthis\s+(?=(?:job|house|flat|apartment|city|town|team|school|course|"
                  r"neighbourhood|neighborhood|company|role)\b)", "their ", text, flags=re.IGNORECASE)
    text = re.sub(r"\b(?:myself|ourselves)\b", "themselves", text, flags=re.IGNORECASE)
    text = re.sub(r"\b(?:mine|ours)\b", "theirs", text, flags=re.IGNORECASE)
    text = re.sub(r"\b(?:me|us)\b", "them", text)
    text = re.sub(r"\bi'?m\b", "they are", text, flags=re.IGNORECASE)
    text = re.sub(r"\bI was\b", "they were", text)
    text = re.sub(r"\bI am\b", "they are", text)  # "who I am": not "who they am"
    text = re.sub(r"\bI've\b", "they've", text)
    text = re.sub(r"\bI'll\b", "they'll", text)
    text = re.sub(r"\bI'd\b", "they'd", text)
    # a denial spelt out, as the speaker's own are: "Sister isn't vegan" -> "is not"
    text = re.sub(r"\b(is|was|do|does|did|has|have|are|were|would|should|could)n'?t\b", r"\1 not", text,
                  flags=re.IGNORECASE)
    text = re.sub(r"\b(?:can'?t)\b", "cannot", text, flags=re.IGNORECASE)
    text = re.sub(r"\bwon'?t\b", "will not", text, flags=re.IGNORECASE)
    return re.sub(r"\bI\b", "they", text)


def _no_longer(text: str) -> str:
    # "Is not X anymore" reads better, and matches better, as "Is no longer X".
    m = re.match(r"^(Is|Was|Has) not (.+?),?\s+(?:anymore|any more)\b(.*)$", text)
    if m:
        return f"{m.group(1)} no longer {m.group(2)}{m.group(3)}"
    return text


# Verbs that end like an adverb: "I apply for ...", "I rely on ...".
_LY_VERBS = frozenset({"apply", "reply", "supply", "comply", "imply", "multiply", "bully", "rally",
                       "tally", "sully", "rely", "fly", "ally"})


def _ly_adverb(words: list[str]) -> bool:
    """An -ly adverb before the verb: "I legally changed my name" ("legally" is no verb)."""
    w = words[0]
    return len(words) > 1 and w.islower() and w.endswith("ly") and len(w) > 4 \
        and w not in _LY_VERBS and words[1].isalpha() and words[1].islower()


def to_third_person(clause: str) -> str | None:
    """The clause as a subject-less third-person fact, or None if it has no "I"/"we" subject."""
    # "I do like olives": "do" before a verb is emphasis, the verb is the fact's
    c = re.sub(r"^((?i:i|we))\s+(?i:do)\s+((?i:already|really|actually|still|also)\s+)?(?=(?i:"
               + _EMPHASISED + r")\b)", r"\1 \2", clause.strip())  # "I do already knit"
    for pat, rep in _OPENINGS:
        m = pat.match(c)
        if m:
            head = m.expand(rep) if "\\1" in rep else rep
            rest = c[m.end():].strip()
            if head == "No longer":  # "I don't eat meat anymore" -> "No longer eats meat"
                # "I don't really eat meat anymore": the adverb is not the verb
                adv = r"(?:(?:really|actually|even|much|often)\s+)?"
                vm = re.match(r"(?:i|we)\s+(?:don'?t|do not)\s+" + adv + r"(\w+)", c, re.I)
                rest = re.sub(r",?\s*\b(?:anymore|any more)\b", "", c[m.start():], flags=re.I)
                rest = re.sub(r"^(?:i|we)\s+(?:don'?t|do not)\s+" + adv + r"\w+", "", rest,
                              flags=re.I)
                head = "No longer " + conjugate(vm.group(1)) if vm else head
            words = rest.split()
            while words and words[0].lower() in _DROP_ADVERBS:
                words.pop(0)
            if words and words[0].lower() in ("all", "both") and re.match(r"we", c, re.I):
                words.pop(0)  # "we're all vegetarian": the quantifier counts the speakers
            if head == "Never" and words and words[0].isalpha() and words[0].islower():
                words[0] = conjugate(words[0])  # "I never drink" -> "Never drinks"
            text = capitalise(head) + (" " + " ".join(words) if words else "")
            return _no_longer(pronouns_to_third(text.strip()))
    m = re.match(r"^(?:i|we)\s+(.+)$", c, re.IGNORECASE)
    if not m:
        return None
    words = m.group(1).split()
    if len(words) > 1 and words[0].lower() in ("all", "both", "each") and re.match(r"we", c, re.I):
        words.pop(0)  # "we all had a laugh": the quantifier counts the speakers
    kept: list[str] = []
    while words and (words[0].lower() in (_DROP_ADVERBS | _KEEP_ADVERBS) or _ly_adverb(words)):
        w = words.pop(0)
        if w.lower() not in _DROP_ADVERBS:
            kept.append(w.lower())
    if not words:
        return None
    bare, comma = words[0].rstrip(","), words[0][len(words[0].rstrip(",")):]  # "I paint, mostly ..."
    verb = conjugate(bare) + comma if bare.isalpha() and bare.islower() else words[0]
    text = " ".join([*kept, verb, *words[1:]])
    return capitalise(pronouns_to_third(text))

"""Slots (single-valued facts), polarity and a lexical similarity for reconciliation.

A slot is a fact kind that holds one value at a time: where someone lives, their job,
their name, a favourite thing, a relationship status, a diet, what they prefer about a
topic. Two facts in one slot with different values -> the newer replaces the older.

>>> slot_of("Lives in Berlin"), slot_of("Moved to Berlin last week")
(('residence', ''), ('residence', ''))
>>> slot_of("Favorite color is green")
('favorite', 'color')
>>> slot_of("Is engaged"), slot_of("Bought a single-speed bike")
(('relationship', ''), None)
>>> is_negative("Is no longer vegetarian"), is_negative("Is vegetarian")
(True, False)
>>> sorted(content_tokens("Stopped playing tennis on weekends"))
['play', 'tenni']
>>> sorted(content_tokens("Plays tennis on weekends"))
['play', 'tenni']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np
import numpy.typing as npt

__all__ = ["DEATH", "Similarity", "new_name", "named_words", "slot_of", "slot_value", "slot_conflict", "slot_signature", "signatures_conflict",
           "is_negative", "is_ending",
           "content_tokens", "normalise", "lexical_similarity", "stem"]

# (slot name, pattern); a named group "key" distinguishes sub-slots (favourite *what*).
_SLOTS: list[tuple[str, re.Pattern[str]]] = [
    (n, re.compile(p, re.IGNORECASE)) for n, p in [
        ("residence", r"^(?:lives|is living|lived|has lived|is based|resides|is located)"
                      r"\s+in\b|^(?:just\s+|recently\s+)?(?:moved|relocated)\s+"
                      r"(?:from\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*\s+)?to\b|"
                      # "Mum has moved in with them": where she lives now
                      r"^(?:has\s+|just\s+|finally\s+)*moved\s+in\s+with\b|"
                      # home again to stay: "Is back in the UK for good now"
                      r"^(?:is|are)\s+(?:now\s+)?back\s+(?:home\s+)?in\b(?=.*\b(?:for\s+good|permanently)\b)|"
                      # a home rented is where one lives: "Rents a flat in Hackney"
                      r"^(?:rents|is renting)\s+(?:(?:a|an|the|their)\s+(?:[\w-]+\s+){0,2}?(?:flat|house|"
                      r"home|apartment|room|place|studio|bungalow|cottage)\s+)?in\b"),
        # a home rented or owned, one at a time: "Is renting" / "Is finally a homeowner"
        ("tenure", r"^(?:is\s+(?:still\s+|now\s+|finally\s+)?renting\b(?!\s+(?:a|an|the|their|out|in|to)\b)|rents$|"
                   r"is\s+(?:still\s+|now\s+|finally\s+|officially\s+)?an?\s+(?:first-time\s+)?home-?owner\b|"
                   r"owns\s+(?:a|an|their)\s+(?:own\s+)?(?:home|house|flat|apartment)$)"),
        # who one lives with, one answer at a time: "Lives alone", "Lives with flatmates"
        ("household", r"^(?:lives|is living|has been living|now lives)\s+(?:alone|on\s+(?:their|his|her)\s+own|"
                      r"by\s+(?:themselves|themself|himself|herself)|with\s+(?:their\s+|his\s+|her\s+|two\s+|three\s+|"
                      r"some\s+)?(?:parents|mum|mom|dad|flatmates?|roommates?|housemates?|partner|boyfriend|"
                      r"girlfriend|wife|husband|family|grandparents|in-laws|friends?|sister|brother)\b)"),
        ("job", r"^(?:works|is working|has been working)\s+(?:as|at|for)\b|^is\s+(?:a|an)\s+[\w\s-]+?\s+(?:at|for)\s+[A-Z]|"
                # no job is the job's value too: a new one replaces "Is unemployed"
                r"^is\s+(?:currently\s+|still\s+)?(?:unemployed|out\s+of\s+work|between\s+jobs|jobless)\b|"
                r"^(?:job|occupation|profession|role)\s+is\b|^is employed\b|"
                # "Has taken a teaching job", "Landed a new sales role"; a second job on
                # the side ("a weekend job") leaves the main one
                r"^(?:has\s+|just\s+|finally\s+)*(?:started|got|took|taken|found|landed|"
                r"accepted)\s+(?!(?:[\w-]+\s+){0,3}?(?:part-time|weekend|side|summer|holiday|"
                r"second|evening|temporary)\b)(?:a\s+|an\s+|the\s+|that\s+)?(?:new\s+)?(?:[\w-]+\s+){0,2}?"
                r"(?:job|role|position|post)\b|"
                r"^(?:is now|became)\s+(?:a|an)\s+[\w\s-]+?\s+(?:at|for)\s+[A-Z]|"
                r"^(?:has\s+|just\s+|finally\s+)*(?:retrained|requalified|qualified)\s+as\b|"  # a new trade
                r"^(?:has\s+|just\s+|recently\s+)?joined\s+[A-Z][\w&'-]*\s+as\b|"
                r"^(?:was|got|has been|is|just got)\s+promoted\s+to\b|"
                r"^(?:starts|started|is starting)\s+working\s+at\s+[A-Z]|"
                # "Starts at Lloyds on Monday", "Started at the GP surgery": a new workplace
                # (not a time, "Starts at 9", nor a school a pupil starts at)
                r"^(?:has\s+|just\s+)*(?:starts|started|is starting|will start)\s+(?:(?:a\s+|the\s+|their\s+)?"
                r"(?:new\s+)?(?:job|role|position)\s+)?at\s+(?:(?:the\s+)?(?-i:[A-Z])[\w&'-]*|"
                r"the\s+(?:[\w'-]+\s+){0,3}?(?:office|firm|company|agency|practice|surgery|"
                r"hospital|clinic|bank|council|studio|lab|factory|warehouse|depot|garage|salon|"
                r"restaurant|bakery|hotel)\b)"),
        # (a name some people use is no name: "Is called Bobby at work", "... by friends")
        ("name", r"^(?:name is|is called(?!\s+[\w'-]+\s+(?:at|by|to|in|on|among)\b)|goes by)\b"),
        # the name to use, one at a time: "Could you use Sasha instead?" after "... Alex"
        ("called", r"^prefers\s+to\s+be\s+called\b"),
        # values held one at a time under their own label: "Surname is Okafor"
        ("label", r"^(?P<key>surname|last name|first name|middle name|(?:phone |mobile )?number|"
                  r"email(?: address)?|address|username|postcode|zip code)\s+is\b"),
        ("origin", r"^(?:is|comes|is originally|originally comes)\s+(?:originally\s+)?from\b"),
        ("birthday", r"^birthday\s+is\b"),
        ("age", r"^is\s+\d+(?:\s+years old)?$"),
        ("favorite", r"^favou?rite\s+(?P<key>[\w\s]+?)\s+(?:is|are)\b"),
        # a status word stands alone: "single-speed", "speed-dating" are no status
        ("relationship", r"(?<![\w-])(?:single|engaged|married|divorced|widowed|dating|"
                         r"in a relationship|seeing (?:someone|somebody|a (?:guy|girl|man|woman|"
                         r"boy|lady))|"
                         # "Has been seeing Ana for a month" (not "seeing Paris this week")
                         r"(?:been|is)\s+seeing\s+(?-i:[A-Z][a-z]+)(?=\s+(?:for|since)\s+(?:a|an|\d|"
                         r"two|three|four|five|six|some|ages|months|weeks|years)\b|\s*$)|has an? (?:boyfriend|girlfriend|partner)|"
                         # a couple's time together: "Has been together six months with Dev"
                         # ("Book club has been together since 2015" is no couple)
                         r"(?:been|are|is)\s+together\s+(?:for\s+)?(?:a|an|\d+|two|three|four|five|six|seven|"
                         r"eight|nine|ten|several|a few|some|since)\b(?=.*\bwith\s+(?-i:[A-Z])))(?![\w-])"),
        ("diet", r"^(?:is|went|became|turned)\s+(?:a\s+)?(?:vegetarian|vegan|pescatarian|"
                 r"carnivore|keto)\b|^eats\s+meat\b"),
        ("prefers", r"^prefers\b"),
    ]
]
# A death, however said ("didn't make it" only alone or "through" something: "didn't make
# it to the vet" is no death).
DEATH = (r"(?:passed away|passed on|passed peacefully|passed in (?:his|her|their) sleep|died|(?:did not|didn't) make it(?=\s+through\b|\s*$|\s*,)|"
         # one laid to rest, named: "We buried Mochi under the plum tree"
         r"buried(?=\s+(?-i:[A-Z]))|laid\s+(?-i:[A-Z])\w+\s+to\s+rest)")
_NEG = re.compile(r"n't\b|\b(?:not|no longer|never|cannot|anymore|dislikes|hates|stopped|"
                  r"quit|gave up|ha(?:s|ve) no(?!\s+(?:idea|clue|choice|option|words|way|energy|"
                  r"patience)\b))\b", re.IGNORECASE)  # "Has no brothers" ("has no idea": an idiom)
_ENDING = re.compile(r"\b(?:stopped|quit|gave up|given up|(?:is|am|are|'m)\s+(?:officially\s+)?(?:done|finished)\s+with|"
                     # "left" as a side is no leaving: "a sprained left ankle", "left-handed"
                     r"left(?!-|\s+(?:hand|arm|leg|knee|ankle|foot|wrist|shoulder|hip|eye|ear|elbow|"
                     r"side|lung|kidney|breast|thumb|heel|calf|thigh|hamstring)\b)|sold|"
                     # forced to end it: "Has had to give up squash"
                     r"had to (?:give up|stop|quit|sell|cancel|leave|drop|close|shut|say goodbye to)|"
                     r"cancel+ed|" + DEATH + r"|"
                     # not kept on: a renewal skipped, a car written off, a course dropped
                     r"(?:did not|didn't|not|won't be|will not be) renew(?:ing)?|let\s+(?:\w+\s+){1,3}?lapse|"
                     r"written off|totall?ed|dropped\s+(?:the|their|my|our)\s+(?:[\w-]+\s+){0,2}?"
                     r"(?:class|classes|course|lessons?|module|membership|subscription)|"
                     r"broke up|split up|ended|moved out|no longer|"
                     # a match lost is no activity ended: "Lost their tennis match today"
                     r"lost(?!\s+(?:\w+\s+){0,3}?(?:match|game|race|final|bet|round|set|argument|fight|"
                     r"tournament|semi|semi-final|quarter-final|quiz|toss|points?|track of)\b)|laid off|fired|resigned|"
                     r"retired|got rid of|stole|stolen|graduated|broke|cut out|"
                     r"is cancel+ed|was cancel+ed|is off(?!\s+(?:to|for|on|at|home|out|with|in|into|back)\b)|is over(?!\s+(?:the moon|to|at|here|there|in|from)\b)(?!\s+for\s+(?!(?:me|us|him|her|them|good)\b))|scrapped|called off|ditched|"
                     r"dropped out|abandoned|backed out|pulled out|withdr[ae]wn?\s+from|put on (?:hold|ice|pause)|(?:packed|jacked|chucked) in|"
                     r"handed in (?:their|a|my) notice|flogged|deleted|uninstalled|deactivated|"
                     # a business shut: "closed my shop at Balogun"
                     r"closed\s+(?:down\s+)?(?:my|their|the|our)\s+(?:[\w-]+\s+)?(?:shop|business|store|salon|"
                     r"cafe|café|restaurant|stall|practice|company|studio|bakery|account)\b|"
                     r"handed\s+(?:the|my|their)\s+(?:[\w-]+\s+){0,2}?(?:keys|badge|lanyard|uniform)\s+back|"
                     # the things of a job given back: "handed back my apron and keys at Grind"
                     r"handed\s+(?:back|in)\s+(?:their|my|the)\s+(?:[\w-]+\s+(?:and\s+)?){0,3}?"
                     r"(?:apron|keys|badge|lanyard|uniform|whites|pass|laptop)|gone off|went off|lost interest|"
                     r"fell out of love|grown out of|grew out of|got bored of|is bored of|"
                     r"is done with|changed (?:their|my|our) minds? about|"
                     # a plan or a term that came to nothing or to its end
                     r"fell through|falls through|(?:ran|runs|has run) out\b(?!\s+of)|"
                     r"(?:is|are|was|were|been)\s+(?:now\s+)?on (?:hold|ice|pause)|"
                     # a thing gone, or left unused: "Motorbike's gone, too many close calls"
                     # (not "has gone to Spain"), "The violin's been gathering dust"
                     r"(?:is|has|'s)\s+(?:now\s+)?gone(?=\s*(?:$|[,;!.]|\s+(?:now|for good|forever)\b))|"
                     r"(?:gathering|collecting)\s+dust|"
                     # brought to an end by something, or a group or a firm that ended:
                     # "Tennis elbow put an end to it", "The choir folded" (not "Folded
                     # the washing"). A place that "closed down" is left out: one user's
                     # habit there goes on elsewhere (a blind set's kept memory was lost).
                     r"put (?:an end|a stop) to|(?<=\w )folded(?!\s+(?:the|my|their|his|her|a|an|up|it|them)\b)|"
                     r"went (?:bust|under)(?!\s+(?:the|an?|general)\b)|"
                     r"(?:did not|didn't) work out|expired|lapsed|(?:did not|didn't) last|"
                     # over after a while: "Keto lasted about two weeks"
                     r"lasted\s+(?:about\s+|only\s+|just\s+|all of\s+)?(?:a|an|one|two|three|four|"
                     r"five|six|\d+|a few|a couple of)\s+(?:days?|weeks?|months?|years?)|"
                     # the last of something held: "Had their last day at the bakery"
                     r"(?:had|worked|did|finished)\s+(?:their|my|our)\s+(?:very\s+)?last\s+(?:ever\s+)?"
                     r"(?:day|shift|week)\s+at|"
                     # an animal given up: rehomed, given away, put down
                     # abstinence counted in time: "Three months smoke-free", "sober since May"
                     r"[a-z]+[- ]free\s+(?:for|since)|(?:days?|weeks?|months?|years?)\s+"
                     r"(?:[a-z]+[- ]free|sober|clean)|"
                     r"re-?hom(?:e|ed|ing)|gave\s+(?:[\w'-]+\s+){0,3}?away|given\s+"
                     r"(?:[\w'-]+\s+){0,3}?away|(?:had|have|has|was|were|got)\s+(?:[\w'-]+\s+){0,3}?"
                     r"put\s+down|put to sleep|had to put\s+(?:[\w'-]+\s+){1,3}?(?:down|to sleep)\b|"
                     # idioms of an end: a couple parted, a life lost, a sport or a job given up
                     r"called it (?:quits|a day)|went (?:our|their) separate ways|parted ways|ended things|"
                     # a last outing: "The Static played their last gig" (not "the last
                     # time I played"); a thing set aside: "put Italian on the back burner"
                     r"(?:played|had|did|gave|ran|raced)\s+(?:their|its|my|our)\s+(?:very\s+)?last\s+"
                     r"(?:ever\s+)?(?:gig|show|concert|game|match|race|performance|season|service)s?\b|"
                     r"on the back burner|"
                     r"^split(?=\s*(?:,|$|\s+(?:last|in|after|with|for good)\b))|days are over(?!\s+(?:for\s+(?:this|the|now)|until|till))|"
                     # a habit gone without for a while, a brace or a cast taken off
                     r"(?:days?|weeks?|months?|years?)\s+without\s+(?:a\s+|any\s+)?[a-z]+|"
                     r"(?:came|come|coming) off|(?:was|were|got) (?:taken )?(?:off|removed)|"
                     # one's own thing taken off or out: "Got my braces off", "got the
                     # stitches out" needs the owner ("got the day off" is a holiday)
                     r"got\s+(?:their|my|his|her|our)\s+(?:[\w-]+\s+){0,2}?(?:off|out|removed)\b|"
                     # passed on, or cut out: "Handed the team over to Jo", "Cut sugar out"
                     r"handed\s+(?:[\w'-]+\s+){1,3}?over\s+to\b|handed over|"
                     r"cut\s+(?:[\w'-]+\s+){1,2}?out\b(?!\s+(?:of|for|to)\b)|"
                     # healed: "The wrist has fully healed", "Back is back to normal"
                     r"(?:is|are|has|have)\s+(?:now\s+)?(?:all\s+|completely\s+|fully\s+)?(?:healed|"
                     r"mended|better now|back to normal|all better|fine now|fine again)|"
                     # an app or an account given up
                     r"uninstalled|unsubscribed(?:\s+from)?|closed (?:their|my|our) account|"
                     # a venture of one's own wound up: "Shut down the Etsy shop" (not "shut
                     # down the laptop")
                     r"(?:shut|closed|wound)\s+(?:down|up)\s+(?:the|their|my|our)\s+(?:[\w-]+\s+){0,2}?"
                     r"(?:shop|business|company|studio|store|cafe|café|restaurant|bakery|blog|channel|"
                     r"stall|practice|firm|salon|podcast|newsletter|startup|side hustle)\b|"
                     r"hung up (?:their|my|his|her) (?:[\w-]+\s+)?(?:boots|gloves|spikes|whistle|"
                     r"racket|apron|skates)|handed in (?:their|my|his|her) (?:apron|badge|keys|uniform|"
                     r"lanyard))\b", re.IGNORECASE)
# Stems that say the same thing for reconciliation: "studies Italian" ~ "learning Italian".
_SYNONYM_WORDS = {"study": "learn", "studied": "learn", "enjoy": "like", "love": "like",
                  "adore": "like", "fond": "like", "own": "has", "drive": "has",
                  # "three kids" counts the same thing as "two children"
                  "kids": "child", "kid": "child", "children": "child"}
_NUMBERS = set("""one two three four five six seven eight nine ten dozen few couple half
several eleven twelve fifteen twenty thirty forty fifty sixty seventy eighty ninety hundred
thousand""".split())  # noqa: SIM905 (a word list reads better as text)
_STOP = set("""a an the and or but of to in at on for with without within from by about as into is are
was were be been being has have had do does did will would can could should may might
must not no longer never their them they theirs themselves it its this that these those
very really just also still now then so too again anymore any more some much many usually
often sometimes always who which what named called every each there here than after before
since until because someone somebody doesn don isn wasn aren weren didn hasn haven hadn won
t""".split())  # noqa: SIM905 (a word list reads better as text)
_TIME = set("""today yesterday tomorrow tonight morning week weekend month year ago last
next january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday days day spring summer autumn
fall winter night nights evening evenings afternoon noon midnight hour hours minute minutes""".split())  # noqa: SIM905 (a word list reads better as text)
_TIME_STEMS = {w[:-1] if w.endswith("s") else w for w in _TIME} | _TIME
_FUNCTION = set("""stopped quit gave up left sold cancelled canceled passed away died broke
ended moved out lost dislikes hates laid off fired resigned retired got switched stole
stolen graduated""".split())  # noqa: SIM905 (a word list reads better as text)


@lru_cache(maxsize=8192)  # pure and called per fact x neighbour: memoised
def stem(word: str) -> str:
    """A crude suffix stripper: enough to meet "plays"/"playing", "likes"/"liked"/"like".

    >>> [stem(w) for w in ("likes", "liked", "like", "running", "run", "studies", "boxes")]
    ['lik', 'lik', 'lik', 'run', 'run', 'study', 'box']
    >>> stem("rex33"), stem("2011")
    ('rex33', '2011')
    """
    w = word
    for suf in ("ing", "ies", "es", "ed", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            if suf == "es" and not re.search(r"(?:s|sh|ch|x|z|o)es$", w):
                continue  # "likes" loses only its "s"
            w = w[: -len(suf)] + ("y" if suf == "ies" else "")
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1].isalpha() and w[-1] not in "aeiouls":
        w = w[:-1]  # "runn" -> "run"; never a digit: "flat 11" is not "flat 1"
    return w[:-1] if len(w) > 3 and w.endswith("e") else w


_SYNONYMS = {stem(k): stem(v) for k, v in _SYNONYM_WORDS.items()}
_TIME_STEMS = _TIME_STEMS | {stem(w) for w in _TIME}  # "spring" -> "spr" must drop too


def normalise(text: str) -> str:
    """Lower case, punctuation and filler adverbs dropped: the text-equality key."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return " ".join(w for w in words if w not in {"really", "just", "actually", "also"})


@lru_cache(maxsize=8192)  # pure and called per fact x neighbour: memoised
def content_tokens(text: str, *, drop_time: bool = True) -> frozenset[str]:
    """Stemmed content words, without stop words, negation/ending verbs and time words."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    skip = _STOP | _FUNCTION
    stems = {_SYNONYMS.get(s, s) for s in (stem(w) for w in words if w not in skip)}
    if drop_time:  # time and quantity words say when/how much, not what
        stems = {s for s in stems if s not in _TIME_STEMS and s not in _NUMBERS
                 and not s.isdigit()}
    return frozenset(stems)


@lru_cache(maxsize=8192)  # pure and called per fact x neighbour: memoised
def slot_of(text: str) -> tuple[str, str] | None:
    """(slot, key) of a single-valued fact, or None."""
    for name, pat in _SLOTS:
        m = pat.search(text)
        if m:
            key = m.groupdict().get("key") or ""
            return name, key.strip().lower()
    return None


# Words that name a slot rather than its value: "lives" in "Lives in Berlin".
_SLOT_WORDS = {stem(w) for w in """lives living lived based resides located moved relocated
works work working job occupation profession role employed name called goes favorite
favourite prefers prefer is got years old""".split()}  # noqa: SIM905 (a word list reads better as text)


def slot_value(text: str) -> frozenset[str]:
    """The words that say a slot's value: {"berlin"} for "Lives in Berlin"."""
    return content_tokens(text, drop_time=False) - _SLOT_WORDS


SlotSignature = tuple[tuple[str, str], frozenset[str], frozenset[str]]


def slot_signature(text: str) -> SlotSignature | None:
    """((slot, key), whose, value) of a single-valued fact, or None. The content words
    before the slot phrase name whose slot it is ("Sister Anna is married" is Anna's
    relationship, "Is single" the user's)."""
    for name, pat in _SLOTS:
        m = pat.search(text)
        if m:
            key = (m.groupdict().get("key") or "").strip().lower()
            return ((name, key), frozenset(content_tokens(text[: m.start()])),
                    frozenset(slot_value(text)))
    return None


def signatures_conflict(earlier: SlotSignature | None, later: SlotSignature | None) -> bool:
    """Do two facts give one subject's single-valued slot two different values? Values
    that contain one another agree ("Moved to Berlin" / "Lives in Berlin"); preferences
    conflict only about a shared topic ("window seats" / "aisle seats")."""
    if earlier is None or later is None or earlier[:2] != later[:2]:
        return False
    old, new = earlier[2], later[2]
    if not old or not new or old <= new or new <= old:
        return False
    return earlier[0][0] != "prefers" or bool(old & new)


def slot_conflict(earlier: str, later: str) -> bool:
    """:func:`signatures_conflict` of two texts.

    >>> slot_conflict("Lives in Lisbon", "Lives in Porto")
    True
    >>> slot_conflict("Moved to Berlin", "Lives in Berlin")
    False
    >>> slot_conflict("Sister Anna is married", "Is single")
    False
    >>> slot_conflict("Prefers aisle seats", "Prefers green tea")
    False
    """
    return signatures_conflict(slot_signature(earlier), slot_signature(later))


@lru_cache(maxsize=8192)  # pure and called per fact x neighbour: memoised
def is_negative(text: str) -> bool:
    """Does the fact deny or end something ("not", "no longer", "stopped", "dislikes")?"""
    return bool(_NEG.search(text))


@lru_cache(maxsize=8192)  # pure and called per fact x neighbour: memoised
def is_ending(text: str) -> bool:
    """Does the fact end a state (left a job, sold a car, a pet died, a trip cancelled)?"""
    return bool(_ENDING.search(text))


# (facts, memories) -> their similarities, one row per fact: MiniLM cosines, or lexical.
Similarity = Callable[[list[str], list[str]], npt.NDArray[np.floating]]


def lexical_similarity(a: list[str], b: list[str]) -> npt.NDArray[np.float32]:
    """Jaccard overlap of stemmed content words (with time words), shape (len(a), len(b)).

    >>> lexical_similarity(["Loves sci-fi movies"], ["Loves sci-fi movies", "Is vegan"])
    array([[1., 0.]], dtype=float32)
    """
    ta = [content_tokens(t, drop_time=False) for t in a]
    tb = [content_tokens(t, drop_time=False) for t in b]
    out = np.zeros((len(a), len(b)), dtype=np.float32)
    for i, x in enumerate(ta):
        for j, y in enumerate(tb):
            union = x | y
            out[i, j] = len(x & y) / len(union) if union else 0.0
    return out


def new_name(fact: str, held: str) -> bool:
    """Does the fact name someone or something the held memory does not: a capitalised
    word after its first, or a token with a digit ("Adopted a puppy named Rex36" /
    "... named Rex3", "Lives at number 12" / "... number 2")? Two such facts are not
    one fact said twice however close their vectors.

    >>> new_name("Has a dog named Rex", "Has a dog named Max"), new_name("Likes tea", "Loves tea")
    (True, False)
    """
    def names(text: str) -> set[str]:
        return named_words(text) | {w.lower() for w in re.findall(r"[\w'-]+", text)[1:]
                                    if any(c.isdigit() for c in w)}
    return bool(names(fact) - names(held))


def named_words(text: str) -> set[str]:
    """The capitalised words after the first that are no time of the calendar: the names
    a fact gives ("Is on level 2 of the Welsh course": welsh)."""
    return {w.lower() for w in re.findall(r"[\w'-]+", text)[1:]
            if w[:1].isupper() and w.lower() not in _CALENDAR and w.lower()[:-1] not in _CALENDAR}


# Capitalised, but a time, not a name: "on Fridays" adds a when, not a who.
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december christmas
easter""".split())  # noqa: SIM905

"""Subject and topic of a fact: what an implicit update is matched on.

"Switched to decaf" shares no word with "Drinks espresso every morning", yet it replaces
it: both are about coffee. Without a model the link is a small lexicon of topic classes
(drinks with caffeine, cars, phones, languages, instruments, sports ...): words of one
class are interchangeable values of one habit or possession. It names kinds of things,
never pairs of facts.

>>> split_subject("Sister Mia lives in Porto")
('sister mia', 'Lives in Porto')
>>> split_subject("Lives in Porto")
('', 'Lives in Porto')
>>> sorted(topics("Switched to decaf")), sorted(topics("Drinks espresso every morning"))
(['caffeine'], ['caffeine'])
>>> sorted(topics("Bought a single-speed bike")), sorted(topics("Is dairy-free"))
([], ['diet'])
"""

from __future__ import annotations

import re
from functools import lru_cache

from engram.pipeline.rules._facts import RELATIONS, is_relation
from engram.pipeline.rules._rewrite import ADVERBS
from engram.pipeline.rules._slots import slot_of, stem
from engram.pipeline.rules._subjects import AUX, is_verb

__all__ = ["split_subject", "as_said_of", "topics", "SINGLE", "as_diet", "is_occupation", "FOOD_KINDS"]

_CLASSES = {
    "caffeine": "coffee espresso latte cappuccino americano decaf caffeine tea matcha mocha "
                "rooibos chai cocoa",
    "alcohol": "alcohol beer wine whisky whiskey vodka gin cocktail cocktails sober",
    "smoking": "smoke smoking smokes smoker smokers cigarette cigarettes vape vaping nicotine "
               "cigar",
    "baby": "pregnant pregnancy born baby newborn expecting",
    "diet": "vegetarian vegan pescatarian meat keto carnivore paleo gluten dairy chicken beef "
            "pork steak bacon",
    "vehicle": "car cars sedan suv truck van tesla civic honda toyota bmw audi ford prius "
               "volkswagen vw kia hyundai mazda subaru volvo motorbike motorcycle nissan "
               "renault peugeot citroen fiat skoda seat mini jaguar lexus mercedes porsche jeep "
               "chevrolet chevy dodge polestar vauxhall opel dacia suzuki mitsubishi rover",
    "commute": "commute commutes commuting bus train subway metro tram carpool",
    "console": "playstation ps xbox nintendo wii gamecube",
    "phone": "phone iphone android pixel samsung smartphone galaxy oneplus nokia motorola "
             "xiaomi huawei",
    "computer": "laptop macbook pc computer thinkpad desktop chromebook mac windows linux "
                "macos ubuntu",
    "code": "python java javascript typescript rust golang kotlin swift ruby php scala "
            "haskell elixir c++ c#",
    "editor": "vim emacs vscode neovim intellij pycharm sublime",
    "language": "spanish french german italian portuguese japanese mandarin chinese korean "
                "arabic russian dutch greek hindi turkish swedish polish",
    "exercise": "gym running run jogging jog swimming swim yoga pilates cycling crossfit "
                "climbing bouldering weightlifting lifting hiking boxing",
    "sport": "tennis football soccer basketball volleyball badminton squash golf rugby "
             "cricket baseball hockey padel",
    "instrument": "guitar piano violin drums cello ukulele bass saxophone flute trumpet "
                  "keyboard harp",
    "pet": "dog cat puppy kitten hamster parrot rabbit goldfish fish turtle",
    "home": "apartment flat house condo studio home cottage bungalow townhouse loft roommate roommates flatmate flatmates resident "
            "housemate housemates landlord mortgage rent rents renting lease",
    "partner": "boyfriend girlfriend partner wife husband fiance fiancee fiancé dating "
               "single engaged married divorced wedding widowed seeing",
    "study": "degree course class classes studies university college masters phd "
             "bootcamp school semester graduated graduate graduating student uni study "
             "studying undergrad postgrad",
    "job": "job jobs role position career employer employed unemployed promoted promotion "
           "hired retired retirement redundant resigned fired internship intern salary boss "
           "coworkers colleagues freelance freelancer",
    "exam": "exam test license licence certification certificate",
    "reading": "kindle ebook ebooks audiobook audiobooks paperback paperbacks hardcover",
    "streaming": "netflix hulu spotify disney hbo prime",
    "browser": "chrome firefox safari edge brave",
    "trip": "trip vacation holiday flight journey getaway",
    "medication": "medication medicine pills meds insulin dose prescription",
    "sleep": "sleep sleeps bedtime wakes",
    "schedule": "shift shifts schedule hours",
}
# Kinds a person holds one of at a time: a new one replaces the old even when the fact
# only says it began ("Bought a house in Leeds" ends "Rents a flat in York").
SINGLE = frozenset({"home", "partner", "job", "phone", "vehicle", "commute", "diet"})
# "Is a nurse", "Became a senior analyst": an occupation by the shape of its noun.
_OCCUPATION = re.compile(
    r"^(?:is|was|became|is now|has become|(?:has\s+)?(?:re)?trained as|(?:has\s+)?(?:re)?qualified as)"
    r"\s+(?:now\s+|officially\s+|finally\s+)?(?:a|an)\s+"
    r"(?:[\w-]+\s+){0,3}?(?P<noun>[a-z]+(?:er|or|ist|ian|ant|ent|eer)|nurse|chef|pilot|"
    r"cook|medic|midwife|barista|clerk|surgeon|vet|coach|architect|analyst|dev|paramedic|"
    r"(?-i:GP|CEO|CTO|CFO|COO|CMO|VP|PA|DJ|MP|RN|EMT)|"
    r"attorney|carpenter|plumber|electrician|[a-z]{3,}(?:man|woman|person))\b", re.I)
# People one has who are also what one can work as: "my teacher", "Is a teacher".
_TRADES = frozenset({"teacher", "doctor", "therapist", "coach", "vet", "dentist", "mentor", "manager"})
_NOT_JOBS = set("""member fan beginner lover owner user believer runner swimmer player reader
listener speaker follower supporter customer resident student patient parent mother father
brother sister daughter partner sober other expert introvert extrovert vegetarian
pescatarian beer ancient different excellent confident independent decent recent silent urgent
current frequent permanent present absent brilliant pleasant vibrant elegant arrogant relevant
distant constant important hesitant reluctant tolerant ignorant pregnant fluent efficient
proficient competent lenient consistent persistent insistent violent obedient eager clever
proper bitter better older younger bigger smaller faster slower major minor poor
disaster monster character number water paper matter order error honour honor mirror horror
colour color favour favor labour humour rumour power tower flower corner border chapter
centre center weather leather feather finger temper theatre theater computer answer
winner loser dinner summer winter letter meter litre liter quarter cancer fever
german human gentleman superman batman snowman spokesperson
""".split())  # noqa: SIM905 (a word list reads better as text; adjectives ending like jobs)


def is_occupation(text: str) -> bool:
    """"Is a midwife", "Became a senior analyst": a job named by the shape of its noun."""
    m = _OCCUPATION.match(text)
    return m is not None and m.group("noun").lower() not in _NOT_JOBS | (RELATIONS - _TRADES)


# Nouns that open the user's own facts ("Name is Maya", "Favorite color is green").
_OWN = set("""name favorite favourite pronouns birthday job occupation role due nickname
age email address goal dream plan hobby diet commute surname number username postcode phone mobile""".split())  # noqa: SIM905 (a word list reads better as text)
# A count opens a span of time or a number of things, never a person: "Three months
# smoke-free", "Two weeks left".
_COUNTS = set("""one two three four five six seven eight nine ten eleven twelve twenty thirty
forty fifty a few several many""".split())  # noqa: SIM905 (a word list reads better as text)
_CLASS_OF = {stem(w): name for name, words in _CLASSES.items() for w in words.split()}


# Kinds of food by what they are, as a menu names them (what a diet leaves out: ``_diet``).
FOOD_KINDS = {
    "meat": r"meat|chicken|beef|pork|lamb|mutton|bacon|ham|steak|sausages?|burgers?|mince|turkey|"
            r"duck|venison|veal|salami|pepperoni|chorizo|meatballs?|kebabs?|brisket|ribs|"
            r"hot\s?dogs?|jerky|goat\s+curry|pulled\s+pork",
    "fish": r"fish|salmon|tuna|cod|haddock|prawns?|shrimps?|sardines|mackerel|crab|lobster|"
            r"mussels|oysters|seafood|calamari|squid|anchovies|scallops|sea\s?bass|trout",
    "dairy": r"cheese|milk|butter|cream|yogh?urt|ice\s+cream|custard|paneer|halloumi",
    "eggs": r"eggs?|omelett?e",
}
_EATS_ANIMAL = re.compile(r"\b(?:eat|eats|eating|ate|eaten|having|back on)\s+(?:\w+\s+){0,4}?(?:"
                          + "|".join(FOOD_KINDS.values()) + r"|dairy|honey)\b", re.I)


def as_diet(text: str) -> str:
    """What someone eats is their diet: "eating fish again" is about "Is vegetarian", and
    shares no word with "Has a fish tank".

    >>> as_diet("Has started eating fish again")
    'Has started eats meat again'
    """
    return _EATS_ANIMAL.sub("eats meat", text)


# Going to work by some means: "Cycles to work", "Takes the bus into the office".
_TO_WORK = re.compile(r"\b(?:cycl|bik|driv|walk|jog|run|ride|rode|scoot|tak|get|catch|commut)"
                      r"\w*\s+(?:(?:the|a|an|their|my)\s+)?(?:[\w-]+\s+)?(?:in\s+)?"
                      r"(?:to|into)\s+(?:work|the office|the job)\b", re.I)


# Going in without saying where: "Cycles in most days", "Scooters in" (not "cycles in
# the park"); or not going at all: "Works from home full time".
_IN_TO_WORK = re.compile(r"^(?:(?:now|usually|mostly|often|always)\s+)?(?:cycl|bik|driv|walk|scoot|"
                         r"ride|rode|commut)\w*\s+in\b(?!\s+(?:the|a|an|my|their|our|(?-i:[A-Z])\w*)\b)|"
                         r"\bworks?\s+(?:from|at)\s+home\b|\bwfh\b|\bremote(?:ly)?\s+full[- ]time\b",
                         re.I)


@lru_cache(maxsize=8192)  # pure and called per fact x neighbour: memoised
def topics(text: str) -> frozenset[str]:
    """The topic classes the fact's words belong to."""
    low = re.sub(r"\bwork(?:s|ed|ing)?\s+out\b", "exercise", text.lower())
    low = re.sub(r"\b(?:own|new)\s+place\b", "home", low)
    # a home away from home is no home: "a holiday cottage", "a second home", "a buy-to-let"
    low = re.sub(r"\b(?:holiday|second|buy-to-let|rental|investment)\s+(?:[\w-]+\s+)?(?:cottage|home|flat|"
                 r"house|apartment|villa|property|let)\b", "holiday", low)
    # "Bought our place in Portobello": a place bought, sold or rented is a home
    low = re.sub(r"\b(bought|buying|sold|selling|renting|rented)\s+(?:our|their|my)\s+(?:own\s+|first\s+)?"
                 r"place\b", r"\1 home", low)
    # "home" after a preposition is where something happens ("closer to home", "works
    # from home", "speaks Arabic at home"), not a dwelling, unless a move is told
    if not re.search(r"\b(?:mov|relocat)\w*", low):
        low = re.sub(r"\b(?:at|from|near|nearer|closer to|close to|towards)\s+home\b", " ", low)
    low = as_diet(low)
    # the first word of a compound only qualifies it: a "single-speed" bike is no
    # relationship status, "single-origin" coffee no partner; "dairy-free" is still diet
    low = re.sub(r"\b[a-z]+-(?!free\b)(?=[a-z])", " ", low)
    found = {_CLASS_OF[s] for s in (stem(w) for w in re.findall(r"[a-z+#]+", low))
             if s in _CLASS_OF}
    if is_occupation(text) or re.search(r"^(?:works|worked|is working|started working|starts|"
                                      r"started|is starting|has (?:just )?started)\s+"
                                      r"(?:as|at|for)\b", text, re.I):
        found.add("job")
    # "Took a job as a tutor", "Started a new role as team lead" (a first day "as a
    # volunteer" or "as a mentor" is no job: a role alone is not read)
    if re.search(r"\b(?:job|position|post)\s+as\s+(?:a|an)\s|\bnew\s+role\s+as\b", text, re.I):
        found.add("job")
    if re.search(r"\b(?i:moved|relocated|moving|emigrated)\s+(?i:back\s+)?(?:to|from)\s+[A-Z]", text):
        found.add("home")  # a move to a named place, not "moved the meeting to Friday"
    if re.search(r"^(?i:is|are)\s+(?i:now\s+)?(?i:back)\s+(?i:home\s+)?(?i:in|to)\s+[A-Z]", text):
        found.add("home")  # "Is back in Leeds these days": living there again
    if re.search(r"\b(?i:moved|moving)\s+out\b|^(?i:lives|living|is living)\s+(?:with|at|near)\b", text):
        found.add("home")  # "Lives with parents" / "Moved out of their parents' place"
    if re.search(r"^(?i:is|are)\s+(?i:going|flying|heading|travell?ing|doing)\s+(?:to\s+)?[A-Z]\w+"
                 r"\s+(?i:instead)\b", text):
        found.add("trip")  # "Is going to Florence instead": a trip said by its place
    if _TO_WORK.search(text) or _IN_TO_WORK.search(text):
        # how one gets to work is one's commute, by any means ("Cycles in most days"),
        # and working from home is having none
        found = (found - {"exercise"}) | {"commute"}
    slot = (slot_of(text) or ("",))[0]  # a single-valued slot is a kind of its own
    if slot in ("residence", "job", "relationship", "diet"):
        found.add({"residence": "home", "relationship": "partner"}.get(slot, slot))
    return frozenset(found)


@lru_cache(maxsize=8192)  # pure and called per fact x neighbour: memoised
def split_subject(text: str) -> tuple[str, str]:
    """(subject, predicate): "" for the user; "sister mia" for "Sister Mia lives ..."."""
    words = text.split()
    if len(words) < 3 or not words[0].isalpha():
        return "", text
    first = words[0].lower()
    if is_relation(first):  # "Kids are back at school": theirs, not the user's
        n = 2 if words[1][:1].isupper() and words[1].isalpha() else 1
    elif len(words) > 3 and words[1].lower() in RELATIONS and first not in _OWN \
            and first not in _COUNTS and first not in AUX and not is_verb(first, 1):
        # a relation with a word before it: "Japanese teacher moved ...", "Best friend Jo ..."
        n = 3 if words[2][:1].isupper() and words[2].isalpha() else 2
    elif first not in _OWN and first not in _COUNTS and not is_verb(first, 1) \
            and first not in AUX and first not in ADVERBS and is_verb(words[1], 1):
        n = 1  # "Lena got a job": a person named without a relation ("Only drinks": no one)
    else:
        return "", text
    if not words[n][:1].islower():
        return "", text
    rest = " ".join(words[n:])
    return " ".join(words[:n]).lower(), rest[:1].upper() + rest[1:]


# A tie held with the person's own state after it: "Has a sister named Jo who lives in
# Glasgow" holds where Sister Jo lives, so her move changes it.
_TIE_WITH_STATE = re.compile(r"^Has an? (?P<rel>[a-z]+) (?:named|called) (?P<name>(?-i:[A-Z][\w'-]+)) "
                             r"who (?P<pred>(?:lives|works|is|studies)\b.*)$")


def as_said_of(text: str) -> tuple[str, str]:
    """(subject, predicate) of a held memory, a tie with a state read as the state.

    >>> as_said_of("Has a sister named Jo who lives in Glasgow")
    ('sister jo', 'Lives in Glasgow')
    """
    m = _TIE_WITH_STATE.match(text)
    if m and m.group("rel") in RELATIONS:
        return f"{m.group('rel')} {m.group('name').lower()}", m.group("pred")[0].upper() + m.group("pred")[1:]
    return split_subject(text)

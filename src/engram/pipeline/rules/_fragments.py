"""Statements without a subject, as people write notes: "Allergic to nuts",
"Training for a half marathon", "The user prefers dark mode".

Each is the speaker's own fact with the subject left out; the fragment is put into the
facts' form ("Is allergic to nuts") by the kind of word it opens with: a third-person
verb is kept, a participle takes "Is", a negated auxiliary is spelt out, an adjective
or a role noun before a preposition takes "Is (a)". (A "label: value" line is read by
``_labels``.)

>>> [subjectless(x) for x in ("Likes to play cricket on weekends", "Looks like rain",
...                           "Allergic to nuts", "Can't eat gluten", "Big fan of jazz")]
['Likes to play cricket on weekends', None, 'Is allergic to nuts', 'Cannot eat gluten', \
'Is a big fan of jazz']
>>> subjectless("Studying for the GRE"), subjectless("The user prefers dark mode")
('Is studying for the GRE', 'Prefers dark mode')
>>> subjectless("Switched to decaf last month"), subjectless("Sold my bike")
('Switched to decaf last month', 'Sold their bike')
"""

from __future__ import annotations

import re

from engram.pipeline.rules._identity import identity_fact
from engram.pipeline.rules._rewrite import (
    PAST_FORMS,
    article,
    capitalise,
    conjugate,
    pronouns_to_third,
)
from engram.pipeline.rules._subjects import AUX, IS_FACT, LIKING_VERBS
from engram.pipeline.rules._topics import is_occupation
from engram.pipeline.rules._verbless import agent_note, base_form, counted, held_for, verbless

__all__ = ["as_notes", "base_form", "habit_alone", "subjectless"]

# Verbs that open chat remarks rather than facts ("Looks like rain", "Sounds good").
_IMPERSONAL = {"looks", "seems", "sounds", "feels", "means", "depends", "happens", "matters",
               "helps", "makes", "thanks", "turns"}
# "Works for me", "Works fine": a verb opening a remark when what follows is this short.
_REMARK_TAIL = {"for", "like", "to", "fine", "great", "good", "ok", "okay", "nice", "well",
                "perfect", "about", "that", "if", "me"}
_DESTINATIONS = {"work", "school", "church", "college", "uni", "class", "mass", "bed", "temple"}
_FINITE = {"is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "will",
           "can", "would", "could", "should"}
_PRONOUNS = {"it", "there", "this", "that", "he", "she", "they", "you", "we", "i"}
_NEGATED = [(re.compile(p, re.I), r) for p, r in [
    (r"^(?:can'?t|cannot|can not)\b", "Cannot"), (r"^(?:doesn'?t|does not|don'?t)\b", "Does not"),
    (r"^(?:didn'?t|did not)\b", "Did not"), (r"^(?:won'?t|will not)\b", "Will not"),
    (r"^(?:isn'?t|is not|not)\b", "Is not"), (r"^(?:never)\b", "Never"),
    (r"^(?:no longer)\b", "No longer"),
    (r"^(?:haven'?t|hasn'?t|have not|has not)\b", "Has not"),
]]
# A verb whose object is left unsaid after "to": "(not) planning to yet", "going to, maybe".
_ELIDED = re.compile(r"^(?:\w+\s+){0,2}?to(?:\s+(?:yet|now|again|anymore|any\s?time\s+soon|"
                     r"though|tbh))?\s*(?:[,;.!]|$)", re.I)
# Adjectives that take a complement ("allergic to", "afraid of", "fluent in").
_ADJ_PREP = re.compile(r"^(?:very\s+|really\s+|quite\s+|severely\s+|mildly\s+)?[a-z]+(?:ic|ous|"
                       r"ful|ent|ant|ed|ive|al|ble|id|ar|ry|ly|ose|ile|ish)\s+(?:to|of|in|with|"
                       r"about|at|for|on)\b", re.I)
# Role nouns: "Member of the chess club", "Big fan of the Lakers", "Owner of a cafe".
# -ed words before "to"/"from" that are actions, not states: "Switched to an iPhone" is no
# "Is switched to"; "Allergic to", "Committed to", "Married to" stay states.
_ACTION_ED = re.compile(r"^(?:switched|moved|changed|upgraded|downgraded|transferred|relocated|"
                        r"converted|returned|applied|subscribed|listened|talked|walked|"
                        r"travell?ed|commuted|cycled|headed|emigrated|graduated|retired|"
                        r"signed|turned|wanted|tried|decided|started|stopped|needed|planned|"
                        # verbs of a phrasal action: "Handed in my notice", "Called in sick"
                        r"handed|filled|sent|checked|logged|dropped|called|booked|paid|"
                        r"finished|gave|put|pulled|backed|traded|swapped|cashed|turned|sold|"
                        r"part-exchanged|packed|jacked|chucked)\b",
                        re.I)
_ROLE = re.compile(r"^(?:(?:big|huge|massive|long-?time|lifelong|proud|new|former|active|"
                   r"regular)\s+)?(?:fan|member|owner|graduate|student|volunteer|supporter|"
                   r"parent|mother|father|mom|dad|citizen|resident|native|employee|"
                   r"founder|user|subscriber|lover|regular)\s+(?:of|at|in|from|for)\b", re.I)
# A lasting condition or status said alone, as notes say it: "Lactose intolerant", "Coeliac".
_CONDITION = re.compile(r"^(?:(?:severely|mildly|very|quite|slightly|recently|newly|happily)\s+)?"
                        r"(?:(?!(?:been|got|get|getting|became|become|went|gone|going|turned|not|never)\s)[a-z0-9-]+\s+){0,2}"
                        r"(?:intolerant|allergic|coeliac|celiac|diabetic|vegan|veggie|"
                        r"vegetarian|pescatarian|pregnant|asthmatic|epileptic|dyslexic|"
                        r"autistic|colou?r-?blind|left-handed|right-handed|teetotal|sober|deaf|"
                        r"single|married|engaged|divorced|widowed|retired|unemployed|self-employed|"
                        r"freelance|gluten-free|dairy-free|plant-based)$", re.I)
# A lasting condition with what it is to, as notes say it in any case: "allergic to cats".
_CONDITION_TO = re.compile(r"^(?:(?:very|really|quite|severely|mildly|slightly)\s+)?(?:allergic|"
                           r"intolerant|sensitive|hypersensitive)\s+to\s+\w", re.I)
_USER = re.compile(r"^(?:the\s+)?user(?:'s)?\s+", re.I)
# Where someone is, said with a frequency: "(Usually) in bed by ten", "(Mostly) at home".
_WHERE_AT = re.compile(r"^(?:in|at|on|off|out|home|up|asleep|awake|online|away)\b\s*\S", re.I)


def _verb_fact(words: list[str], clause: str) -> str | None:
    first, second = words[0].lower(), words[1].lower().strip(",")
    if first in LIKING_VERBS | {"miss"} and second not in _PRONOUNS | {"them", "that", "this", "those",
                                                                   "these", "you", "out", "it"}:
        return capitalise(conjugate(first)) + " " + " ".join(words[1:])
    # a past act with its place or thing is no remark: "Moved to Leeds" ("Worked for me" is)
    done = len(words) == 3 and (first in PAST_FORMS or first.endswith("ed")) \
        and words[2].lower() not in _PRONOUNS | {"me", "us", "them", "fine", "well", "out"}
    if first in _TAKEN and second in ("it", "one"):
        return capitalise(clause)  # "Ordered it": what "it" is may be what was suggested
    to_place = second == "to" and words[-1].lower() in _DESTINATIONS  # "Bikes to work"
    if first in _IMPERSONAL or (len(words) <= 3 and second in _REMARK_TAIL and not done
                                and not to_place) \
            or second in _PRONOUNS or second in _FINITE or second.endswith("n't"):
        return None
    if first == "is":
        return capitalise(clause) if IS_FACT.match(clause) else None
    if first in {"has", "was", "does"} or (first.endswith("s") and len(first) > 3
                                           and not first.endswith(("ss", "us", "is"))):
        return capitalise(clause)
    if first in ("did", "had") and second in ("my", "our", "a", "an", "the", "their", "some"):
        return capitalise(clause)  # "Did my first triathlon", "Had a steak": the verb itself
    if first in PAST_FORMS - AUX or (first.endswith("ed") and len(first) > 4):
        return capitalise(clause)  # "Started a new job at Brightwave"
    if first.endswith("ing") and len(first) > 4:
        if _GERUND_SUBJECT.match(clause):  # "Playing chess is my main hobby": the doing
            return capitalise(clause)      # is the subject, said as it is
        return "Is " + clause[0].lower() + clause[1:]  # "Training for a half marathon"
    if first == "work" and re.match(r"^work\s+(?:from\s+home|remotely|(?:as|at|for)\s+\w|in\s+(?-i:[A-Z]))",
                                    clause, re.I):
        return "Works " + " ".join(words[1:])  # "Work from home", "Work as a nurse in Leeds"
    if first in _DONE_OFTEN and second not in ("me", "us") and _HABIT.search(clause):
        # "Play chess online most evenings": a habit, its "I" unsaid ("Remind me" is asked)
        return capitalise(conjugate(first)) + " " + " ".join(words[1:])
    return None


# Acts that take up a thing, said without "I": "Ordered it", "Booked one".
_TAKEN = frozenset({"ordered", "bought", "booked", "joined", "tried"})
# How often a thing is done: what makes a bare verb a habit, not an order.
_HABIT = re.compile(r"\b(?:(?:most|every|each)\s+(?:day|night|morning|evening|afternoon|week|weekend|"
                    r"month|(?:mon|tues|wednes|thurs|fri|satur|sun)day)s?|(?:on|at)\s+(?:weekends|"
                    r"weekdays|(?:mon|tues|wednes|thurs|fri|satur|sun)days)|(?:once|twice|\w+\s+times)"
                    r"\s+a\s+(?:day|week|month|year)|"
                    # when, right after the verb: "Work nights at the hospital"
                    r"^\w+\s+(?:nights|weekends|weekdays|evenings|mornings|lates|earlies))\b", re.I)
# Verbs of what people do as a habit, said bare in chat ("Swim twice a week").
_DONE_OFTEN = frozenset("""play swim run walk cycle bike go do cook bake read work drink eat visit
    see call meet train practise practice teach take attend ride drive paint write watch listen
    study volunteer clean garden climb dance sing hike row box lift jog skate surf knit sew fish
    shop commute""".split())  # noqa: SIM905 (a word list reads better as text)


# A doing as the subject of its own verb: "Playing chess and baking are my hobbies".
_GERUND_SUBJECT = re.compile(r"^\w+ing\b(?:\s+[\w'-]+){0,8}?\s+(?:is|are|was|were|has been|"
                             r"have been|makes|made|keeps|helps|gives|brings|warms|means|takes|"
                             r"reminds|fills|lets|puts|gets|feels|seems|sounds|looks)\s", re.I)
# "nothing with coriander, please", "no onions for me": what the user avoids
_NOTHING_WITH = re.compile(r"^(?:please,?\s+)?(?:nothing\s+with|no|without)\s+((?-i:[a-z][a-z-]+)(?:\s+"
                           r"(?-i:[a-z][a-z-]+))?)(?:\s+for\s+(?:me|us))?(?:,?\s+please)?$", re.I)
_NOT_A_FOOD = {"problem", "problems", "worries", "worry", "thanks", "thank", "way", "idea", "rush",
               "pressure", "need", "doubt", "clue", "chance", "more", "longer", "one", "reason"}
# "Tomorrow's my first day at Lidl": a new job starts
_FIRST_DAY = re.compile(r"^(today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                        r"(?:'s|\s+is)\s+(?:my|our)\s+first\s+day\s+at\s+((?-i:[A-Z])[\w&'-]*"
                        r"(?:\s+(?-i:[A-Z])[\w&'-]*)*)$", re.I)
# A condition with how far or since when it holds after it.
_CONDITION_THEN = re.compile(r"^(.+?),?\s+(mostly|mainly|largely|usually|strictly|these days|"
                             r"nowadays|now|right now|at the moment|for now|at present|for\s+(?:medical|health|religious|ethical|moral)\s+reasons|"
                             r"(?:ever\s+)?since\s+[\w' -]+|(?:for\s+)?(?:a|an|\d+|two|three|"
                             r"four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|many|"
                             r"several|a few|a couple of)\s+(?:days?|weeks?|months?|years?))(?:\s+now)?$",
                             re.I)
# An amount said as where it has got to: "Down to one coffee a day", "Up to 30k a week".
_DOWN_TO = re.compile(r"^(?:down|up|back)\s+to\s+(?:\d+|one|two|three|four|five|six|seven|"
                      r"eight|nine|ten|a\s+couple\s+of|a\s+few|a\s+single|a|an)\s+\w", re.I)
# "no more commuting (for me)": a habit ended, said with its gerund
_NO_MORE = re.compile(r"^(?i:no\s+more)\s+((?-i:[a-z]+)ing)\b(.*?)(?:\s+for\s+(?:me|us|them))?$")


# Tails of a list that describe what came before: "Two kids, both at uni now".
_DESCRIBING = re.compile(r"^(?:both|all|each|just|mostly|which|who|one|the other)\b", re.I)


def subjectless_list(clause: str) -> list[str]:
    """A list of subject-less states: "Married, three kids, live near Bath" -> each of
    them; empty unless every part (a describing tail aside) is one."""
    # (a comma inside a list of ages is no break between notes: "kids aged 12, 9 and 4")
    parts = [p.strip() for p in re.split(r",(?!\s*\d{1,2}(?:\s*,\s*\d{1,2})*\s+(?:and|&)\s+\d)", clause)
             if p.strip()]
    if len(parts) < 2:
        return []
    facts = [_AGED_NOTE.sub(r"Is \1 years old", p) if _AGED_NOTE.match(p) else subjectless(p) or agent_note(p)
             for p in parts if not _DESCRIBING.match(p) or counted(p)]  # "Student, 20, ...": an age
    return [f for f in facts if f] if facts and all(facts) else []


def habit_alone(fact: str, others: list[str]) -> bool:
    """A fact of one verb that is a habit all the same ("Swims", "Smokes"), unless another
    fact of the message says more of it ("Mostly sings jazz standards")."""
    low = fact.lower()
    return " " not in low and (low[:-1] in _DONE_OFTEN | {"smoke", "vape", "knit", "sew", "ski", "sail"}
                               or low[:-2] in _DONE_OFTEN) \
        and not any(o != fact and re.search(rf"\b{low}\b", o, re.I) for o in others)


def as_notes(clause: str, fact: str | None) -> list[str]:
    """What a subject-less clause states, given the one fact read from it whole: its
    notes when they are three or more ("Married, three kids, live near Bath"). Two are
    kept as one fact: the second is as often a tail describing the first ("Enjoys
    gardening, mostly tomatoes"; "Can't stand coriander, tastes like soap")."""
    notes = subjectless_list(clause) if "," in clause else []
    last = clause.split(",")[-1].strip(" .")
    if len(notes) > 2 or not fact or len(notes) == 2 and (_DOES_TOO.match(last) or _AGED_NOTE.match(last)):
        return notes  # "Moved to Leeds, works at the hospital": a second verb of one's own
    return [fact]


# A note after a comma that opens with a verb of what one does: a fact of its own.
_DOES_TOO = re.compile(r"^\s*(?:now\s+|also\s+|still\s+)?(?!(?:tastes|looks|sounds|feels|seems|"
                       r"smells|costs|means|happens)\b)(?-i:[a-z]+[^s\W]s)\s+\S", re.I)
# An age said alone among notes: "Student, 20, studying physics".
_AGED_NOTE = re.compile(r"^(1[3-9]|[2-9]\d)$")


def subjectless(clause: str) -> str | None:
    """The fact a subject-less clause states, or None if it is not one; the speaker's
    own words inside it in the third person ("Got my licence" -> "Got their licence")."""
    fact = _subjectless(clause)
    return pronouns_to_third(fact) if fact else None


# Where someone lives, said with "home" as the subject: "home is Hove now", "home's Leith".
_HOME_IS = re.compile(r"^(?:(?:my|our)\s+)?home(?:'s|\s+is)\s+(?:now\s+)?(?:in\s+)?"
                      r"(?P<place>(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)*)"
                      r"(?:\s+(?:now|these days|nowadays))?(?:,\s+(?P<tail>.+))?$", re.I)


# Past participles that are no past tense: a clause they open dropped its "I've".
_PARTICIPLES = frozenset({"gone", "become", "given", "taken", "done", "grown", "begun", "fallen",
                          "eaten", "drunk", "written", "ridden", "driven", "chosen", "forgotten",
                          "gotten", "swum", "shown"})


# A new one of the speaker's, named on its own after the news: "We got a puppy! A beagle
# called Moss." (the sentence before says how it came; the fragment names it)
_NAMED_ONE = re.compile(r"^(an?)\s+((?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:called|named)\s+"
                        r"((?-i:[A-Z])[\w'-]+)$", re.I)


# What a job said as a note may open with: "Retired teacher", "Part time barista".
_ROLE_LEAD = re.compile(r"^(?:(?:retired|former|ex|trainee|junior|senior|head|lead|part[- ]time|"
                        r"full[- ]time|freelance|night[- ]shift|self-employed|qualified|locum|staff|"
                        r"student|newly)\s+|ex-)*", re.I)


_NOT_ROLE_START = {"at", "in", "on", "to", "for", "with", "from", "of", "the", "a", "an", "my",
                   "our", "their", "no", "not", "never", "just", "so", "very"}


# Who one is at home or in life, said as a note: "Student", "Single dad of two", "Pensioner".
_PERSON_NOTE = re.compile(r"^(?:(?:single|stay-at-home|full-time|part-time|proud|busy|working|mature|"
                          r"first-year|final-year|grad|phd|retired)\s+)?(?:student|pensioner|retiree|carer|"
                          r"volunteer|mum|mom|dad|parent|mother|father|grandmother|grandfather|grandma|"
                          r"grandad|homemaker|housewife|househusband)(?:\s+of\s+(?:one|two|three|four|"
                          r"five|six|\d))?$", re.I)


def _note_role(note: str) -> str | None:
    """"Is a <role>" for a job said as a note, with no verb: "Banker", "Software dev"."""
    if _PERSON_NOTE.match(note) and " of " not in note:  # "Student": who one is ("mum of
        # two" is a count of children, read as one)
        return f"Is {article(note)} {note[0].lower()}{note[1:]}"
    # "Teacher by day": when the role is done follows it, as a place would
    head = re.split(r"\s+(?:at|in|for|on|with|by)\s+", note, maxsplit=1)[0]
    body = _ROLE_LEAD.sub("", head)
    words = body.split()
    # "Lactose intolerant" is a condition, "Hates coriander" a liking: neither is a role
    # though their last word is shaped like one (-ant, -er)
    if _CONDITION.match(note) or (words and words[0].lower()[:-1] in LIKING_VERBS):
        return None
    if not words or len(words) > 3 or len(note.split()) > 9 or words[0].lower() in PAST_FORMS \
            or "to" in words \
            or any(w.lower() in AUX for w in words) or words[-1].lower().endswith(("s", "ment")) \
            or words[0].lower() in _NOT_ROLE_START:
        return None
    if "," in note or not (is_occupation(f"Is a {body}") and is_occupation(f"Is a {words[-1]}")):
        return None  # the role is its last word: "Norwegian spelling" is no Norwegian
    low = note if note[1:2].isupper() else note[0].lower() + note[1:]  # "CEO at Acme" stays
    return f"Is {article(note)} {low}"


def _subjectless(clause: str) -> str | None:
    c = _USER.sub("", clause.strip(" ,.!"))
    m = re.match(r"^(?i:(originally\s+)?from)\s+((?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)*)$", c)
    if m:  # "Originally from Chennai"
        return f"Is {(m.group(1) or '').lower()}from {m.group(2)}"
    m = re.match(r"^(?i:(officially|finally|now|basically|technically|proudly)\s+)(?=(?i:an?)\s+\w)", c)
    if m and _note_role(re.sub(r"\s+now$", "", c[m.end():].split(None, 1)[-1])):  # "officially a vet now"
        return f"Is {m.group(1).lower()} {c[m.end():]}"
    role = _note_role(c)
    if role:  # "Banker.", "Retired teacher.", "Night shift nurse at St James's"
        return role
    who = identity_fact(c)  # "thirty-eight", "mum of two": an age or children, in a note
    if who and re.match(r"^(?:Is \d+ years old|Has \w+ child(?:ren)?)$", who):
        return who
    m = _NAMED_ONE.match(c)
    if m:
        return f"Has {m.group(1).lower()} {m.group(2)} named {m.group(3)}"
    c = held_for(c)  # "Vegan now, six months in": the state
    m = _HOME_IS.match(c)
    if m:  # "home is Berkeley now" -> "Lives in Berkeley"; "..., Oakland is where I work"
        return f"Lives in {m.group('place')}"  # the aside after it says where else
    # "Finally fixed my bike": the adverb is not the verb; "just"/"also" are dropped, as
    # the first-person rewrite drops them, the others kept before the verb's fact
    # an adverb of how often ("Usually works out before breakfast") is kept the same way
    m = re.match(r"^(?i:already|also)\s+(have|own|use|know|play|speak|drive|do)\s+(?!to\b)(\S.*)$", c)
    if m:  # "already have one": the speaker's own, the "I" unsaid (a bare "have" is an order)
        return f"{capitalise(conjugate(m.group(1).lower()))} {m.group(2)}"
    m = re.match(r"^(?i:(just|also|only just|already)|(finally|recently|usually|mostly|mainly|often|"
                 r"always|sometimes|normally|generally|typically|rarely|seldom|"
                 r"occasionally|regularly|currently|still(?=\s+[a-z]+[^s\W]s\b)|(?-i:[A-Za-z][a-z]+ly)(?=\s+[a-z]+(?:ing|ed)\b)))\s+(?=[a-z])", c)
    if m and not (m.group(2) and c[m.end():].split()[0] in ("is", "was", "has")):
        fact = _subjectless(c[m.end():])
        if fact is None and m.group(2) and _WHERE_AT.match(c[m.end():]):  # "Usually in bed by ten"
            return f"Is {m.group(2).lower()} {c[m.end():]}"
        if fact is None and (m.group(1) or "").lower() == "already" and len(c[m.end():].split()) > 1 \
                and not re.search(r"\b(?:it|that|this|them|one|you)$", c, re.I):
            return f"Has already {c[m.end():]}"  # "Already read it": "I've" unsaid
        aux = re.match(r"^(Is|Has|Was)\s+", fact or "")
        if fact and m.group(2) and aux:  # "Mostly vegetarian" -> "Is mostly vegetarian"
            return f"{aux.group(1)} {m.group(2).lower()} {fact[aux.end():]}"
        return f"{m.group(2).capitalize()} {fact[0].lower()}{fact[1:]}" if fact and m.group(2) \
            else fact
    m = _CONDITION_THEN.match(c)
    if m and _CONDITION.match(m.group(1)):  # "Vegetarian, mostly", "Pescatarian these days"
        state, how = m.group(1)[0].lower() + m.group(1)[1:], m.group(2)[0].lower() + m.group(2)[1:]
        return f"Is {how} {state}" if how.endswith("ly") else f"Is {state} {how}"
    state = verbless(c)
    if state:  # "No pets anymore", "Back in Glasgow for good", "Tea drinker these days"
        return state
    m = _NOTHING_WITH.match(c)
    if m and m.group(1).split()[0].lower() not in _NOT_A_FOOD \
            and not m.group(1).split()[0].endswith("ing"):  # "nothing with coriander, please"
        return f"Avoids {m.group(1)}"
    m = _FIRST_DAY.match(c)
    if m:  # "Tomorrow's my first day at Lidl" -> "Starts working at Lidl tomorrow"
        return f"Starts working at {m.group(2)} {m.group(1).lower()}"
    if _DOWN_TO.match(c):  # "Down to one coffee a day now": the amount it is at
        return "Is " + c[0].lower() + c[1:]
    m = _NO_MORE.match(c)
    if m:  # "No more commuting for me" -> "No longer commutes"
        return f"No longer {conjugate(base_form(m.group(1).lower()))}{m.group(2)}"
    words = c.split()
    for pat, rep in _NEGATED:
        m = pat.match(c)
        # two words only when the second is a state: "Not religious", "Never married"
        if m and (len(words) >= 3 or len(words) == 2 and (_CONDITION.match(words[1]) or re.fullmatch(
                r"[a-z]+(?:ous|ic)", words[1]))):
            rest = c[m.end():].strip()
            if _ELIDED.match(rest):  # "not planning to yet, just curious": what is elided
                return None
            return f"{rep} {rest}" if not rest.lower().startswith(("i ", "you ", "it ")) else None
    if _CONDITION.match(c) and words[0].lower() not in PAST_FORMS | AUX | {"get", "getting"}:
        # "Lactose intolerant", "Coeliac", "well, pescatarian" ("got married" is an event)
        return "Is " + c[0].lower() + c[1:]
    if len(words) < 2 or not words[0].isalpha():
        return None
    if words[0].lower() == "been" and len(words) >= 3:  # "Been commuting by bus for years"
        return "Has been " + " ".join(words[1:])
    if words[0].lower() == "done" and words[1].lower() == "with":  # "Done with uni": over
        return "Is done with " + " ".join(words[2:])
    if words[0].lower() in _PARTICIPLES and len(words) >= 3:  # "Gone full vegan", "I've" unsaid
        return "Has " + " ".join([words[0].lower(), *words[1:]])
    if words[0].lower() in ("need", "want", "have", "plan", "hope", "intend", "mean") \
            and words[1].lower() == "to" and len(words) >= 3:  # "Need to renew my passport"
        return capitalise(conjugate(words[0].lower())) + " " + " ".join(words[1:])
    if words[0].lower() == "had" and words[1].lower() == "to" and len(words) >= 4:
        return "Had to " + " ".join(words[2:])  # "Had to sell the car": done, and forced
    # a lower-case start may be a piece of a longer sentence ("... happy to help"), except
    # for a condition said as notes say it: "allergic to cats", "intolerant to lactose"
    if _ADJ_PREP.match(c) and (words[0][0].isupper() or _CONDITION_TO.match(c)) \
            and words[0].lower() not in PAST_FORMS and not _ACTION_ED.match(c):
        return "Is " + c[0].lower() + c[1:]
    if _ROLE.match(c):
        return "Is a " + c[0].lower() + c[1:]
    return _verb_fact(words, c)

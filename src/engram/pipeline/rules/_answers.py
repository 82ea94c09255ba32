"""Short user replies read against the assistant turn they answer.

"Lisbon", "yes", "the second one" carry a fact only together with the question. The
question is turned into the user's own first-person statement, which the extractor then
rewrites like any other clause; anything that is not a recognisable answer gives None.

>>> answer_clause("Where do you live these days?", "Lisbon")
'I live in Lisbon'
>>> answer_clause("Do you prefer tea or coffee?", "the second one")
'I prefer coffee'
>>> answer_clause("Should I remember that you're allergic to nuts?", "yes please")
"I'm allergic to nuts"
>>> answer_clause("Are you vegetarian?", "nope")
"I'm not vegetarian"
>>> answer_clause("What's your favourite band?", "Muse")
'My favourite band is Muse'
>>> answer_clause("Where did you go to school?", "Leeds")
'I went to school in Leeds'
>>> answer_clause("What time do you usually get up?", "6")
'I usually get up at 6'
>>> answer_clause("Want me to book it?", "yes") is None
True
"""

from __future__ import annotations

import re

from engram.pipeline.rules._asked_diet import diet_reply
from engram.pipeline.rules._choices import chosen, options
from engram.pipeline.rules._corrections import swap_value
from engram.pipeline.rules._rewrite import PAST_FORMS, article
from engram.pipeline.rules._tagged import kin_asked, kind_asked, none_said, tag_answer, what_one_is
from engram.pipeline.rules._topics import is_occupation
from engram.pipeline.rules._wh import NOUN_LIST, trim_reply, wh_answer
from engram.pipeline.rules._yes_or_no import OBJECT_START, lower_start, yes_or_no
from engram.pipeline.rules._yesno import (
    ASKED,
    NO,
    YES,
    YESNO,
    echoed,
    habit_ended,
    hedged_yes,
    past_tense,
)
from engram.pipeline.rules._yesno import BLANK as _BLANK
from engram.pipeline.rules._yesno import fill as _fill
from engram.pipeline.rules._yesno import second_to_first as _second_to_first
from engram.pipeline.rules._yesno import yes_no as _yes_no

# What someone is rather than a job they do: "retired" to "what do you do?"
_STATUS = {"retired": "retired", "unemployed": "unemployed", "self-employed": "self-employed",
           "freelance": "freelance", "student": "a student", "between jobs": "between jobs"}

__all__ = ["answer_clause", "past_tense", "YES", "NO"]

_WHERE = re.compile(r"^where\s+(?:do|did)\s+you\s+(\w+)(.*)$", re.I)
_WHERE_BE = re.compile(r"^where\s+(?:are|were)\s+you\s+(based|living|located|staying|from|"
                       r"now)\b", re.I)
_YOUR = re.compile(r"^(?:what|who|when|which)(?:\s+(?:breed|kind|type|sort|make|model|colou?r)(?:\s+of\s+\w+)?)?"
                   r"(?:'s|\s+is|\s+are|\s+was)\s+your\s+(.+)$", re.I)  # "What breed is your dog?"
_WHAT_DO = re.compile(r"^(?:what|which)\s+(?:\w+\s+){0,3}?(?:do|would)\s+you\s+"
                      r"(like|love|prefer|enjoy|want|play|drink|eat|use|speak|drive|watch|"
                      r"read|study|need|have|own|do)\b(.*)$", re.I)
# "is Rex a dog or a cat?": a choice of what someone or something is
_WHICH_KIND = re.compile(r"^(is|are|was)\s+((?-i:[A-Z][a-z]+)|your\s+\w+)\s+((?:(?:a|an|the)\s+)?[\w-]+(?:\s+[\w-]+)?)"
                         r"\s+or\s+((?:(?:a|an|the)\s+)?[\w-]+(?:\s+[\w-]+)?)$", re.I)  # "older or younger" too
_WHICH_AM_I = re.compile(r"^are\s+you\s+((?:a|an)\s+[\w-]+(?:\s+[\w-]+)?)\s+or\s+"
                         r"((?:a|an)\s+[\w-]+(?:\s+[\w-]+)?)$", re.I)
_HOW_TRAVEL = re.compile(r"^how\s+do\s+you\s+((?:usually|normally|typically|generally|mostly)\s+)?"
                         r"(get|travel|commute|go|come)\b(.*)$", re.I)
_HOW_MANY = re.compile(r"^how\s+many\s+(\w+)\s+do\s+you\s+(have|own|speak|play)$", re.I)
_IN_WHAT = re.compile(r"^(?:what|which)\s+(?:city|town|country|state|neighbou?rhood|area|"
                      r"part of \w+)\s+(?:are\s+you|do\s+you\s+(live|work|stay))\s+(in|at|from)$",
                      re.I)
_JOB = re.compile(r"^what\s+do\s+you\s+do(?:\s+for\s+(?:a\s+living|work))?$", re.I)
_AGE = re.compile(r"^how\s+old\s+are\s+you(\s+turning)?$", re.I)
_NUMBER_WORDS = {w: i for i, w in enumerate("""zero one two three four five six seven eight nine
ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen""".split())}  # noqa: SIM905
_NAME = re.compile(r"^what(?:'s|\s+is)\s+your\s+name$", re.I)
_FILLER = re.compile(r"^(?:um+|uh+|well|hmm+|oh|o+h+|i guess|i think|probably|mostly|mainly|actually|honestly|"
                     r"definitely|maybe|just|good\s+(?:shout|idea|call)|great\s+idea|nice\s+one)\s*,?\s*"
                     r"(?:(?:good\s+(?:shout|idea|call)|great\s+idea)\s*,?\s*)?", re.I)


_PREP_START = re.compile(r"^(?:in|at|on|near|from|to|by|outside|around|close to|just)\b", re.I)
_WHEN = re.compile(r"^(what time|when|how often|how long|at what time)\s+(do|did)\s+you\s+"
                   r"((?:usually|normally|typically|generally)\s+)?(\w+)(.*)$", re.I)
# A reply that denies by naming since when or how often: "not since college", "not
# anymore", "not for years" answer a yes/no question with no.
_NOT_SINCE = re.compile(r"^not\s+(?:yet|since|for|in|anymore|any more|these days|lately|"
                        r"recently|now|often|much|regularly|really)\b", re.I)


# A reply of nothing at all: "none", "nothing", "none at all".
_NONE = re.compile(r"^(?:none|nothing|not any|zero)(?:\s+at\s+all|\s+really|\s+whatsoever)?$", re.I)


_PREP_FOR = {"work": "at", "study": "at", "teach": "at"}


def answer_clause(question: str, reply: str) -> str | None:
    """The first-person statement that ``reply`` makes in answer to ``question``."""
    asked = [s for s in re.split(r"(?<=[.!?])\s+", question.strip()) if s.endswith("?")]
    if not asked:
        return None
    q = asked[-1].rstrip("?").strip()
    whole = question.strip()
    q = re.sub(r"^(?:and|so|also|ok|okay|great|nice|got it)\s*[,!.]?\s+(?=\w)", "", q, flags=re.I)
    # "Which city are you in, so I can check the weather?": why it asks is not what it asks
    q = re.sub(r",?\s+(?:so\s+(?:that\s+)?(?:i|we)\s+can|just\s+so\s+(?:i|we)\s+can|to\s+help\s+me|"
               r"in\s+case|if\s+you\s+don'?t\s+mind(?:\s+me)?\s+asking|if\s+(?:i|we)\s+may\s+ask|"
               r"out\s+of\s+(?:interest|curiosity)|by\s+the\s+way|btw)\b.*$", "", q, flags=re.I)
    # "Any pets?", "Any allergies I should know about?": the user's things, asked short
    # ("Any questions before we start?" asks about the conversation, not the user)
    q = re.sub(r"^any\s+(?=(?:other\s+)?[a-z]+(?:\s+[a-z]+)?(?:\s+(?:that\s+)?(?:i|we)\s+(?:should|need to|"
               r"ought to|have to|must)\b.*)?$)", "do you have any ", q, flags=re.I)
    q = re.sub(r"^still\s+(?=(?:at|in|on|with|doing|working|living|playing)\b)", "are you still ", q,
               flags=re.I)  # "Still at the bakery?": the "are you" left out
    q = re.sub(r"\s+(?:much|very\s+often|often|a\s+lot|at\s+all)$", "", q, flags=re.I)  # "cook much?"
    if re.search(r"\bname\b|\b(?:call|address)\s+you\b", q, re.I):  # "It's Priya": the name
        reply = re.sub(r"^(?:it'?s|it\s+is|i'?m|i\s+am)\s+(?=(?-i:[A-Z]))", "", reply.strip(), flags=re.I)
    # "Your birthday is on 3 May, right?" - "nope, 13 May"; "Drink at all?" - "nah, teetotal"
    tagged = tag_answer(q, reply) or what_one_is(q, reply) or none_said(q, reply) \
        or kin_asked(q, reply) or kind_asked(q, reply)  # "no kids"; "is Sarah your sister?" - "cousin"
    if tagged:
        return tagged
    if re.match(r"^used\s+to\b", reply.strip(), re.I):  # "used to play violin, not anymore"
        return f"I {reply.strip().rstrip('.!')}"
    hedged = hedged_yes(q, reply.strip().rstrip(".!"))
    if hedged:  # "are you vegetarian?" - "mostly, I eat fish sometimes"
        return hedged
    r = trim_reply(_FILLER.sub("", reply.strip().rstrip(".!")).strip())
    if not r or len(r.split()) > 12:
        return None
    said = echoed(q, r)
    if said:  # "Did you take the Berlin job?" - "I did!"; "Been to Japan?" - "twice, loved it"
        return said
    if re.match(r"^(?:(?:just|already|finally)\s+)?(?:ordered|booked|joined|signed\s+up|bought|got|"
                r"picked|chose|went\s+(?:for|with))\b", r, re.I):  # "just ordered one": done
        return f"I {r}"
    diet = diet_reply(q, r)
    if diet:  # "Any allergies?" - "peanuts and sesame"
        return diet
    # "What's your partner's name?" - "her name's Carmen, we met at uni": the name
    named = re.match(r"^(?:her|his|their|its|my)\s+name(?:'s|\s+is)\s+((?-i:[A-Z])[\w'-]+)\b", r, re.I)
    if named and re.search(r"\bname\b|\bcalled\b", q, re.I):
        r = named.group(1)
    if re.match(r"^(?:she|he|they)(?:'d|'s|'ll|\s)", r, re.I) \
            and not re.match(r"^(?:how|what|where|when|which)\b.*\byour\s+\w+", q, re.I):
        return None  # "She'd love a photo book": someone else's answer, not the user's
    if _NOT_SINCE.match(r) and YESNO.match(q):
        denied = _yes_no(q, False)
        # "still in Porto?" - "not anymore, Lisbon now": that ended, and the new value
        said = _yes_no(q, True)
        now = re.match(r"^[^,]+,\s*(?P<value>.+)$", r)
        # (a gerund would take the verb's place: "swim?" - "rowing mostly" is not read)
        if denied and said and now and len(now.group("value").split()) <= 3 \
                and not re.search(r"\b(?:i|not|never)\b|n't|^\w+ing\b", now.group("value"), re.I):
            after = swap_value(re.sub(r"\bstill\s+", "", said), now.group("value"))
            return f"{denied}; {after}"
        return denied
    often = re.match(r"^(sometimes|often|usually|occasionally|rarely|always|mostly|"
                     r"every so often|now and then)\b,?\s*(.*)$", r, re.I)
    said = _yes_no(q, True) if often and YESNO.match(q) else None
    if often and said and said.startswith("I ") and not said.startswith(("I'm", "I was")):
        # "do you work weekends?" + "sometimes, every other Saturday"
        tail = f", {often.group(2)}" if often.group(2) else ""
        return f"I {often.group(1).lower()} {said[2:]}{tail}"
    none = _NONE.match(NO.sub("", r, count=1).strip(" ,") if NO.match(r) else r)
    if none:  # "nope, none" to "any allergies?": the user has none of them
        any_of = re.match(r"^(?:do\s+you\s+have\s+)?any\s+(\w+(?:\s+\w+)?)(?:\s+(?:i|we)\s+"
                          r"should\b.*)?$", q, re.I)
        if any_of:
            return f"I have no {any_of.group(1)}"
        return _yes_no(q, False) if YESNO.match(q) and _BLANK.search(q) else None
    either = _WHICH_AM_I.match(q)
    if either:  # "are you a morning person or a night owl?" - "definitely a night owl"
        picked = chosen(f"{either.group(1)} or {either.group(2)}",
                        YES.sub("", r, count=1).strip(" ,").split(",")[0])
        option = next((o for o in either.groups() if picked and o.lower().endswith(picked.lower())),
                      None)
        if option:
            return f"I'm {option}"
    if re.match(r"^how\s+many\b", q, re.I):  # "three, all boys": the count fills the blank
        r = re.sub(r",\s+(?:all|both|each|mostly|one|two)\b.*$", "", r, flags=re.I)
    if YES.match(r) or NO.match(r):
        settled, said = yes_or_no(q, r)
        if settled:
            return said
        r = said or r
    m = _WHICH_KIND.match(q)
    if m and not re.match(r"^(?:you|it|this|that|there)$", m.group(2), re.I):
        picked = chosen(f"{m.group(3)} or {m.group(4)}", r.split(",")[0])
        if picked:  # "is Rex a dog or a cat?" + "a dog, a lazy one": "Rex is a dog"
            who = re.sub(r"^your\b", "my", m.group(2), flags=re.I)
            option = next(o for o in (m.group(3), m.group(4)) if o.lower().endswith(picked.lower()))
            return f"{who} {m.group(1).lower()} {option}"
    if ASKED.match(q) and re.search(r"(?:^|,?\s+)actually$", r, re.I) and len(r.split()) <= 4:
        said = _yes_no(q, True)  # "are you vegetarian?" + "pescatarian, actually"
        value = re.sub(r",?\s*actually$", "", r, flags=re.I)
        if said and value and not (YES.match(value) or NO.match(value)):
            # a common word stays one ("Pescatarian" is no name), a name stays a name
            return swap_value(said, value.lower() if said.split()[-1].islower() else value)
    # "which one did you go for?" - "went with the Air, the battery sold me": the reply
    # has its own past verb, so it is the statement ("went" is the user's, not a blank's)
    said_done = r.split()[0].lower()
    if re.match(r"^(?:what|which|where|who|how)\b.*\bdid\s+you\b", q, re.I) \
            and (said_done in PAST_FORMS or re.fullmatch(r"[a-z]{3,}ed", said_done)):
        return f"I {r}"
    # the options may be offered in a sentence before a "which" question, with "and"
    which = bool(re.match(r"^which\b", q, re.I))
    offered = [x.rstrip("?.!:").replace(" and ", " or ") if which else x.rstrip("?.!:")
               for x in re.split(r"(?<=[.!?:])\s+", whole)
               if " or " in x or which and " and " in x and not x.endswith("?")]
    # "Weekends work better for me": the option named, said as a verdict on it
    verdict = re.match(r"^(?P<pick>.+?)\s+(?:works?|suits?|is|are|sounds?)\s+(?:me\s+)?(?:better|best|"
                       r"good|great|fine|ideal)(?:\s+for\s+(?:me|us))?$", r, re.I)
    r = verdict.group("pick") if verdict and chosen(q, verdict.group("pick")) else r
    head, _, after = r.partition(", ")  # "evenings, after work": the choice, then a detail
    choice = chosen(q, r) or (chosen(offered[-1], r) if offered and not options(q)
                               else None)
    if not choice and after and chosen(q, head):
        choice = f"{chosen(q, head)}, {after}"
    if choice and re.match(r"^(?:are|were)\s+you\s", q, re.I):  # "Are you left or right
        art = re.match(r"^(?:are|were)\s+you\s+an?\s", q, re.I) and not re.match(r"an?\s", choice)
        return f"I'm {('an ' if choice[0] in 'aeiou' else 'a ') if art else ''}{_second_to_first(choice)}"
    # "Do you freelance, or are you with an agency?": each option keeps its own verb
    two = re.match(r"^(do|are)\s+you\s+(.+?),?\s+or\s+(do|are)\s+you\s+(.+)$", q, re.I)
    if choice and two:
        aux = two.group(1) if choice.startswith(chosen(q, two.group(2)) or "\0") else two.group(3)
        return f"I {choice}" if aux.lower() == "do" else f"I'm {choice}"
    did = re.search(r"\bdid\s+you\s+([^,]+?)\s*(?:,|$)", q, re.I)
    if choice and did:  # "which sofa did you go with, the grey or the green?" - "green"
        first, _, rest = did.group(1).partition(" ")
        kind = re.match(r"^which\s+([a-z]+)\s+did\b", q, re.I)  # "which sofa": the green one
        thing = f"the {choice} {kind.group(1)}" if kind and kind.group(1) not in choice else choice
        return f"I {past_tense(first)} {rest} {_second_to_first(thing)}".replace("  ", " ")
    if choice:
        m = re.search(r"\b(do|would)\s+you\s+(rather\s+)?(\w+)", q, re.I)
        verb = m.group(3) if m else "prefer"
        choice = _second_to_first(re.sub(rf"^{re.escape(verb)}\s+", "", choice, flags=re.I))
        if m and m.group(2):
            return f"I'd rather {verb} {choice}"
        return f"I'd {verb} {choice}" if m and m.group(1).lower() == "would" else f"I {verb} {choice}"
    if re.match(r"^(?:(?:actually|honestly|well|so|oh|tbh|in fact),?\s+)?(?:i|i'm|i've|we)\b|^my(?:\s+\S+){3}"
                r"|^(?:already|also)\s+(?:have|own|use|know|play|speak|drive|do)\b",
                r, re.I) and not NOUN_LIST.match(r):  # "my wife" to "who do you live with?"
        return None  # a full statement: the extractor reads it as it is
    filled = _fill(q, lower_start(r))
    if filled:
        return filled
    m = _HOW_MANY.match(q)
    if m:
        return f"I {m.group(2)} {lower_start(r)} {m.group(1)}"
    m = _IN_WHAT.match(q)
    if m:  # "what city are you in?" / "which city do you live in?"
        verb = m.group(1) or "I'm"
        return f"{'I ' + verb if m.group(1) else verb} {m.group(2)} {r}"
    m = _WHERE_BE.match(q)
    if m and re.match(r"^(?:born|raised|brought up|bred)\b", r, re.I):
        return f"I was {r}"  # "where are you from?" - "born in Lagos, raised in Leeds"
    if m and re.match(r"^grew up\b", r, re.I):
        return f"I {r}"
    if m:  # "where are you based?" -> "I'm based in ..."; "where are you from?"
        word = m.group(1).lower()
        prep = "" if _PREP_START.match(r) or word == "from" \
            else "in "
        return f"I'm {word} {prep}{r}" if word != "now" else f"I'm in {r}"
    m = _WHERE.match(q)
    if m:
        prep = "" if _PREP_START.match(r) else \
            _PREP_FOR.get(m.group(1).lower(), "in") + " "
        r = lower_start(r)
        rest = re.sub(r"\s*\b(?:now|currently|these days|nowadays|at the moment|right now|"
                      r"originally)\b", "", m.group(2), flags=re.I)
        verb = past_tense(m.group(1)) if re.match(r"^where\s+did\b", q, re.I) else m.group(1)
        return f"I {verb}{rest} {prep}{r}".replace("  ", " ")
    if _NAME.match(q):
        return f"My name is {r}"
    age = _AGE.match(q)
    n = r if re.match(r"^\d{1,3}$", r) else _NUMBER_WORDS.get(r.lower())
    if age and n is not None:  # "how old is she (turning)?" + "twelve", asked of "you"
        return f"I'm turning {n}" if age.group(1) else f"I'm {n}"
    soon = re.match(r"^(\d{1,3})\s+((?:next|this)\s+\w+|in\s+\w+|on\s+\w+|tomorrow)$", r, re.I)
    if age and soon:  # "how old are you?" + "43 next month": the age to come, and when
        return f"I'm turning {soon.group(1)} {soon.group(2)}"
    r = lower_start(r)
    if _JOB.match(q):
        if re.match(r"^(?:a|an|at|for|in)\b", r, re.I):
            return f"I work as {r}" if re.match(r"^(?:a|an)\b", r, re.I) else f"I work {r}"
        job = r[0].lower() + r[1:]
        field, _, detail = job.partition(", ")
        if status := next((w for w in _STATUS if re.match(rf"{w}\b", field)), None):  # "retired", "student, 2nd year"
            return f"I'm {_STATUS[status]}{field[len(status):]}" + (f", {detail}" if detail else "")
        if not is_occupation(f"Is a {field}"):  # "software, mostly backend": a field
            return f"I work in {job}"
        return f"I work as {article(job)} {job}"
    m = re.match(r"^what(?:'s|\s+is)\s+your\s+(\w+)'s\s+name$|^what(?:'s|\s+is)\s+your\s+(\w+)"
                 r"\s+(?:called|named)$", q, re.I)
    if m:  # "what's your wife's name?", "what's your dog called?" -> "my wife Hannah ..."
        return f"My {m.group(1) or m.group(2)} is called {r}"
    m = re.match(r"^how\s+old\s+are\s+your\s+(\w+s)$", q, re.I)
    if m and re.match(r"^\d{1,2}\s+(?:and|&)\s+\d{1,2}$", r):  # "how old are your kids?" + "6 and 9"
        return f"I have two {m.group(1)} aged {r}"
    m = re.match(r"^how\s+old\s+is\s+your\s+(\w+)$", q, re.I)
    age = re.match(r"^(?:(?:he|she)(?:'s|\s+is)\s+)?(\d{1,3}|[a-z]+)(?:\s+years?\s+old)?$", r, re.I)
    if m and age:  # "how old is your son?" + "He's nine"
        return f"My {m.group(1)} is {age.group(1)} years old"
    m = _YOUR.match(q)
    if m:
        verb = "are" if re.search(r"\bare\s+your\b", q, re.I) else "is"
        return f"My {m.group(1)} {verb} {r}"
    # "what should I call you?" + "Rafa", "Kat is fine", "Jo please"
    called = re.sub(r"(?:'s|\s+is)\s+(?:fine|good|great|perfect)$|\s+(?:works|will do|please)$", "", r,
                    flags=re.I)
    if re.search(r"\b(?:call|address)\s+you\b", q, re.I) and len(called.split()) <= 2:
        return f"I prefer to be called {called}"
    m = _WHAT_DO.match(q)
    if m and re.search(r"\b(?:me|you)\b", m.group(2), re.I):
        return None  # "which one do you want me to book?": a request of the moment
    if m:  # "what do you do for fun?": the general reading keeps "for fun"
        return (wh_answer(q, r) if m.group(2).strip() else None) or f"I {m.group(1)} {r}"
    ended = habit_ended(q, r)
    if ended:  # "do you smoke?" - "quit last year"
        return ended
    if YESNO.match(q):  # "every day, black" to "do you drink coffee?"
        if re.match(r"^do\s+you\s+have\s", q, re.I) and OBJECT_START.match(r):
            return f"I have {r}"  # "siblings?" - "two older brothers": the ones had
        yes = _yes_no(q, True)
        return f"{yes} {r}" if yes else None
    m = _WHEN.match(q)
    if m:  # "what time do you usually get up?" + "around 6" -> "I usually get up around 6"
        prep = "" if re.match(r"^(?:at|on|in|around|about|by|before|after|every|each|once|"
                              r"twice|\d+\s+times)\b", r, re.I) else "at " \
            if re.match(r"^\d", r) else "in " if m.group(1).lower() == "when" else ""
        verb = m.group(4) if m.group(2).lower() == "do" else past_tense(m.group(4))
        return f"I {m.group(3) or ''}{verb}{m.group(5)} {prep}{r}".replace("  ", " ")
    m = _HOW_TRAVEL.match(q)
    way = re.match(r"^(?:by\s+|on\s+|the\s+|my\s+|a\s+)*([\w-]+(?:\s+[\w-]+)?)(\s*,.*)?$", r, re.I)
    if m and way:  # "how do you get to work?" + "Bike, unless it rains": the means
        means = "on foot" if re.match(r"^(?:walk|walking|foot)$", way.group(1), re.I) \
            else f"by {way.group(1).lower()}"
        return f"I {m.group(1) or ''}{m.group(2)}{m.group(3)} {means}{way.group(2) or ''}"
    m = re.match(r"^how\s+do\s+you\s+(take|like|have|drink|eat|cook|want)\s+(your\s+.+)$", q, re.I)
    if m:  # "how do you take your coffee?" - "black, no sugar"
        return f"I {m.group(1).lower()} {_second_to_first(m.group(2))} {r}"
    filled = wh_answer(q, r)  # the question's shape: "which airport will you leave from?"
    if filled:
        return filled
    m = re.search(r"\bdo you\s+(\w+)(?:\s+\w+)?$", q, re.I)
    if m:  # "what kind of films do you watch usually?" -> "I watch ..."
        return f"I {m.group(1).lower()} {r}"
    return None


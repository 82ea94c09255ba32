"""A sentence said again the way the readers know it, before it is cut into clauses.

Chat puts some statements in shapes the readers were not written for; each is said in
the plain shape instead, so one reader serves both:

>>> resaid("Me and my brother Kofi are opening a barbershop")
'My brother Kofi and I are opening a barbershop'
>>> resaid("Monzo is where I work"), resaid("Leeds is home")
('I work at Monzo', 'I live in Leeds')
>>> resaid("I wouldn't say I'm a dog person")
"I'm not really a dog person"
>>> resaid("Mia and her husband split up")
'Mia split up with her husband'
>>> resaid("My boyfriend proposed in Rome and I said yes!")
'I got engaged to my boyfriend in Rome!'
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["resaid"]


def _lower_my(who: str) -> str:
    """"My boyfriend" put after a verb: "my boyfriend"."""
    return re.sub(r"^(?:My|Our)\b", lambda w: w.group(0).lower(), who)


def _me_and(m: re.Match[str]) -> str:
    who = m.group("who")
    return f"{who[0].upper()}{who[1:]} and I "


def _parted(m: re.Match[str]) -> str:
    how = m.group("how")
    to = "from" if "divorced" in how.lower() or how.lower() == "separated" else "with"
    return f"{m.group('who')} {how} {to} {m.group('their')} {m.group('partner')}"


# A place named first, then said to be the user's: a name, so "Work is where I relax" is
# not one.
_PLACE = (r"(?!(?:home|work|school|this|that|it|there|here|everything|nothing|the)\b)"
          r"(?P<place>(?-i:[A-Z][\w&'-]*)(?:\s+(?-i:[A-Z][\w&'-]*)){0,2})")

_SAID_AS: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    # "Me and my brother Kofi are ...", "Me and Sarah have ..." -> "... and I are ..."
    (re.compile(r"^(?:me|myself)\s+and\s+(?P<who>(?:my\s+|our\s+)?[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)"
                r"\s+(?=(?:are|were|have|had|will|would|'ve|'re|'ll|'d|went|got|moved|met|"
                r"started|live|love|bought|booked|just|both|finally|still)\b)", re.I), _me_and),
    # "Monzo is where I work", "Leeds is where we live now"
    (re.compile(r"^" + _PLACE + r"\s+is\s+where\s+(?P<who>I|we)\s+(?P<verb>work|live|study)\b", re.I),
     lambda m: f"{m.group('who')} {m.group('verb')} {'at' if m.group('verb') == 'work' else 'in'} "
               f"{m.group('place')}"),
    # "Leeds is home" (not "Leeds is home to two universities")
    (re.compile(r"^" + _PLACE + r"\s+is\s+(?:(?:my|our)\s+)?home\b(?!\s+(?:to|of|for)\b)", re.I),
     lambda m: f"I live in {m.group('place')}"),
    # a denial said softly: "I wouldn't say I'm a dog person"
    (re.compile(r"^i\s+(?:wouldn'?t|would not)\s+(?:say|call myself)\s+(?:that\s+)?"
                r"(?:i'?m|i am)\s+(?:a\s+big\s+|really\s+)?(?=\w)", re.I), "I'm not really "),
    # a couple parted, said of both: the person's own fact (a tie of the user's is never
    # the partner's)
    (re.compile(r"^(?P<who>(?:(?:my|our)\s+\w+\s+)?(?-i:[A-Z])\w+|(?:my|our)\s+\w+)\s+and\s+"
                r"(?P<their>her|his|their)\s+(?P<partner>husband|wife|partner|boyfriend|girlfriend|"
                r"fianc[eé]e?)\s+(?P<how>split up|broke up|separated|divorced|got divorced|"
                r"called it quits)\b", re.I), _parted),
    # a send-off given to the speaker: "they gave me the loveliest retirement send-off"
    (re.compile(r"(?:^|(?<=\band\s)|(?<=,\s))(?:they|we|the\s+\w+|work|everyone)\s+(?:gave|threw|organised|"
                r"organized|put on)\s+me\s+"
                r"(?:a|an|the|my)\s+(?:[\w-]+\s+){0,2}?(retirement|leaving)\s+"
                r"(party|do|send-?off|drinks|lunch|dinner|bash)\b", re.I),
     lambda m: f"I had my {m.group(1).lower()} {m.group(2).lower()}"),
    # a pet put to sleep, said as the vet's word: "the vet said it was time for Pickle"
    (re.compile(r"^(?:the\s+)?vets?\s+said\s+it\s+was\s+time\s+for\s+(?!(?:a|an|the|his|her|their|"
                r"my)\b)(?P<who>\w+)\s*$", re.I),
     lambda m: f"{m.group('who')[0].upper()}{m.group('who')[1:]} was put to sleep"),
    # a marriage said by the new name: "I am officially Mrs Adeyemi"
    (re.compile(r"^i(?:'m|\s+am)\s+(?:now\s+)?(?:officially\s+)?(?:a\s+)?mrs\.?\s+(?P<name>(?-i:[A-Z])\w+)\b.*$",
                re.I), lambda m: f"I'm married now and my surname is {m.group('name')}"),
    # a move in Indian English: "shifting to Gurgaon done", "we shifted to Pune"
    (re.compile(r"^(?:shifting|moving|the\s+move|relocation|relocating)\s+to\s+(?P<p>(?-i:[A-Z])[\w-]+)\s+(?:is\s+)?"
                r"(?:done|complete|completed|sorted|finished)\b", re.I), lambda m: f"I moved to {m.group('p')}"),
    (re.compile(r"\bshift(?P<how>ed|ing)\s+to\s+(?=(?-i:[A-Z]))", re.I),
     lambda m: f"mov{m.group('how')} to "),
    # where one is, said to put a wrong place right: "wrong city, I'm in Bath", "I'm in York
    # actually", "nope, I'm in Hove, not Brighton"
    (re.compile(r"^(?:(?:no|nope|nah|wrong\s+(?:city|town|place|country|county))[,.!]*\s+)i'?m\s+"
                r"(?:actually\s+)?(?:in|based\s+in)\s+(?P<p>(?-i:[A-Z])[\w-]+)(?=\s*(?:[,.!;]|$))", re.I),
     lambda m: f"I live in {m.group('p')}"),
    (re.compile(r"^i'?m\s+(?:actually\s+)?(?:in|based\s+in)\s+(?P<p>(?-i:[A-Z])[\w-]+)"
                r"(?=\s+actually\b|\s*,?\s+not\s+(?-i:[A-Z]))", re.I),
     lambda m: f"I live in {m.group('p')}"),
    # the first stretch on other shifts: "first week on days in about 4 years"
    (re.compile(r"^(?:my\s+)?first\s+(?:week|day|month|shift|fortnight)\s+(?:back\s+)?on\s+"
                r"(?P<s>days|nights|earlies|lates)\b.*$", re.I),
     lambda m: "I'm working " + {"days": "day", "nights": "night", "earlies": "early",
                                 "lates": "late"}[m.group("s").lower()] + " shifts now"),
    # news told inside disbelief: "can't believe I'm leaving Glasgow after 12 years"
    (re.compile(r"(?:^|(?<=,\s))(?:i\s+)?(?:still\s+)?(?:can'?t|cannot)\s+believe\s+(?:that\s+)?(?=(?:i'?m|i\s+am|i'?ve|"
                r"i\s+have|we'?re|we\s+are|we'?ve)\b)", re.I), ""),
    # left by a partner: "Lucy dumped me on Friday"
    (re.compile(r"^(?P<who>(?:my\s+\w+\s+)?(?-i:[A-Z])\w+|my\s+(?:boyfriend|girlfriend|partner|husband|wife|"
                r"fianc[eé]e?))\s+(?:dumped|ditched|broke\s+up\s+with)\s+me\b", re.I),
     lambda m: f"I broke up with {_lower_my(m.group('who'))}"),
    # a new job said by who hired: "I've been poached by Lidl", "start at Boots on Monday"
    (re.compile(r"^(?:i'?ve\s+|i\s+have\s+|i\s+)?(?:been|got)\s+(?:poached|headhunted)\s+by\s+(?=(?-i:[A-Z]))",
                re.I), "I'm starting at "),
    (re.compile(r"^(?:i\s+)?start(?=\s+at\s+(?-i:[A-Z]))", re.I), "I start"),
    # a thing over with: "triathlon done and dusted"
    (re.compile(r"\bdone\s+and\s+dusted\b", re.I), "done"),
    # a theft, said as chat says it: "Someone nicked the Vespa" (the speaker's own, when it
    # is a thing people own by name or kind)
    (re.compile(r"^(someone|somebody|thieves)\s+(?:nicked|pinched|swiped|stole)\s+the\s+"
                r"(?=(?-i:[A-Z])|(?:bike|car|van|scooter|moped|motorbike|laptop|phone|wallet|purse|"
                r"bag|camera)\b)", re.I), r"\1 stole my "),
    (re.compile(r"^(someone|somebody|thieves)\s+(?:nicked|pinched|swiped)\b", re.I), r"\1 stole"),
    # an allergy said by its noun: "My allergy is to tree nuts"
    (re.compile(r"^(?:my|the)\s+allergy\s+is\s+(?:actually\s+)?(?:to\s+)?", re.I), "I'm allergic to "),
    # a proposal accepted is an engagement: "Sam proposed in Rome and I said yes"
    (re.compile(r"^(?P<who>(?:(?:my|our)\s+\w+\s+)?(?-i:[A-Z])\w+|(?:my|our)\s+\w+)\s+"
                r"(?:finally\s+|just\s+)?(?:proposed|popped the question|got down on one knee)"
                r"(?P<rest>[^,]*?),?\s+and\s+(?:of course\s+|obviously\s+)?i\s+said\s+yes\b", re.I),
     lambda m: f"I got engaged to {_lower_my(m.group('who'))}{m.group('rest')}"),
    # and so is a request to be a couple: "Tiago asked me to be his girlfriend and I said yes"
    (re.compile(r"^(?P<who>(?-i:[A-Z])\w+)\s+(?:finally\s+|just\s+)?asked\s+me\s+(?:to\s+be\s+"
                r"(?:his|her|their)\s+(?:girlfriend|boyfriend|partner)|out)(?P<rest>[^,]*?),?\s+and\s+"
                r"(?:of course\s+|obviously\s+)?i\s+said\s+yes\b", re.I),
     lambda m: f"I'm in a relationship with {m.group('who')}"),
    # a taken-back clause, its markers in the other order: "my son is 6, wait no he's 7"
    # reads as "..., no wait, he's 7" (the same after a full stop chat puts there)
    (re.compile(r"\s*[,.]\s*(wait|hang on|hold on)\s*,?\s+no\b\s*[,.!]*\s*(?=\w)", re.I),
     lambda m: f", no {m.group(1).lower()}, "),
    # a new one named after a comma: "got a rabbit, called Mabel"
    (re.compile(r"(\b(?:a|an|our|my)\s+(?:[\w-]+\s+){0,2}?[\w-]+),\s+(called|named)\s+(?=(?-i:[A-Z]))",
                re.I), r"\1 \2 "),
    # a name changed is the name now: "I legally changed my name to Kai last month"
    (re.compile(r"^(?:i\s+)?(?:(?:legally|officially|finally|just)\s+)?changed\s+my\s+(?P<which>first\s+name|"
                r"surname|last\s+name|name)\s+to\s+(?P<n>(?-i:[A-Z])[\w'-]+)\b.*$", re.I),
     lambda m: f"My {'surname' if m.group('which').lower() != 'name' and 'first' not in m.group('which').lower() else 'name'}"
               f" is {m.group('n')}"),
    # a wish for what one lacks is what one would like: "I wish I had a dog honestly"
    # (a wish about the past, "I wish I had gone", is a regret, not a want)
    (re.compile(r"\bi\s+(?:really\s+|honestly\s+|so\s+)?wish\s+i\s+(?:had|owned)\s+(?=(?:an?|my\s+own)\s)", re.I),
     "I would like "),
    (re.compile(r"\bi\s+(?:really\s+|honestly\s+|so\s+)?wish\s+i\s+could\s+(?=[a-z]+\s+\w)", re.I),
     "I would like to "),
    # things one has, said with "got": "got 2 kids under 5", "got three cats"
    (re.compile(r"^(?:i'?ve\s+|i\s+have\s+)?got\s+(?=(?:\d{1,2}|two|three|four|five|six)\s+(?:kids|children|"
                r"boys|girls|sons|daughters|dogs|cats|grandkids|grandchildren)\b)", re.I), "I have "),
    # the name first: "Wei is my first name" says "my first name is Wei"
    (re.compile(r"(?:^|(?<=, ))((?-i:[A-Z])[\w'-]+)\s+is\s+my\s+((?:first|last|middle|given|family|nick)\s?name|"
                r"surname)\b", re.I), r"my \2 is \1"),
    # a surname given as a note: "surname's Okafor if you need it"
    (re.compile(r"^(?:my\s+)?(surname|last\s+name)(?:'s|\s+is)\s+(?=(?-i:[A-Z]))", re.I), "My surname is "),
    # one's own things said as notes, the "my" left out: "Name is Priyanka", "Favourite
    # colour is teal" (the form facts are kept in, so an agent's own notes read too)
    (re.compile(r"^(?=(?:(?:first|full|middle|nick)\s?name|name|pronouns|favou?rite\s+[\w-]+|star\s+sign|"
                r"hometown|home\s+town|birthday|blood\s+type)(?:'s|\s+is|\s+are)\s+\w)", re.I), "My "),
    # what the assistant may need it for is no part of it: "..., if you need it for the form"
    (re.compile(r",?\s+(?:if|in\s+case)\s+(?:you|u)\s+need\s+(?:it|that|to\s+know)\b.*$", re.I), ""),
    # a relative's name said as theirs: "my partner's name is Alex" (their pronouns after it
    # are a fact of their own)
    (re.compile(r"\b((?:my|our)\s+[a-z-]+)'s\s+name\s+is\s+(?P<n>(?-i:[A-Z])[\w'-]+)\b(?!,?\s+not\b)"
                r"(?:,?\s+(?P<p>(?:she|he|they|ze|xe)/\w+))?",
                re.I), lambda m: f"{m.group(1)} is called {m.group('n')}"
                                  + (f"; {m.group('n')}'s pronouns are {m.group('p')}" if m.group('p') else "")),
    # a pet put to sleep, said as chat says it: "had to put Biscuit down yesterday"
    (re.compile(r"^(?:we\s+|i\s+)?had\s+to\s+put\s+(?P<who>(?!(?:him|her|them|it|the|my|our)\b)[a-z][\w'-]+)\s+"
                r"(?:down|to\s+sleep)\b", re.I),
     lambda m: f"{m.group('who')[0].upper()}{m.group('who')[1:]} was put to sleep"),
    # a home of one's own, told by the first night in it: "first night in our own house in Hamilton"
    (re.compile(r"^(?:our|my)?\s*first\s+night\s+in\s+(?:our|my)\s+(?:own\s+|new\s+)*(?P<what>house|flat|place|"
                r"home|apartment)\s+in\s+(?=(?-i:[A-Z]))", re.I), lambda m: f"I moved into my own {m.group('what').lower()} in "),
    # a pass said bare is a test passed: "PASSED!!", "I passed it, first time" (the held
    # test it settles is found by its kind)
    (re.compile(r"^(?:i\s+)?(?:(?:just|finally|actually|only)\s+)?passed(?:\s+it)?(?=\s*(?:[!.,]|$|"
                r"first\s+time|with\s+(?:flying|a\s+distinction|distinction|merit)))", re.I),
     "I passed the test"),
    # a plan called by its name and "thing": "the Iceland thing is off" is the Iceland plan
    (re.compile(r"\bthe\s+(?:whole\s+)?((?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)\s+thing\b(?=\s+(?:is|was|'s|"
                r"has|fell|got|won't|will|isn't)\b)"), r"\1"),
    # a part exchange is a trade: "Part-exed the Skoda for an Ioniq" (the spelling of
    # chat is no verb the readers know)
    (re.compile(r"\bpart[- ]?ex(?:ed|'d|changed)\b", re.I), "traded"),
    # a birth told by the baby's weight: "Isla Rose, 7lb 2oz, 3am on Tuesday"
    (re.compile(r"^(?:(?:she|he)'?s\s+here\W*\s*)?(?P<n>(?-i:[A-Z])\w+(?:\s+(?-i:[A-Z])\w+)?)\s*,\s*"
                r"\d{1,2}\s?(?:lbs?|pounds?)\b(?:\s*\d{1,2}\s?(?:oz|ounces?)\b)?(?:,?\s*(?:arrived|born)\b)?", re.I),
     lambda m: f"{m.group('n')} was born"),
    # a baby told by what it is: "Our little boy Idris arrived", "Baby girl Maeve was born"
    # (``_births`` reads the kind from the message)
    (re.compile(r"^(?:(?:our|my)\s+)?(?:(?:little|baby|newborn|new|tiny)\s+)*(?:girl|boy)\s+"
                r"(?=(?-i:[A-Z])\w+(?:\s+(?-i:[A-Z])\w+)?\s+(?:was born|arrived|came|is here)\b)", re.I),
     "Baby "),
    # or by the weight after the arrival: "Little Noor arrived on Tuesday, 3.2kg"
    (re.compile(r"^(?:(?:little|baby|our|my)\s+)?(?P<n>(?-i:[A-Z])\w+)\s+(?:arrived|came)\b(?P<when>[^,]*),\s*"
                r"\d{1,2}(?:\.\d)?\s?(?:kg|lbs?)\b(?:\s*\d{1,2}\s?oz\b)?"
                r"(?:\s+of\s+(?:pure\s+)?[a-z]+(?:\s+[a-z]+)?(?=\s*(?:[,.!]|$)))?", re.I),  # "of pure chaos"
     lambda m: f"{m.group('n')} was born{m.group('when')}"),
    # a child gone to university, told by the drop-off: "dropped Ethan at halls in Durham"
    (re.compile(r"\b(?:dropped|moved|took)\s+(?P<who>(?-i:[A-Z])\w+)\s+(?:off\s+)?(?:at|into|to)\s+"
                r"(?:(?:her|his|their)\s+)?(?P<what>halls|dorms?|student\s+(?:flat|halls|accommodation))"
                r"(?P<where>\s+(?:in|at)\s+(?-i:[A-Z])\w+)?", re.I),
     lambda m: f"{m.group('who')} moved out into {m.group('what').lower()}{m.group('where') or ''}"),
    # a new job said by how long one has been in it: "three weeks in as an associate at X"
    (re.compile(r"^(?:\w+|\d+)\s+(?:days?|weeks?|months?)\s+in\s+as\s+(?P<r>an?\s+[\w -]+?)"
                r"(?P<at>\s+(?:at|with|for)\s+(?-i:[A-Z])[\w&'-]*(?:\s+(?:&\s+)?(?-i:[A-Z])[\w&'-]*)*)?"
                r"(?=\s+and\b|\s*[,.!]|$)", re.I),
     lambda m: f"I work as {m.group('r')}{m.group('at') or ''}"),
    # a sale said by its buyer or by the keys handed over: "got a buyer for the van",
    # "handed the shop keys to the new owners"
    (re.compile(r"\b(?:finally\s+)?(?:got|found|have)\s+a\s+buyer\s+for\s+(?:the|my|our)\s+", re.I),
     "sold the "),
    (re.compile(r"\bhanded\s+(?:over\s+)?(?:the|my|our)\s+(?:(?P<t>[\w-]+)\s+)?keys\s+(?:over\s+)?"
                r"to\s+the\s+new\s+owners?\b", re.I),
     lambda m: f"sold the {m.group('t') or 'place'}"),
    # a degree finished, said by its ceremony: "graduation was on Friday"
    (re.compile(r"^(?:my\s+)?graduation\s+(?:was|went\s+\w+|is\s+done)\b", re.I), "I graduated"),
]


def resaid(sentence: str) -> str:
    """``sentence`` with each shape that fits said plainly (else as said)."""
    for pattern, said in _SAID_AS:
        sentence = pattern.sub(said, sentence)
    return sentence

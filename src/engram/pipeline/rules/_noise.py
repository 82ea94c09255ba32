"""What carries no fact: greetings, thanks, requests, verdicts, passing moods.

>>> is_noise("Thanks so much!"), is_noise("bit nervous"), is_noise("I'm a nurse")
(True, True, False)
"""

from __future__ import annotations

import re

from engram.pipeline.rules._sentences import GREETING, QUESTION_START, REQUEST

__all__ = ["is_noise"]


# A verdict on doing something in general, the doing as its subject: "Staying positive
# is so important", "Taking a risk is scary" (an opinion, not a fact about the speaker).
_GERUND_VERDICT = re.compile(
    r"^(?!(?:no|some|any|every)thing\b)(?-i:[A-Za-z][a-z]+ing)\b(?:\s+[\w'-]+){0,10}?\s+"
    r"(?:is|was|are|can be|has been)\s+"
    r"(?:so\s+|very\s+|really\s+|super\s+|pretty\s+|just\s+|always\s+|definitely\s+)?"
    r"(?:key|great|important|scary|hard|tough|fun|amazing|awesome|crucial|vital|essential|"
    r"the key|a game.changer|the best|worth it|everything|huge|tiring|exhausting|rewarding|"
    r"so rewarding|challenging|a challenge|not easy|no joke|a lot|tricky|difficult|easy|"
    r"stressful|exciting|nice|crazy|wild|a struggle|a nightmare|a breeze|hectic)\b"
    r"(?!\s+for\s+(?:me|my|us|our|him|her))", re.I)  # "... great for my back" is about them


# Catching up, not news: "Lots has been going on", "Tons has happened since then".
_CATCHING_UP = re.compile(r"^(?:lots|tons|loads|a lot|so much|heaps)\s+(?:has|have|'s)\s+(?:been\s+)?"
                          r"(?:going on|happening|happened|gone (?:on|down)|changed)\b", re.I)


# A request verb that is a noun, followed by its verb: "Book club moved to Thursdays",
# "Plan is to sell the car" tell of a thing; "Book a table for two" asks.
_NOUN_LED = re.compile(r"^(?:[a-z]+\s+){1,2}?(?:is|are|was|were|has|have|had|got|gets|will|won't|"
                       r"moved|starts|started|ends|ended|runs|ran|fell|went|goes)\b", re.I)


# A verdict on an idea put to the user: "Cornwall sounds nice", "That sounds fun".
_SOUNDS = re.compile(r"^(?:[\w'-]+\s+){0,3}?sounds?\s+(?:\w+\s+)?(?:nice|good|great|lovely|fun|"
                     r"interesting|amazing|cool|tempting|appealing|fab|perfect|ideal|brilliant|scary|hard|"
                    r"tough|boring|expensive|intense|daunting|a lot|like a lot|risky)$", re.I)


# Disbelief at one's own news: "Can't quite believe it", "Still can't believe it".
_DISBELIEF = re.compile(r"^(?:i\s+)?(?:still\s+)?(?:can'?t|cannot|could\s*n'?t)\s+(?:quite\s+|really\s+)?"
                        r"believe\s+(?:it|this|that)(?:\s+(?:yet|still))?$|"
                        r"^(?:i\s+)?(?:couldn'?t|could\s+not|can'?t|cannot)\s+(?:resist|help\s+it|wait|complain)$|"
                        r"^(?:i\s+)?(?:didn'?t|never)\s+(?:think|thought)\s+i'?d\s+(?:manage|make|do)\s+"
                        r"(?:it|this|that)$", re.I)


# Undecided, for now: "I'll have a think", "Not sure", "I'll sleep on it".
_UNDECIDED = re.compile(r"^(?:(?:i'?ll|i will|let me|i need to|i'?ll need to|i might)\s+(?:have a think|"
                        r"think about it|think it over|sleep on it|mull it over|see|"
                        r"see\s+(?:what|how|if|whether)\b.*)|"
                        r"(?:i'?m\s+)?not\s+(?:so\s+|too\s+|really\s+)?sure)$", re.I)


# A passing mood, said without a subject: "bit nervous tbh", "so excited", "knackered".
_MOOD = re.compile(r"^(?:(?:a\s+)?(?:bit|little|tad|wee bit)\s+|(?:so+|very|really|pretty|kinda|"
                   r"super|quite|well)\s+)?(?:nervous|excited|tired|stressed|anxious|happy|sad|"
                   r"gutted|chuffed|buzzing|knackered|exhausted|relieved|scared|terrified|"
                   r"thrilled|overwhelmed|shattered|nervy|emotional|bored)$", re.I)


# A headline for the news that follows: "Bad news on the travel front", "Some good news".
_HEADLINE = re.compile(r"^(?:some\s+|a\s+bit\s+of\s+)?(?:bad|good|sad|big|great|exciting|quick|mixed|"
                       r"happy|brilliant|terrible|awful)\s+news(?:\s+(?:on|about|from|re|regarding)"
                       r"\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,2})?$", re.I)


# An apology for how something was said: "I should have been clearer", "I wasn't clear".
_UNCLEAR = re.compile(r"^(?:i\s+)?(?:should(?:\s+have|'ve)\s+been\s+(?:clearer|more\s+(?:clear|specific))|"
                      r"(?:wasn'?t|was\s+not)\s+(?:very\s+)?(?:clear|specific)|"
                      r"should(?:\s+have|'ve)\s+(?:said|mentioned|explained)(?:\s+(?:that|it))?|"
                      # a slip owned up to: "I misread the booking confirmation"
                      r"(?:must\s+have\s+|must've\s+)?(?:misread|misheard|mistyped|misremembered|"
                      r"misspoke|mixed\s+(?:it|them|that|those)\s+up)\b.*|"
                      # not knowing where a thing is: "I have no idea where the kettle is"
                      r"(?:(?:have|has)\s+)?no\s+(?:idea|clue)\s+(?:where|what|how|when|why)\b.*)$", re.I)


# What is allowed, said of itself: "chicken and fish are fine though", "shellfish is fine".
_FINE = re.compile(r"^(?:[\w'-]+\s+){0,2}?(?:and\s+[\w'-]+\s+)?[\w'-]+\s+(?:is|are)\s+(?:totally\s+|"
                   r"perfectly\s+|absolutely\s+)?(?:fine|ok|okay|alright)(?:\s+(?:though|tho|too|by me))?$",
                   re.I)


# A suggestion turned down as not one's taste: "nah not really my thing", "not for me".
_NOT_MINE = re.compile(r"^(?:(?:nah|no|nope)[,\s]+)?(?:(?:it'?s|that'?s)\s+)?not\s+(?:really\s+)?(?:my\s+"
                       r"(?:thing|scene|cup\s+of\s+tea|jam)|for\s+me)$", re.I)


def is_noise(clause: str) -> bool:
    """Greetings, thanks, acknowledgements, requests and empty fragments carry no fact."""
    c = clause.strip()
    if not c or not re.search(r"[A-Za-z]", c):
        return True
    if GREETING.match(c):
        rest = GREETING.sub("", c, count=1).strip(" ,.!")
        # "Hi, how are you", "Thanks, that's all for now": nothing but pleasantries.
        if len(rest.split()) <= 2 or QUESTION_START.match(rest) or is_noise(rest):
            return True
    return bool((REQUEST.match(c) and not _NOUN_LED.match(c)) or _GERUND_VERDICT.match(c)
                or _SOUNDS.match(c) or _DISBELIEF.match(c.rstrip(".!"))
                or _UNDECIDED.match(c.rstrip(".!"))
                or _CATCHING_UP.match(c) or _MOOD.match(c.rstrip(".!"))
                or _HEADLINE.match(c.rstrip(".!:")) or _UNCLEAR.match(c.rstrip(".!"))
                or _FINE.match(c.rstrip(".!")) or _NOT_MINE.match(c.rstrip(".!")))

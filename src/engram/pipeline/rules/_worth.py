"""Is a fact worth remembering? Chat is full of first-person sentences that state
nothing lasting: a passing mood ("I'm so tired today"), a reply to the assistant ("I'll
think about it", "I agree with you"), a one-off request ("I need a recipe for lasagna")
or an opinion on the question at hand ("I think the answer is 42").

>>> [worth(f) for f in ("Loves that idea", "Watched it twice", "Loves that band")]
[False, False, True]
>>> [worth(f) for f in ("Tries to stick to it", "Has heard that Oslo is pricey", "Works in IT")]
[False, False, True]
>>> [worth(f) for f in ("In-laws loved it", "Sister Mia hated that", "Sister Mia loves jazz")]
[False, False, True]
>>> [worth(f) for f in ("Is bored", "Will think about it", "Agrees with you",
...                     "Needs a recipe for lasagna", "Is allergic to cats", "Is tired of Java")]
[False, False, False, False, True, True]
"""

from __future__ import annotations

import re

__all__ = ["worth"]

# "Is bored", "Is not sure yet": the state of the moment, not of the person.
_MOMENT = re.compile(r"^(?:(?:is|was)\s+(?:feeling\s+)?|(?:a\s+)?bit\s+|feeling\s+)(?:not\s+)?(?:so\s+|really\s+|very\s+|just\s+|a bit\s+|"
                     r"kind of\s+|pretty\s+)?(?:bored|tired|hungry|thirsty|sleepy|sure|unsure|"
                     r"good|fine|ok|okay|alright|great|well|doing well|doing good|doing fine|"
                     r"curious|confused|lost|back|here|ready|done|browsing|wondering|kidding|"
                     r"joking|listening|still here|glad|happy to help|sorry|excited to try|"
                     r"(?:just\s+)?asking(?: for a friend)?|thinking out loud)"
                     r"(?:,?\s+(?:today|now|yet|right now|at the moment|tonight|this morning|"
                     r"here|thanks.*|about (?:that|it|this)|how .+|what .+|why .+|if .+|"
                     r"whether .+|(?:they|i)\s+.+)|,\s.*)?$", re.I)
# A slip in the conversation itself: "Got confused", "Mis-typed earlier".
_SLIP = re.compile(r"^(?:got|was|is)\s+(?:a bit\s+)?(?:confused|mixed up)\b|^(?:mis-?typed|misspoke|"
                   r"misread|made a (?:typo|mistake)|mixed (?:it|them|things) up)\b", re.I)
# The day's routine, done or about to be: "Had pasta for lunch", "Is off to bed".
_ROUTINE = re.compile(r"^(?:just\s+)?(?:had|ate|finished|drank|is having|is eating|grabbed)\s+"
                      r"(?:\w+\s+){0,3}?(?:for\s+)?(?:breakfast|lunch|dinner|tea|supper|brunch|"
                      r"coffee|snack|a snack|their coffee|their lunch|their dinner)"
                      r"(?:\s+(?:today|tonight|this morning|earlier))?$"
                      r"|^(?:is\s+)?(?:off|heading|going)\s+to\s+(?:bed|sleep|work|the shops)\b"
                      # a time had, or a look taken: "Had a great time", "Had a quick look"
                      r"|^(?:just\s+)?(?:had|has had)\s+a\s+(?:\w+\s+)?(?:time|day|night|evening|morning|"
                      r"look|think|laugh|go|peek|read)(?:\s+(?:today|tonight|yesterday|last night|this morning|"
                      r"at it|of it|at them))?(?:,.*)?$",
                      re.I)
# "Did until Friday": an elliptical verb whose object was said before, in another turn.
_ELLIPSIS = re.compile(r"^(?:did|does|do|is|was|has|had)\s+(?:until|till|before|since|too|"
                       r"as well|so)\b", re.I)
# A fact cut off before its object: "Loves to", "Is thinking of", "Has been" + "and".
_CUT_OFF = re.compile(r"\s(?:to|of|the|a|an|and|or|with|for|their|from|into|than|because)$", re.I)
# A craving of the moment: "Feels like pizza tonight", "Is in the mood for a film".
_CRAVING = re.compile(r"^(?:feels like|is in the mood for|is craving|fancies)\b", re.I)
# An object that points back into the conversation ("that idea", "it") with nothing else
# said: "Loves that idea", "Watched it twice", "Will make it tonight".
_DEICTIC = re.compile(r"^(?:(?:will|would|did|can|could|might|just|really|also|finally|"
                      r"is going to|always|usually|often|sometimes|never|won't|isn't|doesn't|"
                      r"can't|don't|didn't|wouldn't|is not|does not|will not)\s+)*"
                      # "Tries to stick to it": a verb chain still ends in "it"
                      r"[a-z]+(?:\s+to\s+[a-z]+)?(?:\s+(?:to|about|with|for|on|at|in|out|up|by|from|into|of|after))?\s+"
                      r"(?-i:it|that|this|them|those|these)(?:\s+(?:one|idea|thing|stuff|place|"
                      r"book|movie|film|show|song|recipe|plan|suggestion|advice|option|list))?"
                      r"(?:\s+(?:out|up|again|twice|once|later|tonight|today|tomorrow|soon|there|"
                      r"now|first|too|as well|a lot|so much|very much))*$", re.I)
# A reply about the conversation itself: its object is only "it", "that", "so" ...
_VAGUE = {"it", "that", "this", "so", "them", "there", "about", "yet", "later", "now", "too",
          "either", "one", "out", "again", "up", "back", "more", "sense", "makes", "though",
          "know", "see", "guess", "think", "try", "check", "wonder", "sure", "mean", "agree",
          "understand", "get", "let", "me", "well"}
_REQUEST = re.compile(r"^(?:wants|would like|needs|wanted|is trying|has)\s+(?:to\s+)?(?:know|"
                      r"understand|learn about|find out|ask|check|a question|some questions|"
                      r"a quick question|help|some help|advice|some advice|ideas|some ideas|"
                      r"suggestions|recommendations|a recipe|a summary|a list|an answer|"
                      r"to book|to order|to see)\b", re.I)
# "Needs some dinner ideas": what the user asks the assistant for right now.
_ASKS_FOR = re.compile(r"^(?:needs|wants|would like|is looking for)\s+(?:some\s+|a few\s+|a\s+|"
                       r"more\s+|new\s+)?(?:[\w-]+\s+){0,2}(?:ideas|suggestions|"
                       r"recommendations|tips|inspiration|pointers)(?:\s+for\s+.+)?$", re.I)
_OPINION = re.compile(r"^(?:thinks|guesses|supposes|wonders|hopes|assumes|reckons|"
                      r"is wondering|was wondering|is curious)\b(?!\s+(?:in|of)\b)"
                      # hearsay about the world: "Has heard that Lisbon is lovely"
                      r"|^(?:has\s+)?(?:heard|read|seen)\s+(?:somewhere\s+|online\s+)?that\b",
                      re.I)
_YOU = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)
# The conversation's own business: "brb", "Will be right back", "Question is about taxes".
_ASIDE = re.compile(r"\b(?:brb|be right back|asking for a friend|please|just testing)\b|"
                    r"^(?:question|problem|issue|request|point) is\b|"
                    r"^[A-Z]\w*\s+(?:is|are)\s+(?:a|an|the)?\s*(?:really\s+|very\s+|so\s+)?"
                    r"(?:great|good|nice|bad|terrible|awesome|amazing|beautiful|lovely|cool|"
                    r"overrated|underrated|interesting|boring|fun|weird)\b", re.I)


# How one feels today, or a body part does: "Is exhausted but over the moon", "Feet are
# destroyed", "Legs are absolutely dead", "Cannot stop crying" (a condition is lasting:
# "Knee has been bothering them since May" says since when).
_FEELING = re.compile(r"^(?:(?:is|was|are|were|feels?|felt)\s+(?:so\s+|absolutely\s+|completely\s+|totally\s+|"
                      r"still\s+|a bit\s+|really\s+|properly\s+)?(?:exhausted|knackered|shattered|"
                      r"wrecked|buzzing|gutted|thrilled|over the moon|devastated|stressed(?: out)?|"
                      r"panicking|relieved|emotional|overwhelmed|running on|doing well|chuffed|"
                      r"heartbroken|miserable|shaken|in bits|in pieces|a mess|a wreck|"
                      r"sore|destroyed|dead|aching|jelly|killing)\b"
                      r"|^(?:[A-Z][\w'-]*\s+)?(?:feet|legs|arms|back|hands|fingers|fingertips|"
                      r"shoulders|calves|eyes|head|brain)\s+(?:is|are)\s+(?:so\s+|absolutely\s+|"
                      r"completely\s+|still\s+|a bit\s+|really\s+)?(?:sore|destroyed|dead|aching|"
                      r"jelly|killing|wrecked|fried|toast|mush|done)\b"
                      r"|^cannot\s+stop\s+(?:crying|smiling|laughing)\b"
                      # with nothing it is of or about: "Is terrified", "Bit emotional" ("Is
                      # terrified of spiders" is lasting)
                      r"|^(?:is|was|(?:a\s+)?bit)\s+(?:so\s+|really\s+|weirdly\s+|already\s+|a\s+bit\s+)?"
                      r"(?:terrified|scared|nervous|obsessed|emotional|crying|fine)$)", re.I)


# What the speaker is doing in the chat, or cannot get over, at the moment: "Is settling an
# argument", "Cannot believe it", "Will have a look later", "Keeps forgetting".
_OF_THE_MOMENT = re.compile(r"^(?:(?:is|was)\s+(?:just\s+)?(?:asking|settling|wondering|debating|"
                            r"trying\s+to\s+decide|checking|double-checking)\b"
                            r"|cannot\s+(?:believe|wait(?!\s+to\b)|decide|remember|figure|bring\s+themselves|"
                            r"stop|sleep)\b"
                            r"|(?:keeps|kept)\s+forgetting\b|has\s+to\s+(?:figure|work)\s+out\b"
                            r"|will\s+(?:have\s+a\s+(?:proper\s+|quick\s+)?look|give\s+(?:\w+\s+){1,3}?a\s+go|"
                            r"think\s+about|see\b|check\b))", re.I)


# Someone's reaction to the news of the day: "Mum cried at every single one", "Dentist
# smiled at them", "Daughter Zoe was so proud".
_REACTED = re.compile(r"^(?:[A-Z][\w'-]*\s+){1,2}(?:cried|smiled|laughed|screamed|freaked\s+out|lost\s+it|"
                      r"is\s+(?:already\s+|still\s+)?crying|"
                      r"(?:was|is)\s+(?:so\s+|really\s+|absolutely\s+)?(?:thrilled|gutted|proud|over\s+the\s+moon|"
                      r"chuffed|delighted|devastated|buzzing))\b")


# A mood said alone, with nothing it is about: "Is safe though", "Is so happy".
_MOOD_ALONE = re.compile(r"^(?:is|was|feels?|felt)\s+(?:so\s+|really\s+|very\s+|super\s+|quite\s+)?"
                         r"(?:safe|happy|excited|nervous|anxious|scared|sad|upset|glad|delighted|"
                         r"lucky|grateful|pleased|proud|gutted|annoyed|furious|confused)"
                         r"(?:\s+(?:though|now|today|tbh|lol|haha|honestly|too))?$", re.I)


def worth(fact: str) -> bool:
    """False for facts that say nothing lasting about anyone."""
    if _FEELING.match(fact) or _MOOD_ALONE.match(fact) or _OF_THE_MOMENT.match(fact) or _REACTED.match(fact) or _MOMENT.match(fact) or _REQUEST.match(fact) or _OPINION.match(fact) or _ASKS_FOR.match(fact) \
            or _CRAVING.match(fact) or _DEICTIC.match(fact) or _SLIP.match(fact) \
            or _ROUTINE.match(fact) or _ELLIPSIS.match(fact) or _CUT_OFF.search(fact):
        return False
    # someone else's reaction to the chat's thing: "In-laws loved it", "Sister Mia hated that"
    told = re.match(r"^[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?=[a-z])(.+)$", fact)
    reaction = re.sub(r"^(?:totally|absolutely|definitely|so|really)\s+", "",
                      told.group(1)) if told else ""
    # "them" after a present verb is the user ("Mum lives with them now"), not the chat's thing
    if told and _DEICTIC.match(reaction) and (
            re.search(r"(?:ed|ought|ew|ore)\b", reaction.split()[0])
            or not re.search(r"\bthem\b", reaction)):
        return False
    # "The dentist rang this morning": a call, of itself, says nothing lasting
    if re.match(r"^(?:[A-Z][\w'-]*\s+){1,2}(?:rang|called|phoned|texted|emailed|messaged)"
                r"(?:\s+(?:me|them|us))?(?:\s+(?:this morning|this afternoon|today|yesterday|earlier|"
                r"last night|just now|again))?$", fact):
        return False
    # "I said Leeds earlier, but I live in Bradford": the value said, taken back
    if re.match(r"^Said\s+(?-i:[A-Z0-9])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)?(?:\s+(?:earlier|before|"
                r"above|yesterday|just now|last time))?$", fact):
        return False
    if re.match(r"^Said\s+(?:no|yes|no way|no chance|nothing|ok|okay|sure|hi|hello|maybe)$", fact) \
            or re.match(r"^Said\s+(?:no|yes)\s+(?-i:[a-z])", fact):  # "I said no meat, but ..."
        return False  # "I said no way": a word said, not a fact
    if re.search(r"\bthanks?\b|\bthank you\b", fact, re.I):  # said to the assistant
        return False
    if _ASIDE.search(fact) and not re.match(r"^(?:is|has|was)\s", fact, re.I) \
            or re.match(r"^(?:question|problem|issue|request) is\b", fact, re.I) \
            or re.search(r"\b(?:brb|be right back|please)\b", fact, re.I):
        return False
    if _YOU.search(fact):  # said to the assistant ("Agrees with you"), not about the user
        return False
    words = re.findall(r"[a-z']+", fact.lower())
    return not all(w in _VAGUE or w in {"will", "would", "did", "does", "not", "is", "was",
                                        "has", "can", "could", "just", "really"}
                   or w.rstrip("s") in _VAGUE for w in words)

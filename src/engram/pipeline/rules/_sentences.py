"""Sentence and clause splitting (what carries no fact is told apart in ``_noise``).

Splitting is a small regex pass (faster than pysbd for chat-sized text, and chat rarely
has the abbreviations pysbd is built for). Clauses are split only at a conjunction or a
semicolon that is followed by a new subject, so noun-phrase coordination stays whole.

>>> split_sentences("I'm vegetarian. Any recommendations? Thanks!")
["I'm vegetarian.", 'Any recommendations?', 'Thanks!']
>>> split_clauses("I'm vegetarian, and I'm allergic to peanuts")
["I'm vegetarian", "I'm allergic to peanuts"]
>>> split_clauses("I like salt and pepper")
['I like salt and pepper']
"""

from __future__ import annotations

import re

from engram.pipeline.rules._resaid import resaid
from engram.pipeline.rules._reworded import reworded

__all__ = ["GREETING", "QUESTION_START", "REQUEST", "split_sentences", "split_clauses",
           "strip_discourse", "is_question", "statement_head"]

_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Jr", "Sr", r"e\.g", r"i\.e", "vs", "etc",
                  "approx")
_ABBREV = "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS)
# A trailing-off "..." ends a sentence whatever case the next one opens with: "allergic to
# peanuts... actually it's cashews"; so do "!" and "?" ("got the keys!! unpacking now") and,
# in chat, a plain full stop ("sold the car lol. doing the bike commute now"). After a full
# stop, not after an abbreviation in any case ("on st. giles street") or a dotted one
# ("7 a.m. daily"), nor before an opener that puts right what was just said ("radiohead.
# hmm actually portishead"), which the sentence's correction readers need beside it.
_ABBREV_ANY = "".join(rf"(?<!\b(?i:{a})\.)" for a in (*_ABBREVIATIONS, "no"))
_SENT_END = re.compile(_ABBREV + r"(?<=[.!?])\s+(?=[\"'(]?[A-Z0-9])|(?:(?<=\.\.\.)|(?<=…)|(?<=[!?]))"
                       r"\s+(?=[a-z])|" + _ABBREV_ANY + r"(?<!\b[a-z]\.[a-z]\.)(?<=\w\.)\s+(?=[a-z])"
                       r"(?!(?:hmm|um|actually|sorry|wait|no|nope|oops|i mean|i meant|scratch)\b)|\n+")

# A new clause starts at a conjunction (or ";") followed by a subject and, for nouns,
# a verb: "..., and I'm", "... but I love", "; now I'm", "and she's".
# A finite verb after a noun subject: an auxiliary, a past form or an -s/-ed form.
_FINITE = (r"(?:is|was|has|are|were|had|will|can|does|did|got|went|left|made|took|keeps|found|"
           r"isn't|wasn't|aren't|weren't|hasn't|hadn't|won't|can't|doesn't|didn't|"
           r"bought|sold|began|became|won|lost|met|ran|saw|told|said|gave|came|grew|"
           r"(?-i:[a-z]+(?:[^s']s|ed)))\b")
# A thing's "'s" as "has": "the gig's been moved", "the ankle's fully healed".
_THINGS_HAS = r"the\s+\w+'s\s+(?:been|gone|got|come|just|finally|already|completely|fully)"
_SUBJ = (r"(?!i\s+(?:are|were)\b)(?:please|it\s+(?:is|was)|it's|"
         r"(?:everyone|everybody|(?:most\s+)?people)\s+(?:calls?|knows?)\b|"
         r"the\s+\w+(?:\s+\w+)?\s+(?:is|was|are|were|(?-i:[a-z]{3,}ed))\b|i|i'm|"
         + _THINGS_HAS + r"\b|"
         r"i've|i'd|i'll|we|we're|we've|she|she's|he|he's|they|they're|"
         r"(?:my|our)\s+\w+(?:\s+(?-i:[A-Z][a-z]\w*))?\s+and\s+i\s|"  # "my wife and I ..."
         r"(?:my|our)\s+(?:\w+\s+)?(?!(?:two|three|four|five|six|\d+)\s)\w+(?:'s\s+\w+)?"  # a count
         r"(?:\s+(?-i:[A-Z][a-z]\w*))?\s+" + _FINITE  # is no noun: in "our two cats", "cats" is no verb
         + r"|(?:my|our)\s+(?:\w+\s+)?\w+s\s+(?!(?:and|or|in|at|on|of|to|for|with|from|the|"
           r"a|an)\b)(?-i:[a-z]+)"  # a plural subject with a base verb: "my kids love"
         + r"|(?!(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)(?-i:[A-Z][a-z]\w*)\s+" + _FINITE
         # "... and Sam's moving to Cork": a name with "'s" as "is" before a value
         + r"|(?-i:[A-Z][a-z]\w*)'s\s+(?:a|an|from|(?-i:[a-z]+ing)|\d+|(?-i:[A-Z][a-z]+))"
         + r")\b")
# Imperatives that tell the assistant what to do with a fact just stated.
# ("never" with a participle is the user's own past, "I've" left out: "Never been to Asia")
# ("don't" with a verb of what one has or does is the user's own state, "I" left out:
# "Don't own a car", "don't drink"; so is "never" before a verb in -s: "Never drinks")
_ORDERS = (r"leave|keep|skip|avoid|bear|note|remember|make sure|"
           r"(?:don'?t|do not)(?!\s+(?:have|own|eat|drink|smoke|drive|speak|live|work|like|"
           r"watch|play|cook|know|vape|gamble)\b)|"
           r"never(?!\s+(?:been|had|owned|lived|tried|done|seen|met|learned|learnt|smoked|driven)\b)"
           r"(?!\s+[a-z]+[^s\W]s\b)|no need|stop|hold|drop|exclude|include|factor|use|go easy|steer clear")
_CLAUSE_BREAK = re.compile(
    # "tore my ACL so no footy for months", "coeliac so need recipes": a clause of its own
    r",?\s+so\s+(?=no\s+[a-z]+\s+(?:for|until|till|at\s+all)\b|need\s)|"
    # "I'm 27 but thanks for the compliment": thanks, after what was said
    r",?\s+but\s+(?=(?:thanks|thank\s+you|cheers)\b)|"
    r"\s*(?:;|,?\s+(?:(?:mainly|mostly|partly|largely|purely|simply|only|just)\s+(?=because\b))?(?:and|but|so|although|though|while|because|yet|"
    r"since(?!\s+(?:i|we)\s+(?:was|were)\b))\s+)"
    r"(?:(?:also|then|now|for now|right now|still|so|since then|honestly|frankly|actually|to be honest|these days|"
    r"nowadays)\s*,?\s+)?"
    r"(?=" + _SUBJ + r")|\s*,\s+also\s*,?\s+(?=" + _SUBJ + r")"  # ", also my partner is vegan"
    r"|\s*,\s+(?=(?:so\s+)?please\b|I\s+(?!mean\b|guess\b|think\b)\w+|I'[a-z]+\s|"
    # ", turns out I'm allergic to latex": news after what brought it, with "I" after it
    r"(?:turns\s+out|turned\s+out|apparently|looks\s+like|seems\s+like)\s*,?\s+(?:I|we)\b|"
    + _THINGS_HAS + r"\s|"
    r"we\s+\w+|we'[a-z]+\s|(?-i:[A-Z][a-z]+)\s+is\s+my\b|the\s+(?:whole\s+|entire\s+|old\s+|new\s+)?\w+(?:'s\s+\w+)?(?:\s+(?:of|on|in|at)\s+(?:the\s+|this\s+|that\s+|my\s+)?\w+)?\s+(?:isn't|wasn't|aren't|"
    r"weren't|" + _FINITE + r")\s|"
    # ", they're basically the same": a remark on what was named, a clause of its own
    r"they(?:'re|\s+(?:are|were))\s|"
    # ", you've flipped the digits": a word to the assistant, a clause of its own
    r"you(?:'ve|'re|'d|\s+(?:have|are|had|were|got|mixed|put))\s|"
    # ", cancelled it when ...", ", quit after the summer": a past act, its "I" left out
    r"(?:just\s+)?(?:(?!(?:raised|based)\b)(?-i:[a-z]{3,}ed)|quit|left|sold|gave|got)\s+(?:it|them|that|up|out|"
    r"off|after|the|my|our|"
    r"last|back|away|in|to|into|from|(?-i:[A-Z]\w+))\b|"
    # ", been sober since May": a state with its "I've" left out
    r"been\s+(?-i:[a-z]+)\s|"
    # ", laptop and ID card submitted": things and what was done with them, to the end
    r"(?:[\w'-]+\s+){1,5}?(?:submitted|returned|handed\s+(?:in|back)|sorted|packed|signed|"
    r"sent|booked|paid|cleared)$|"
    # ", oat milk was upsetting my stomach": a reason with a bare noun and its verb
    r"(?-i:[a-z]+)(?:\s+(?-i:[a-z]+))?\s+(?:was|were)\s+(?-i:[a-z]+ing)\s|"
    # ", thanks for asking": thanks, after what was said
    r"(?:thanks|thank\s+you|cheers)\b|"
    # ", commute is brutal now": a bare noun and how it is, a remark of its own
    r"(?!(?:which|that|it|this|there|what|who|where|life|one)\s)(?-i:[a-z]{3,})\s+(?:is|was)\s+"
    r"(?:so\s+|really\s+|pretty\s+|super\s+|absolutely\s+|way\s+too\s+|an?\s+)?(?-i:[a-z]+)(?:\s+now)?\s*$|"
    # ", didn't think I'd manage it": a clause of its own with its "I" left out
    r"(?:didn'?t|don'?t|can'?t|won'?t|couldn'?t|wouldn'?t|shouldn'?t)\s+(?-i:[a-z]+)\b|"
    # ", chicken and fish are fine though": what is allowed, after what is not
    r"(?:[\w'-]+\s+){1,2}?(?:and\s+[\w'-]+\s+)?(?:is|are)\s+(?:totally\s+|perfectly\s+)?(?:fine|ok|okay|alright)\b|"
    # ", people always mix them up", ", everyone says ...": others and what they do
    r"(?:people|everyone|everybody|nobody|no one|someone|somebody)\s+(?-i:[a-z]+)\s|"
    # ", she's turning 10", ", he works nights": a pronoun subject and its verb
    r"(?:she|he)(?:'s\s|'ll\s|'d\s|\s+(?:is|was|has|had|got|went|turned|just|also|still|always|never|only|"
    r"doesn'?t|does\s+not|didn'?t|can'?t|won'?t|isn'?t|wasn'?t|hasn'?t|"
    r"(?-i:[a-z]+[^s'u]s)|(?-i:[a-z]{2,}ed))\s)|"
    # ", it rains a lot" (not ", it was the dust": that one corrects the clause before)
    r"it\s+(?!was\b|is\b)(?-i:[a-z]+s)\s|(?-i:[A-Z][a-z]+)\s+(?:is|was|has)\s+(?=\d)|(?:my|our)\s+(?:\w+\s+)?\w+(?:'s\s+\w+)?(?:\s+(?-i:[A-Z][a-z]\w*))?\s+"
    + _FINITE + r"|(?:his|her|their)\s+\w+\s+(?:is|was|are|were)\s)"
    # "I did until Friday - I've just started at Lloyds", "..., then we're moving"
    r"|\s+[-–—]\s+(?=(?:i|i'm|i've|i'll|we|we're|we've|my|our|it's|it\s+is)\s|"
    # "... - Saturday was our last gig": a name or a day and its verb
    r"(?-i:[A-Z][a-z]+)\s+(?:was|is|were|are|has|had)\s)"
    r"|,\s+then\s+(?=(?:i|i'm|i've|i'll|we|we're|we've|we'll)\s)"
    # "..., but if we did, we'd need ...": the condition is a clause of its own (and read as
    # one); "... but have lived in Leeds for years": the "I" left out before "have"
    r"|,?\s+(?:but|and)\s+(?=if\s|have\s+(?:been|lived|worked|had|got|done|(?-i:[a-z]+ed))\b)"
    # "..., which means we need to move": a consequence with a subject of its own
    r"|,?\s+which\s+means\s+(?:that\s+)?(?=" + _SUBJ + r")"
    # "My new job means I'm up at five": the cause, then the user's own statement
    r"|(?<=\w)\s+means\s+(?:that\s+)?(?=(?:i|i'm|i've|i'll|we|we're|we've)\s)"
    # "..., and once I'm done I want ...": a time clause opens the next statement
    r"|,\s+and\s+(?=(?:once|when|after|as soon as)\s+(?:i|i'm|we|we're)\s)"
    # "... and on Sundays I volunteer": a fronted phrase, then a subject of its own
    r"|\s*,?\s+(?:and|but|so|then)\s+(?=(?:on|at|in|during|after|before|every|most|as\s+of)\s+"
    r"[\w'-]+(?:\s+[\w'-]+){0,3},?\s+(?:I|I'm|I've|we|we're)\s)"
    # "..., so leave it out of the recipes": an instruction to the assistant after a fact
    r"|,\s+(?:so|and)\s+(?=(?:please\s+)?(?:" + _ORDERS + r")\b)"
    # "Divorced, so not looking for anything serious": a consequence, a clause of its own;
    # so is "..., so sleep is a distant memory" (a bare noun and its verb)
    r"|,\s+so\s+(?=not\b|(?-i:[a-z]+)\s+(?:is|was|are|were|has been)\s)"
    # ", my husband's the golfer": a relative with "'s" as "is", a clause of its own
    r"|\s*,\s+(?=(?:my|our)\s+\w+'s\s+(?:the|a|an|not|always|still|now|also|more|much)\b)"
    # "Call me Jo, nobody calls me Joanna": who calls the user what, a clause of its own
    r"|\s*,\s+(?=(?:nobody|no one|everyone|everybody|people)\s+(?:\w+\s+)?calls?\s+me\b)"
    # "Office closed so no more driving in for me": the ending is a clause of its own
    r"|(?:,\s+|,?\s+(?:so|and)\s+)(?=no\s+more\s+(?:(?-i:[a-z]+ing)\b|(?-i:[a-z-]+)\s+for\s+(?:me|us)\b))"
    # "Finally living on my own, no more flatmates": what is gone, a clause of its own
    r"|,\s+(?=no\s+more\s+(?-i:[a-z][\w-]*s)\s*[!.]*$)",
    re.IGNORECASE,
)
_BARE_NP = re.compile(r"^(?:(?i:my|our)\s+\w+(?:\s+[A-Z]\w+)?|[A-Z][a-z]+)$")
_SEMICOLON = re.compile(r"\s*;\s*")

_DISCOURSE = re.compile(
    r"^(?:(?:(?:hey|hi|hello) there|and|but|oh|well|so|ok|okay|yeah|yes|haha+|hah|lol|lmao|"
    # "no" as an interjection, not as a determiner: "No pets anymore" says the user has none
    r"(?:no|nah|nope)(?=\s*[,!.:;\-–—]|\s+(?:i|i'm|i've|i'd|we|we're|my|it|it's|that|they|he|she|you|not|"
    r"thanks|thank|way|wait|sorry|actually|worries|idea|problem)\b)|hey|hi|hello|um|uh|hmm|also|anyway|btw|"
    r"by the way|actually|honestly|sadly|unfortunately|luckily|fortunately|basically|"
    r"since (?:we|i) last (?:spoke|talked|chatted|caught up|saw each other)|"
    r"as i said|as i mentioned|like i said|just so you know|fyi|for the record|now(?!\s+that\b)|then|"
    r"great|good news|big news|news|guess what|remind me|(?:please\s+)?(?:note|remember|keep in mind|"
    r"bear in mind|don'?t forget)(?:\s+that)?(?=\s+(?:i|i'm|i've|i'd|my|we|we're)\b)|note(?: that)?|"
    r"remember(?: that)?|just to let you know|in fact|to be honest|also,? note|these days|"
    r"nowadays|lately|currently|right now|at the moment|quick update|update|"
    # openers of a correction: what follows is the corrected statement
    r"(?:it\s+)?(?:turns|turned) out(?: that)?|wait|oops|whoops|(?:(?:a|one|small|quick|tiny|minor)\s+)*"
    r"(?:correction|update)|to clarify|just to clarify|long story short|tl;?dr|in short|"
    # news of oneself: "found out I'm allergic to cats" (not "found out my ...": a thing's)
    r"(?:i\s+)?(?:just\s+|recently\s+|finally\s+)?found out(?: that)?(?=\s+(?:i|i'm|im|i've)\b)|"
    r"let me correct that|my mistake|my bad|scratch that|sorry|i'?ll be honest|hold on|hang on|"
    r"that'?s (?:wrong|off|not right|not quite right|incorrect)|change of plans?|plans? changed|"
    r"i\s+(?:got\s+(?:that|it|this)\s+wrong|was wrong|made a mistake|misspoke|mis-?typed|"
    r"mixed\s+(?:that|them|it|those)\s+up)(?:\s+(?:earlier|before|last time))?|"
    # "I meant I'm allergic to X": a whole clause restated; "I meant X, not Y" stays
    r"i\s+meant(?:\s+to\s+say)?(?:\s+that)?(?=\s+(?:i\b|my\b|we\b|our\b))|"
    r"i have to say|i must say|i gotta say)"
    r"\s*[,:!.\-–—]*\s+)+",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^[^:]{1,25}:\s+(?=\S)")  # "Big news: ...", "Remind me: ..."
# "Quick one - I'm ...", "Random thought -- my ...": a short heading before a dash
_DASH_LABEL = re.compile(r"^[^–—,]{1,20}?\s+(?:-{1,2}|–|—)\s+(?=\S)")

# Words to the listener that say nothing of the speaker, alone or after a fact.
_TO_LISTENER = r"don'?t ask|don'?t judge(?: me)?|don'?t laugh|go figure|who knows|fingers crossed"
GREETING = re.compile(
    r"^(?:hi|hello|hey|g'?day|hiya|good (?:morning|afternoon|evening|night)|bye|goodbye|see you|"
    r"thanks?|thank you|thx|cheers|ok|okay|k|no(?=\s*[,.!]|\s*$)|nope|yes|yep|yeah|sure|cool|great|nice|"
    r"got it|sounds good|perfect|awesome|alright|all right|no problem|np|lol|haha|"
    r"that'?s all(?: for now)?|nothing else|never mind|welcome|you'?re welcome|"
    r"not much|nothing much|same here|me too|"
    # a word to the listener on its own: "Don't ask.", "Fingers crossed!"
    + _TO_LISTENER + r")\b[\s,.!]*",
    re.IGNORECASE,
)
QUESTION_START = re.compile(
    r"^(?:what|what's|who|whom|whose|where|when|why|how|which|can|could|would|will|"
    r"should|shall|do|does|did|is|are|am|was|were|have|has|any|anything|may|might)\b",
    re.IGNORECASE,
)
REQUEST = re.compile(
    r"^(?:please\s+)?(?:can|could|would|will)\s+you\b|^(?:please\s+)?(?:tell|show|give|"
    r"help|recommend|suggest|find|explain|write|list|search|look up|book|send|summari[sz]e|"
    r"translate|draft|generate|compose|rewrite|calculate|compare|describe|define|outline|"
    r"proofread|remind me|plan)\b|^(?:please\s+)?(?:" + _ORDERS + r")\b|"
    r"^any (?:recommendations|suggestions|ideas|tips)\b|^let'?s\b",
    re.IGNORECASE,
)


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text`` (newlines always end one), stripped, empty ones dropped."""
    return [s.strip() for s in _SENT_END.split(text) if s and s.strip()]


# An aside to the assistant after a statement: "I hate mornings, just so you know".
_ASIDE_TAIL = re.compile(r",?\s+(?:just\s+)?(?:so you know|fyi|for the record|for context|"
                         r"if that helps|if that matters|in case (?:that|it) matters|"
                         r"for what it'?s worth|"
                         r"by the way|btw|to be honest|to be fair|honestly|tbh|ngl|imo|if i'?m honest|"
                         r"if i'?m being honest|sadly|haha|lol|really|i guess|i suppose|"
                         # how the speaker feels about it: "..., thank god", "..., at last"
                         r"thank (?:god|goodness|heavens|fuck)|thankfully|luckily|fortunately|"
                         r"unfortunately|at last|for once|yay|woo+hoo+|phew|ugh|"
                         # a slip owned up to: "..., easy mix-up", "..., my mistake"
                         r"(?:an?\s+)?(?:easy|common|honest)\s+(?:mix-?up|mistake)|my mistake|my bad|"
                         # a word to the listener: "..., don't ask", "..., go figure"
                         + _TO_LISTENER + r"|believe it or not|"
                         # "..., flights and all": everything that came with it
                         r"(?:the\s+)?[\w'-]+\s+and\s+all|no\s+pressure|so\s+scratch\s+that|never\s+again|"
                         # the listener named at the end: "..., mate", "... bro"
                         # (not one's own: "my best mate", "a good man")
                         r"(?<!\bmy\s)(?<!\bbest\s)(?<!\bour\s)(?<!\bthe\s)(?<!\ba\s)(?<!\bhis\s)"
                         r"(?<!\bher\s)(?<!\btheir\s)(?<!\bold\s)(?<!\bgood\s)(?<!\bnew\s)(?<!'s\s)"
                         r"(?:mate|bro|dude|man|guys|hun|babe|fam)|"
                         # "..., no idea where that came from": a remark on the mix-up
                         r"no\s+(?:idea|clue)\s+(?:where|what|how|why|when)\b.*|"
                         r"though)$", re.I)


# How the speaker feels about it, after a comma: "turned 41, feeling ancient".
_FEELING_TAIL = re.compile(r",\s+(?:feeling\s+(?:(?:so|very|really|a bit|pretty|quite|kind of)\s+)?"
                           r"[a-z]+|(?:(?:really|so|kind of|a bit)\s+)?(?:dreading|loving|hating|"
                           r"enjoying)\s+it|(?:(?:a|such\s+a|so)\s+)?(?:weird|strange|odd|sad|bittersweet|"
                           r"surreal|mixed|emotional|funny)\s+(?:feelings?|day|one))$",
                           re.I)  # "..., dreading it", "..., weird feeling": how it feels
# "... every day since": the time it dangles from was said before.
_DANGLING = re.compile(r"\s+(?:ever\s+)?since$", re.I)


# ", it's harder than it looks", ", it's so relaxing": the speaker's verdict on the thing
_IT_VERDICT = re.compile(r",\s+(?:it'?s|it\s+is|it\s+was|that'?s|that\s+was)\s+(?:(?:so|really|very|pretty|way|a lot|"
                         r"much|quite|super|kinda|a bit)\s+[a-z]+(?:\s+than\s+.+)?|"
                         r"[a-z]+er\s+than\s+.+|(?:great|fun|amazing|awesome|brilliant|tough|"
                         r"hard|lovely|wonderful|terrible|awful|exhausting|rewarding|"
                         r"addictive|relaxing|stressful|boring|lovely|gorgeous|beautiful|perfect|"
                         r"my\s+(?:therapy|escape|happy\s+place|thing|passion|life|jam)|"
                         r"nice|cool|incredible|unreal|epic|magical))$", re.I)


# "..., which explains a lot", "... which means an early start", "..., which was scary":
# what the fact means or how it felt, not a fact of its own
_WHICH_TAIL = re.compile(r",?\s+which\s+(?:(?:explains|means|meant|made|makes|is why|was why|suits|"
                         r"suited|works for|worked for)\b.*|"
                         r"(?:is|was)\s+(?:(?:so|really|pretty|quite|a bit|super|kind of|honestly|"
                         r"literally|actually)\s+)?"
                         r"(?:scary|great|nice|annoying|a relief|a pain|hard|tough|fun|weird|mad|"
                         r"crazy|insane|wild|nuts|brutal|unreal|"
                         r"odd|funny|lovely|amazing|awful|sad|exciting|stressful)\b.*)$", re.I)


_FELT = r"(?:(?:so|very|really|pretty|a bit|quite|super|kinda)\s+)?(?-i:[a-z]+(?:ing|ed|ful|ous|ible|able|ic|y))"
_DASH_FEELING = re.compile(rf"\s+[-–—]\s+{_FELT}(?:,?\s+(?:but|and|yet)\s+{_FELT})?$", re.I)


def _tails(piece: str) -> str:
    piece = _WHICH_TAIL.sub("", piece.strip(" ,"))
    piece = _DASH_FEELING.sub("", piece)  # "going freelance - terrifying but exciting"
    piece = re.sub(r"(?<=\w\w)\s+(?:too|as well)$", "", piece, flags=re.I)  # "allergic to cats too"
    piece = _IT_VERDICT.sub("", _ASIDE_TAIL.sub("", piece))
    return _DANGLING.sub("", _FEELING_TAIL.sub("", piece))


# "..., don't tell my dad", "..., don't worry": said to the listener, no "I" left out
_TO_YOU = re.compile(r"^(?:don'?t|do not)\s+(?:tell|worry|judge|laugh|ask|forget|panic|mention|say|"
                     r"bother|get|let|be|mind|wait|hold)\b", re.I)


def split_clauses(sentence: str) -> list[str]:
    """Independent clauses of one sentence, end punctuation removed."""
    body = _ASIDE_TAIL.sub("", sentence.strip().rstrip(".!"))
    body = resaid(body)
    body = reworded(body)
    parts: list[str] = []
    for chunk in _SEMICOLON.split(body):
        for piece in (_tails(p) for p in _CLAUSE_BREAK.split(chunk)):
            # "My wife Julia | I are ..." / "Chris | I got ...": a bare noun phrase before
            # "and I" is a compound subject, not a clause of its own.
            if (parts and _BARE_NP.match(parts[-1]) and re.match(r"I\b", piece)
                    and re.search(re.escape(parts[-1]) + r",?\s+and\s+I\b", chunk)):
                parts[-1] = f"{parts[-1]} and {piece}"
            elif piece:
                # "..., don't like coffee": the "I" left out is the speaker's (after "so" or
                # "and" it is an order: "..., so don't call before 8")
                left_out = parts and re.search(r",\s*" + re.escape(piece[:20]), chunk) \
                    and not _TO_YOU.match(piece)
                if left_out:  # ", been sober since May": "I've" left out
                    piece = re.sub(r"^(?=been\s)", "I've ", piece, flags=re.I)
                parts.append(re.sub(r"^(?=(?:didn'?t|don'?t|can'?t|won'?t|couldn'?t|wouldn'?t)\s)", "I ",
                                    piece, flags=re.I)
                             if left_out else re.sub(r"^(?=have\s)", "I ", piece) if parts else piece)
    # "No kids, just a very spoiled cat": none of one, and the other had
    for i, part in enumerate(parts):
        m = re.match(r"^(no\s+[\w-]+),\s+(?:just|only)\s+((?:a|an|one|two|three|some)\s+.+)$", part, re.I)
        if m:
            parts[i:i + 1] = [m.group(1), f"I have {m.group(2)}"]
    # "if we did | we'd need a bigger flat", "given a big win | I'd ...": a condition and
    # what hangs on it are one clause
    for i in range(len(parts) - 2, -1, -1):
        if re.match(r"^(?:if|unless|supposing|assuming|(?:were|should|had)\s+(?:i|we))\s", parts[i], re.I) or (
                re.match(r"^(?:given|with)\s+(?:a|an|the|some)\s", parts[i], re.I)
                and re.match(r"^(?:i|we)(?:'d|\s+would)\b", parts[i + 1], re.I)):
            parts[i:i + 2] = [f"{parts[i]}, {parts[i + 1]}"]
    return parts


# "Now that it's winter I'm taking the bus", "Because I moved I cycle": a reason said
# first with no comma before the user's own clause: the reason goes ("since March I've
# ..." keeps its time, so "since" is not one of them).
_LEAD_REASON = re.compile(r"^(?:(?!.*,)(?:now that|because|seeing as|given that)\s+[^,]{3,60}?|"
                          # "since the office moved out ...": a reason, unlike "since March"
                          r"since\s+(?:the|my|our|his|her|their)\s+\w+(?:\s+\w+)?\s+(?-i:[a-z]+ed)"
                          r"\b[^,]{0,60}?)\s+"
                          r"(?=(?-i:I|I'm|I've|I'll|We|we|we're|we've)\s)", re.I)
# "Since I'm vegan, what can I bring?": the reason given for a question is a statement
_BECAUSE = re.compile(r"^(?:since|because|given that|now that|seeing as)\s+"
                      r"(?=(?:i|i'm|i've|we|we're|we've|my|our)\b|"
                     r"the\s+\w+(?:\s+\w+)?\s+(?-i:[a-z]+ed)\b)", re.I)  # "since the office moved,"


def strip_discourse(clause: str) -> str:
    """Drop leading discourse markers and short labels ("Big news:", "As I said,")."""
    prev = None
    while prev != clause:
        prev = clause
        clause = _BECAUSE.sub("", _LEAD_REASON.sub("", _DISCOURSE.sub("", clause)))
        for label in (_LABEL, _DASH_LABEL):
            m = label.match(clause)
            if m and not re.search(r"\b(?:is|am|are|was|have|has|i|i'm|my|we)\b|'",
                                   m.group(0), re.I):
                clause = clause[m.end():]
    return clause.strip(" ,")


# "Bit grey today, isn't it": a remark that asks to be agreed with, small talk, unless the
# speaker states something of their own ("I'm early, aren't I").
_TAG = re.compile(r",\s+(?:isn'?t|wasn'?t|aren'?t|weren'?t|doesn'?t|don'?t|didn'?t|won'?t|"
                  r"hasn'?t|haven'?t|innit)(?:\s+(?:it|they|there|he|she|that|this))?\s*[.!?]*$",
                  re.I)


def is_question(sentence: str) -> bool:
    """A question by its mark or by its opening word (chat often omits the mark), or a
    remark with a question tag.

    >>> is_question("Bit chilly out, isn't it."), is_question("I'm early, aren't I.")
    (True, False)
    """
    s = sentence.strip()
    if _TAG.search(s) and not re.match(r"^(?:i|i'm|i've|my|we|we're|our)\b", s, re.I):
        return True
    return s.endswith("?") or bool(QUESTION_START.match(s) and len(s.split()) > 1
                                   and not re.match(r"^(?:is|was|has)\b", s, re.I)
                                   and s.endswith("?"))


# Where a question or request starts inside a sentence that opened with a statement:
# "my son has a nut allergy, can you suggest snacks?" / "I moved - any tips on ...?"
_ASK_TAIL = re.compile(r"\s*(?:,|;|:|\s[-–—])\s*(?:so\s+|and\s+|but\s+)?(?=(?:what|what's|who|where|"
                       r"when|why|how|which|can|could|would|will|should|do|does|did|is|are|"
                       r"any|anything|got|know|please|recommend|suggest|tell|help|ideas?|"
                       r"tips?|thoughts?)\b)", re.I)


def statement_head(sentence: str) -> str | None:
    """The statement that opens a sentence ending in a question, if it has one.

    >>> statement_head("My son has a nut allergy, can you suggest safe snacks?")
    'My son has a nut allergy'
    >>> statement_head("What should I bake this weekend?") is None
    True
    """
    s = sentence.strip()
    if not s.endswith("?") or QUESTION_START.match(s) or REQUEST.match(s):
        return None
    m = _ASK_TAIL.search(s)
    head = s[:m.start()].strip(" ,;:-") if m else ""
    return head if len(head.split()) >= 3 else None

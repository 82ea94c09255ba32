"""Chat spellings said as the words they stand for, before any reader sees the text.

People type to an assistant on a phone: "im 27", "moved to leeds last wk", "legs r dead",
"me n chloe split up", "mornings def", "sold the civic lol, just cycle now". The readers
were written for words, capitals and commas; chat leaves out apostrophes and capitals,
shortens words, and scatters fillers (lol, tbh, ngl) that carry nothing and stop a
clause from being cut where it ends. Each shape below is spelt out once, here:

- apostrophes left out ("didnt", "im", "ill give it a go") and shortened words ("wk",
  "abt", "b4", "w", "u", "r" between two words, "n" between two words);
- fillers removed ("lol", "tbh", "ngl", "btw", a closing "def");
- a place typed in lower case after a verb of living or moving ("moved to leeds", "based
  in cork"), and a name after "called", "named" or "call me", get their capital.

>>> plain_chat("im 27 but thx lol")
"I'm 27 but thanks"
>>> plain_chat("moved to leeds last wk tbh, commute is brutal")
'moved to Leeds last week, commute is brutal'
>>> plain_chat("me n chloe split up, legs r dead")
'me and Chloe split up, legs are dead'
>>> plain_chat("shes called miso"), plain_chat("moved to days")
("she's called Miso", 'moved to days')
"""

from __future__ import annotations

import re

from engram.pipeline.rules._facts import RELATIONS

__all__ = ["plain_chat"]

# Spellings with the apostrophe left out, and shortened words, as the words they are.
_WORDS = {"wanna": "want to", "gonna": "going to", "gotta": "got to", "'em": "them",
          "shes": "she's", "hes": "he's", "theyre": "they're",
          "youre": "you're", "thats": "that's", "theres": "there's", "whats": "what's",
          "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't", "wasnt": "wasn't",
          "arent": "aren't", "couldnt": "couldn't", "wouldnt": "wouldn't",
          "shouldnt": "shouldn't", "havent": "haven't", "hasnt": "hasn't", "dont": "don't",
          "cant": "can't", "im": "I'm", "ive": "I've", "id rather": "I'd rather",
          "id like": "I'd like", "id love": "I'd love", "abt": "about", "b4": "before",
          "thx": "thanks", "thnx": "thanks", "pls": "please", "plz": "please",
          "bc": "because", "cuz": "because", "coz": "because", "wk": "week", "wks": "weeks",
          "wknd": "weekend", "yr": "year", "yrs": "years", "nite": "night", "tmrw": "tomorrow",
          "tmr": "tomorrow", "rn": "right now", "atm": "at the moment", "defo": "definitely",
          "deffo": "definitely", "w/": "with ", "ur": "your", "appt": "appointment",
          "appts": "appointments"}
_WORD = re.compile(r"(?<![\w'/])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+")
                                                 for w in sorted(_WORDS, key=len, reverse=True))
                   + r")(?![\w'])", re.I)
# Letters that stand for a word only between two words: "legs r dead", "me n chloe",
# "obsessed w golf", "can u help", "v bad at it", "ill give it a go".
_BETWEEN = [(re.compile(p), r) for p, r in [
    (r"(?<=[a-z] )r(?= [a-z])", "are"), (r"(?<=[a-z] )n(?= [a-z])", "and"),
    (r"(?<=[a-z] )w(?= [a-z])", "with"), (r"(?<=[a-z] )u(?=\W|$)", "you"),
    (r"(?<![\w'])u(?= (?:r|are|know|can|have|could|should|think)\b)", "you"),
    (r"(?<![\w'])v(?= [a-z]{3,})", "very"),
    (r"(?i)^its(?= (?!own\b)[a-z])", "it's"),  # "its tree nuts actually"
    (r"(?i)(?<=\bbut )its(?= (?:so|too|really|very|a|an|not|just|quite|pretty)\b)", "it's"),  # "but its so pricey"
    (r"(?i)(?<![\w'])ill(?= (?:give|be|try|have|go|get|do|take|make|just|probably|never|let|need|"
     r"see|look|check|stick|keep|call|send|bring)\b)", "I'll"),
]]
# Fillers that carry nothing ("lol", "tbh"), with the space before them; a closing "def".
# ("literally" is emphasis in chat, and stands between a frame and its words: "but
# literally everyone calls me Ola")
_FILLER = re.compile(r"\s*(?<![\w'])(?:literally|lol+|lmf?ao+|rofl|ha(?:ha)+h?|he(?:he)+|ngl|tbh|tbf|btw|fr|imo|"
                     r"imho|obvs)(?![\w'])|\s+def(?=\s*[.!?]*\s*$)"
                     # what came with it, said in passing: "promoted, pay rise and all!"
                     r"|,\s+(?:[\w-]+\s+){1,3}and\s+all(?=\s*[.!?]+|\s*$)", re.I)
# A place after a verb of living or moving, typed in lower case ("moved to leeds").
_PLACE_AFTER = re.compile(r"\b(?:moved|moving|move|relocated|relocating|live|lives|living|lived|based|"
                          r"settled|grew\s+up|(?:own|new)\s+(?:house|flat|place|apartment))\s+(?:(?:up|down|over|back)\s+)?"
                          r"(?:to|in)\s+"
                          r"(?P<place>(?:(?:new|san|los|las|st|saint|port|north|south|east|west|fort|"
                          r"hong|kuala|buenos|rio|tel|abu|ho\s+chi)\s+)?[a-z][a-z'-]{2,})\b", re.I)
_NO_PLACE = frozenset("""the a an my our his her their this that these those with town city
country countryside days nights mornings evenings part full remote another new here there home
uni school work halls together sin fear hope peace over for on at to from with by about
yesterday today tonight tomorrow last next recently now again properly soon""".split()) \
    | frozenset("""monday tuesday wednesday thursday friday saturday sunday mondays tuesdays
    wednesdays thursdays fridays saturdays sundays""".split())  # noqa: SIM905 (word lists)
# A name after "called", "named" or "call me", typed in lower case ("shes called miso").
_NAME_AFTER = re.compile(r"\b(?:called|named|call\s+me|go\s+by|me\s+and|(?:sur|last\s+|first\s+|nick)?name(?:'s|\s+is)|"
                         r"(?:baby|little)\s+(?:boy|girl),?|this\s+(?:guy|girl|lad|bloke))\s+(?P<name>[a-z][a-z'-]+)\b(?!/)")
# A place put right just after one given its capital: "live in Leeds, sorry, york".
_PLACE_PUT_RIGHT = re.compile(r"(?<=[A-Z][a-z])(?P<gap>[a-z'-]*,\s*(?:(?:sorry|no|nope|i\s+mean|wait|oops)"
                              r"\s*,?\s*)+)(?!(?:sorry|no|nope|wait|oops|mean)\b)(?P<place>[a-z][a-z'-]{2,})\b")
# A word put right with an asterisk, as chat does: "sorry 15th*", "*Tuesday".
_STARRED = re.compile(r"(?:(?<=^)|(?<=[\s,.!]))(?:(?:sorry|oops|whoops|i\s+mean)[,\s]+)?"
                      r"(?:\*(?P<a>[\w'-]+)(?![\w*])|(?P<b>[\w'-]+)\*(?![\w*]))", re.I)
_NOT_A_NAME = frozenset("""it that this the a an me him her them us you off in out up back for
my his our their your i we
about by after something anything nothing what yesterday today tonight tomorrow earlier again
last next now twice once round over born came is was has
when whenever if anytime asap crazy lazy old-fashioned paranoid biased mate""".split())  # noqa: SIM905


def _capital(m: re.Match[str], group: str, stop: frozenset[str]) -> str:
    word = m.group(group)
    if " " not in word and (word.lower() in stop or word.lower().endswith("ed")):  # ("new york" is a name whole)
        return m.group(0)
    start = m.start(group) - m.start()
    return m.group(0)[:start] + " ".join(w[:1].upper() + w[1:] for w in word.split())


# A relation's possessive with its apostrophe left out: "my partners name is alex".
_KIN_S = re.compile(r"\b((?:my|our)\s+(?:" + "|".join(sorted(RELATIONS, key=len, reverse=True))
                    + r"))s(?=\s+(?:name|birthday|surname|job|car|house|flat|wedding)\b)", re.I)


# A kin word opening a sentence in lower case, its "my" dropped as chat does: "wife is a
# dentist", "bro just got engaged" (the capital lets it be read as who the sentence is about).
_KIN_OPENS = re.compile(r"(?:(?<=^)|(?<=[.!?]\s))(?-i:(wife|husband|partner|boyfriend|girlfriend|fiance|fiancee|"
                        r"mum|mom|dad|son|daughter|brother|sister|grandma|grandad|grandpa|nan|gran|"
                        r"aunt|uncle|cousin|niece|nephew|bestie|flatmate|roommate|boss))"
                        r"(?=\s+(?:is|was|'s|has|had|just|still|finally|got|can'?t|won'?t|doesn'?t|"
                        r"(?-i:[a-z]{3,}(?:s|ed))\b))")


# Shouting: two or more words in capitals, one of them a long one ("PASSED THE BAR",
# "CAST IS OFF"), not an acronym ("NHS", "UK").
_SHOUTED = re.compile(r"\b[A-Z][A-Z']+(?:\s+[A-Z][A-Z']*)+\b")


def _unshouted(m: re.Match[str]) -> str:
    words = m.group(0).split()
    if len(words) < 3 and not any(len(w) >= 4 for w in words):
        return m.group(0)
    return " ".join("I" if w == "I" else w.lower() for w in words)


def _starred(m: re.Match[str]) -> str:
    """"sorry 15th*" -> "I meant the 15th." (a sentence of its own, as the readers of a
    value put right know it)."""
    value = m.group("a") or m.group("b")
    the = "the " if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", value) else ""
    return f"I meant {the}{value}. "


def plain_chat(text: str) -> str:
    """``text`` with chat's spellings spelt out (see the module's docstring)."""
    text = _SHOUTED.sub(_unshouted, _FILLER.sub("", text))
    text = _WORD.sub(lambda m: _WORDS.get(m.group(0).lower(), _WORDS.get(
        re.sub(r"\s+", " ", m.group(0).lower()), m.group(0))), text)
    for pattern, word in _BETWEEN:
        text = pattern.sub(word, text)
    text = _KIN_S.sub(r"\1's", text)
    text = _KIN_OPENS.sub(lambda m: m.group(1).capitalize(), text)
    text = _PLACE_AFTER.sub(lambda m: _capital(m, "place", _NO_PLACE), text)
    text = _PLACE_PUT_RIGHT.sub(lambda m: _capital(m, "place", _NO_PLACE), text)
    text = _NAME_AFTER.sub(lambda m: _capital(m, "name", _NOT_A_NAME), text)
    text = _STARRED.sub(_starred, text)
    return re.sub(r"[ \t]{2,}", " ", re.sub(r"[ \t]+([,.!?])", r"\1", re.sub(r"^[,\s]+", "", text)))

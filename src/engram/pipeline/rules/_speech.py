"""Whose statement is it? Reported speech, quotations, forwards and hypotheticals.

A memory layer that takes every sentence in a user turn as the user's own word can be
poisoned: "my friend thinks I don't live in Lisbon" is not a statement that the user
does not live in Lisbon, and a forwarded email full of "I'm not ..." is a stranger's
text. These helpers remove what the user only reports, quotes, forwards or imagines, so
it can neither add a fact nor delete or update one. What the user says about their own
belief ("I think I'm allergic to ...") stays: it is still their statement.

>>> own_text('Got this email from a stranger: I am not vegan. I hate cats.')
[]
>>> own_text('She said "I quit my job" and laughed. I work at a bakery.')
['She said and laughed.', 'I work at a bakery.']
>>> is_reported("my boss said I'm getting promoted"), is_reported("I think I'm ready")
(True, False)
>>> is_hypothetical("If I win the lottery I'd buy a boat")
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from engram.pipeline.rules._chatnames import chat_names
from engram.pipeline.rules._chatspeak import plain_chat
from engram.pipeline.rules._rewrite import base_verb, pronouns_to_third
from engram.pipeline.rules._sentences import split_sentences
from engram.pipeline.rules._subjects import LIKING_VERBS

__all__ = ["taken_up", "own_text", "is_reported", "is_hypothetical", "advice"]

# Verbs that introduce someone else's words or opinion ("she said", "he thinks").
_REPORTING = (r"(?:think|thinks|thought|say|says|said|claim|claims|claimed|believe|believes|"
              r"believed|insist|insists|insisted|reckon|reckons|reckoned|assume|assumes|"
              r"assumed|suspect|suspects|suspected|swear|swears|swore|argue|argues|argued|"
              r"write|writes|wrote|mention|mentions|mentioned|tell|tells|told|text|texts|"
              r"texted|email|emails|emailed|messaged|post|posts|posted|guess|guesses|guessed|is convinced|was convinced|"
              r"keeps? saying|kept saying|seems? to think|seemed to think|heard|hears|"
              r"imagine|imagines|imagined|joked|jokes|suggested|suggests|accused|accuses)")
# A subject that is not the speaker: "my friend (Lena)", "Lena", "she", "people", "a guy".
_OTHER = (r"(?:(?:(?:one|two|both|all|some|none)\s+of\s+)?(?:my|our|his|her|their|a|an|the|some|this|that)\s+"
          r"(?:\w+\s+){0,2}?\w+"  # "one of my mates said": some of them
          # a verb of liking said without "I" names no one: "Prefer emails over calls"
          r"(?-i:\s+[A-Z][\w'-]+)?|(?!(?:" + "|".join(sorted(LIKING_VERBS)) + r")s?\s)"
          r"(?-i:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)|he|she|they|you|"
          r"someone|somebody|everyone|everybody|people|nobody|no one|it)")
_REPORTED = re.compile(
    r"^(?:(?:and|but|so|also|then|well|oh|now|apparently),?\s+)*" + _OTHER
    + r"\s+(?:(?:really|still|always|also|even|just|once|apparently|actually|"
      r"keeps|kept|has|had|have|all|never|honestly|probably|firmly|seriously)\s+){0,2}"
    + _REPORTING + r"\b", re.I)
# The speaker passing on what they only heard or read: "I heard that ...", "I was told ...".
# "I read" passes on only with what was read ("I read that ...", "read somewhere"); "I read
# paper books" is a habit of the speaker's own.
_HEARSAY = re.compile(r"^(?:i|we)\s+(?:(?:just|once|recently)\s+)?(?:heard|read\s+(?:that|somewhere|"
                      r"online|in|on|about|an?\s+(?:article|post|study|report|piece|thread))|was told|"
                      r"were told|got told|have heard|'ve heard|saw online|saw somewhere)\b"
                      r"|^(?:according to|apparently|rumou?r (?:has it|is)|word is)\b"
                      r"|^(?:(?:they|people|some)\s+say)\b", re.I)
# A message or document whose text follows: "an email I received from a stranger: ...".
_FORWARD = re.compile(
    r"\b(?:an?|the|this|that|these|his|her|their|my|our|some)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:e-?mail|message|letter|text|note|dm|post|tweet|comment|review|voicemail|memo|"
    r"notice|chat|transcript|quote|reply|response)s?\b[^:]{0,80}:(?!//)\s*|"  # not "https://"
    r"\b" + _REPORTING + r"(?:\s+(?:me|us|this|that|it))?\s*:(?!//)\s*|^\s*(?:fwd?|forwarded "
    r"message|-{2,}\s*forwarded|from|subject|to)\s*:", re.I)
_QUOTED_SPAN = re.compile(r"\"[^\"]*[.!?\n][^\"]*\"|“[^”]*[.!?\n][^”]*”")
_REPORTING_AT = re.compile(_REPORTING + r"\b", re.I)
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»|(?<!\w)'[^']{12,}'(?!\w)")
_HYPOTHETICAL_START = re.compile(
    r"^(?:(?:and|but|so|well|oh|also|honestly|frankly|seriously|realistically),?\s+)?(?:if|suppose|"
    r"supposing|imagine|imagining|(?:were|should|had)\s+(?:i|we)\s+(?=to\b|\w+ed\b|been\b)|"
    r"assuming|hypothetically|what if|in case|even if|unless|say if|let'?s say|pretend|"
    r"in theory|in a perfect world|in another life|someday,? if|"
    # a condition said with a noun: "Given a big lottery win, I'd ...", "With a million, I'd"
    r"(?:given|with)\s+(?:a|an|the|some)\s+[^,]{2,40},\s*(?:i|we)(?:'d|\s+would)\b|"
    # "I sometimes wonder what it would be like to ...": a musing, not a state
    r"(?:i|we)\s+(?:\w+\s+)?(?:wonder|wondered|daydream|dream)\s+(?:what|whether|if|how)\b)"
    r"\b",  # a whole word: "Ifeoma is a midwife" opens with no "if"
    re.I)
# "..., if I had the money": a condition inside the sentence ("I wonder if" is a question).
_IF_INSIDE = re.compile(r"(?<!\bwonder)(?<!\bknow)(?<!\bsure)(?<!\bask)(?<!\bsee)"
                        r"(?<!\bcheck)(?<!\bremember)(?<!\bsee)\s+(?:only\s+|even\s+)?if\s+"
                        r"(?:i|we|only|money|it|they|things|time)\b", re.I)
_WISH = re.compile(r"^(?:(?:and|but|so)\s+)?(?:i|we)\s+(?:wish|might|may|could|'d have|"
                   r"would have|dream of|fantasi[sz]e)\b|^(?:maybe|perhaps)\s+(?:i|we)\b"
                   # what would be by now, had things gone otherwise: "I'd be fluent by now"
                   r"|^(?:i|we)(?:'d|\s+would)\s+(?:probably\s+|definitely\s+)?(?:be|have)\b(?=.*\bby\s+now\b)",
                   re.I)


# Advice the speaker was given: "my doctor says I need to cut down on salt", "my coach
# told me to rest". What the adviser said is not the speaker's own claim, but that they
# were told it is a lasting fact about them, kept under the adviser's name.
_ADVICE = re.compile(r"^(?:my|our)\s+((?:\w+\s+)?(?!(?:at|in|from|for|of)\b)\w+)(?:\s+(?-i:[A-Z][a-z]+))?"
                     r"(?:\s+(?:at|from|in)\s+(?-i:[A-Z])[\w&'-]*)?\s+(?:says|said|"  # "my manager at Arup"
                     r"told me|tells me|has told me|advised me|advises me|recommended|"
                     r"recommends|suggested|suggests|wants me|insists)\s+(?:that\s+)?"
                     r"(?:i\s+(?:need to|should|must|have to|ought to|shouldn't|must not)\s+|to\s+|"
                     r"(?=not\s+to\s+))(.+)$", re.I)


def advice(clause: str) -> tuple[str, str] | None:
    """(adviser, advice) for advice the speaker reports being given.

    >>> advice("My physio told me to stretch every morning")
    ('physio', 'stretch every morning')
    >>> advice("My brother thinks I'm lazy") is None
    True
    """
    m = _ADVICE.match(clause.strip())
    if not m or re.search(r"\b(?:shouldn't|must not)\b", clause, re.I):
        return None
    adviser = m.group(1) if m.group(1).isupper() else m.group(1).lower()  # "GP" stays
    return adviser, m.group(2).strip(" .!")


_SUGGESTED = re.compile(r"\b(?:thinks|reckons|says|said|suggested|suggests|keeps saying|"
                        r"keeps telling me|wants me|wanted me|told me)\s+(?:that\s+)?"
                        r"(?:i\s+(?:should|ought to|need to|must)\s+|to\s+)([a-z]+)\b(.*)$", re.I)
_TAKEN_UP = re.compile(r"^(Is (?:not\s+)?(?:really\s+)?(?:interested|keen|sold|up for it))$", re.I)


def _gerund(verb: str) -> str:
    low = verb.lower()
    if low.endswith("ie"):
        return low[:-2] + "ying"
    if low.endswith("e") and not low.endswith(("ee", "ye", "oe")):
        return low[:-1] + "ing"
    return low + "ing"


def taken_up(fact: str, clause_before: str | None) -> str:
    """A bare "not interested" after a suggestion is about the suggestion.

    >>> taken_up("Is not interested", "My uncle says I should try fly fishing")
    'Is not interested in trying fly fishing'
    >>> taken_up("Is not interested", "It rained all day")
    'Is not interested'
    """
    m = _TAKEN_UP.match(fact)
    s = _SUGGESTED.search(clause_before or "")
    if not m or not s:
        return fact
    prep = "on" if "keen" in m.group(1).lower() else "in"
    return f"{m.group(1)} {prep} {_gerund(s.group(1))}{pronouns_to_third(s.group(2))}".rstrip(" ,.")


def is_reported(clause: str) -> bool:
    """Is this clause someone else's words or opinion, or hearsay passed on?"""
    c = clause.strip()
    if re.match(r"^(?:i|we|i'm|i've)\b", c, re.I) and not _HEARSAY.match(c):
        return False
    return bool(_REPORTED.match(c) or _HEARSAY.match(c))


def is_hypothetical(clause: str) -> bool:
    """A condition, a wish or a maybe: not a statement of how things are."""
    # a hedge is no condition: "twice a week if I'm lucky", "if I'm honest"
    c = re.sub(r",?\s*\bif\s+(?:i'?m\s+lucky|i'?m\s+(?:being\s+)?honest)\b", "",
               clause.strip(), flags=re.I)
    return bool(_HYPOTHETICAL_START.match(c) or (" if " in c.lower() and _IF_INSIDE.search(c))
                or _WISH.match(c))


# Pictographs and their joiners (emoji, dingbats, flags); what they show is no fact.
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D\U0001F1E6-\U0001F1FF]+")


# A list item's mark: "- Likes cricket", "* vegan", "2) works at Acme", "• two kids".
_BULLET = re.compile(r"(?:^|\n)[ \t]*(?:[-*+•·–]|\d{1,2}[.)])[ \t]+|[ \t]+•[ \t]+")


# An agent's note of what the user said: "The user mentioned they have a nut allergy",
# "User's daughter is 4". Read as the user's own words.
_REPORTED_USER = re.compile(r"(?:^|(?<=[.!?\n]\s)|(?<=\n))(?:the\s+)?user\s+(?:has\s+)?(?:mentioned|said|"
                            r"stated|noted|indicated|shared|explained|reported|confirmed|told\s+me|"
                            r"says|mentions|notes)\s+(?:that\s+)?(?:they|he|she)(?P<verb>'re|'ve|'s|\s+are|"
                            r"\s+were|\s+(?-i:[a-z]+))?\b", re.I)
_USERS = re.compile(r"(?:^|(?<=[.!?\n]\s)|(?<=\n))(?:the\s+)?user'?s\s+(?=[a-z])", re.I)


def _as_own_words(content: str) -> str:
    def first_person(m: re.Match[str]) -> str:
        verb = (m.group("verb") or "").strip().lower()
        said = {"'re": "I'm", "'ve": "I've", "'s": "I'm", "are": "I am", "were": "I was", "is": "I am",
                "was": "I was", "has": "I have", "does": "I do", "goes": "I go"}.get(verb)
        if said:
            return said
        return f"I {base_verb(verb)}".rstrip()  # "she works nights": "I work nights"
    content = _REPORTED_USER.sub(first_person, content)
    return _USERS.sub("My ", content)


def own_text(content: str) -> list[str]:
    """The sentences of a message that are the speaker's own statements.

    Quoted spans are removed; a sentence that introduces a forwarded or quoted text
    ("... email from a stranger:", "she wrote:") ends the speaker's part of the message.
    """
    kept: list[str] = []
    # A quotation of several sentences or lines is removed whole, before splitting: cut
    # sentence by sentence, its middle would read as the speaker's own words.
    content = _QUOTED_SPAN.sub(" ", content)
    # a stage direction in square brackets ("[shares a photo: ...]", "[laughs]") is no
    # statement of the speaker's; chat spellings are read as the words they stand for
    content = re.sub(r"\s*\[[^\[\]]{0,400}\](?!\()", " ", content)  # not a link's "[text](url)"
    content = plain_chat(content)  # "im 27 lol", "moved to leeds last wk"
    content = chat_names(content)  # "my bf sam" -> "my boyfriend Sam"
    # "Passed my test 🎉 so happy": a pictograph closes what it follows, and is no word
    content = _EMOJI.sub("\n", content)
    content = _as_own_words(content)  # "The user said they have ...": an agent's note
    # a list's bullets and numbers, and markdown's bold, are layout: each item is a line
    content = _BULLET.sub("\n", re.sub(r"\*\*|__", "", content))
    # "(finally!)", "(yay)", "(long story)": a cry in brackets says nothing of its own
    content = re.sub(r"\s*\((?:finally|yay|woo+|lol|haha+|ugh|sigh|fingers crossed|touch wood|"
                     r"long story|don'?t ask|!+|\?+)[!?.]*\)", "", content, flags=re.I)
    # "two kids (8 and 5)": ages in brackets after those they are of
    content = re.sub(r"\b((?:kids|children|sons|daughters|boys|girls|grandkids|twins)\s*)\((\d{1,2}(?:\s*(?:,|and|&)"
                     r"\s*\d{1,2})+)\)", r"\1aged \2", content, flags=re.I)
    # "two kids (Ava is 10, Sam is 7)": a clause in brackets is said beside the sentence
    content = re.sub(r"\s*\(([^()]*\b(?:is|are|was|has|have|'s)\b[^()]*)\)\s*(?:,|(?=[.;!?]|$))",
                     r"; \1; ", content)
    for sentence in split_sentences(content):
        cut = _FORWARD.search(sentence) if ":" in sentence else None
        if cut:  # everything after the colon (and after this sentence) is someone else's
            head = sentence[:cut.start()].strip(" ,:")
            # "My boss just texted me:": the head names the sender, it states nothing
            if len(head.split()) >= 3 and not _REPORTING_AT.match(sentence[cut.start():]):
                kept.append(head)
            break
        sentence = _QUOTED.sub(" ", sentence)
        sentence = re.sub(r"\s{2,}", " ", sentence).strip()
        if sentence:
            kept.append(sentence)
    return kept


def without_vocative(sentence: str, speakers: frozenset[str]) -> str:
    """The sentence without the name of a speaker it is addressed to: "Can't wait to see
    it, Joanna!" and "Hey Jon, I started a course" speak to Joanna and Jon, not of them.

    >>> without_vocative("Can't wait to see it, Joanna!", frozenset({"Joanna", "Nate"}))
    "Can't wait to see it!"
    >>> without_vocative("Hey Jon, I started a course.", frozenset({"Jon"}))
    'I started a course.'
    >>> without_vocative("I met Jon at the gym.", frozenset({"Jon"}))
    'I met Jon at the gym.'
    """
    if not speakers:
        return sentence
    opening, closing = _vocatives(speakers)
    return closing.sub("", opening.sub("", sentence))


@lru_cache(maxsize=256)  # one add's speakers, for each of its sentences: compiled once
def _vocatives(speakers: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A speaker's name opening a sentence (after a greeting) and closing it."""
    who = "|".join(re.escape(n) for n in sorted(speakers, key=len, reverse=True))
    return (re.compile(rf"^(?:(?:hey|hi|hello|oh|wow|thanks|thank you|yeah|yes|no|well|so|"
                       rf"haha|ok|okay),?\s+)?(?:{who})\s*[,!:-]+\s*", re.I),
            re.compile(rf",\s*(?:{who})\s*(?=[.!?]*$)"))

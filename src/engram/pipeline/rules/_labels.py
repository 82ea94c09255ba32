"""Values given under a label, as forms, profiles and notes write them: "Favorite color:
blue", "Allergies: peanuts", "Loves: jazz, cooking", "City: Porto", "Age 34".

A label that names a kind of fact the clause reader knows (an allergy, a home, a liking,
an age) is put back into the words a person would say (:func:`label_clause`), so lists
split and the facts take their usual form; any other label keeps its own words
(:func:`labelled`).

>>> label_clause("Allergies: peanuts, shellfish")
"I'm allergic to peanuts, shellfish"
>>> label_clause("Loves: jazz, cooking and hiking")
'I love jazz, cooking and hiking'
>>> label_clause("Age 34"), label_clause("City: Porto")
("I'm 34", 'I live in Porto')
>>> labelled("Favorite color: blue"), labelled("Big news: I'm moving to Leeds")
('Favorite color is blue', None)
"""

from __future__ import annotations

import re

from engram.pipeline.rules._rewrite import PAST_FORMS, article, capitalise

__all__ = ["label_clause", "labelled"]

# "Label: value" on a line of its own; a time ("at 10:30") is none.
_LABEL_LINE = re.compile(r"^([A-Za-z][\w ]{0,24}?)(?<!\d)\s*:\s*(?!\d)([^:]{1,40})$")
# The same with a value of any length, for labels the clause reader re-reads.
_LABEL_ANY = re.compile(r"^([A-Za-z][\w ]{0,24}?)\s*(?::|\s[-–—])\s*([^:]{1,160})$")
# An age given as a label, with or without a colon: "Age 34", "age: 34".
_AGE = re.compile(r"^age\s*:?\s*(\d{1,3})$", re.I)

# Headings that introduce what follows, not a value of their own.
_NOT_LABELS = {"correction", "typo", "update", "edit", "fix", "ps", "p.s", "note", "sorry",
               "oops", "actually", "wait", "scratch that", "make that", "i mean"}

# Words that open a clause, not a label: "We have triplets: Tom, Jo and Sam".
_SUBJECTS = {"i", "we", "my", "our", "you", "he", "she", "they", "it", "this", "there"}
# Labels that are the verb of what follows them: "Loves: jazz" is "I love jazz".
_VERB_LABELS = {"loves": "love", "likes": "like", "hates": "hate", "enjoys": "enjoy",
                "prefers": "prefer", "dislikes": "dislike", "speaks": "speak",
                "plays": "play", "drinks": "drink", "eats": "eat", "avoids": "avoid",
                "owns": "own", "drives": "drive", "studies": "study", "reads": "read",
                "watches": "watch", "listens to": "listen to"}
# Labels whose value reads as the rest of a sentence the speaker would say.
_SAID_AS = [
    (r"(?:first\s+|full\s+)?name", "My name is {v}"),
    (r"nick\s*name|preferred\s+name|goes\s+by", "Call me {v}"),
    (r"pronouns", "My pronouns are {v}"),
    (r"allerg(?:y|ies|ic to)|allergic", "I'm allergic to {v}"),
    (r"(?:home|city|location|hometown|lives in|based in|residence|address)", "I live in {v}"),
    (r"languages?|speaks", "I speak {v}"),
    (r"hobbies|hobby|interests|pastimes", "I enjoy {v}"),
    (r"pets?", "I have {v}"),
    (r"(?:kids|children)", "I have {v} kids"),
    (r"diet", "I'm {v}"),
    (r"(?:job|occupation|profession|role|job title|title|work)", "{job}"),
]
_SAID_AS_RE = [(re.compile(rf"^(?:{p})$", re.I), s) for p, s in _SAID_AS]
_NAMED = ("My name is {v}", "Call me {v}")  # a name typed in lower case is still a name


def label_clause(sentence: str) -> str | None:
    """The words a labelled value stands for, when its label names a kind of fact:
    "Allergies: nuts" -> "I'm allergic to nuts"; None for any other line."""
    text = sentence.strip(" .!")
    age = _AGE.match(text)
    if age:
        return f"I'm {age.group(1)}"
    m = _LABEL_ANY.match(text)
    if not m:
        return None
    label, value = m.group(1).strip().lower(), m.group(2).strip()
    if re.match(r"^(?:i|i'm|my|we|you|he|she|they|it)\b", value, re.I):
        return None  # a clause after a heading, not a value
    new = re.match(r"^(?:found|got|have|started|picked up|took up|chose)\s+(?:a|my)\s+new\s+([a-z]+)$", label)
    if new:  # "Found a new hobby: pottery" -> "My new hobby is pottery"
        return f"My new {new.group(1)} is {value}"
    if label in _VERB_LABELS:
        return f"I {_VERB_LABELS[label]} {value}"
    for pat, said in _SAID_AS_RE:
        if not pat.match(label):
            continue
        if said == "{job}":  # "Job: nurse" is what they are, "Work: Stripe" where
            return f"I work at {value}" if value[:1].isupper() and " " not in value \
                else f"I'm {article(value)} {value}"
        if "kids" in said and not re.fullmatch(r"\d+|one|two|three|four|five|six|no", value, re.I):
            return None  # "Kids: Ava (10) and Sam (7)": more than a count
        if said in _NAMED and value.islower():
            value = value.title()  # "name: tomasz" typed in lower case is still a name
        if label == "diet" and len(value.split()) > 2:
            return None  # "Diet: mostly fish and rice": what is eaten, not a kind of eater
        return said.format(v=value)
    return None


def labelled(sentence: str) -> str | None:
    """"Favorite color: blue" -> "Favorite color is blue" ("Big news: ..." is not one)."""
    m = _LABEL_LINE.match(sentence.strip(" .!"))
    if not m or len(m.group(2).split()) > 5:
        return None
    label, value = m.group(1).strip(), m.group(2).strip()
    head = label.split()[0].lower()
    if label.lower() in _NOT_LABELS or head in PAST_FORMS or head.endswith("ed") or head in _SUBJECTS:
        return None  # "Correction: the 14th" puts a value right; "Found a new hobby: X" tells
    if re.match(r"^(?:i|i'm|my|we|you|he|she|they|it)\b", value, re.I) \
            or re.search(r"\b(?:is|am|are|was|have|has)\b", value):
        return None  # a clause after a heading, not a value
    return f"{capitalise(label.lower())} is {value}"

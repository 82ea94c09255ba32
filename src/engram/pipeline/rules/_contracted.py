"""What a "'s" after a subject stands for: "is", "has", or the subject's own.

"My birthday's actually May 15" is "is" before an adverb or a value; a name's "'s" before
a past participle is "has" ("Luca's moved out"), before a state or a doing "is" ("Ines's
starting uni"); before a noun it is the name's own ("Luca's car"), left as it is.

>>> uncontracted("Luca's finally moved out"), uncontracted("Mum's Polish")
('Luca has finally moved out', 'Mum is Polish')
>>> uncontracted("Luca's car broke down"), uncontracted("She's just begun a degree")
("Luca's car broke down", "She's just begun a degree")
"""

from __future__ import annotations

import re

from engram.pipeline.rules._facts import RELATIONS
from engram.pipeline.rules._subjects import NOT_NAMES

__all__ = ["uncontracted"]

# "My birthday's actually May 15": the contraction is "is" before an adverb or a value.
# A name's "'s" before a past participle is "has", before a state or a doing "is";
# before a noun it is the name's own ("Luca's car").
_NAME_HAS = re.compile(r"^((?-i:[A-Z][a-z][\w-]*))'s\s+(?=(?i:finally|just|already|never|always|"
                       r"been|gone|got|started|moved|left|quit|had|become|taken|bought|found|"
                       r"passed|failed|finished|decided|signed|joined|booked|sold|lost|broken|"
                       r"split|changed|switched)\b|[a-z]{3,}ed\b)")
_NAME_IS = re.compile(r"^((?-i:[A-Z][a-z][\w-]*))'s\s+(?=(?i:now|still|not|also|really|back|off|away|"
                      r"home|pregnant|engaged|married|retired|single|ill|sick|better|in|at|on|"
                      r"a|an|the|going|moving|living|working|renting|studying|training|"
                      r"starting|staying|doing|getting|learning|turning|expecting)\b)")
_KIN = "|".join(sorted(RELATIONS))
_IS_CONTRACTED = re.compile(r"^((?i:my|our|the)\s+\w+|(?i:" + _KIN + r"))'s\s+"
                            r"(?=(?:actually|now|still|really|also|not|called|named|from|"
                            r"on|in|at|a|an|the|off|over|cancelled|canceled|postponed|done|"
                            r"finished|booked|confirmed|moved|completely|fully|totally|healed|fixed|"
                            r"sorted)\b|\d|[A-Z])")  # "March 21": no \b in it


# An activity named bare, then when it is: "pottery's on thursdays now", "life drawing's
# moved to Wednesdays" (a pronoun or a question word is no activity).
_BARE_IS = re.compile(r"^(?!(?:it|that|this|there|here|what|who|where|when|how|he|she|everything|"
                      r"nothing|something|everyone|life|work)'s)((?-i:[a-z][\w-]+)(?:\s+(?-i:[a-z][\w-]+))?)'s\s+"
                      r"(?=(?:on|moved|moving|cancelled|canceled|off|over|back|now|been\s+moved)\b)")
# "The wedding's been moved", "My visa's come through": "has" before a past participle.
_HAS_CONTRACTED = re.compile(r"^((?i:my|our|the)\s+\w+|(?i:" + _KIN + r"))'s\s+"
                             r"(?=(?:been|gone|got|had|come|just|finally|already|never)\b)", re.I)
# A relative is someone who acts: "Mum's moved to Bath", "mum's sold up" ("has"); a
# thing's "'s" before the same form is "is" ("the meeting's moved")
_KIN_HAS = re.compile(r"^((?:(?:my|our)\s+)?(?:" + _KIN + r"))'s\s+"
                      # (a state said with a past form is "is": "called Joon", "retired")
                      r"(?!(?:called|named|based|married|engaged|retired|divorced|separated|"
                      r"widowed|obsessed|excited|worried|stressed|tired|bored|interested|pleased|"
                      r"scared|qualified|allowed|supposed|used|involved|related|settled)\b)"
                      r"(?=(?:[a-z]{2,}ed|sold|left|bought|taken|given|done|found|made|split|won|"
                      r"lost|begun|started|quit)\b)", re.I)
# "We've had to scrap Lisbon": what had to be done was done ("Had to cancel" is read)
_HAVE_HAD_TO = re.compile(r"^(i|we)(?:'ve|\s+have)\s+(?:(?:just|finally|sadly)\s+)?had\s+to\b", re.I)


def uncontracted(clause: str) -> str:
    """The clause with a subject's "'s" spelt out as "is" or "has" where it is one.

    >>> uncontracted("The gig's been called off"), uncontracted("We've had to sell the van")
    ('The gig has been called off', 'We had to sell the van')
    """
    clause = _HAVE_HAD_TO.sub(r"\1 had to", _HAS_CONTRACTED.sub(r"\1 has ", clause))
    clause = _KIN_HAS.sub(r"\1 has ", clause)
    clause = _IS_CONTRACTED.sub(r"\1 is ", _BARE_IS.sub(r"\1 is ", clause))
    if clause.split("'", 1)[0].lower() in NOT_NAMES | {"everything"}:
        return clause  # "She's just begun", "That's done": no name, read elsewhere
    return _NAME_HAS.sub(r"\1 has ", _NAME_IS.sub(r"\1 is ", clause))

"""States an event implies, added beside it: "Moved to Berlin" -> "Lives in Berlin".

>>> inferred_facts("Moved to Leeds in May")
['Lives in Leeds']
>>> inferred_facts("Finally unpacked in their new flat in Ely")
['Lives in Ely']
>>> inferred_facts("Is looking for a new flat in Ely")
[]
>>> inferred_facts("Joined a charity after eight years at Barclays")
['Left Barclays']
"""

from __future__ import annotations

import re

from engram.pipeline.rules._facts import _NAME, RELATIONS
from engram.pipeline.rules._rewrite import article
from engram.pipeline.rules._subjects import NOT_NAMES

__all__ = ["homes_said", "inferred_facts", "new_home", "new_job"]


# A home of the user's own, new, in a named place: they live there now.
_NEW_HOME = re.compile(r"\b(?:their|our|my|the)\s+(?:new|own)\s+(?:\w+\s+)?(?:flat|house|home|place|apartment|"
                       r"cottage|condo)\s+in\s+(" + _NAME + ")"
                       # the place before the home: "first week in the new Bristol flat"
                       r"|\b(?:their|our|my|the)\s+new\s+(" + _NAME + r")\s+(?:flat|house|home|place|"
                       r"apartment|cottage|condo)\b")
# ... unless it is still being looked for or wished for, or only seen.
_SEEKING = re.compile(r"^(?:Is|Are)\s+(?:\w+\s+)?(?:looking|searching|hunting|hoping|thinking|"
                      r"planning|saving)\b|^(?:Wants|Plans|Hopes|Would like|Needs)\b|"
                      r"\b(?:see|saw|seen|view|viewed|viewing|visit|visited|visiting)\b")


def new_home(text: str) -> str | None:
    """"Lives in X" for a clause that is at home in its new place in X ("Still surrounded
    by boxes in the new place in Utrecht"), though it says so with no verb of its own."""
    m = None if _SEEKING.search(text) else _NEW_HOME.search(text)
    return f"Lives in {m.group(1) or m.group(2)}" if m else None


# The first stretch of a job, said of oneself: "Survived my first week as ward manager at
# St Vincent's", "First week on the night desk at the Asahi Shimbun done" ("Sister Ana
# survived her first week at Lidl" is hers, and does not open this way).
_FIRST_STRETCH = re.compile(
    r"^(?:(?:survived|finished|done|did|completed|had|started|starting|(?:is\s+)?loving|"
    r"(?:has\s+)?just\s+(?:finished|done|had))\s+)?(?:my|their|our)?\s*"
    r"(?:(?:first|second|third)\s+(?:full\s+)?(?:day|week|month|shift|fortnight)|"
    # "Three weeks into the new job at PwC"
    r"(?:a|one|two|three|four|five|six|\d+)\s+(?:days?|weeks?|months?)\s+into\s+(?:the|my|their)\s+new\s+"
    r"(?:job|role|position))\s+"
    r"(?:(?P<as>as|on)\s+(?:an?\s+|the\s+)?(?P<role>(?:[\w-]+\s+){0,2}?[\w-]+)\s+)?"
    r"(?:at|with|for)\s+(?P<org>(?:the\s+)?(?-i:[A-Z])[\w'&-]*(?:\s+(?-i:[A-Z])[\w'&-]*)*)", re.I)


def new_job(text: str) -> str | None:
    """"Works as R at O" / "Works at O" for the first stretch of a job said of oneself."""
    m = _FIRST_STRETCH.search(text)
    if not m:
        return None
    role = m.group("role") if (m.group("as") or "").lower() == "as" else None  # not "on the desk"
    if role:
        return f"Works as {article(role)} {role} at {m.group('org')}"
    return f"Works at {m.group('org')}"


def inferred_facts(fact: str) -> list[str]:
    """State implied by an event: "Moved to Berlin" -> "Lives in Berlin"."""
    out = []
    m = re.match(r"^(?:(?i:has)\s+)?(?:(?i:just|recently|finally)\s+)?(?i:moved|relocated)(?:\s+back)?"
                 r"(?:\s+from\s+" + _NAME + r")?\s+to (" + _NAME + ")", fact)
    if m:  # "Moved (back) to Leeds": where they live now
        out.append(f"Lives in {m.group(1)}")
    # (a fact opens with a capital: "Finally got the keys ...")
    m = re.match(r"^(?:Has\s+|Is\s+)?(?i:(?:just|recently|finally|now|slowly)\s+)?(?i:settl(?:ed|ing)\s+"
                 r"(?:in(?:to)?\s+)?|moved\s+into\s+|(?:got|been given|picked up)\s+the\s+keys\s+to\s+)(?:life|(?:a|their|our|the)\s+(?:new\s+)?(?:\w+\s+)?"
                 r"(?:flat|house|home|place|apartment|cottage|condo))\s+in\s+(" + _NAME + ")", fact) \
        or (None if _SEEKING.search(fact) else _NEW_HOME.search(fact))
    if m:  # "Settled into their new flat in Leith", "Got the keys to our flat in Ely",
        out.append(f"Lives in {m.group(1)}")  # "Unpacked in our new house in Ely"
    if re.match(r"^(?:Had|Has had|Just had)\s+(?:their|a)\s+retirement\s+(?:party|do|send-?off|drinks|lunch|"
                r"dinner|bash)\b", fact):  # the send-off given: "Had their retirement do"
        out.append("Is retired")
    m = re.match(r"^(?:(?:Has|Have|Just|Finally|Recently)\s+)*(?i:bought)\s+(?:a|an|our|their)\s+(?!holiday|second|"
                 r"buy-to-let|rental)(?:[\w-]+\s+){0,2}?(?:house|flat|home|cottage|bungalow|apartment|"
                 r"place)\s+in\s+(" + _NAME + ")", fact)
    if m:  # "Bought a wee terraced house in Portobello": where they live now
        out.append(f"Lives in {m.group(1)}")
    m = re.match(r"^(" + _NAME + r")'s\s+funeral\b", fact)
    if m and m.group(1).lower() not in NOT_NAMES:  # "Harold's funeral was lovely": he died
        out.append(f"{m.group(1)} died")
    job = new_job(fact)
    if job:  # "Survived their first week as ward manager at St Vincent's"
        out.append(job)
    m = re.match(r"^Is\s+(?:now\s+|officially\s+)*an?\s+(" + _NAME + r")\s+resident\b", fact)
    if m:  # "Is officially a Leeds resident" -> "Lives in Leeds"
        out.append(f"Lives in {m.group(1)}")
    m = re.match(r"^(?:Took|Accepted|Has accepted|Has taken)\s+(?:the|a|an|their)\s+(?:job\s+)?"
                 r"(?:offer|job|position|role)\s+(?:at|from|with)\s+(" + _NAME + ")", fact) \
        or re.match(r"^(?:(?:Just|Finally|Recently)\s+)?(?:Started|Is starting|Starts|Began)\s+(?:their|a)\s+"
                    r"(?:new\s+|first\s+)?(?:[\w-]+\s+)?(?:job|role|position)\s+(?:at|with)\s+(" + _NAME + ")",
                    fact)  # "Started their new warehouse job at Amazon"
    if m:  # "Took the offer from Spotify" -> "Works at Spotify"
        out.append(f"Works at {m.group(1)}")
    m = re.match(r"^((?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?)\s+(?:just\s+)?turned\s+(\d{1,3})\b", fact)
    # "Son Eli turned 9", "Eli turned 9" -> his age ("It turned 5" names no one)
    if m and (m.group(1).split()[0].lower() in RELATIONS
              or m.group(1).split()[0].lower() not in NOT_NAMES):
        out.append(f"{m.group(1)} is {m.group(2)} years old")
    m = re.match(r"^(?:Went|Became|Turned) (vegan|vegetarian|pescatarian|keto|sober)\b", fact)
    if m:  # "Went vegan in January" -> "Is vegan"
        out.append(f"Is {m.group(1)}")
    m = re.match(r"^Got (engaged|married|divorced)\b(\s+to\s+" + _NAME + ")?", fact)
    if m:  # "Got married in May with Chris" (from "Chris and I got married") is to Chris
        partner = m.group(2) or re.sub(r"^.*\s+with\s+(" + _NAME + r")$", r" to \1",
                                       fact if m.group(1) != "divorced" else "")
        out.append(f"Is {m.group(1)}{partner if partner.startswith(' to ') else ''}")
    m = re.match(r"^((?:[A-Z][a-z]+\s+)?(?:[a-z]+\s+)?[A-Za-z]+)\s+moved\s+in\s+with\s+them\b", fact) \
        or re.match(r"^Moved\s+in\s+together\s+with\s+((?:[a-z]+\s+)?[A-Za-z]+)\b", fact)
    if m and m.group(1).split()[0].lower() in RELATIONS:  # "Sister moved in with them": a home
        out.append(f"Lives with their {m.group(1)[0].lower()}{m.group(1)[1:]}")  # shared now
    m = re.match(r"^((?i:room|flat|house)mate|Partner|Boyfriend|Girlfriend|Lodger|Son|Daughter)\b"
                 r"(?:\s+(?-i:[A-Z])[a-z]+)?\s+moved\s+out\b", fact)
    if m:  # "Roommate moved out": the home is no longer shared with them
        out.append(f"No longer lives with their {m.group(1).split()[-1].lower()}")
    m = re.match(r"^Lives\b.*?\bwith\s+(?:a|an)\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+(?:called|named)\s+"
                 r"((?-i:[A-Z])[\w'-]+)$", fact)
    if m:  # "Lives in Harrogate with a spaniel called Biscuit": whose home it shares
        out.append(f"Has {article(m.group(1))} {m.group(1)} named {m.group(2)}")
    m = _AFTER_YEARS_AT.search(fact) if _NEW_START.match(fact) else None
    if m:  # "Joined a startup after six years at Google" -> "Left Google"
        out.append(f"Left {m.group(1)}")
    return out


# A new start that says how long the last place lasted: the user left it.
_NEW_START = re.compile(r"^(?:(?:just|recently|finally)\s+)?(?:joined|started\s+(?:at|with)|moved\s+to|"
                        r"switched\s+to|went\s+to|signed\s+(?:with|for))\b", re.I)
_AFTER_YEARS_AT = re.compile(r"\bafter\s+(?:(?:almost|nearly|over|about|more than|just over)\s+)?"
                             r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|\d+)\s+"
                             r"(?:years?|months?)\s+(?:at|with)\s+(" + _NAME + ")")


_MOVED = re.compile(r"^(?:has\s+|just\s+|finally\s+)*(?:moved|relocated|emigrated|left)\b", re.I)
_HERE_NOW = re.compile(r"^Is\s+(?:now\s+)?(?:living\s+|based\s+)?in\s+((?-i:[A-Z][\w'-]+)"
                       r"(?:\s+(?-i:[A-Z][\w'-]+))*)(?:\s+now)?$")
_SETTLED_IN = re.compile(r"^Is\s+(?:now\s+|finally\s+)?(?:settled|living)\s+in\s+((?-i:[A-Z][\w'-]+)"
                         r"(?:\s+(?-i:[A-Z][\w'-]+))*)(?:\s+now)?$")


def homes_said(facts: list[str]) -> list[str]:
    """A message's facts with where the user is now said as a home: "We're settled in Hull
    now" always, "Is in York now" when the message also tells of a move.

    >>> homes_said(["Moved out of Leeds", "Is in York now"])
    ['Moved out of Leeds', 'Lives in York']
    >>> homes_said(["Is in York now"])
    ['Is in York now']
    """
    if any(_MOVED.match(f) for f in facts):
        facts = [_HERE_NOW.sub(r"Lives in \1", f) for f in facts]
    return [_SETTLED_IN.sub(r"Lives in \1", f) for f in facts]

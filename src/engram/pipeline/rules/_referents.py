"""What a pronoun in a later clause points back to: a kin named without a name ("my
niece, she's ..."), plural things or kinds ("my tomato plants", "allergic to cats": "them"),
and a place ("at Spotify": "there").

>>> things_named("Allergic to cats, sadly"), things_named("I repotted my chilli plants")
(['cats'], ['my chilli plants'])
>>> them_as("Love them though", "cats"), there_as("Is moving there", ("in", "Leeds"))
('Love cats though', 'Is moving to Leeds')
"""

from __future__ import annotations

import re

from engram.pipeline.rules import _facts as F
from engram.pipeline.rules._revalue import WEEKDAY

__all__ = ["kin_alone", "kin_named", "place_named", "them_as", "there_as", "things_named"]

# A place named after "at", "in" or "for": what "there" later refers to.
_PLACE = re.compile(r"\b(at|in|for|to)\s+([A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)*)")
# "my niece", "our landlord": an unnamed person "she"/"he" can point back to.
_MY_KIN = re.compile(r"\b(?i:my|our)\s+(" + "|".join(sorted(F.RELATIONS)) + r")\b(?!\s+[A-Z])"
                     # "we got a puppy, she's ...": an animal or a baby the user now has
                     r"|\b(?i:a|an)\s+(?:new\s+|rescue\s+)?(puppy|kitten|dog|cat|rabbit|hamster|"
                     r"parrot|tortoise|horse|baby)\b(?!\s+[A-Z])"
                     # "I have a brother. He's a dentist": a relative had, unnamed
                     r"|\b(?i:have|has|got)\s+(?i:a|an|one)\s+(?:(?i:older|younger|little|big|twin|step)\s+)?"
                     r"(brother|sister|son|daughter|stepson|stepdaughter|cousin|niece|nephew|boyfriend|"
                     r"girlfriend|partner|husband|wife)\b(?!\s+[A-Z])")


# "my tomato plants", "our new chairs": plural things "them" can point back to.
_MY_PLURAL = re.compile(r"\b(?i:my|our)\s+((?:[a-z]+\s+)?[a-z]+[^s's]s)\b")
# "allergic to cats", "hate olives": plural kinds a liking names, which "them" in the
# sentence after may be ("Love them though")
_KIND_LIKED = re.compile(r"\b(?i:allergic\s+to|afraid\s+of|scared\s+of|terrified\s+of|into|"
                         r"(?:love|like|hate|adore|loathe|detest|enjoy|miss|fear|grow|keep|collect|"
                         r"breed|eat|cook|bake)s?|"
                         r"(?:used\s+to|never)\s+(?:like|hate|eat|love))\s+"
                         r"(?!(?:them|these|those|things|days|years|times|ones|others|lots|loads)\b)"
                         r"((?:[a-z]+\s+)?[a-z]{2,}[^s'\s]s)\b")


# A verb of motion before "there": the place is where one goes, not where one is.
_TO_THERE = re.compile(r"\b((?:mov|relocat|head|go|travell?|fly|flie|driv|com|emigrat|"
                       r"return|commut|cycl|walk|ride|rid|get|got)(?:e|es|ed|ing|s)?|went|flew|drove|came|"
                       r"back)\s+there\b", re.I)


def kin_named(clause: str) -> list[str]:
    """The unnamed kin (or new animal or baby) the clause names, in order."""
    return [a or b or c for a, b, c in _MY_KIN.findall(clause)]


# A kin named alone, as a reply or before what is said of them: "(for) my sister".
_KIN_ALONE = re.compile(r"^(?:(?:it'?s|it\s+is)\s+)?(?:for\s+)?(?:my|our)\s+(\w+)$", re.I)


def kin_alone(clause: str) -> str | None:
    """"Sister" for a clause that only names a kin ("my sister", "it's for my sister").

    >>> kin_alone("it's for my sister"), kin_alone("my sister is a nurse")
    ('Sister', None)
    """
    m = _KIN_ALONE.match(clause)
    return m.group(1).capitalize() if m and m.group(1).lower() in F.RELATIONS else None


def things_named(sentence: str) -> list[str]:
    """Plural things of the speaker's ("my X", said as such) or, failing them, plural kinds
    a liking names; questions count too ("about my tomato plants?")."""
    return [f"my {n}" for n in _MY_PLURAL.findall(sentence) if n.split()[-1] not in _NOT_PLURAL] \
        or _KIND_LIKED.findall(sentence) \
        or [f"the {a}" if a else f"my {b}" for a, b in _ONE_THING.findall(sentence)]


_NOT_PLURAL = frozenset({"was", "has", "is", "does", "this", "thus", "us", "yes", "plus"})


def them_as(clause: str, things: str) -> str:
    """"them" in the speaker's own words as the things named before (not "they/them");
    a single thing is "it" of an act that parts with it ("had a Polo but sold it")."""
    # "I don't like cats, I'm allergic": allergic to the things just named
    clause = re.sub(r"^((?:i'?m|i\s+am)\s+(?:\w+\s+)?allergic)$", rf"\1 to {things}", clause, flags=re.I)
    if not things.endswith("s"):
        return _PARTED_WITH_IT.sub(rf"\1 {things}", clause)
    kind = re.sub(r"^(?:my|our|the)\s+", "", things)
    # "allergic to cats but I still have two": the count is of the things named
    clause = re.sub(r"\b((?:have|has|got|own|owns)\s+(?:two|three|four|five|six|\d+))\s*$", rf"\1 {kind}", clause)
    return re.sub(r"(?<!/)\bthem\b(?!/)", things, clause)


# An act that parts with a thing, its object "it": "sold it", "got rid of it".
_PARTED_WITH_IT = re.compile(r"\b(sold|scrapped|binned|returned|got rid of|gave away|crashed|"
                             r"wrote off|written off|part-exchanged|traded in)\s+it\b", re.I)
# A single thing of the speaker's: "a Polo", "the Golf", "my piano was ...".
_ONE_THING = re.compile(r"\b(?:a|an|the|my|our)\s+(?!(?i:" + WEEKDAY + r")\b|(?:Jan|Feb|Mar|Apr|"
                        r"May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)((?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z0-9])[\w-]+)?)"
                        r"|\b(?i:my|our)\s+((?:[a-z]+\s+)?[a-z]+[^s\s])\s+(?=(?:was|is|kept|broke|had|has|got|"
                        r"needed|died)\b)")


def place_named(clause: str) -> tuple[str, str] | None:
    """The last place named with its preposition: ("at", "Spotify")."""
    where = list(_PLACE.finditer(clause))
    return (where[-1].group(1), where[-1].group(2)) if where else None


def there_as(fact: str, place: tuple[str, str]) -> str:
    """"moving there" goes to the place ("Is moving to Reading"); "there" is at it."""
    fact = _TO_THERE.sub(rf"\1 to {place[1]}", fact)
    if place[0] == "to" and re.search(r"\bit\s+(?:there|here)\b", fact):
        return fact  # "moved to Oslo, loves it there": a verdict on the move, left as said
    at = "in" if place[0] == "to" else place[0]  # "moved to Leeds ... lives there": in Leeds
    return re.sub(r"\b(?:there|here)\b", f"{at} {place[1]}", fact)

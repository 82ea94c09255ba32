"""What a question or a request says in passing about the speaker.

"What should I cook for the barbecue I'm hosting on Sunday?" asks for a recipe, and says
that a barbecue is being hosted; "Any tips for the marathon I'm running in April?" that
a marathon is being run; "How do I descale the kettle I just bought?" that a kettle was
bought. The question itself is no fact, but a clause whose subject is the speaker,
hung on a noun inside it, is one: it is given back as a statement of the speaker's own
("I'm hosting a barbecue on Sunday"), which the rules then read as any other.

>>> in_passing("What should I cook for the barbecue I'm hosting on Sunday?")
["I'm hosting a barbecue on Sunday"]
>>> in_passing("How do I descale the kettle I just bought?")
['I just bought a kettle']
>>> in_passing("Any tips for the half marathon we're running in April?")
["we're running a half marathon in April"]
>>> in_passing("Is this the one I asked about?"), in_passing("What if I went freelance?")
([], [])
>>> in_passing("What would happen to my taxes if I went freelance?")
[]
"""

from __future__ import annotations

import re

from engram.pipeline.rules._rewrite import PAST_FORMS, article

__all__ = ["in_passing"]

# A noun, then a clause of the speaker's own with no "that": "the barbecue I'm hosting".
_HUNG = re.compile(r"\b(?P<det>the|my|our|this|that)\s+(?P<noun>(?:[\w-]+\s+){0,2}?[\w-]+)\s+"
                   r"(?:that\s+|which\s+)?(?P<subj>I|we)(?P<aux>'m|'re|\s+am|\s+are|'ve|\s+have)?\s+"
                   r"(?P<adv>(?:just|finally|recently|already)\s+)?(?P<verb>[a-z]+)\b"
                   r"(?P<rest>[^?.!,;]*)", re.I)
# Nouns that stand for what is asked about, not a thing of the speaker's.
_NOT_THINGS = frozenset("""one ones thing things way stuff time times bit part kind sort type lot
people person reason day moment problem question issue answer idea word words name point
last first best worst most least only same place same other others rest fact""".split())  # noqa: SIM905
# Words that join clauses, not nouns: "my taxes if I went freelance" hangs nothing.
_JOINERS = frozenset("""if when whenever because as and or but so to for with before after while
until than though although unless since i we you it""".split())  # noqa: SIM905
# Verbs of thinking and saying: "the book I mentioned" asks, it tells nothing.
_NOT_DOING = frozenset("""mentioned said asked told meant think thought want wanted need needed
like liked love saw see read heard hear know knew remember forgot mean guess hope wish
described suggested recommended talked spoke""".split())  # noqa: SIM905


def in_passing(sentence: str) -> list[str]:
    """The speaker's own clauses hung on nouns of a question or request, as statements."""
    out: list[str] = []
    for m in _HUNG.finditer(sentence):
        noun, verb = m.group("noun"), m.group("verb").lower()
        if noun.split()[-1].lower() in _NOT_THINGS or verb in _NOT_DOING \
                or any(w.lower() in _JOINERS for w in noun.split()):
            continue
        aux = (m.group("aux") or "").strip()
        progressive = verb.endswith("ing") and aux.lower() in ("'m", "am", "'re", "are")
        done = not aux and (verb in PAST_FORMS or verb.endswith("ed"))
        if not (progressive or done):
            continue
        det = m.group("det").lower()
        if det in ("my", "our"):
            thing = f"{det} {noun}"
        elif noun.lower().endswith("s") and not noun.lower().endswith("ss"):
            thing = noun
        else:
            thing = f"{article(noun)} {noun}"
        joined = "" if aux.startswith("'") else " "
        said = f"{m.group('subj')}{joined}{aux} {m.group('adv') or ''}{m.group('verb')} {thing}" \
            if aux else f"{m.group('subj')} {m.group('adv') or ''}{m.group('verb')} {thing}"
        out.append(f"{said}{m.group('rest').rstrip()}")
    return out

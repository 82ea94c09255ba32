"""The benchmark's corpus: conversation-like messages in chunks, over users, and queries.

Pure and deterministic (a seed): real LOCOMO turns where they are available, mixed with
generated chat lines, every text distinct (so no embedding cache can answer for free).
Messages arrive in conversation chunks (one ``add`` each); chunk ``j`` belongs to user
``j % users``. Queries are distinct from each other and from every message.

Standard library only: the peer's worker imports it from another interpreter.

>>> c = build_corpus(100, users=5, chunk=20, locomo_dir=None, seed=1)
>>> len(c.messages), len(c.chunks), sorted({ch.user_id for ch in c.chunks})[:2]
(100, 5, ['user-000', 'user-001'])
>>> len({m["content"] for m in c.messages})
100
>>> qs = build_queries(10, users=5, locomo_dir=None, seed=1, avoid=set())
>>> len(qs), qs[0][1]
(10, 'user-000')
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

LOCOMO_DIR = Path("/work/shared/data/locomo_dev")

_NAMES = ("Ana", "Ben", "Chloe", "Dev", "Elif", "Farid", "Grace", "Hugo", "Ines", "Jonas",
          "Kira", "Liam", "Maya", "Noor", "Oscar", "Priya", "Quinn", "Rosa", "Sam", "Tariq")
_FOODS = ("green tea", "oat milk lattes", "spicy ramen", "sourdough bread", "dark chocolate",
          "Thai curry", "sushi", "lentil soup", "black coffee", "mango smoothies",
          "grilled halloumi", "pad see ew", "pistachio ice cream", "falafel wraps", "kimchi")
_ACTS = ("hiking", "pottery", "bouldering", "learning Spanish", "running half marathons",
         "painting watercolours", "playing chess", "baking bread", "birdwatching",
         "swimming laps", "playing the cello", "gardening", "woodworking", "salsa dancing",
         "reading sci-fi novels", "cycling to work", "photography", "yoga")
_PLACES = ("Lisbon", "Kyoto", "the Lake District", "Vancouver", "Marrakesh", "Oslo",
           "the Grand Canyon", "Seoul", "Cape Town", "Patagonia", "Reykjavik", "Tuscany",
           "Montreal", "the Scottish Highlands", "Hanoi")
_TIMES = ("last weekend", "yesterday", "two weeks ago", "this morning", "last summer",
          "on Friday", "in March", "over the holidays", "a few days ago", "last night")
_FEEL = ("really excited", "a bit nervous", "exhausted but happy", "proud", "stressed",
         "relieved", "curious", "overwhelmed", "grateful", "motivated")
_THINGS = ("a new job at a design studio", "a rescue dog named Pixel", "a broken laptop",
           "a leaky kitchen tap", "a cat allergy", "a standing desk", "a vintage camera",
           "a sprained ankle", "an electric bike", "a sourdough starter", "a job interview",
           "a dentist appointment", "a flat in the old town", "a book club", "a night class")

_TEMPLATES = (
    "I've been really into {act} lately, it helps me unwind after work.",
    "My friend {name} and I went {act2} {time}, it left me {feel}.",
    "I can't stand {food}, but {name} loves it.",
    "We're planning a trip to {place} {when}, any tips on what to see?",
    "Honestly I'm {feel} about {thing}.",
    "{name} recommended {food} from a little place near the station.",
    "I had {food} for breakfast {time} and it was amazing.",
    "Remind me that {name}'s birthday is coming up and they like {act}.",
    "I just got {thing} {time}, still getting used to it.",
    "Since moving near {place}, I've started {act}.",
    "My sister lives in {place} and keeps asking me to visit.",
    "I think I'll try {act} with {name} {when}.",
    "Work has been hectic, so {act} on weekends keeps me sane.",
    "I'm allergic to {food}, so please don't suggest it.",
    "{name} told me {time} that they got {thing}.",
    "That sounds great! Have you thought about {act} in {place}?",
    "It might help to plan {act} around your schedule, maybe {when}.",
    "You mentioned {thing} before; how is that going?",
    "A good option would be {food} - it's quick to make and filling.",
    "I remember you said {name} is into {act}; maybe go together?",
)
_WHEN = ("next month", "in the spring", "this autumn", "after my exams", "in December",
         "next weekend", "for our anniversary", "once the project ships")

_Q_TEMPLATES = (
    "What does {name} like to do on weekends?",
    "Where is the user planning to travel {when}?",
    "Which food does the user avoid?",
    "What hobby did the user pick up after moving to {place}?",
    "How does the user feel about {thing}?",
    "Who recommended {food}?",
    "What did the user do {time}?",
    "When is {name}'s birthday?",
    "Does the user enjoy {act}?",
    "What did {name} get {time}?",
)


@dataclass(frozen=True)
class Chunk:
    """One conversation chunk: one ``add`` call in list mode."""

    user_id: str
    messages: list[dict[str, str]]


@dataclass
class Corpus:
    messages: list[dict[str, str]] = field(default_factory=list)
    chunks: list[Chunk] = field(default_factory=list)
    locomo_messages: int = 0

    def texts(self) -> list[str]:
        return [m["content"] for m in self.messages]


def user_name(i: int) -> str:
    return f"user-{i:03d}"


def locomo_turns(locomo_dir: Path | None) -> list[list[str]]:
    """Each LOCOMO session's turn texts, in order (empty if the folder is absent)."""
    if locomo_dir is None or not locomo_dir.is_dir():
        return []
    sessions: list[list[str]] = []
    for path in sorted(locomo_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        keys = [k for k, v in data.items() if k.startswith("session_") and isinstance(v, list)]
        for k in sorted(keys, key=lambda s: int(s.split("_")[1])):
            sessions.append([t["text"] for t in data[k] if t.get("text", "").strip()])
    return sessions


def locomo_questions(locomo_dir: Path | None) -> list[str]:
    if locomo_dir is None or not locomo_dir.is_dir():
        return []
    out: list[str] = []
    for path in sorted(locomo_dir.glob("*.json")):
        out.extend(str(q["question"]) for q in json.loads(path.read_text("utf-8")).get("qa", []))
    return out


def _fill(template: str, rng: random.Random) -> str:
    act = rng.choice(_ACTS)
    return template.format(
        act=act, act2=act, name=rng.choice(_NAMES), food=rng.choice(_FOODS),
        place=rng.choice(_PLACES), time=rng.choice(_TIMES), feel=rng.choice(_FEEL),
        thing=rng.choice(_THINGS), when=rng.choice(_WHEN))


def generated_lines(rng: random.Random, templates: tuple[str, ...] = _TEMPLATES) -> Iterator[str]:
    """An endless stream of chat lines from the templates (may repeat: callers dedupe).
    Some lines join two sentences, as people do, so lengths vary like real turns."""
    while True:
        line = _fill(rng.choice(templates), rng)
        if rng.random() < 0.3:
            line = f"{line} {_fill(rng.choice(templates), rng)}"
        yield line


def _distinct(lines: Iterable[str], seen: set[str], n: int) -> list[str]:
    out: list[str] = []
    if n <= 0:
        return out
    for line in lines:
        if line not in seen:
            seen.add(line)
            out.append(line)
            if len(out) == n:
                break
    return out


def build_corpus(n: int, *, users: int = 50, chunk: int = 20, locomo_share: float = 0.5,
                 locomo_dir: Path | None = LOCOMO_DIR, seed: int = 0) -> Corpus:
    """``n`` distinct messages in chunks of ``chunk`` over ``users`` users.

    Up to ``locomo_share`` of them are real LOCOMO turns, taken as runs of consecutive
    turns of one session (a real conversation excerpt per chunk); the rest are generated.
    """
    if n < 1 or users < 1 or chunk < 1:
        raise ValueError("n, users and chunk must be positive")
    rng = random.Random(seed)
    seen: set[str] = set()
    pieces: list[list[str]] = []
    want_locomo = int(n * locomo_share)
    for session in locomo_turns(locomo_dir):
        for i in range(0, len(session), chunk):
            piece = _distinct(session[i : i + chunk], seen, chunk)
            if piece and want_locomo > 0:
                piece = piece[:want_locomo]
                pieces.append(piece)
                want_locomo -= len(piece)
    n_locomo = sum(len(p) for p in pieces)
    gen = _distinct(generated_lines(rng), seen, n - n_locomo)
    pieces.extend(gen[i : i + chunk] for i in range(0, len(gen), chunk))
    rng.shuffle(pieces)
    corpus = Corpus(locomo_messages=n_locomo)
    for j, piece in enumerate(pieces):
        msgs = [{"role": "user" if k % 2 == 0 else "assistant", "content": t}
                for k, t in enumerate(piece)]
        corpus.chunks.append(Chunk(user_name(j % users), msgs))
        corpus.messages.extend(msgs)
    return corpus


def build_queries(n: int, *, users: int = 50, locomo_dir: Path | None = LOCOMO_DIR,
                  seed: int = 0, avoid: set[str]) -> list[tuple[str, str]]:
    """``n`` distinct ``(query, user_id)`` pairs, none equal to a text in ``avoid``;
    LOCOMO questions first (shuffled), then generated ones; users round-robin."""
    rng = random.Random(seed + 1)
    seen = set(avoid)
    real = locomo_questions(locomo_dir)
    rng.shuffle(real)
    texts = _distinct(real, seen, n)
    texts += _distinct(generated_lines(rng, _Q_TEMPLATES), seen, n - len(texts))
    return [(t, user_name(i % users)) for i, t in enumerate(texts)]


def chunks_from(corpus: Corpus, start_msg: int, stop_msg: int) -> list[Chunk]:
    """The chunks holding messages ``start_msg..stop_msg`` of the corpus (whole chunks,
    cut at the edges), in order."""
    out: list[Chunk] = []
    pos = 0
    for ch in corpus.chunks:
        lo, hi = max(start_msg, pos), min(stop_msg, pos + len(ch.messages))
        if lo < hi:
            out.append(Chunk(ch.user_id, ch.messages[lo - pos : hi - pos]))
        pos += len(ch.messages)
    return out

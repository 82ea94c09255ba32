"""LongMemEval questions as plain data, the stratified subset, and the recall arithmetic.
Standard library only (the mem0 worker imports this module inside the peer's venv).

Each question carries its own haystack (~50 sessions, ~490 turns): it becomes one scope.
A hit is a stored turn, known by ``(session id, turn index)``.

>>> q = Question("q1", "multi-session", "How many?", ("s1", "s3"),
...              (Session("s1", "2023/05/01 (Mon) 10:00", (Turn("user", "a", True),)),))
>>> hits = [("s2", 0), ("s1", 0), ("s3", 1)]
>>> session_any(q, hits, 1), session_any(q, hits, 2), session_all(q, hits, 3), turn_any(q, hits, 2)
(0.0, 1.0, 1.0, 1.0)
>>> [x.question_id for x in stratified([q], 5)]
['q1']
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _locomo_data import percentile  # noqa: F401  (one copy, re-exported for the bench)

TYPES = ("multi-session", "temporal-reasoning", "knowledge-update", "single-session-user",
         "single-session-assistant", "single-session-preference")
Hit = tuple[str, int]  # (session id, turn index)


@dataclass(frozen=True)
class Turn:
    role: str
    content: str
    has_answer: bool = False


@dataclass(frozen=True)
class Session:
    session_id: str
    date: str  # as written, e.g. "2023/05/20 (Sat) 02:21"
    turns: tuple[Turn, ...]

    def iso_date(self) -> str:
        """``YYYY-MM-DD`` of the session."""
        return self.date[:10].replace("/", "-")

    def iso_time(self) -> str:
        """When the session took place, ISO-8601 (what ``add(timestamp=)`` takes; it
        becomes each turn's ``happened_at``): ``2023/05/20 (Sat) 02:21`` ->
        ``2023-05-20T02:21:00``."""
        return iso_time(self.date)


def iso_time(text: str) -> str:
    """LongMemEval's ``2023/05/20 (Sat) 02:21`` as ``2023-05-20T02:21:00`` (the day alone
    when no time is written)."""
    day, _, rest = text.partition(" ")
    clock = rest.split(")")[-1].strip()
    return day.replace("/", "-") + (f"T{clock}:00" if clock else "")


@dataclass(frozen=True)
class Question:
    question_id: str
    question_type: str
    question: str
    answer_sessions: tuple[str, ...]
    sessions: tuple[Session, ...]
    question_date: str = ""

    def newest_answer_session(self) -> str | None:
        """The most recent answer session (by its date) when there are two or more, the
        case where an older one may hold a value a newer one replaced; else None."""
        dates = {x.session_id: iso_time(x.date) for x in self.sessions}
        answers = [a for a in dict.fromkeys(self.answer_sessions) if a in dates]
        if len(answers) < 2:
            return None
        return max(answers, key=lambda a: (dates[a], answers.index(a)))

    def evidence_turns(self) -> set[Hit]:
        return {(s.session_id, i) for s in self.sessions for i, t in enumerate(s.turns)
                if t.has_answer}

    def iso_question_time(self) -> str:
        """When the question is asked, ISO-8601 ("" when the file gives no date)."""
        return iso_time(self.question_date) if self.question_date else ""

    def n_turns(self) -> int:
        return sum(len(s.turns) for s in self.sessions)


def parse(obj: dict[str, Any]) -> Question:
    sessions = tuple(
        Session(sid, date, tuple(Turn(t["role"], t["content"], bool(t.get("has_answer")))
                                 for t in turns))
        for sid, date, turns in zip(obj["haystack_session_ids"], obj["haystack_dates"],
                                    obj["haystack_sessions"], strict=True))
    return Question(obj["question_id"], obj["question_type"], obj["question"],
                    tuple(obj["answer_session_ids"]), sessions, obj.get("question_date", ""))


def load(path: Path) -> list[Question]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [parse(o) for o in json.load(f)]


def _key(qid: str) -> str:
    # A fixed, content-free order inside each type: not the file's order, not chosen.
    return hashlib.sha1(qid.encode()).hexdigest()


def stratified(questions: Sequence[Question], n: int | None) -> list[Question]:
    """``n`` questions with each type's share kept (largest remainder, at least one per
    type while ``n`` allows), taken in a fixed hash order inside each type, so a smaller
    subset is (nearly always) inside a larger one. ``None``: all of them."""
    by: dict[str, list[Question]] = {}
    for q in questions:
        by.setdefault(q.question_type, []).append(q)
    for qs in by.values():
        qs.sort(key=lambda q: _key(q.question_id))
    if n is None or n >= len(questions):
        n = len(questions)
    total = len(questions)
    quota = {t: n * len(qs) / total for t, qs in by.items()}
    take = {t: min(len(by[t]), max(1 if n >= len(by) else 0, int(v))) for t, v in quota.items()}
    spare = n - sum(take.values())
    for t in sorted(by, key=lambda t: -(quota[t] - int(quota[t]))):
        if spare <= 0:
            break
        if take[t] < len(by[t]):
            take[t] += 1
            spare -= 1
    return [q for t in sorted(by) for q in by[t][: take[t]]]


def half(q: Question, questions: Sequence[Question]) -> str:
    """"A" or "B": alternate questions of each type (in the subset's order), so both
    halves hold every type; a tuned parameter is chosen on one and checked on the other."""
    same = [x.question_id for x in questions if x.question_type == q.question_type]
    return "AB"[same.index(q.question_id) % 2]


def session_any(q: Question, hits: Sequence[Hit], k: int) -> float:
    return float(any(s in q.answer_sessions for s, _ in hits[:k]))


def session_all(q: Question, hits: Sequence[Hit], k: int) -> float:
    return float(set(q.answer_sessions) <= {s for s, _ in hits[:k]})


def turn_any(q: Question, hits: Sequence[Hit], k: int) -> float | None:
    """Any evidence turn in the first ``k``; None when the question marks none."""
    ev = q.evidence_turns()
    return float(any(h in ev for h in hits[:k])) if ev else None


def newest_first(q: Question, hits: Sequence[Hit], k: int = 10) -> float | None:
    """Knowledge-update questions with two or more answer sessions: 1.0 when the best-ranked
    hit from an answer session comes from the most recent of them (0.0 when another does,
    or none is in the first ``k``); None for other questions."""
    newest = q.newest_answer_session()
    if q.question_type != "knowledge-update" or newest is None:
        return None
    first = next((s for s, _ in hits[:k] if s in q.answer_sessions), None)
    return float(first == newest)


def score(q: Question, hits: Sequence[Hit]) -> dict[str, Any]:
    """One question's figures (what the summary averages)."""
    return {"qid": q.question_id, "type": q.question_type,
            "s_any@5": session_any(q, hits, 5), "s_any@10": session_any(q, hits, 10),
            "s_all@10": session_all(q, hits, 10), "t_any@10": turn_any(q, hits, 10),
            "sessions@10": len({s for s, _ in hits[:10]}), "newest": newest_first(q, hits)}


METRICS = ("s_any@5", "s_any@10", "s_all@10", "t_any@10", "sessions@10", "newest")


def _mean(rows: Sequence[dict[str, Any]], m: str) -> float | None:
    xs = [r[m] for r in rows if r.get(m) is not None]
    return round(sum(xs) / len(xs), 3) if xs else None


def summarise(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Means overall, per question type and per split half (``row["half"]``)."""
    def block(rs: Sequence[dict[str, Any]]) -> dict[str, Any]:
        return {"n": len(rs), **{m: _mean(rs, m) for m in METRICS}}

    types = sorted({r["type"] for r in rows}, key=lambda t: TYPES.index(t) if t in TYPES else 99)
    return {"overall": block(rows),
            "by_type": {t: block([r for r in rows if r["type"] == t]) for t in types},
            "by_half": {h: block([r for r in rows if r.get("half") == h]) for h in "AB"}}

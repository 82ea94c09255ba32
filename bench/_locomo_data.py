"""LOCOMO conversations as plain data, and the recall arithmetic. Standard library only
(the mem0 worker imports this module inside the peer's venv).

A file may hold one conversation (flat: ``speaker_a``, ``session_N``…, ``qa``), one
wrapped as ``{"sample_id", "conversation": {...}, "qa": [...]}`` (the published
``locomo10.json`` items), or a list of either.

>>> conv = parse_conversation({"speaker_a": "Ann", "speaker_b": "Bo",
...     "session_1_date_time": "1:56 pm on 8 May, 2023",
...     "session_1": [{"speaker": "Ann", "dia_id": "D1:1", "text": "Hi!",
...                    "blip_caption": "a photo of a dog"}],
...     "qa": [{"question": "Who?", "answer": "Ann", "evidence": ["D1:1"], "category": 4}]}, "c1")
>>> conv.turns[0].memory_text()
'[8 May 2023] Ann: Hi! [shares a photo: a photo of a dog]'
>>> recall_at([["D1:2"], ["D1:1"]], ["D1:1"], 1), recall_at([["D1:2"], ["D1:1"]], ["D1:1"], 2)
(0.0, 1.0)
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

CATEGORIES = {1: "multi-hop", 2: "temporal", 3: "open-domain", 4: "single-hop", 5: "adversarial"}
KS = (5, 10, 20)
_SESSION = re.compile(r"session_(\d+)")
_DIA = re.compile(r"D\s*:?\s*(\d+)\s*:\s*(\d+)")


@dataclass(frozen=True)
class Turn:
    dia_id: str
    speaker: str
    text: str
    session: int
    date_text: str  # as written in the file, e.g. "1:56 pm on 8 May, 2023"
    day: date | None  # parsed session date, None when unreadable
    caption: str | None = None

    def memory_text(self) -> str:
        """What is stored: the turn prefixed with its date and speaker, caption appended."""
        when = f"[{self.day.day} {self.day:%B %Y}] " if self.day else (
            f"[{self.date_text}] " if self.date_text else "")
        text = f"{when}{self.speaker}: {self.text}"
        return f"{text} [shares a photo: {self.caption}]" if self.caption else text

    def when_iso(self) -> str | None:
        """The session's date and time as ISO-8601 (what ``add(timestamp=)`` takes), or
        None when the file's text cannot be read."""
        return parse_when(self.date_text, self.day)

    def metadata(self) -> dict[str, Any]:
        meta: dict[str, Any] = {"dia_id": self.dia_id, "speaker": self.speaker,
                                "session": self.session, "session_date": self.date_text}
        if self.day:
            meta["session_day"] = self.day.isoformat()
        return meta


@dataclass(frozen=True)
class QA:
    question: str
    category: int
    evidence: tuple[str, ...]  # normalised dia_ids that exist in the conversation


@dataclass
class Conversation:
    conv_id: str
    speakers: tuple[str, str]
    turns: list[Turn] = field(default_factory=list)
    qa: list[QA] = field(default_factory=list)
    dropped_evidence: int = 0  # evidence ids naming no turn of the conversation

    def sessions(self) -> list[list[Turn]]:
        out: dict[int, list[Turn]] = {}
        for t in self.turns:
            out.setdefault(t.session, []).append(t)
        return [out[s] for s in sorted(out)]


def parse_date(text: str) -> date | None:
    """``"1:56 pm on 8 May, 2023"`` -> 2023-05-08; None when the format is unknown."""
    m = re.search(r"(\d{1,2})\s+([A-Za-z]+),?\s+(\d{4})", text or "")
    if not m:
        return None
    try:
        return datetime.strptime(f"{m[1]} {m[2][:3]} {m[3]}", "%d %b %Y").date()
    except ValueError:
        return None


def parse_when(text: str, day: date | None) -> str | None:
    """``"1:56 pm on 8 May, 2023"`` -> ``"2023-05-08T13:56:00"``; the day alone when the
    time of day is missing; None without a day."""
    if day is None:
        return None
    m = re.search(r"(\d{1,2}):(\d{2})\s*([ap]m)", text or "", re.IGNORECASE)
    if not m:
        return day.isoformat()
    hour = int(m[1]) % 12 + (12 if m[3].lower() == "pm" else 0)
    return datetime(day.year, day.month, day.day, hour, int(m[2])).isoformat()


def normalise_evidence(raw: Iterable[Any]) -> list[str]:
    """Evidence ids as ``D<session>:<turn>``; tolerates ``"D8:6; D9:17"`` and ``"D:11:26"``."""
    out: list[str] = []
    for item in raw:
        for m in _DIA.finditer(str(item)):
            dia = f"D{int(m[1])}:{int(m[2])}"
            if dia not in out:
                out.append(dia)
    return out


def parse_conversation(obj: dict[str, Any], conv_id: str) -> Conversation:
    body = obj.get("conversation", obj)
    conv = Conversation(conv_id=str(obj.get("sample_id", conv_id)),
                        speakers=(str(body.get("speaker_a", "")), str(body.get("speaker_b", ""))))
    numbers = sorted(int(m[1]) for k in body if (m := _SESSION.fullmatch(k)))
    for n in numbers:
        when = str(body.get(f"session_{n}_date_time", ""))
        day = parse_date(when)
        for t in body[f"session_{n}"] or []:
            text = str(t.get("text", "")).strip()
            caption = t.get("blip_caption")
            if not text and not caption:
                continue
            conv.turns.append(Turn(dia_id=str(t["dia_id"]), speaker=str(t["speaker"]), text=text,
                                   session=n, date_text=when, day=day,
                                   caption=str(caption) if caption else None))
    known = {t.dia_id for t in conv.turns}
    for q in obj.get("qa", body.get("qa", [])):
        ev = normalise_evidence(q.get("evidence") or [])
        kept = tuple(e for e in ev if e in known)
        conv.dropped_evidence += len(ev) - len(kept)
        if kept:
            conv.qa.append(QA(question=str(q["question"]), category=int(q.get("category", 0)),
                              evidence=kept))
    return conv


def load_dir(path: str | Path) -> list[Conversation]:
    """Every conversation in the ``*.json`` files of ``path`` (or that one file)."""
    p = Path(path)
    files = sorted(p.glob("*.json")) if p.is_dir() else [p]
    if not files:
        raise FileNotFoundError(f"no LOCOMO *.json files in {p}")
    convs: list[Conversation] = []
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        items = data if isinstance(data, list) else [data]
        for i, obj in enumerate(items):
            convs.append(parse_conversation(obj, f.stem if len(items) == 1 else f"{f.stem}-{i}"))
    return convs


def recall_at(retrieved: Sequence[Collection[str]], evidence: Collection[str], k: int) -> float:
    """Share of ``evidence`` among the dia_ids of the first ``k`` results (a result may
    stand for several turns, e.g. a fact extracted from two of them)."""
    found: set[str] = set()
    for ids in retrieved[:k]:
        found.update(ids)
    ev = set(evidence)
    return len(ev & found) / len(ev) if ev else 0.0


def summarise(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Mean recall@k overall, per category and per conversation from per-question rows
    ``{"conv", "category", "recall": {k: r}}``."""

    def mean(group: Sequence[dict[str, Any]]) -> dict[str, float]:
        return {f"r@{k}": round(sum(r["recall"][k] for r in group) / len(group), 4)
                for k in KS} | {"n": len(group)}

    out: dict[str, Any] = {"overall": mean(rows) if rows else {}, "by_category": {},
                           "by_conversation": {}}
    for cat in sorted({r["category"] for r in rows}):
        out["by_category"][CATEGORIES.get(cat, str(cat))] = mean(
            [r for r in rows if r["category"] == cat])
    for conv in sorted({r["conv"] for r in rows}):
        out["by_conversation"][conv] = mean([r for r in rows if r["conv"] == conv])
    return out


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (numpy's default), standard library only."""
    xs = sorted(values)
    if not xs:
        return float("nan")
    pos = (len(xs) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def leave_one_out(per_conv: dict[Any, dict[str, float]]) -> list[dict[str, Any]]:
    """Leave-one-conversation-out check of a tuned number: ``per_conv[value][conv]`` is
    recall@10 with that setting. For each conversation, pick the value best on the
    OTHER conversations (mean over them) and report its recall on the held-out one.

    >>> leave_one_out({0.5: {"a": 0.8, "b": 0.2}, 0.9: {"a": 0.1, "b": 0.9}})[0]["chosen"]
    0.9
    """
    convs = sorted({c for by in per_conv.values() for c in by})
    out = []
    for held in convs:
        def others(v: Any, held: str = held) -> float:
            rest = [r for c, r in per_conv[v].items() if c != held]
            return sum(rest) / len(rest) if rest else 0.0

        chosen = max(per_conv, key=others)
        out.append({"held_out": held, "chosen": chosen,
                    "held_out_r@10": per_conv[chosen].get(held),
                    "best_on_held_out": max(per_conv, key=lambda v: per_conv[v].get(held, 0.0))})
    return out

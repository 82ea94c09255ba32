"""An AI tutor that plans each student's next lesson from what happened in the last ones.

Each finished lesson is kept as a record (topic, quiz score, date), and what the student
said during it is distilled into facts about them ("Finds long division confusing",
"Likes learning with visual examples"). To plan the next lesson the tutor asks Engram for
the lessons that went badly (a metadata filter on the score) and for what the student
struggles with and how they like to learn (a search of their facts), then picks the topic
and the teaching style.

    python examples/ai_tutor.py

Offline by default (the rules extractor); with an LLM configured (OPENAI_API_KEY, or
ENGRAM_LLM_PROVIDER and friends) the same script extracts with the LLM instead.
"""

from __future__ import annotations

import os
import tempfile
from typing import Any

from engram import Memory

PASS_MARK = 0.6  # a quiz score below this share means the topic needs another lesson
RELEVANT = 0.45  # the least cosine similarity for a fact to count as an answer to the question

LESSONS = {
    "lena": [
        {"date": "2026-11-02", "topic": "decimals", "score": 0.9,
         "said": ["I'm in 7th grade and my favourite subject is science."]},
        {"date": "2026-11-09", "topic": "fractions", "score": 0.4,
         "said": ["I struggled with fractions, especially adding fractions with different denominators.",
                  "I like learning with visual examples."]},
        {"date": "2026-11-16", "topic": "percentages", "score": 0.7, "said": []},
    ],
    "omar": [
        {"date": "2026-11-03", "topic": "long division", "score": 0.5,
         "said": ["I find long division confusing.", "I prefer short exercises with answers to check."]},
        {"date": "2026-11-10", "topic": "fractions", "score": 0.8, "said": []},
    ],
}


def record_lesson(memory: Memory, student: str, lesson: dict[str, Any]) -> None:
    meta = {"kind": "lesson", "topic": lesson["topic"], "score": lesson["score"],
            "date": lesson["date"]}
    memory.add(f"Lesson on {lesson['topic']} on {lesson['date']}: quiz score "
               f"{round(lesson['score'] * 100)}%", user_id=student, infer=False, metadata=meta)
    if lesson["said"]:
        memory.add([{"role": "user", "content": s} for s in lesson["said"]], user_id=student,
                   metadata={"kind": "about", "topic": lesson["topic"]})


def plan_next_lesson(memory: Memory, student: str) -> dict[str, Any]:
    weak = memory.get_all(filters={"AND": [{"user_id": student}, {"kind": "lesson"},
                                           {"score": {"lt": PASS_MARK}}]})["results"]
    # The weakest topic first; with none below the pass mark, move on to something new.
    weakest = min(weak, key=lambda r: r["metadata"]["score"]) if weak else None
    topic = weakest["metadata"]["topic"] if weakest else "a new topic"
    about = {"AND": [{"user_id": student}, {"kind": "about"}]}
    struggles = memory.search(f"struggled with {topic}, finds {topic} confusing or hard",
                              filters=about, top_k=3, threshold=RELEVANT)
    style = memory.search("likes or prefers learning with examples or exercises",
                          filters=about, top_k=3, threshold=RELEVANT)
    return {
        "topic": topic,
        "because": weakest["memory"] if weakest else "every quiz passed",
        "struggles": [r["memory"] for r in struggles["results"]],
        "style": [r["memory"] for r in style["results"]],
    }


def main() -> None:
    # A throwaway store: the example leaves nothing behind when it ends.
    with tempfile.TemporaryDirectory(prefix="engram-tutor-") as tmp, \
            Memory({"store": {"path": os.path.join(tmp, "tutor.db")}}) as memory:
        print(f"extractor: {memory.extractor_name}")
        for student, lessons in LESSONS.items():
            for lesson in lessons:
                record_lesson(memory, student, lesson)
        for student in LESSONS:
            plan = plan_next_lesson(memory, student)
            print(f"\nnext lesson for {student}: {plan['topic']}")
            print(f"  because: {plan['because']}")
            for s in plan["struggles"]:
                print(f"  struggled with: {s}")
            for s in plan["style"]:
                print(f"  teach it this way: {s}")


if __name__ == "__main__":
    main()

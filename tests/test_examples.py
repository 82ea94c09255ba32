"""The cookbooks in examples/ run as a user runs them (``python examples/<name>.py``),
offline, and print what they recalled."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(name: str) -> str:
    out = subprocess.run([sys.executable, str(EXAMPLES / name)], capture_output=True, text=True,
                         timeout=240, env=dict(os.environ), cwd=EXAMPLES.parent)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_support_inbox_recalls_plan_preferences_and_past_issue() -> None:
    out = run("support_inbox.py")
    assert "extractor: rules (offline)" in out
    known = out.split("what we know about the customer:")[1].split("closest past tickets:")[0]
    # The extractor's wording may change; the facts must be there.
    assert "Pro plan" in known and "12 seats" in known and "Prefers email" in known
    assert "Starter plan" not in out  # another customer's plan never leaks in
    past = out.split("closest past tickets:")[1].split("draft reply:")[0].strip().splitlines()
    assert past[0].strip().startswith("- T-101 (solved): CSV export times out")
    reply = out.split("draft reply:")[1]
    assert "This looks like ticket T-101 (2026-09-02)" in reply and "by email" in reply


def test_ai_tutor_adapts_the_next_lesson_to_each_student() -> None:
    out = run("ai_tutor.py")
    lena, omar = out.split("next lesson for lena: ")[1].split("next lesson for omar: ")
    assert lena.startswith("fractions") and "quiz score 40%" in lena
    assert "struggled with: Struggled with fractions" in lena
    assert "teach it this way: Likes learning with visual examples" in lena
    assert omar.startswith("long division") and "struggled with: Finds long division confusing" in omar
    assert "teach it this way: Prefers short exercises" in omar and "visual" not in omar

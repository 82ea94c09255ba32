"""Relative time made absolute against the message's time (issue #19), never today's
clock: each phrase type at a fixed message time, the ambiguous ones left as said, and the
whole path from ``add(timestamp=)`` through the rules extractor."""

from __future__ import annotations

from datetime import datetime

import pytest

from engram import Memory
from engram.pipeline.rules._dates import resolve_dates

AT = datetime(2023, 5, 10, 15, 0)  # a Wednesday


@pytest.mark.parametrize(("said", "kept"), [
    ("Adopted a kitten yesterday", "Adopted a kitten on 9 May 2023"),
    ("Has a recital tomorrow", "Has a recital on 11 May 2023"),
    ("Is moving to Leeds next month", "Is moving to Leeds in June 2023"),
    ("Quit smoking last month", "Quit smoking in April 2023"),
    ("Started pottery last week", "Started pottery in the week of 1 May 2023"),
    ("Is visiting Kyoto in two weeks", "Is visiting Kyoto in the week of 22 May 2023"),
    ("Will retire in 3 years", "Will retire in 2026"),
    ("Is getting married next year", "Is getting married in 2024"),
    ("Ran a 10k four days ago", "Ran a 10k on 6 May 2023"),
    ("Moved to Lyon a couple of years ago", "Moved to Lyon in 2021"),
    ("Is planting roses this spring", "Is planting roses in spring 2023"),
    ("Visited Iceland last summer", "Visited Iceland in summer 2022"),
    ("Is going to Crete next summer", "Is going to Crete in summer 2023"),
    ("Went skiing last winter", "Went skiing in winter 2022/23"),
    ("Went bowling last Friday", "Went bowling on 5 May 2023"),
    ("Met Sam on Monday", "Met Sam on 8 May 2023"),  # past tense: the Monday before
    ("Has a dentist appointment on Monday", "Has a dentist appointment on 15 May 2023"),
    ("Is hosting a dinner this Saturday", "Is hosting a dinner on 13 May 2023"),
])
def test_each_phrase_type_against_the_message_time(said: str, kept: str) -> None:
    assert resolve_dates(said, AT) == kept


@pytest.mark.parametrize("said", [
    "Has a meeting next Friday",  # this coming Friday or the one after?
    "Likes Friday nights", "Goes running on Sundays",  # habits, not dates
    "Works from home on Tuesday",  # a habit or one Tuesday? no tense to go by
    "Is redecorating this winter",  # said in May: the past winter or the coming one?
    "Moved here a few years ago", "Started a new job recently", "Is moving soon",
])
def test_ambiguous_phrases_stay_as_said(said: str) -> None:
    assert resolve_dates(said, AT) == said


def test_the_extractor_reads_each_message_at_its_own_time(tmp_path) -> None:
    with Memory({"store": {"path": str(tmp_path / "m.db")}, "llm": {"provider": "rules"}}) as m:
        m.add([{"role": "user", "content": "I am flying to Lisbon next month.",
                "timestamp": "2026-12-05T10:00:00Z"},
               {"role": "user", "content": "I started a new job last week."}],
              user_id="u", timestamp="2023-05-10T15:00:00Z")
        m.add("I went hiking last Saturday.", user_id="u")  # no time given: kept as said
        facts = {r["memory"] for r in m.get_all(user_id="u")["results"]}
    assert "Is flying to Lisbon in January 2027" in facts
    assert "Started a new job in the week of 1 May 2023" in facts
    assert "Went hiking last Saturday" in facts

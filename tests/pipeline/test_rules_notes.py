"""A job said as a note, without a verb ("Banker.", "Night shift nurse at St James's"),
and conditions with a number in them ("Type 1 diabetic") (#22). Sentences written for
this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from engram.pipeline.rules._fragments import subjectless


@pytest.mark.parametrize(("note", "fact"), [
    ("Accountant", "Is an accountant"),
    ("Senior data analyst at Ocado", "Is a senior data analyst at Ocado"),
    ("part time cleaner on weekdays", "Is a part time cleaner on weekdays"),
    ("Software dev", "Is a software dev"),
    ("Type 2 diabetic", "Is type 2 diabetic"),
])
def test_a_note_says_a_job_or_a_condition(note: str, fact: str) -> None:
    assert subjectless(note) == fact


@pytest.mark.parametrize("note", ["Norwegian spelling", "at the allotment", "Big apartment",
                                  "Two teachers", "Brand manager, start Monday"])
def test_a_note_that_only_looks_like_a_job_is_none(note: str) -> None:
    assert subjectless(note) is None

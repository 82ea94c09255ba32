"""A relative's wait settled by what happened, and a visit that moves nobody (issue #22).
Every sentence is written for this file; none is in an evaluation set."""

from __future__ import annotations

import pytest

from tests.pipeline.test_rules_round3 import conversation


@pytest.mark.parametrize(("held", "said", "gone", "kept"), [
    # the verb after the person's name is what happened: the training is over
    (["Husband Ian is training for a triathlon"], "Ian did the Bristol triathlon on Saturday.",
     "Husband Ian is training for a triathlon", "Husband Ian did the Bristol triathlon on Saturday"),
    # a birth settles a pregnancy however it is told
    (["Has a friend named Greta", "Friend Greta is pregnant"], "Greta had a baby boy last night!",
     "Friend Greta is pregnant", "Has a friend named Greta"),
    # the user's own wait too
    (["Is training for a half marathon"], "I ran the Cardiff half marathon on Sunday.",
     "Is training for a half marathon", "Ran the Cardiff half marathon on Sunday"),
])
def test_what_happened_settles_the_wait_held(held: list[str], said: str, gone: str,
                                             kept: str) -> None:
    out = conversation(("user", said), existing=held)
    assert gone not in out and kept in out


@pytest.mark.parametrize(("held", "said"), [
    # a visit to the city a relative lives in moves nobody
    (["Brother Kai lives in Lyon"], "Kai's visiting Lyon again next month."),
    (["Lives in Porto"], "I'm visiting Porto again in June with my cousins."),
    (["Lives in Galway"], "I'm staying with friends in Galway again this weekend."),
])
def test_a_visit_leaves_where_someone_lives(held: list[str], said: str) -> None:
    assert held[0] in conversation(("user", said), existing=held)

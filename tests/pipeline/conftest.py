"""Fixtures of the pipeline tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.pipeline._state import minilm_reconciler, state_after


@pytest.fixture(scope="session")
def minilm_after(shared_minilm: Any) -> Callable[..., list[str]]:
    """The state after one user message over the memories held, reconciled as Memory
    wires it (the MiniLM reconciler)."""
    rec = minilm_reconciler(shared_minilm)

    def run(message: str, *held: str) -> list[str]:
        return state_after([("user", message)], list(held), rec)
    return run

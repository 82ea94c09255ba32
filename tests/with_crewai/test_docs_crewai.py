"""The CrewAI examples run here, where crewai is installed: the README blocks fenced
```` ```python crewai ```` (tests/test_docs.py runs the plain ``python`` ones and checks
that no other tag exists) and the adapter's docstring."""

from __future__ import annotations

import doctest
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCKS = [(f"{p.name}#crewai{i}", b) for p in DOCS
          for i, b in enumerate(re.findall(r"```python crewai\n(.*?)```", p.read_text(), re.S))]


def _lend_the_model(monkeypatch: pytest.MonkeyPatch, model: Any) -> None:
    """The examples build Memory() and crewai_embedder() themselves; give both the
    already-loaded model instead of a second load each."""
    from engram import _components, embed

    monkeypatch.setattr(_components.Components, "raw_embedder", property(lambda self: model))
    monkeypatch.setattr(embed, "make_embedder", lambda *a, **k: model)


def test_there_are_crewai_blocks() -> None:
    assert BLOCKS


@pytest.mark.parametrize(("where", "code"), BLOCKS, ids=[w for w, _ in BLOCKS])
def test_readme_crewai_blocks_run(where: str, code: str, shared_minilm: Any,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _lend_the_model(monkeypatch, shared_minilm)
    exec(compile(code, where, "exec"), {"__name__": "__doc_example__"})


def test_module_examples(shared_minilm: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import engram.integrations.crewai as mod

    _lend_the_model(monkeypatch, shared_minilm)
    result = doctest.testmod(mod)
    assert result.attempted > 0 and result.failed == 0

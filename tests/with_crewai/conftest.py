"""The CrewAI adapter's tests run in their own venv (``.venv-crewai``, built by the
Makefile): crewai pins openai, protobuf and mcp below what the main suite's packages need.
``tests/integrations/test_crewai_venv.py`` runs this folder there from the main suite.

CrewAI sends telemetry and traces by default; both are switched off before it is imported,
so nothing leaves the machine; it is imported here once, with the ImportWarning its own
import order raises silenced (warnings are errors in this suite)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

for _k, _v in (("CREWAI_DISABLE_TELEMETRY", "true"), ("OTEL_SDK_DISABLED", "true"),
               ("CREWAI_TRACING_ENABLED", "false"), ("CREWAI_DISABLE_TRACKING", "true")):
    os.environ[_k] = _v

import warnings  # noqa: E402

import pytest  # noqa: E402

with warnings.catch_warnings():
    # crewai's own import order warns (crewai.rag.embeddings); not ours to fix.
    warnings.simplefilter("ignore", ImportWarning)
    import crewai  # noqa: F401

from engram import Memory  # noqa: E402


@pytest.fixture
def emem(tmp_path: Path, shared_minilm: Any) -> Iterator[Memory]:
    m = Memory({"store": {"path": str(tmp_path / "crew.db")}, "llm": {"provider": "rules"}},
               embedder=shared_minilm)
    yield m
    m.close()


@pytest.fixture(autouse=True)
def _crewai_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """CrewAI writes under CREWAI_STORAGE_DIR (its default LanceDB, task outputs)."""
    monkeypatch.setenv("CREWAI_STORAGE_DIR", str(tmp_path / "crewai-home"))

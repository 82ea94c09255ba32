"""Fixtures for the whole suite: an isolated ENGRAM_HOME and one shared MiniLM; and the
rule that a skipped test is a failed run under ``--no-skips`` or when ``CI`` is set.

Many tests need a package or a binary (PostgreSQL, Chromium, the MCP SDK, llama.cpp...).
The Makefile installs every one of them, so on a machine built by ``make test`` nothing
has a reason to skip: a skip there means a dependency went missing, and the suite would
look greener than it is.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engram.embed.onnx import MiniLMEmbedder

# tests/with_crewai needs crewai, which lives in its own venv (.venv-crewai, see the Makefile);
# the main suite runs that folder there (tests/integrations/test_crewai_venv.py) instead of
# collecting it here, where the import would fail.
collect_ignore = [] if importlib.util.find_spec("crewai") else ["with_crewai"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--no-skips", action="store_true",
                     help="fail the run when any test is skipped (also when CI is set)")


def _no_skips(config: pytest.Config) -> bool:
    import os

    return bool(config.getoption("--no-skips") or os.environ.get("CI"))


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    skipped = terminalreporter.stats.get("skipped", [])
    if skipped and _no_skips(config):
        terminalreporter.write_line(
            f"{len(skipped)} skipped: a skip fails this run (--no-skips / CI); install what "
            "the skip reasons above name (the Makefile should)", red=True, bold=True)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter is not None else []
    if skipped and _no_skips(session.config) and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the developer's config, keys or ~/.engram."""
    import os

    for k in list(os.environ):
        if k.startswith("ENGRAM_") or k in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "OPENAI_BASE_URL"):
            monkeypatch.delenv(k)
    monkeypatch.setenv("ENGRAM_HOME", str(tmp_path / "engram-home"))


@pytest.fixture(scope="session")
def shared_minilm() -> MiniLMEmbedder:
    emb = MiniLMEmbedder()
    emb.load()
    return emb


@pytest.fixture(params=["sqlite", "postgres"])
def store_config(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, Any]:
    """The ``store`` section of a Memory config, as a user writes it: a fresh SQLite file,
    or a fresh PostgreSQL database by DSN (the session's embedded server)."""
    if request.param == "sqlite":
        return {"path": str(tmp_path / "mem.db")}
    from tests import pg_server

    pg_server.require()
    return {"provider": "postgres", "dsn": pg_server.fresh_dsn("api")}


@pytest.fixture
def memory(store_config: dict[str, Any], shared_minilm: MiniLMEmbedder) -> Iterator[object]:
    """A Memory on a fresh store (each backend in turn) with the real default embedder,
    offline rules."""
    from engram import Memory

    m = Memory({"store": store_config, "llm": {"provider": "rules"}}, embedder=shared_minilm)
    yield m
    m.close()

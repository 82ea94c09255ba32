"""The README and docs are executed and checked for coverage: a stale doc fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.main import get_command

import engram
from engram import errors
from engram.cli import app
from engram.config import (
    EmbedderConfig,
    GraphConfig,
    LLMConfig,
    MemoryConfig,
    PipelineConfig,
    SearchConfig,
    StoreConfig,
)

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
ALL_TEXT = "\n".join(p.read_text() for p in DOCS)


def _python_blocks() -> list[tuple[str, str]]:
    out = []
    for p in DOCS:
        for i, block in enumerate(re.findall(r"```python\n(.*?)```", p.read_text(), re.S)):
            out.append((f"{p.name}#{i}", block))
    return out


@pytest.mark.parametrize(("where", "code"), _python_blocks(), ids=lambda v: v if "#" in v else "")
def test_doc_examples_run(where: str, code: str, shared_minilm: object, monkeypatch: pytest.MonkeyPatch) -> None:
    # The examples build Memory() themselves; give them the already-loaded model.
    from engram import _components

    monkeypatch.setattr(_components.Components, "raw_embedder", property(lambda self: shared_minilm))
    exec(compile(code, where, "exec"), {"__name__": "__doc_example__"})


# Fenced blocks run elsewhere, by tag: ``python crewai`` in CrewAI's own venv
# (tests/with_crewai/test_docs_crewai.py). Any other tag would be a block no test runs.
TAGGED = {"crewai"}


def test_every_python_block_is_run_somewhere() -> None:
    tags = set(re.findall(r"```python[ \t]+(\S+)", ALL_TEXT))
    assert tags == TAGGED, f"python blocks tagged {sorted(tags - TAGGED)} are run by no test"


def test_every_config_field_is_documented() -> None:
    for model in (MemoryConfig, EmbedderConfig, StoreConfig, LLMConfig, SearchConfig, GraphConfig,
                  PipelineConfig):
        for name in model.model_fields:
            if name in ("embedder", "store", "llm", "search", "graph"):
                continue
            assert f"`{name}`" in ALL_TEXT, f"config field {model.__name__}.{name} is undocumented"


def test_every_cli_command_is_documented() -> None:
    cli = get_command(app)
    for name in cli.commands:  # type: ignore[attr-defined]
        assert f"engram {name}" in ALL_TEXT, f"CLI command {name!r} is undocumented"


def test_every_error_class_is_documented() -> None:
    for name in errors.__all__:
        if name != "EngramError":
            assert f"`{name}`" in ALL_TEXT, f"error class {name} is undocumented"
    assert set(errors.__all__) <= set(engram.__all__)


def test_every_route_and_server_setting_is_documented(tmp_path: Path) -> None:
    import dataclasses

    from engram.server import ServerSettings, create_app
    from engram.testing import HashEmbedder

    app = create_app({"store": {"path": str(tmp_path / "d.db")}}, embedder=HashEmbedder(),
                     settings=ServerSettings(keys_path=tmp_path / "k.db"), warm_up=False)
    for path in app.openapi()["paths"]:
        assert f"`{path}`" in ALL_TEXT, f"route {path} is undocumented"
    fields = (f.name for f in dataclasses.fields(ServerSettings)) \
        if dataclasses.is_dataclass(ServerSettings) else ServerSettings.model_fields
    for name in fields:
        assert f"`{name}`" in ALL_TEXT, f"server setting {name} is undocumented"

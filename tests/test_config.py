"""Configuration: defaults, dict, Mem0 shape, TOML, environment, precedence, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from engram import ConfigError, Memory, MemoryConfig
from engram.config import default_db_path


def test_defaults_are_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = MemoryConfig.load(None, env={})
    assert (cfg.embedder.provider, cfg.store.provider, cfg.llm.provider) == ("minilm", "sqlite", None)
    assert cfg.search.mode == "hybrid"


def test_default_path_follows_engram_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENGRAM_HOME", str(tmp_path / "h"))
    assert default_db_path() == tmp_path / "h" / "engram.db"


def test_mem0_nested_shape_is_accepted() -> None:
    cfg = MemoryConfig.load({"llm": {"provider": "openai", "config": {"model": "gpt-x"}},
                             "vector_store": {"provider": "sqlite", "config": {"path": "/d"}},
                             "history_db_path": "/x"}, env={})
    assert (cfg.llm.provider, cfg.llm.model, cfg.store.path) == ("openai", "gpt-x", "/d")


def test_precedence_toml_env_dict(tmp_path: Path) -> None:
    toml = tmp_path / "engram.toml"
    toml.write_text('[store]\npath = "/from/toml.db"\n[search]\nrrf_k = 10\nmode = "vector"\n')
    env = {"ENGRAM_CONFIG": str(toml), "ENGRAM_SEARCH_RRF_K": "20"}
    cfg = MemoryConfig.load({"search": {"mode": "keyword"}}, env=env)
    assert cfg.store.path == "/from/toml.db"  # TOML only
    assert cfg.search.rrf_k == 20  # env beats TOML
    assert cfg.search.mode == "keyword"  # dict beats both


def test_env_dsn_selects_postgres() -> None:
    cfg = MemoryConfig.load(None, env={"ENGRAM_STORE_DSN": "postgresql://x/y"})
    assert (cfg.store.provider, cfg.store.dsn) == ("postgres", "postgresql://x/y")


@pytest.mark.parametrize(
    ("config", "where"),
    [
        ({"store": {"provider": "mongo"}}, "store.provider"),
        ({"search": {"rrf_k": 0}}, "search.rrf_k"),
        ({"embedder": {"dims": -3}}, "embedder.dims"),
        ({"unknown_section": {}}, "unknown_section"),
        ({"llm": {"timeout": "soon"}}, "llm.timeout"),
    ],
)
def test_bad_config_names_the_field(config: dict, where: str) -> None:
    with pytest.raises(ConfigError, match=where.replace(".", r"\.")):
        MemoryConfig.load(config, env={})


def test_bad_toml_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[store\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        MemoryConfig.load(None, env={"ENGRAM_CONFIG": str(bad)})
    with pytest.raises(ConfigError, match="does not exist"):
        MemoryConfig.load(None, env={"ENGRAM_CONFIG": str(tmp_path / "nope.toml")})


def test_importing_and_constructing_touch_nothing(tmp_path: Path) -> None:
    home = tmp_path / "engram-home"  # the autouse fixture points ENGRAM_HOME here
    m = Memory()
    assert not home.exists()  # nothing is created until first use
    m.close()


def test_store_remembers_its_embedder_dimension(tmp_path: Path) -> None:
    from engram.testing import HashEmbedder

    path = str(tmp_path / "dims.db")
    Memory({"store": {"path": path}}, embedder=HashEmbedder(dims=64)).add("x", user_id="u", infer=False)
    with pytest.raises(ConfigError, match="64-dim"):
        Memory({"store": {"path": path}}, embedder=HashEmbedder(dims=32)).add("y", user_id="u", infer=False)


def test_embedder_word_piece_budget_reaches_minilm(tmp_path: Path) -> None:
    from engram.embed.onnx import MiniLMEmbedder

    m = Memory({"store": {"path": str(tmp_path / "b.db")}, "embedder": {"max_tokens": 64}})
    emb = m._parts.raw_embedder
    assert isinstance(emb, MiniLMEmbedder) and emb.max_tokens == 64
    assert emb.model_id.endswith("-64t")
    m.close()
    with pytest.raises(ConfigError, match="max_tokens"):
        Memory({"embedder": {"max_tokens": 0}})

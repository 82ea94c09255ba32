"""Each MiniLM layer's attention becomes one operator: exact in float, one int8 kernel
after quantisation, and a graph it does not know is refused rather than half rewritten."""

from __future__ import annotations

import os
import tempfile
from collections import Counter

import numpy as np
import pytest

from engram.embed import _attention as A
from engram.embed import onnx as E
from engram.embed._batching import mean_pool, pad_batch
from engram.embed._rows import OUTPUT as ROWS
from engram.errors import EmbedderError

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")

SENTENCES = ["The ferry to Tangier leaves at dawn on Thursdays.",
             "Priya: my cello lessons moved to the community hall",
             "ok"]


def _folded() -> bytes:
    """The shipped model with its int8 weights folded into float products."""
    with tempfile.TemporaryDirectory() as tmp:
        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        opts.optimized_model_filepath = os.path.join(tmp, "folded.onnx")
        ort.InferenceSession(E._read_model(), opts, providers=["CPUExecutionProvider"])
        with open(opts.optimized_model_filepath, "rb") as f:
            return f.read()


def _vectors(model: bytes) -> np.ndarray:
    session = ort.InferenceSession(model, providers=["CPUExecutionProvider"])
    pooled = ROWS in {o.name for o in session.get_outputs()}
    tokenizer = E.MiniLMEmbedder()._ensure_loaded().tokenizer
    rows = []
    for text in SENTENCES:
        ids, mask = pad_batch([tokenizer.encode(text).ids])
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        if pooled:
            rows.append(session.run([ROWS], feed)[0][0])
        else:
            rows.append(mean_pool(session.run(["last_hidden_state"], feed)[0], mask)[0])
    return np.array(rows)


def _ops(graph: object) -> Counter[str]:
    """Operators of ``graph`` and of the graphs inside its nodes (a Loop's body)."""
    out: Counter[str] = Counter()
    for node in graph.node:  # type: ignore[attr-defined]
        out[node.op_type] += 1
        for attr in node.attribute:
            if attr.type == onnx.AttributeProto.GRAPH:
                out.update(_ops(attr.g))
    return out


def test_the_fused_float_graph_gives_the_same_vectors() -> None:
    folded = _folded()
    fused = A.fuse_attention(onnx.load_from_string(folded))
    ops = Counter(n.op_type for n in fused.graph.node)
    assert ops["Attention"] == A.LAYERS and ops["Softmax"] == 0
    assert len(fused.graph.node) < 130  # from about 260 operators
    same = (_vectors(folded) * _vectors(fused.SerializeToString())).sum(axis=1)
    assert same.min() > 0.99999


def _unfused_int8(folded: bytes) -> bytes:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with tempfile.TemporaryDirectory() as tmp:
        src, out = os.path.join(tmp, "f.onnx"), os.path.join(tmp, "q.onnx")
        with open(src, "wb") as f:
            f.write(folded)
        quantize_dynamic(src, out, weight_type=QuantType.QInt8)
        with open(out, "rb") as f:
            return f.read()


def test_the_int8_model_runs_one_attention_kernel_a_layer_and_stays_as_near_float() -> None:
    from engram.embed._quantized import _rewrite

    q8 = _rewrite(E._read_model())
    ops = _ops(onnx.load_from_string(q8).graph)
    assert ops["QAttention"] == A.LAYERS and ops["MatMulInteger"] > 0 and ops["Loop"] == 1
    folded = _folded()
    exact = _vectors(folded)
    fused = (_vectors(q8) * exact).sum(axis=1)
    unfused = (_vectors(_unfused_int8(folded)) * exact).sum(axis=1)
    # int8 activations cost a little fidelity (most on a two-letter text); the fused
    # projections' shared weight scale must not cost more than that.
    assert (fused >= unfused - 0.01).all() and fused.mean() > 0.9


def test_a_graph_it_does_not_know_is_refused() -> None:
    fused = A.fuse_attention(onnx.load_from_string(_folded()))
    before = fused.SerializeToString()
    with pytest.raises(EmbedderError, match="fused 0 attention layers, expected 6"):
        A.fuse_attention(fused)  # no softmax left to find
    assert fused.SerializeToString() == before  # refused before anything was changed

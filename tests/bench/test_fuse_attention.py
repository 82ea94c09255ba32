"""The attention fusion the embedder bench measures (bench/_fuse_attention.py): exact in
float, one int8 kernel a layer after quantisation, and a graph it does not know is
refused rather than half rewritten."""

from __future__ import annotations

from collections import Counter

import pytest

import _fuse_attention as A
from engram.errors import EmbedderError
from tests.bench.test_rows_model import folded, ops, quantised, vectors

onnx = pytest.importorskip("onnx")


def test_the_fused_float_graph_gives_the_same_vectors() -> None:
    plain = folded()
    fused = A.fuse_attention(onnx.load_from_string(plain))
    count = Counter(n.op_type for n in fused.graph.node)
    assert count["Attention"] == A.LAYERS and count["Softmax"] == 0
    assert len(fused.graph.node) < 130  # from about 260 operators
    same = (vectors(plain) * vectors(fused.SerializeToString())).sum(axis=1)
    assert same.min() > 0.99999


def test_quantised_it_runs_one_attention_kernel_a_layer_and_stays_as_near_float() -> None:
    plain = folded()
    q8a = quantised(A.fuse_attention(onnx.load_from_string(plain)).SerializeToString())
    assert ops(onnx.load_from_string(q8a).graph)["QAttention"] == A.LAYERS
    exact = vectors(plain)
    fused = (vectors(q8a) * exact).sum(axis=1)
    unfused = (vectors(quantised(plain)) * exact).sum(axis=1)
    # int8 activations cost a little fidelity (most on a two-letter text); the fused
    # projections' shared weight scale must not cost more than that.
    assert (fused >= unfused - 0.01).all() and fused.mean() > 0.9


def test_a_graph_it_does_not_know_is_refused() -> None:
    fused = A.fuse_attention(onnx.load_from_string(folded()))
    before = fused.SerializeToString()
    with pytest.raises(EmbedderError, match="fused 0 attention layers, expected 6"):
        A.fuse_attention(fused)  # no softmax left to find
    assert fused.SerializeToString() == before  # refused before anything was changed

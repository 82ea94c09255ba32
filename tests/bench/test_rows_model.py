"""The int8 model runs a batch one text at a time inside one call: every vector is the
one that text gets alone in a plain run of the quantised graph, whatever shares its call."""

from __future__ import annotations

import os
import tempfile
from collections import Counter

import numpy as np
import pytest

from embedder_graph import _one_a_run as one_a_run
from engram.embed import onnx as E
from engram.embed._batching import pad_batch
from engram.embed._rows import OUTPUT as ROWS

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")

SENTENCES = ["The ferry to Tangier leaves at dawn on Thursdays.",
             "Priya: my cello lessons moved to the community hall",
             "ok"]


def folded() -> bytes:
    """The shipped model with its int8 weights folded into float products."""
    with tempfile.TemporaryDirectory() as tmp:
        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        opts.optimized_model_filepath = os.path.join(tmp, "folded.onnx")
        ort.InferenceSession(E._read_model(), opts, providers=["CPUExecutionProvider"])
        with open(opts.optimized_model_filepath, "rb") as f:
            return f.read()


def quantised(model: bytes) -> bytes:
    """``model`` through the dynamic quantiser, nothing else."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with tempfile.TemporaryDirectory() as tmp:
        src, out = os.path.join(tmp, "f.onnx"), os.path.join(tmp, "q.onnx")
        with open(src, "wb") as f:
            f.write(model)
        quantize_dynamic(src, out, weight_type=QuantType.QInt8)
        with open(out, "rb") as f:
            return f.read()


def vectors(model: bytes, texts: list[str] = SENTENCES) -> np.ndarray:
    """One run per text (a rows model: all texts in one call), pooled and unit length."""
    session = ort.InferenceSession(model, providers=["CPUExecutionProvider"])
    tokenizer = E.MiniLMEmbedder()._ensure_loaded().tokenizer
    rows = [tokenizer.encode(t).ids for t in texts]
    if ROWS in {o.name for o in session.get_outputs()}:
        ids, mask = pad_batch(rows)
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        return np.asarray(session.run([ROWS], feed)[0])
    return one_a_run(session)(rows)


def ops(graph: object) -> Counter[str]:
    """Operators of ``graph`` and of the graphs inside its nodes (a Loop's body)."""
    out: Counter[str] = Counter()
    for node in graph.node:  # type: ignore[attr-defined]
        out[node.op_type] += 1
        for attr in node.attribute:
            if attr.type == onnx.AttributeProto.GRAPH:
                out.update(ops(attr.g))
    return out


def test_one_call_gives_each_text_the_vector_of_its_own_plain_run() -> None:
    from engram.embed._quantized import _rewrite

    model = _rewrite(E._read_model())
    assert ops(onnx.load_from_string(model).graph)["Loop"] == 1
    plain = vectors(quantised(folded()))  # one text a run, as before the wrapper
    together = vectors(model)  # the three, of 13, 11 and 3 word pieces, in one call
    assert np.abs(together - plain).max() < 1e-5


def test_pruning_the_mask_and_the_keys_transposes_changes_no_bit_of_any_vector() -> None:
    from engram.embed._prune import prune_one_row

    plain = onnx.load_from_string(quantised(folded()))
    before = ops(plain.graph)
    texts = [*SENTENCES, "Caroline: I went to a LGBTQ support group yesterday and it was "
                         "so powerful, everyone there was kind."]
    want = vectors(plain.SerializeToString(), texts)
    prune_one_row(plain.graph)
    after = ops(plain.graph)
    # The mask's bias and its NaN guard are gone, and one transpose replaces each key
    # path's transpose-reshape-transpose-reshape.
    assert after["IsNaN"] == after["Where"] == after["GatherND"] == 0 < before["IsNaN"]
    assert after["Reshape"] == before["Reshape"] - 2 * 6
    assert sum(after.values()) < sum(before.values()) - 90
    got = vectors(plain.SerializeToString(), texts)
    assert np.array_equal(got, want)

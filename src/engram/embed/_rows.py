"""A batch of texts in one model run, each text still run on its own.

With int8 kernels a run quantises its activations with one scale for the whole input,
so texts run together would change each other's vectors. Run one at a time, each text
cost a model call from Python: about 0.2 ms of overhead, and, worse, a hand-back of the
interpreter lock after every text. A background writer embedding stored turns beside a
busy add waited up to the switch interval (5 ms) for the lock after each 3 ms run, so it
fell behind and ``flush`` had seconds left to do.

:func:`rows_model` wraps the model in an ONNX ``Loop`` over the batch's rows: each
iteration cuts its row to the text's own length (the attention mask's sum), runs the
model on that one row, and pools it (mean over its tokens, unit length). One call, one
lock hand-back, and every vector exactly what the text gives alone, whatever else was
in the batch and however long the longest text was. Since a row is never padded, its
graph drops the attention mask's arithmetic first (:mod:`engram.embed._prune`).
"""

from __future__ import annotations

from typing import Any

__all__ = ["rows_model", "OUTPUT"]

OUTPUT = "sentence_embedding"  # (batch, dims), unit rows
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def rows_model(model: Any, dims: int, *, prune: bool = True) -> Any:
    """``model`` (an ``onnx.ModelProto`` taking ``input_ids``/``attention_mask``/
    ``token_type_ids`` and giving ``last_hidden_state``) wrapped to give ``OUTPUT``;
    ``prune=False`` keeps the mask's arithmetic (bench/embedder_graph.py, to compare)."""
    from onnx import TensorProto, helper

    from engram.embed._prune import prune_one_row

    inner = prune_one_row(model.graph) if prune else model.graph
    own = {name: f"row_{name}" for name in _INPUTS}  # the row's tensors inside the loop
    used = {name for node in inner.node for name in node.input}
    for node in inner.node:
        for k, name in enumerate(node.input):
            node.input[k] = own.get(name, name)

    def const(name: str, values: list[int], dims_: list[int] | None = None) -> Any:
        return helper.make_tensor(name, TensorProto.INT64, [len(values)] if dims_ is None
                                  else dims_, values)

    ones = helper.make_tensor("one", TensorProto.INT64, [1], [1])
    zeros = helper.make_tensor("zero", TensorProto.INT64, [1], [0])
    body_nodes = [
        helper.make_node("Unsqueeze", ["row_i", "rows_axis0"], ["row_i1"]),
        helper.make_node("Gather", ["input_ids", "row_i"], ["row_padded"], axis=0),
        helper.make_node("Gather", ["rows_lengths", "row_i1"], ["row_length"], axis=0),
        helper.make_node("Slice", ["row_padded", "rows_start", "row_length"], ["row_cut"]),
        helper.make_node("Unsqueeze", ["row_cut", "rows_axis0"], [own["input_ids"]]),
        helper.make_node("Shape", [own["input_ids"]], ["row_shape"]),
        *[helper.make_node("ConstantOfShape", ["row_shape"], [own[name]], value=fill)
          for name, fill in (("attention_mask", ones), ("token_type_ids", zeros)) if name in used],
        *inner.node,
        # Every token of the cut row counts: the mean is the masked mean of one text.
        helper.make_node("ReduceMean", ["last_hidden_state"], ["row_mean"], axes=[1], keepdims=0),
        helper.make_node("LpNormalization", ["row_mean"], ["row_unit"], axis=-1, p=2),
        helper.make_node("Squeeze", ["row_unit", "rows_axis0"], ["row_vector"]),
        helper.make_node("Identity", ["row_go"], ["row_go_on"]),
    ]
    body = helper.make_graph(
        body_nodes, "one_row",
        [helper.make_tensor_value_info("row_i", TensorProto.INT64, []),
         helper.make_tensor_value_info("row_go", TensorProto.BOOL, [])],
        [helper.make_tensor_value_info("row_go_on", TensorProto.BOOL, []),
         helper.make_tensor_value_info("row_vector", TensorProto.FLOAT, [dims])])
    outer_nodes = [
        helper.make_node("ReduceSum", ["attention_mask", "rows_axis1"], ["rows_lengths"],
                         keepdims=0),
        helper.make_node("Shape", ["attention_mask"], ["rows_shape"]),
        helper.make_node("Gather", ["rows_shape", "rows_first"], ["rows_count"], axis=0),
        helper.make_node("Loop", ["rows_count", "rows_go"], [OUTPUT], body=body),
    ]
    constants = [const("rows_axis0", [0]), const("rows_axis1", [1]), const("rows_start", [0]),
                 const("rows_first", [0], []),
                 helper.make_tensor("rows_go", TensorProto.BOOL, [], [True])]
    graph = helper.make_graph(
        outer_nodes, "minilm_rows",
        [helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "tokens"]) for n in _INPUTS],
        [helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, ["batch", dims])],
        initializer=[*inner.initializer, *constants])
    out = helper.make_model(graph, opset_imports=list(model.opset_import))
    out.ir_version = model.ir_version
    return out

"""Exact simplifications of the int8 graph for a run of one unpadded text.

Inside :func:`engram.embed._rows.rows_model` every run is one text cut to its own
length, so its attention mask is all ones. Two parts of the exported graph then only
move or keep numbers, and each costs operators on every run (about 100 of 450; the
fixed cost of a run is what a short text mostly pays):

- the mask's additive bias before each softmax (zero everywhere: ``x + 0.0`` is ``x``),
  with the guard after it that turns a fully masked row's NaN into zero (a softmax of
  finite scores has none), and the twenty operators that build the bias;
- the keys' transpose, exported as transpose, reshape, transpose, reshape (with the
  shape arithmetic for both reshapes): one transpose gives the same tensor.

Neither changes a bit of any vector (``tests/bench/test_rows_model.py`` compares with
the unpruned graph). A graph without these patterns comes back as it was.
"""

from __future__ import annotations

from typing import Any

__all__ = ["prune_one_row"]

_TEXT_INPUT = "input_ids"


def prune_one_row(graph: Any) -> Any:
    """``graph`` (an ``onnx.GraphProto`` whose attention mask will be all ones),
    simplified in place and returned."""
    made = {o: n for n in graph.node for o in n.output}
    _drop_mask_bias(graph, made)
    _one_key_transpose(graph, made)
    _keep_needed(graph)
    return graph


def _from_text(graph: Any) -> set[str]:
    """The tensors computed from the text (the rest is shapes and the mask)."""
    out = {_TEXT_INPUT}
    for node in graph.node:  # the exported graph lists producers first
        if any(i in out for i in node.input):
            out.update(node.output)
    return out


def _rename_uses(graph: Any, old: str, new: str) -> None:
    for node in graph.node:
        for k, name in enumerate(node.input):
            if name == old:
                node.input[k] = new


def _drop_mask_bias(graph: Any, made: dict[str, Any]) -> None:
    text = _from_text(graph)
    for softmax in [n for n in graph.node if n.op_type == "Softmax"]:
        add = made.get(softmax.input[0])
        if add is None or add.op_type != "Add":
            continue
        scores = [i for i in add.input if i in text]
        if len(scores) != 1:  # both sides from the text: not a mask
            continue
        softmax.input[0] = scores[0]
        for guard in _guards(graph, softmax.output[0]):
            _rename_uses(graph, guard.output[0], softmax.output[0])


def _guards(graph: Any, probs: str) -> list[Any]:
    """``Where(IsNaN(probs), c, probs)`` nodes."""
    isnan = {n.output[0] for n in graph.node if n.op_type == "IsNaN" and n.input[0] == probs}
    return [n for n in graph.node
            if n.op_type == "Where" and n.input[0] in isnan and n.input[2] == probs]


def _perm(node: Any) -> list[int] | None:
    if node is None or node.op_type != "Transpose":
        return None
    return next((list(a.ints) for a in node.attribute if a.name == "perm"), None)


def _one_key_transpose(graph: Any, made: dict[str, Any]) -> None:
    """(b, l, h, d) -transpose-> (b, h, l, d) -reshape-> (bh, l, d) -transpose->
    (bh, d, l) -reshape-> (b, h, d, l) is one transpose of the first tensor."""
    from onnx import helper

    added = []
    for last in [n for n in graph.node if n.op_type == "Reshape"]:
        swap = made.get(last.input[0])
        if swap is None or _perm(swap) != [0, 2, 1]:
            continue
        flat = made.get(swap.input[0])
        heads = made.get(flat.input[0]) if flat is not None and flat.op_type == "Reshape" else None
        if heads is None or _perm(heads) != [0, 2, 1, 3]:
            continue
        out = f"{last.output[0]}_keys_t"
        added.append(helper.make_node("Transpose", [heads.input[0]], [out], perm=[0, 2, 3, 1]))
        _rename_uses(graph, last.output[0], out)
    graph.node.extend(added)


def _keep_needed(graph: Any) -> None:
    """Drop what no output needs; order the rest so each node follows its inputs."""
    need = {o.name for o in graph.output}
    kept: set[int] = set()
    grew = True
    while grew:
        grew = False
        for k, node in enumerate(graph.node):
            if k not in kept and any(o in need for o in node.output):
                kept.add(k)
                need.update(node.input)
                grew = True
    ready = {i.name for i in graph.input} | {i.name for i in graph.initializer} | {""}
    pending = [n for k, n in enumerate(graph.node) if k in kept]
    ordered: list[Any] = []
    while pending:
        later = []
        for node in pending:
            if all(i in ready for i in node.input):
                ordered.append(node)
                ready.update(node.output)
            else:
                later.append(node)
        if len(later) == len(pending):
            raise ValueError(f"the graph has a cycle or a missing input at {later[0].name}")
        pending = later
    unused = {i.name for i in graph.initializer} - need
    keep_init = [i for i in graph.initializer if i.name not in unused]
    del graph.node[:]
    graph.node.extend(ordered)
    del graph.initializer[:]
    graph.initializer.extend(keep_init)

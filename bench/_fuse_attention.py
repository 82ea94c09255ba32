"""MiniLM's self-attention as one operator per layer, before its products go int8: a
rewrite measured by ``bench/embedder_graph.py`` and not adopted.

The shipped graph spells each layer's attention out as the exporter wrote it: three
projections, each reshaped and transposed per head, a NaN guard after the softmax, two
half scalings, and the shape arithmetic that feeds the reshapes, about 40 operators a
layer that onnxruntime runs one by one (its own attention fusion does not know this
pattern, and the NaN guard hides it from the transformers optimizer too). Written as
onnxruntime's ``Attention`` operator, the dynamic quantiser then makes it a
``QAttention``, one int8 kernel for the three projections and the heads.

The rewrite is exact in float (cosine 1.0 to the unfused graph); with int8 kernels the
three projections share one weight scale, so the vectors move (cosine 0.99 to the
unfused int8 ones, as close to the float model as they were). That move is why it is
not the default: the rules reconciler's nearest-change floor (0.3) was set on the
unfused int8 vectors, and decisions sitting within ~0.02 of it flip either way
(bench/results/embedder_graph.json records the trade). It fails loudly (never a
half-rewritten graph) when the pattern is not the one it knows.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from engram.errors import EmbedderError

__all__ = ["fuse_attention", "LAYERS", "HEADS"]

LAYERS = 6  # all-MiniLM-L6-v2
HEADS = 12  # 384 wide, 32 a head
_MASK = "engram_mask_i32"  # the Attention operator takes its mask as int32


def fuse_attention(model: Any) -> Any:
    """``model`` (an ``onnx.ModelProto``, float products) with each layer's attention as
    one ``com.microsoft.Attention`` node; the nodes it replaces are dropped."""
    from onnx import helper, numpy_helper

    g = model.graph
    init = {i.name: i for i in g.initializer}
    made = {o: n for n in g.node for o in n.output}
    used_by: dict[str, list[Any]] = defaultdict(list)
    for n in g.node:
        for x in n.input:
            used_by[x].append(n)

    def producer(name: str, op: str) -> Any:
        n = made.get(name)
        if n is None or n.op_type != op:
            raise _unknown(f"{name}: expected {op}, found {n.op_type if n else 'an input'}")
        return n

    def weight(name: str) -> Any:
        if name not in init:
            raise _unknown(f"{name}: expected a constant")
        return numpy_helper.to_array(init[name])

    def projection(tensor: str, scaled: bool) -> tuple[str, Any, Any, float]:
        """(input, weight, bias, scale) of a head-split projection: MatMul -> Add ->
        Reshape/Transpose steps [-> Mul by a constant]."""
        scale = 1.0
        n = made.get(tensor)
        if scaled:
            n = producer(tensor, "Mul")
            scale = float(weight(n.input[1]))
            n = made.get(n.input[0])
        while n is not None and n.op_type in ("Reshape", "Transpose"):
            n = made.get(n.input[0])
        if n is None or n.op_type != "Add":
            raise _unknown(f"{tensor}: no bias Add before the head split")
        mm = producer(n.input[0], "MatMul")
        return mm.input[0], weight(mm.input[1]), weight(n.input[1]), scale

    fused: dict[int, Any] = {}  # id of the node the Attention replaces -> Attention
    weights: list[Any] = []  # added only once every layer matched
    for k, soft in enumerate(n for n in g.node if n.op_type == "Softmax"):
        scores = producer(producer(soft.input[0], "Add").input[0], "MatMul")
        xq, wq, bq, sq = projection(scores.input[0], scaled=True)
        xk, wk, bk, sk = projection(scores.input[1], scaled=True)
        probs = soft.output[0]
        guard = [n for n in used_by[probs] if n.op_type == "Where"]
        if guard:  # Where(IsNaN(p), 0, p): a row with no key left; a text always has [CLS]
            probs = guard[0].output[0]
        [context] = [n for n in used_by[probs] if n.op_type == "MatMul"]
        xv, wv, bv, _ = projection(context.input[1], scaled=False)
        if not xq == xk == xv:
            raise _unknown("the three projections read different inputs")
        merge = used_by[used_by[context.output[0]][0].output[0]][0]  # Transpose -> Reshape
        if merge.op_type != "Reshape":
            raise _unknown(f"{merge.name}: expected the heads merged by a Reshape")
        w_name, b_name = f"engram_attention{k}_w", f"engram_attention{k}_b"
        weights += [numpy_helper.from_array(_concat(wq, wk, wv, axis=1), w_name),
                    numpy_helper.from_array(_concat(bq, bk, bv, axis=0), b_name)]
        fused[id(merge)] = helper.make_node(
            "Attention", [xq, w_name, b_name, _MASK], [merge.output[0]], domain="com.microsoft",
            name=f"engram_attention{k}", num_heads=HEADS, scale=sq * sk)
    if len(fused) != LAYERS:
        raise _unknown(f"fused {len(fused)} attention layers, expected {LAYERS}")
    g.initializer.extend(weights)
    nodes = [helper.make_node("Cast", ["attention_mask"], [_MASK], to=6)]  # 6: int32
    nodes += [fused.get(id(n), n) for n in g.node]
    _replace(g, _live(nodes, {o.name for o in g.output}))
    if not any(o.domain == "com.microsoft" for o in model.opset_import):
        model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    return model


def _concat(*parts: Any, axis: int) -> Any:
    import numpy as np

    return np.concatenate(parts, axis=axis).astype(np.float32)


def _live(nodes: list[Any], outputs: set[str]) -> list[Any]:
    """The nodes (in order) that some graph output depends on."""
    needed, keep = set(outputs), []
    for n in reversed(nodes):
        if any(o in needed for o in n.output):
            keep.append(n)
            needed.update(n.input)
    return keep[::-1]


def _replace(g: Any, nodes: list[Any]) -> None:
    del g.node[:]
    g.node.extend(nodes)
    used = {x for n in nodes for x in n.input}
    kept = [i for i in g.initializer if i.name in used]
    del g.initializer[:]
    g.initializer.extend(kept)


def _unknown(what: str) -> EmbedderError:
    return EmbedderError(f"the MiniLM graph is not the one the attention rewrite knows: {what}")

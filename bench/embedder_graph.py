"""What the int8 MiniLM graph's rewrites cost and keep: layer norms left unfused, a
batch run one text at a time inside one call, and (not adopted) attention fused.

    .venv/bin/python bench/embedder_graph.py [--turns N] [--rounds N] [--quick] [--out FILE]

Each variant embeds the same LOCOMO dev turns (as stored episodes are embedded:
"Speaker: text", 64 word pieces at most), one text a call unless it says otherwise:

- ``q8``: the int8 graph as it ran before (dynamic quantisation of the folded model),
  onnxruntime's own fusions all on;
- ``q8, layer norms unfused``: the same file without the SkipLayerNormalization fusion;
- ``q8 rows, mask kept``: that, with a batch of texts run one at a time inside one call
  (``engram.embed._rows``), 16 a call;
- ``q8 rows (default)``: the default embedder (``MiniLMEmbedder()``): that, with each
  row's run rid of the attention mask's arithmetic and of the keys' four-step
  transpose (``engram.embed._prune``: the vectors do not change by a bit);
- ``q8a (not adopted)``: attention fused first (``bench/_fuse_attention.py``), layer
  norms unfused, one text a call: its vectors move (see that module).

Figures: CPU ms per text on one thread; wall ms per text with two threads embedding at
once (both cores busy, as during an ingest); wall ms per text for one embedding thread
beside a thread running Python (an add's rules beside the background turn writer: the
embedding thread must win the interpreter lock back after each call); cosine of each
vector to the float model's and to ``q8``'s. Writes ``bench/results/embedder_graph.json``
(``--quick``: a few turns, for the tests; never the committed results).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _locomo_data as D  # noqa: E402
from _machine import cpu  # noqa: E402
from _phases import load1  # noqa: E402
from engram.embed import onnx as E  # noqa: E402
from engram.embed._batching import mean_pool, pad_batch  # noqa: E402
from engram.embed._rows import OUTPUT as ROWS  # noqa: E402
from engram.embed._rows import rows_model  # noqa: E402

LOCOMO = HERE.parent.parent / "shared" / "data" / "locomo_dev"
OUT = HERE / "results" / "embedder_graph.json"

Embed = Callable[[list[list[int]]], np.ndarray]  # word-piece rows -> unit vectors


def _session(model: bytes, unfused_norms: bool) -> Any:
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = opts.inter_op_num_threads = 1
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(model, opts, providers=["CPUExecutionProvider"],
                                disabled_optimizers=["SkipLayerNormFusion"] if unfused_norms else [])


def _one_a_run(session: Any) -> Embed:
    def embed(rows: list[list[int]]) -> np.ndarray:
        out = []
        for row in rows:
            ids, mask = pad_batch([row])
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            out.append(mean_pool(session.run(["last_hidden_state"], feed)[0], mask)[0])
        return np.array(out)
    return embed


def _models() -> tuple[bytes, bytes, bytes, bytes]:
    """(float folded, q8 as before, q8a, q8 rows with the mask kept)."""
    import onnx
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from _fuse_attention import fuse_attention

    with tempfile.TemporaryDirectory() as tmp:
        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        opts.optimized_model_filepath = folded = os.path.join(tmp, "folded.onnx")
        ort.InferenceSession(E._read_model(), opts, providers=["CPUExecutionProvider"])
        q8, fused, q8a = (os.path.join(tmp, n) for n in ("q8.onnx", "fused.onnx", "q8a.onnx"))
        quantize_dynamic(folded, q8, weight_type=QuantType.QInt8)
        onnx.save(fuse_attention(onnx.load(folded)), fused)
        quantize_dynamic(fused, q8a, weight_type=QuantType.QInt8)
        kept = rows_model(onnx.load(q8), E.DIMS, prune=False).SerializeToString()
        return (*(Path(p).read_bytes() for p in (folded, q8, q8a)), kept)  # type: ignore[return-value]


def _variants() -> tuple[Embed, dict[str, Embed]]:
    folded, q8, q8a, kept = _models()
    default = E.MiniLMEmbedder(threads=1)
    default.load()
    m = default._ensure_loaded()

    def rows(session: Any) -> Embed:
        def embed(batch: list[list[int]]) -> np.ndarray:
            out = []
            for i in range(0, len(batch), default.batch_size):
                ids, mask = pad_batch(batch[i:i + default.batch_size])
                feed = {"input_ids": ids, "attention_mask": mask,
                        "token_type_ids": np.zeros_like(ids)}
                out.append(session.run([ROWS], feed)[0])
            return np.concatenate(out)
        return embed

    return _one_a_run(_session(folded, False)), {
        "q8": _one_a_run(_session(q8, False)),
        "q8, layer norms unfused": _one_a_run(_session(q8, True)),
        "q8 rows, mask kept": rows(_session(kept, True)),
        "q8 rows (default)": rows(m.session),
        "q8a (not adopted)": _one_a_run(_session(q8a, True)),
    }


def _busy(stop: threading.Event) -> None:
    x = 0
    while not stop.is_set():  # pure Python: holds the interpreter lock between checks
        for i in range(2000):
            x += i * i


def _timed(embed: Embed, turns: list[list[int]], threads: int, beside_python: bool) -> float:
    """Wall ms per text."""
    parts = [turns[i::threads] for i in range(threads)]
    stop = threading.Event()
    busy = threading.Thread(target=_busy, args=(stop,)) if beside_python else None
    if busy:
        busy.start()
    start = time.perf_counter()
    workers = [threading.Thread(target=embed, args=(p,)) for p in parts]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    took = time.perf_counter() - start
    stop.set()
    if busy:
        busy.join()
    return took / len(turns) * 1000


def run(n_turns: int, rounds: int) -> dict[str, Any]:
    convs = D.load_dir(LOCOMO)
    texts = [f"{t.speaker}: {t.text}" for c in convs for t in c.turns][:n_turns]
    tok = E.MiniLMEmbedder()._ensure_loaded().tokenizer
    turns = [E.clip(e.ids, E.DEFAULT_TOKENS) for e in tok.encode_batch(texts)]
    exact, variants = _variants()
    reference = exact(turns)
    before = variants["q8"](turns)
    rows: list[dict[str, Any]] = []
    for name, embed in variants.items():
        vecs = embed(turns)
        cpu_ms, two, beside = [], [], []
        for _ in range(rounds):  # medians of the rounds
            c0 = time.process_time()
            embed(turns)
            cpu_ms.append((time.process_time() - c0) / len(turns) * 1000)
            two.append(_timed(embed, turns, 2, False))
            beside.append(_timed(embed, turns, 1, True))
        to_float = (vecs * reference).sum(axis=1)
        rows.append({"variant": name, "cpu_ms_per_text_1_thread": round(statistics.median(cpu_ms), 3),
                     "wall_ms_per_text_2_threads": round(statistics.median(two), 3),
                     "wall_ms_per_text_beside_python": round(statistics.median(beside), 3),
                     "cosine_to_float_mean": round(float(to_float.mean()), 4),
                     "cosine_to_float_min": round(float(to_float.min()), 4),
                     "cosine_to_q8_mean": round(float((vecs * before).sum(axis=1).mean()), 4),
                     "load_avg": round(load1(), 2)})
        print(json.dumps(rows[-1]), flush=True)
    return {"turns": len(turns), "tokens_mean": round(float(np.mean([len(t) for t in turns])), 1),
            "rounds": rounds, "cpu": cpu(), "rows": rows}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--turns", type=int, default=600)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="a few turns, one round (tests)")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(argv)
    res = run(12, 1) if a.quick else run(a.turns, a.rounds)
    res["command"] = " ".join(["bench/embedder_graph.py", *(argv or sys.argv[1:])])
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(res, indent=1) + "\n")
    print(f"wrote {a.out}")
    return res


if __name__ == "__main__":
    main()

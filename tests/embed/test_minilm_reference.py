"""Our int8 ONNX vectors agree with fp32 sentence-transformers (fixtures/make_reference.py)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from engram.embed.onnx import MiniLMEmbedder

FIXTURE = Path(__file__).parent / "fixtures" / "reference_fp32.json"


def test_int8_onnx_agrees_with_fp32_reference() -> None:
    # The reference was made at sentence-transformers' 256 word pieces: compare the model
    # at that budget, not the default one.
    minilm = MiniLMEmbedder(max_tokens=256)
    items = json.loads(FIXTURE.read_text(encoding="utf-8"))["items"]
    assert any(item["tokens"] > 256 for item in items)  # truncation is covered
    ref = np.array([item["vector"] for item in items], dtype=np.float32)
    ours = minilm.embed([item["text"] for item in items])
    cosines = (ours * ref).sum(axis=1) / np.linalg.norm(ref, axis=1)
    worst = int(np.argmin(cosines))
    assert cosines.min() >= 0.99, (items[worst]["text"], float(cosines[worst]))
    assert float(np.mean(cosines)) >= 0.998

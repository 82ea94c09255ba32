"""Hypothesis strategies for hostile input: any unicode (lone surrogates, NUL, RTL marks,
emoji), huge and deep values, and values of the wrong type for every parameter.

Each strategy mixes plausible values with garbage, so that generated calls both succeed
(and write) and fail (and must write nothing), and the store is read after each of them.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

# Every code point, lone surrogates included (Hypothesis leaves out "Cs" by default).
any_char = st.characters(exclude_categories=())
TRICKY = ["\ud800", "hi \udcff", "\x00", "a\x00b", "\u202eevil\u202c", "👋🏽 emoji", "*",
          " ", "", "\t\n", "ناس", "\ufeff", "x" * 300, "%s%n", "'; DROP TABLE memories;--",
          "\\", "null", "user_id", "AND", "../..", "\uffff", "\U0010ffff"]

POISON = ["\ud800", "\udfff", "\udcff", "\x00"]
# Plain words with one character no store can hold, somewhere in them.
poisoned = st.builds(lambda words, bad, at: words[:at] + bad + words[at:],
                     st.sampled_from(["I like tea", "alice", "topic", "Lives in Lisbon", ""]),
                     st.sampled_from(POISON), st.integers(0, 20))
texts = st.one_of(poisoned, st.text(any_char, max_size=40), st.sampled_from(TRICKY),
                  st.just("I live in Lisbon and I like green tea"))
big_ints = st.sampled_from([2**31, 2**62, 2**63, 2**64, -(2**63) - 1, 10**30, 10**400])
scalars = st.one_of(st.none(), st.booleans(), st.integers(), big_ints,
                    st.floats(allow_nan=True, allow_infinity=True), texts)


def _deep(levels: int, leaf: Any) -> Any:
    out = leaf
    for i in range(levels):
        out = {"k": out} if i % 2 else [out]
    return out


deep_values = st.integers(10, 1_200).map(lambda n: _deep(n, "x"))
huge_values = st.sampled_from([{"k": "x" * 200_000}, {f"k{i}": i for i in range(3_000)},
                               list(range(3_000))])
json_like = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(texts, inner, max_size=4)), max_leaves=12)
odd = st.one_of(scalars, json_like, deep_values, huge_values, st.binary(max_size=8),
                st.just(object()), st.just({1, 2}), st.just((1, "a")))

# A few fixed scopes keep generated writes and reads meeting each other.
scope_ids = st.one_of(st.sampled_from(["u", "alice", "bob@example.com", "tenant/7"]), texts,
                      odd)
maybe_scope = st.one_of(st.none(), scope_ids)
metadata = st.one_of(st.none(), st.dictionaries(texts, json_like, max_size=5), odd)
messages = st.one_of(
    texts,
    st.lists(st.fixed_dictionaries(
        {"role": st.one_of(st.sampled_from(["user", "assistant", "system", "tool"]), odd),
         "content": st.one_of(texts, odd, st.lists(st.fixed_dictionaries(
             {"type": st.sampled_from(["text", "image_url", "audio"]), "text": texts}),
             max_size=2))},
        optional={"name": st.one_of(texts, odd)}), max_size=4),
    odd)
filters = st.one_of(
    st.none(),
    st.dictionaries(st.one_of(st.sampled_from(["user_id", "topic", "AND", "OR", "NOT",
                                               "created_at", "metadata"]), texts),
                    json_like, max_size=3),
    odd)
ints = st.one_of(st.none(), st.integers(-5, 1_200), big_ints, odd)
modes = st.one_of(st.none(), st.sampled_from(["hybrid", "vector", "keyword", "", 0, "HYBRID"]),
                  odd)
flags = st.one_of(st.booleans(), odd)
timestamps = st.one_of(st.none(), st.sampled_from(["2025-05-01", "2025-05-01T12:00:00Z",
                                                   "yesterday", 0, 1.7e9, 1e300, -1e20]), odd)
cursors = st.one_of(st.none(), st.sampled_from(["cjk", "cjE", "cjk5OTk5OTk5OTk5OTk5OTk5OTk5",
                                                "!!", ""]), texts, odd)

# -- plausible values: what a careful caller sends --------------------------------------

safe_text = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=40) \
    .filter(lambda t: t.strip())
good_scope = st.sampled_from(["u", "alice", "bob@example.com", "tenant/7", "José"])
good_meta = st.one_of(st.none(), st.dictionaries(
    st.sampled_from(["topic", "stars", "tags", "nested"]),
    st.one_of(safe_text, st.integers(-100, 100), st.booleans(),
              st.lists(safe_text, max_size=2), st.fixed_dictionaries({"a": st.integers()})),
    max_size=3))
good_filters = st.one_of(st.none(), st.just({"topic": "food"}),
                         st.just({"OR": [{"stars": {"gte": 3}}, {"topic": "*"}]}),
                         st.just({"created_at": {"gte": "2020-01-01"}}))


def calls(valid: dict[str, Any], hostile: dict[str, Any]) -> Any:
    """Keyword arguments: each valid, except at most two drawn from ``hostile`` (so most
    generated calls can succeed and write, and the rest must fail cleanly)."""
    @st.composite
    def build(draw: Any) -> dict[str, Any]:
        bad = draw(st.sets(st.sampled_from(sorted(hostile)), max_size=2))
        return {k: draw(hostile[k] if k in bad else v) for k, v in valid.items()}

    return build()

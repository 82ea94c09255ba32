"""What search reads from a store, on every backend: the heads of records (role, type,
event time, metadata: no text) and the keyword search's two plans (a scope-only filter
ranks inside the keyword index before the join; other filters join first)."""

from __future__ import annotations

from engram._types import Scope
from engram.store.base import ChangeSet, MemoryUpdate
from engram.store.filters import parse_filters
from tests.store.test_contract import NS, A, B, mem, vec


def test_heads_carry_role_time_and_metadata_of_the_namespaces_own_rows(store) -> None:
    store.apply(NS, ChangeSet(adds=[
        mem("m1", "likes tea", A, vec(0), metadata={"session": 3}, role="user",
            happened_at="2023-05-08T13:56:00+00:00"),
        mem("m2", "likes coffee", B, vec(1), memory_type="episode"),
    ]))
    store.apply("other", ChangeSet(adds=[mem("x1", "likes milk", A, vec(2))]))
    heads = store.get_heads(NS, ["m1", "m2", "x1", "gone"])
    assert sorted(heads) == ["m1", "m2"]
    whole = store.get_many(NS, ["m1", "m2"])
    for mid, head in heads.items():
        assert head.id == mid
        assert (head.role, head.memory_type, head.happened_at, head.metadata) == (
            whole[mid].role, whole[mid].memory_type, whole[mid].happened_at, whole[mid].metadata)
    assert heads["m1"].metadata == {"session": 3}
    assert heads["m1"].role == "user" and heads["m2"].memory_type == "episode"
    assert store.get_heads(NS, []) == {}


def test_heads_follow_a_metadata_update(store) -> None:
    store.apply(NS, ChangeSet(adds=[mem("m1", "likes tea", A, vec(0), metadata={"session": 1})]))
    assert store.get_heads(NS, ["m1"])["m1"].metadata == {"session": 1}
    store.apply(NS, ChangeSet(updates=[MemoryUpdate(id="m1", metadata={"session": 2})]))
    assert store.get_heads(NS, ["m1"])["m1"].metadata == {"session": 2}


def test_keyword_plans_agree_and_cut_to_the_best_k(store) -> None:
    # Many rows of one scope share a word (as a speaker's name leads every context);
    # the scope-only plan cuts inside the index, the filtered plan after the join.
    adds = [mem(f"a{i}", "caroline " + "adoption " * (i % 4) + f"note {i}", A, vec(i % 8),
                metadata={"kept": True}) for i in range(30)]
    adds += [mem(f"b{i}", "caroline adoption adoption adoption", B, vec(0)) for i in range(5)]
    store.apply(NS, ChangeSet(adds=adds))
    terms = ["caroline", "adoption"]
    scoped = store.keyword_search(NS, parse_filters({"user_id": "alice"}), terms, 7)
    every_row = {"user_id": "alice", "kept": True}  # not scope-only: the other plan
    filtered = store.keyword_search(NS, parse_filters(every_row), terms, 7)
    assert len(scoped) == 7 and all(i.startswith("a") for i, _ in scoped)
    assert [s for _, s in scoped] == sorted((s for _, s in scoped), reverse=True)
    assert [s for _, s in scoped] == [s for _, s in filtered]
    full = store.keyword_search(NS, parse_filters({"user_id": "alice"}), terms, 100)
    assert [s for _, s in full][:7] == [s for _, s in scoped]


def test_keyword_search_with_a_contradicting_scope_matches_nothing(store) -> None:
    store.apply(NS, ChangeSet(adds=[mem("a1", "likes tea", A, vec(0)),
                                    mem("b1", "likes tea", B, vec(0))]))
    both = parse_filters({"AND": [{"user_id": "alice"}, {"user_id": "bob"}]})
    assert store.keyword_search(NS, both, ["tea"], 10) == []
    run = parse_filters({"user_id": "alice", "run_id": "r9"})
    assert store.keyword_search(NS, run, ["tea"], 10) == []
    assert store.keyword_search(NS, parse_filters({"user_id": "alice"}), ["tea"], 10)[0][0] == "a1"
    assert Scope(user_id="alice") == A


def test_heads_read_again_follow_every_write(store) -> None:
    # SQLite keeps heads between reads until a commit: each kind of write shows at once.
    store.apply(NS, ChangeSet(adds=[mem("m1", "likes tea", A, vec(0), metadata={"s": 1})]))
    assert store.get_heads(NS, ["m1", "m2"])["m1"].metadata == {"s": 1}
    store.apply(NS, ChangeSet(adds=[mem("m2", "likes jam", A, vec(1), role="user")]))
    assert store.get_heads(NS, ["m1", "m2"])["m2"].role == "user"
    store.apply(NS, ChangeSet(updates=[MemoryUpdate(id="m1", metadata={"s": 2},
                                                    happened_at="2024-01-02T00:00:00+00:00")]))
    head = store.get_heads(NS, ["m1"])["m1"]
    assert head.metadata == {"s": 2} and head.happened_at == store.get(NS, "m1").happened_at
    store.apply(NS, ChangeSet(deletes=["m1"]))
    assert list(store.get_heads(NS, ["m1", "m2"])) == ["m2"]
    store.delete_where(NS, parse_filters({"user_id": "alice"}))
    assert store.get_heads(NS, ["m2"]) == {}

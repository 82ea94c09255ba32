"""Backend-neutral filter semantics: twelve memory rows and (filter, expected ids) cases.

Any backend test can load ``ROWS`` into its ``memories`` table (``metadata`` as JSON),
compile each filter and assert the matching ids equal the expected set.

>>> len(ROWS), len({r["id"] for r in ROWS})
(12, 12)
"""

from __future__ import annotations

from typing import Any

COLUMNS = ("id", "user_id", "agent_id", "run_id", "actor_id", "role", "memory_type", "hash",
           "created_at", "updated_at", "metadata")
NASTY_KEY = "a\"b.c'd"


def _row(i: int, user: str | None, agent: str | None, run: str | None, actor: str | None,
         role: str, mtype: str | None, created: str, updated: str | None,
         metadata: dict[str, Any]) -> dict[str, Any]:
    return {"id": f"m{i:02d}", "user_id": user, "agent_id": agent, "run_id": run,
            "actor_id": actor, "role": role, "memory_type": mtype, "hash": f"h{i:02d}",
            "created_at": created, "updated_at": updated, "metadata": metadata}


def _t(stamp: str) -> str:
    return f"2024-{stamp}+00:00"


ROWS: list[dict[str, Any]] = [
    _row(1, "alice", None, "r1", "Alice", "user", None, _t("05-01T09:00:00.000000"), None,
         {"topic": "food", "stars": 5, "price": 12.5, "vegan": True,
          "tags": ["pizza", "Italian"], "note": "Loves Pizza Margherita"}),
    _row(2, "alice", "chef", "r1", None, "assistant", "procedural", _t("05-01T23:30:00.000000"),
         _t("05-03T10:00:00.000000"),
         {"topic": "food", "stars": 3, "vegan": False, "tags": ["sushi"],
          "note": "sushi on fridays"}),
    _row(3, "alice", None, "r2", "Alice", "user", None, _t("05-02T00:00:00.000000"), None,
         {"topic": "travel", "stars": "5", "city": "Paris", "tags": []}),
    _row(4, "bob", "chef", None, None, "user", None, _t("04-30T23:59:59.999999"),
         _t("05-01T00:00:00.000000"),
         {"topic": "work", "stars": 1, "flag": 1, "note": "100% done_ok"}),
    _row(5, "bob", None, None, None, "user", None, _t("06-01T12:00:00.000000"), None, {}),
    _row(6, "bob", None, None, "Bob", "user", "episodic", _t("06-02T08:00:00.000000"), None,
         {"topic": None, "stars": 4.0, "flag": True}),
    _row(7, "carol", "coach", None, None, "assistant", None, _t("07-01T00:00:00.000000"), None,
         {"topic": "Food", "stars": 2, "tags": "pizza"}),
    _row(8, "carol", None, None, None, "user", None, _t("07-02T00:00:00.000000"), None,
         {"user_id": "alice", NASTY_KEY: "nasty", "é": "accent"}),
    _row(9, None, "chef", None, None, "assistant", "procedural", _t("08-01T00:00:00.000000"),
         None, {"topic": "travel", "stars": 10, "price": 9, "tags": ["travel", "pizza", 5]}),
    _row(10, "carol", None, "r3", None, "user", None, _t("08-02T00:00:00.000000"), None,
         {"topic": "music", "stars": -1, "nested": {"a": 1}, "note": "ROCK and roll"}),
    _row(11, "dave", None, None, None, "user", None, _t("09-01T00:00:00.000000"), None,
         {"topic": "food", "stars": 0, "vegan": True, "price": 100}),
    _row(12, "dave", None, None, None, "user", None, _t("09-02T00:00:00.000000"), None,
         {"topic": "tra'vel; DROP TABLE memories; --", "stars": 7}),
]
ALL = frozenset(r["id"] for r in ROWS)


def ids(*numbers: int) -> frozenset[str]:
    return frozenset(f"m{n:02d}" for n in numbers)


def but(*numbers: int) -> frozenset[str]:
    return ALL - ids(*numbers)


# (name, filter, expected ids)
CASES: list[tuple[str, dict[str, Any], frozenset[str]]] = [
    ("empty", {}, ALL),
    # columns
    ("col-eq", {"user_id": "alice"}, ids(1, 2, 3)),
    ("col-two-keys", {"user_id": "alice", "run_id": "r1"}, ids(1, 2)),
    ("col-eq-op", {"user_id": {"eq": "bob"}}, ids(4, 5, 6)),
    ("col-null", {"agent_id": None}, but(2, 4, 7, 9)),
    ("col-wildcard", {"agent_id": "*"}, ids(2, 4, 7, 9)),
    ("col-ne-includes-null", {"agent_id": {"ne": "chef"}}, but(2, 4, 9)),
    ("col-ne-null", {"agent_id": {"ne": None}}, ids(2, 4, 7, 9)),
    ("col-in", {"user_id": {"in": ["bob", "dave"]}}, ids(4, 5, 6, 11, 12)),
    ("col-nin-includes-null", {"user_id": {"nin": ["alice", "bob"]}}, ids(7, 8, 9, 10, 11, 12)),
    ("col-in-empty", {"user_id": {"in": []}}, frozenset()),
    ("col-nin-empty", {"user_id": {"nin": []}}, ALL),
    ("col-memory-type", {"memory_type": "procedural"}, ids(2, 9)),
    ("col-id-in", {"id": {"in": ["m01", "m12"]}}, ids(1, 12)),
    ("col-hash", {"hash": "h05"}, ids(5)),
    ("col-contains", {"actor_id": {"contains": "li"}}, ids(1, 3)),
    ("col-contains-case", {"actor_id": {"contains": "AL"}}, frozenset()),
    ("col-icontains", {"actor_id": {"icontains": "AL"}}, ids(1, 3)),
    ("col-contains-percent", {"actor_id": {"contains": "%"}}, frozenset()),
    ("col-not-contains", {"NOT": {"actor_id": {"contains": "li"}}}, but(1, 3)),
    ("col-gt-text", {"role": {"gt": "b"}}, but(2, 7, 9)),
    ("col-not-eq", {"NOT": {"agent_id": "chef"}}, but(2, 4, 9)),
    # dates (stored as UTC ISO strings)
    ("date-range", {"created_at": {"gte": "2024-05-01", "lt": "2024-05-02"}}, ids(1, 2)),
    ("date-day-eq", {"created_at": "2024-05-01"}, ids(1, 2)),
    ("date-day-lte", {"created_at": {"lte": "2024-05-01"}}, ids(1, 2, 4)),
    ("date-day-gt", {"created_at": {"gt": "2024-05-01"}}, but(1, 2, 4)),
    ("date-day-lt", {"created_at": {"lt": "2024-05-01"}}, ids(4)),
    ("date-time-lt-z", {"created_at": {"lt": "2024-05-01T09:00:00Z"}}, ids(4)),
    ("date-offset", {"created_at": {"gte": "2024-05-01T11:00:00+02:00"}}, but(4)),
    ("date-naive-eq", {"created_at": "2024-05-01T09:00:00"}, ids(1)),
    ("date-day-ne", {"created_at": {"ne": "2024-05-01"}}, but(1, 2)),
    ("date-in-mixed", {"created_at": {"in": ["2024-05-01", "2024-06-01T12:00:00Z"]}},
     ids(1, 2, 5)),
    ("date-nin-day", {"created_at": {"nin": ["2024-05-01"]}}, but(1, 2)),
    ("date-null", {"updated_at": None}, but(2, 4)),
    ("date-gte-nullable", {"updated_at": {"gte": "2024-05-01"}}, ids(2, 4)),
    ("date-ne-includes-null", {"updated_at": {"ne": "2024-05-03"}}, but(2)),
    ("date-not-lt", {"NOT": {"updated_at": {"lt": "2024-05-02"}}}, but(4)),
    ("date-contains", {"created_at": {"contains": "-07-"}}, ids(7, 8)),
    # metadata: strings
    ("meta-eq", {"topic": "food"}, ids(1, 2, 11)),
    ("meta-sugar", {"metadata": {"topic": "food"}}, ids(1, 2, 11)),
    ("meta-icontains", {"topic": {"icontains": "FOOD"}}, ids(1, 2, 7, 11)),
    ("meta-null-or-absent", {"topic": None}, ids(5, 6, 8)),
    ("meta-wildcard", {"topic": "*"}, but(5, 6, 8)),
    ("meta-ne-includes-absent", {"topic": {"ne": "food"}}, but(1, 2, 11)),
    ("meta-in", {"topic": {"in": ["travel", "music"]}}, ids(3, 9, 10)),
    ("meta-nin", {"topic": {"nin": ["travel", "music"]}}, but(3, 9, 10)),
    ("meta-text-range", {"topic": {"gte": "music", "lt": "travel"}}, ids(10, 12)),
    ("meta-injection-value", {"topic": "tra'vel; DROP TABLE memories; --"}, ids(12)),
    # metadata: numbers compare numerically and never equal strings
    ("meta-num-eq", {"stars": 5}, ids(1)),
    ("meta-num-as-text", {"stars": "5"}, ids(3)),
    ("meta-int-matches-float", {"stars": 4}, ids(6)),
    ("meta-float-matches-float", {"stars": 4.0}, ids(6)),
    ("meta-gt", {"stars": {"gt": 3}}, ids(1, 6, 9, 12)),
    ("meta-between", {"stars": {"gte": 3, "lte": 5}}, ids(1, 2, 6)),
    ("meta-lt", {"stars": {"lt": 1}}, ids(10, 11)),
    ("meta-gt-text-only", {"stars": {"gt": "4"}}, ids(3)),
    ("meta-in-mixed-types", {"stars": {"in": [1, "5", 10]}}, ids(3, 4, 9)),
    ("meta-nin-numbers", {"stars": {"nin": [5, 3]}}, but(1, 2)),
    ("meta-float-gt", {"price": {"gt": 10}}, ids(1, 11)),
    ("meta-float-lte", {"price": {"lte": 12.5}}, ids(1, 9)),
    ("meta-not-gt-includes-absent", {"NOT": {"stars": {"gt": 3}}}, but(1, 6, 9, 12)),
    # metadata: booleans only match JSON booleans
    ("meta-true", {"vegan": True}, ids(1, 11)),
    ("meta-false", {"vegan": False}, ids(2)),
    ("meta-true-not-one", {"flag": True}, ids(6)),
    ("meta-one-not-true", {"flag": 1}, ids(4)),
    ("meta-in-bool", {"flag": {"in": [True]}}, ids(6)),
    ("meta-ne-true", {"vegan": {"ne": True}}, but(1, 11)),
    # metadata: contains on strings and arrays
    ("meta-contains-array-or-string", {"tags": {"contains": "pizza"}}, ids(1, 7, 9)),
    ("meta-contains-array-exact-element", {"tags": {"contains": "pizz"}}, ids(7)),
    ("meta-icontains-array", {"tags": {"icontains": "italian"}}, ids(1)),
    ("meta-contains-array-case", {"tags": {"contains": "italian"}}, frozenset()),
    ("meta-contains-array-number-is-not-text", {"tags": {"contains": "5"}}, frozenset()),
    ("meta-contains-case", {"note": {"contains": "Pizza"}}, ids(1)),
    ("meta-contains-case-miss", {"note": {"contains": "pizza"}}, frozenset()),
    ("meta-icontains-string", {"note": {"icontains": "pizza"}}, ids(1)),
    ("meta-contains-percent", {"note": {"contains": "100%"}}, ids(4)),
    ("meta-contains-underscore", {"note": {"contains": "_"}}, ids(4)),
    ("meta-contains-no-wildcards", {"note": {"contains": "%d"}}, frozenset()),
    ("meta-icontains-phrase", {"note": {"icontains": "rock AND"}}, ids(10)),
    ("meta-not-contains", {"NOT": {"tags": {"contains": "pizza"}}}, but(1, 7, 9)),
    # metadata: keys
    ("meta-other-key", {"city": "Paris"}, ids(3)),
    ("meta-key-named-like-column", {"metadata": {"user_id": "alice"}}, ids(8)),
    ("meta-nasty-key", {NASTY_KEY: "nasty"}, ids(8)),
    ("meta-nasty-key-sugar", {"metadata": {NASTY_KEY: "nasty"}}, ids(8)),
    ("meta-unicode-key", {"é": "accent"}, ids(8)),
    ("meta-object-exists", {"nested": "*"}, ids(10)),
    ("meta-object-ne", {"nested": {"ne": 1}}, ALL),
    ("meta-missing-ne", {"missing": {"ne": "x"}}, ALL),
    ("meta-missing-eq", {"missing": "x"}, frozenset()),
    # logic
    ("or", {"OR": [{"user_id": "bob"}, {"topic": "travel"}]}, ids(3, 4, 5, 6, 9)),
    ("and-or", {"AND": [{"user_id": "alice"}, {"OR": [{"stars": {"gte": 5}},
                                                       {"vegan": False}]}]}, ids(1, 2)),
    ("not-list-is-none-of", {"NOT": [{"user_id": "alice"}, {"user_id": "bob"}]},
     ids(7, 8, 9, 10, 11, 12)),
    ("not-and", {"NOT": {"AND": [{"user_id": "alice"}, {"run_id": "r1"}]}}, but(1, 2)),
    ("not-not", {"NOT": {"NOT": {"topic": "food"}}}, ids(1, 2, 11)),
    ("not-or", {"NOT": {"OR": [{"stars": {"gt": 3}}, {"topic": None}]}},
     ids(2, 3, 4, 7, 10, 11)),
    ("key-and-not", {"user_id": "carol", "NOT": {"topic": "*"}}, ids(8)),
    ("deep", {"AND": [{"OR": [{"AND": [{"user_id": "dave"}, {"NOT": {"stars": {"lt": 5}}}]},
                              {"agent_id": "coach"}]}]}, ids(7, 12)),
    ("not-in", {"NOT": {"topic": {"in": ["food", "work"]}}}, but(1, 2, 4, 11)),
    ("not-nin", {"NOT": {"topic": {"nin": ["food", "work"]}}}, ids(1, 2, 4, 11)),
    ("not-ne", {"NOT": {"agent_id": {"ne": "chef"}}}, ids(2, 4, 9)),
    ("not-wildcard", {"NOT": {"agent_id": "*"}}, but(2, 4, 7, 9)),
    ("not-null", {"NOT": {"topic": None}}, but(5, 6, 8)),
    ("or-with-and-inside", {"OR": [{"user_id": "alice", "stars": 3}, {"hash": "h12"}]},
     ids(2, 12)),
]

"""Filter language: parsing, errors, and SQL semantics on a real SQLite table.

The semantic cases live in filter_cases.py so every backend runs the same ones; set
ENGRAM_TEST_PG_DSN (with psycopg installed) to run them against PostgreSQL too.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from engram.errors import InvalidFilter, InvalidInput
from engram.store._filter_sql import compile_filter
from engram.store.filters import (
    MAX_DEPTH,
    MAX_LIST,
    MAX_NODES,
    TRUE,
    And,
    Cmp,
    Not,
    Or,
    and_,
    parse_filters,
    scope_of,
)
from tests.store.filter_cases import ALL, CASES, COLUMNS, NASTY_KEY, ROWS

# ---------------------------------------------------------------- parsing


def test_empty_and_none_match_everything() -> None:
    assert parse_filters(None) is TRUE
    assert parse_filters({}) is TRUE
    assert parse_filters({"metadata": {}}) is TRUE


def test_exact_match_and_column_vs_metadata() -> None:
    assert parse_filters({"user_id": "u", "topic": "food"}) == And((
        Cmp("user_id", "eq", "u", False), Cmp("topic", "eq", "food", True)))
    assert parse_filters({"metadata": {"user_id": "u"}}) == Cmp("user_id", "eq", "u", True)


@pytest.mark.parametrize("op,value", [
    ("eq", 1), ("ne", "x"), ("in", [1, "a", True]), ("nin", ["a"]), ("gt", 1.5),
    ("gte", "b"), ("lt", -3), ("lte", 0), ("contains", "z"), ("icontains", "Z"),
])
def test_every_operator_parses(op: str, value: Any) -> None:
    expected = tuple(value) if isinstance(value, list) else value
    assert parse_filters({"k": {op: value}}) == Cmp("k", op, expected, True)


def test_several_operators_are_anded_and_wildcard_is_exists() -> None:
    assert parse_filters({"k": {"gte": 1, "lt": 5}}) == And((
        Cmp("k", "gte", 1, True), Cmp("k", "lt", 5, True)))
    assert parse_filters({"k": "*"}) == Cmp("k", "exists", None, True)
    assert parse_filters({"k": None}) == Cmp("k", "eq", None, True)


def test_logical_nesting() -> None:
    a, b = Cmp("a", "eq", 1, True), Cmp("b", "eq", 2, True)
    assert parse_filters({"OR": [{"a": 1}, {"b": 2}]}) == Or((a, b))
    assert parse_filters({"AND": [{"a": 1}, {"AND": [{"b": 2}]}]}) == And((a, b))
    assert parse_filters({"NOT": {"a": 1}}) == Not(a)
    assert parse_filters({"NOT": [{"a": 1}, {"b": 2}]}) == Not(Or((a, b)))
    assert parse_filters({"OR": [{"a": 1}]}) == a


def test_dates_are_normalised_to_stored_utc_form() -> None:
    def value(v: object) -> object:
        node = parse_filters({"created_at": {"lt": v}})
        assert isinstance(node, Cmp)
        return node.value
    assert value("2024-05-01T10:00:00Z") == "2024-05-01T10:00:00.000000+00:00"
    assert value("2024-05-01T12:00:00+02:00") == "2024-05-01T10:00:00.000000+00:00"
    assert value("2024-05-01 10:00") == "2024-05-01T10:00:00.000000+00:00"
    assert value("2024-05-01T10:00:00.5") == "2024-05-01T10:00:00.500000+00:00"
    assert value("2024-05-01") == "2024-05-01T00:00:00.000000+00:00"


def test_date_only_covers_the_whole_day() -> None:
    day = ("2024-05-01T00:00:00.000000+00:00", "2024-05-02T00:00:00.000000+00:00")
    within = And((Cmp("created_at", "gte", day[0], False), Cmp("created_at", "lt", day[1], False)))
    assert parse_filters({"created_at": "2024-05-01"}) == within
    assert parse_filters({"created_at": {"lte": "2024-05-01"}}) == Cmp(
        "created_at", "lt", day[1], False)
    assert parse_filters({"created_at": {"ne": "2024-05-01"}}) == Not(within)


@pytest.mark.parametrize("filters,path,problem", [
    ({"k": {"between": [1, 2]}}, "filters.k.between", "unknown operator 'between'; "
     "valid operators: eq, ne, in, nin, gt, gte, lt, lte, contains, icontains"),
    ({"OR": [{"a": 1}, {"created_at": {"gte": {"x": 1}}}]}, "filters.OR[1].created_at.gte",
     "expected an ISO-8601 date or timestamp string, got dict"),
    ({"OR": [{"a": 1}, {"k": {"gte": {"x": 1}}}]}, "filters.OR[1].k.gte",
     "expected a string or number, got dict"),
    ({"k": {"eq": {"x": 1}}}, "filters.k.eq", "expected a string, number, boolean or null, "
     "got dict"),
    ({"k": [1, 2]}, "filters.k", "got list (use {'in': [...]}"),
    ({"k": {"in": "abc"}}, "filters.k.in", "expected a list, got str"),
    ({"k": {"nin": 3}}, "filters.k.nin", "expected a list, got int"),
    ({"k": {"in": [1, None]}}, "filters.k.in[1]", "expected a string, number or boolean, "
     "got null"),
    ({"k": {"in": [[1]]}}, "filters.k.in[0]", "got list"),
    ({"k": {"gt": True}}, "filters.k.gt", "expected a string or number, got bool"),
    ({"k": {"gt": None}}, "filters.k.gt", "got null"),
    ({"k": {"contains": 3}}, "filters.k.contains", "expected a string, got int"),
    ({"k": {"icontains": None}}, "filters.k.icontains", "expected a string, got null"),
    ({"k": float("nan")}, "filters.k", "expected a finite number"),
    ({"k": 2**70}, "filters.k", "integer out of range"),
    ({"k": "a\x00b"}, "filters.k", "NUL"),
    ({"user_id": 3}, "filters.user_id", "expected a string or null, got int"),
    ({"user_id": {"gt": 3}}, "filters.user_id.gt", "expected a string, got int"),
    ({"role": True}, "filters.role", "expected a string or null, got bool"),
    ({"source_ids": {"gt": "e1"}}, "filters.source_ids.gt",
     "source_ids take eq, ne, in, nin, contains or icontains, not 'gt'"),
    ({"AND": []}, "filters.AND", "AND needs at least one condition"),
    ({"OR": {"a": 1}}, "filters.OR", "expected a list of mappings, got dict"),
    ({"NOT": "x"}, "filters.NOT", "expected a mapping or a list of mappings, got str"),
    ({"AND": [{"a": 1}, "b"]}, "filters.AND[1]", "expected a mapping of conditions, got str"),
    ({"OR": [{}]}, "filters.OR[0]", "empty condition"),
    ({"k": {}}, "filters.k", "empty condition"),
    ({"and": [{"a": 1}]}, "filters.and", "logical operators are uppercase: use 'AND'"),
    ({"Or": [{"a": 1}]}, "filters.Or", "use 'OR'"),
    ({"$not": {"a": 1}}, "filters['$not']", "use 'NOT'"),
    ({"metadata": "food"}, "filters.metadata", "expected a mapping of metadata keys"),
    ({"metadata": {"k": {"bad": 1}}}, "filters.metadata.k.bad", "unknown operator 'bad'"),
    ({"": 1}, "filters", "keys must be non-empty strings"),
    ({1: 1}, "filters", "keys must be non-empty strings"),
    ({"a.b": {"gt": []}}, "filters['a.b'].gt", "got list"),
    ({"created_at": "yesterday"}, "filters.created_at", "ISO-8601 date or timestamp such as"),
    ({"created_at": "2024-13-01"}, "filters.created_at", "got '2024-13-01'"),
    ({"created_at": 1714521600}, "filters.created_at", "string, got int"),
    ({"updated_at": {"in": ["2024-05-01", "nope"]}}, "filters.updated_at.in[1]", "'nope'"),
    ({"created_at": {"gt": None}}, "filters.created_at.gt", "got null"),
    ({"created_at": "9999-12-31"}, "filters.created_at", "date out of range"),
])
def test_errors_name_the_path(filters: dict[Any, Any], path: str, problem: str) -> None:
    with pytest.raises(InvalidFilter) as info:
        parse_filters(filters)
    assert info.value.field == path
    assert problem in info.value.problem
    assert isinstance(info.value, InvalidInput) and isinstance(info.value, ValueError)


def test_top_level_must_be_a_mapping() -> None:
    with pytest.raises(InvalidFilter, match="^filters: expected a mapping"):
        parse_filters(["user_id"])  # type: ignore[arg-type]


def test_depth_cap() -> None:
    ok: dict[str, Any] = {"a": 1}
    for _ in range(MAX_DEPTH):
        ok = {"NOT": ok}
    parse_filters(ok)
    with pytest.raises(InvalidFilter, match=f"nested deeper than {MAX_DEPTH} levels"):
        parse_filters({"NOT": ok})
    deep: dict[str, Any] = {"a": 1}
    for _ in range(5000):  # far past the cap: must fail cleanly, not with RecursionError
        deep = {"AND": [deep]}
    with pytest.raises(InvalidFilter, match="nested deeper"):
        parse_filters(deep)


def test_size_cap() -> None:
    parse_filters({"OR": [{"k": i} for i in range(MAX_NODES - 1)]})
    with pytest.raises(InvalidFilter, match=f"more than {MAX_NODES} conditions"):
        parse_filters({"OR": [{"k": i} for i in range(MAX_NODES)]})


def test_list_cap() -> None:
    parse_filters({"id": {"in": [str(i) for i in range(MAX_LIST)]}})
    with pytest.raises(InvalidFilter, match=f"at most {MAX_LIST} values"):
        parse_filters({"id": {"in": ["x"] * (MAX_LIST // 2 + 1)},
                       "k": {"nin": [1] * (MAX_LIST // 2)}})


def test_scope_of_reads_only_top_level_equalities() -> None:
    f = parse_filters({"user_id": "u", "AND": [{"agent_id": "a"}],
                       "OR": [{"run_id": "r"}, {"run_id": "s"}]})
    assert scope_of(f) == {"user_id": "u", "agent_id": "a"}
    assert scope_of(parse_filters({"NOT": {"user_id": "u"}})) == {}
    assert scope_of(parse_filters({"user_id": {"in": ["u"]}})) == {}
    assert scope_of(parse_filters({"metadata": {"user_id": "u"}})) == {}
    assert scope_of(TRUE) == {}


def test_and_helper() -> None:
    a, b = Cmp("a", "eq", 1, True), Cmp("b", "eq", 2, True)
    assert and_() is TRUE
    assert and_(TRUE, a) == a
    assert and_(And((a,)), TRUE, b) == And((a, b))


# ---------------------------------------------------------------- compiling


def test_compile_params_and_placeholders() -> None:
    node = parse_filters({"user_id": "u", "topic": {"in": ["a", "b"]}, "n": {"gt": 2}})
    for dialect, mark in (("sqlite", "?"), ("postgres", "%s")):
        sql, params = compile_filter(node, dialect)  # type: ignore[arg-type]
        assert sql.count(mark) == len(params)
        assert "u" in params and "topic" in params
        assert "'u'" not in sql and "topic" not in sql


def test_compile_alias_and_dialect_are_checked() -> None:
    node = parse_filters({"user_id": "u"})
    assert compile_filter(node, "sqlite", alias="mem")[0] == "mem.user_id = ?"
    with pytest.raises(InvalidInput, match="alias"):
        compile_filter(node, "sqlite", alias="m; DROP TABLE x")
    with pytest.raises(InvalidInput, match="dialect"):
        compile_filter(node, "mysql")  # type: ignore[arg-type]


def test_true_compiles_to_tautology() -> None:
    assert compile_filter(TRUE, "sqlite") == ("1 = 1", [])
    assert compile_filter(Not(TRUE), "postgres") == ("1 = 0", [])


# ---------------------------------------------------------------- semantics on SQLite


def _create(conn: sqlite3.Connection, ensure_ascii: bool) -> None:
    cols = ", ".join(f"{c} TEXT" for c in COLUMNS)
    conn.execute(f"CREATE TABLE memories ({cols})")
    conn.executemany(
        f"INSERT INTO memories VALUES ({', '.join('?' * len(COLUMNS))})",
        [tuple(json.dumps(r[c], ensure_ascii=ensure_ascii) if c == "metadata" else r[c]
               for c in COLUMNS) for r in ROWS])


@pytest.fixture(scope="module", params=[True, False], ids=["ascii-json", "utf8-json"])
def db(request: pytest.FixtureRequest) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:")
    _create(conn, ensure_ascii=request.param)
    yield conn
    conn.close()


def _select(conn: sqlite3.Connection, filters: dict[str, Any]) -> frozenset[str]:
    sql, params = compile_filter(parse_filters(filters), "sqlite")
    return frozenset(r[0] for r in conn.execute(
        f"SELECT id FROM memories m WHERE {sql}", params))


@pytest.mark.parametrize("name,filters,expected", CASES, ids=[c[0] for c in CASES])
def test_semantics_sqlite(db: sqlite3.Connection, name: str, filters: dict[str, Any],
                          expected: frozenset[str]) -> None:
    assert _select(db, filters) == expected


@pytest.mark.parametrize("name,filters,expected", CASES, ids=[c[0] for c in CASES])
def test_not_is_the_complement(db: sqlite3.Connection, name: str, filters: dict[str, Any],
                               expected: frozenset[str]) -> None:
    if filters:
        assert _select(db, {"NOT": filters}) == ALL - expected


NASTY = ["'", '"', "\\", "%", "_", "' OR '1'='1", "'); DROP TABLE memories; --", "$.topic",
         '$."topic"', "topic' --", "*/ 1=1 /*", "\u202e", "é", "ekv.key", "a\"b.c'd", "?",
         "%s", "%(x)s", "\n", "ＡＬＩＣＥ", " ", "null", "true", "[]", "{}", "1) OR (1=1"]


def test_injection_attempts_change_nothing(db: sqlite3.Connection) -> None:
    _injection_checks(lambda f: _select(db, f))
    assert db.execute("SELECT count(*) FROM memories").fetchone()[0] == len(ROWS)


def _injection_checks(select: Callable[[dict[str, Any]], frozenset[str]]) -> None:
    rnd = random.Random(7)
    notes = {r["id"]: r["metadata"].get("note") for r in ROWS}
    for s in NASTY:
        assert select({s: s}) == frozenset()
        assert select({s: "nasty"}) == (
            frozenset({"m08"}) if s == NASTY_KEY else frozenset())
        assert select({s: {"ne": s}}) == ALL
        assert select({"user_id": s}) == frozenset()
        assert select({"metadata": {s: "*"}}) == (
            frozenset({"m08"}) if s in (NASTY_KEY, "é") else frozenset())
        assert select({"note": {"contains": s}}) == frozenset(
            i for i, n in notes.items() if isinstance(n, str) and s in n)
        greater = {r["id"] for r in ROWS if isinstance(r["metadata"].get(s), str)
                   and r["metadata"][s] > s}
        assert select({"OR": [{"id": {"in": [s, "m01"]}}, {s: {"gt": s}}]}) == {
            "m01", *greater}
        key, value = rnd.choice(NASTY), rnd.choice(NASTY)
        assert select({"NOT": {key: {"in": [value, s]}}, "hash": "h03"}) == {"m03"}


# ---------------------------------------------------------------- semantics on PostgreSQL


# Read at import: the suite's autouse fixture clears ENGRAM_* variables before each test.
PG_DSN = os.environ.get("ENGRAM_TEST_PG_DSN")


@pytest.fixture(scope="module")
def pg() -> Iterator[Any]:
    dsn = PG_DSN
    if not dsn:
        # The suite's own embedded PostgreSQL (tests/pg_server.py), as for the store tests.
        from tests import pg_server

        pg_server.require()
        dsn = pg_server.fresh_dsn("filters")
    psycopg = pytest.importorskip("psycopg")
    from psycopg.types.json import Jsonb

    conn = psycopg.connect(dsn, autocommit=True)
    cols = ", ".join(f"{c} {'JSONB' if c == 'metadata' else 'TEXT'}" for c in COLUMNS)
    conn.execute(f"CREATE TEMP TABLE memories ({cols})")
    with conn.cursor() as cur:
        cur.executemany(
            f"INSERT INTO memories VALUES ({', '.join(['%s'] * len(COLUMNS))})",
            [tuple(Jsonb(r[c]) if c == "metadata" else r[c] for c in COLUMNS) for r in ROWS])
    yield conn
    conn.close()


def _select_pg(conn: Any, filters: dict[str, Any]) -> frozenset[str]:
    sql, params = compile_filter(parse_filters(filters), "postgres")
    return frozenset(r[0] for r in conn.execute(
        f"SELECT id FROM memories m WHERE {sql}", params).fetchall())


@pytest.mark.parametrize("name,filters,expected", CASES, ids=[c[0] for c in CASES])
def test_semantics_postgres(pg: Any, name: str, filters: dict[str, Any],
                            expected: frozenset[str]) -> None:
    assert _select_pg(pg, filters) == expected
    if filters:
        assert _select_pg(pg, {"NOT": filters}) == ALL - expected


def test_injection_attempts_postgres(pg: Any) -> None:
    _injection_checks(lambda f: _select_pg(pg, f))
    assert pg.execute("SELECT count(*) FROM memories").fetchone()[0] == len(ROWS)

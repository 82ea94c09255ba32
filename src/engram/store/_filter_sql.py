"""Compile a filter AST (engram.store.filters) to a parameterised SQL boolean expression.

No key or value is ever spliced into the SQL text: column names come from a fixed
whitelist, metadata keys and values travel as parameters (``?`` for SQLite, ``%s`` for
PostgreSQL with psycopg 3).

>>> from engram.store.filters import parse_filters
>>> compile_filter(parse_filters({"user_id": "u1", "topic": "food"}), "sqlite")
("(m.user_id = ? AND EXISTS (SELECT 1 FROM json_each(m.metadata) AS ekv WHERE ekv.key = ? \
AND (ekv.type = 'text' AND ekv.atom = ?)))", ['u1', 'topic', 'food'])

Semantics, the same on both dialects:

- Negation is pushed down to the leaves (De Morgan), and each leaf has an explicit
  negative form, so ``ne``, ``nin`` and ``NOT`` match rows whose column is NULL or whose
  metadata lacks the key (or holds null): ``NOT {"k": v}`` equals ``{"k": {"ne": v}}``.
  The expression is meant for a WHERE clause (or to be AND-ed into one); a positive leaf
  may yield NULL for a non-matching row, so negate the AST (``Not(node)``), never the SQL.
- Metadata values compare by JSON type: numbers numerically (1 equals 1.0), strings by
  code point (PostgreSQL uses ``COLLATE "C"``, as SQLite's BINARY), booleans only against
  JSON booleans (``{"flag": True}`` does not match the number 1). A range operator with a
  number only matches numbers; with a string only strings.
- ``contains``/``icontains`` test substrings of a string value, and membership (of a
  string element) when the metadata value is a JSON array; ``icontains`` on an array
  compares elements case-insensitively. SQLite's ``lower()`` folds ASCII letters only.
- SQLite reads metadata with ``json_each`` (whose ``key`` column is the decoded key), not
  ``json_extract`` paths: on SQLite 3.40 a path cannot name a key holding ``"``, and a
  path label is matched against the key's escaped JSON text (``"\\u00e9"`` for ``é``).
  Measured on 100k rows: about 20% slower than a ``json_extract`` pair, correct for
  every key.
- PostgreSQL expects ``metadata`` to be JSONB; equality uses ``@>`` (GIN-indexable).
"""

from __future__ import annotations

import json
import re
from typing import Literal

from engram.errors import InvalidInput
from engram.store._filter_nodes import _True
from engram.store.filters import COLUMN_FIELDS, DATE_FIELDS, LIST_FIELDS, And, Node, Not, Or

__all__ = ["compile_filter", "Dialect"]

Dialect = Literal["sqlite", "postgres"]
Frag = tuple[str, list[object]]

# The only names that reach SQL text ("memory" is the filters' ``keywords``).
_COLUMNS = {name: name for name in (*COLUMN_FIELDS, "memory")}
_SQL_OP = {"gt": ">", "gte": ">=", "lt": "<", "lte": "<="}
_FLIP = {"gt": "<=", "gte": "<", "lt": ">=", "lte": ">"}  # NOT (a > b) for non-NULL a, b
_POSITIVE = {"ne": "eq", "nin": "in", "exists": "eq"}  # op -> the op it negates
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_FALSE, _TRUE = "1 = 0", "1 = 1"


def compile_filter(node: Node, dialect: Dialect, alias: str = "m") -> tuple[str, list[object]]:
    """Return ``(sql, params)``: a boolean expression over table alias ``alias``.

    ``alias`` must be a plain identifier; the table needs the columns in COLUMN_FIELDS and
    ``metadata`` (JSON text on SQLite, JSONB on PostgreSQL).
    """
    if not _IDENT.fullmatch(alias):
        raise InvalidInput("alias", f"must be a plain SQL identifier, got {alias!r}")
    if dialect == "sqlite":
        return _SqliteCompiler(alias).emit(node, neg=False)
    if dialect == "postgres":
        return _PostgresCompiler(alias).emit(node, neg=False)
    raise InvalidInput("dialect", f"expected 'sqlite' or 'postgres', got {dialect!r}")


class _Compiler:
    ph = "?"
    substr = "instr"  # position of a substring, 0 when absent

    def __init__(self, alias: str) -> None:
        self.alias = alias

    def emit(self, node: Node, neg: bool) -> Frag:
        if isinstance(node, _True):
            return (_FALSE if neg else _TRUE), []
        if isinstance(node, Not):
            return self.emit(node.item, not neg)
        if isinstance(node, And | Or):
            joiner = " AND " if isinstance(node, And) != neg else " OR "
            parts = [self.emit(item, neg) for item in node.items]
            return "(" + joiner.join(sql for sql, _ in parts) + ")", _concat(parts)
        op, value = node.op, node.value
        if op in _POSITIVE:  # ne / nin / exists are the negations of eq / in / eq None
            op, neg = _POSITIVE[op], not neg
        if node.is_meta:
            return self.meta(node.field, op, value, neg)
        return self.column(node.field, op, value, neg)

    def column(self, field: str, op: str, value: object, neg: bool) -> Frag:
        col, ph = f"{self.alias}.{_COLUMNS[field]}", self.ph
        if field in LIST_FIELDS:
            return self.categories(col, op, value, neg)
        if op == "eq" and value is None:
            return f"{col} IS {'NOT ' if neg else ''}NULL", []
        if op == "eq":
            return (f"({col} IS NULL OR {col} <> {ph})" if neg else f"{col} = {ph}"), [value]
        if op == "in":
            assert isinstance(value, tuple)
            if not value:
                return (_TRUE if neg else _FALSE), []
            marks = ", ".join([ph] * len(value))
            sql = f"({col} IS NULL OR {col} NOT IN ({marks}))" if neg else f"{col} IN ({marks})"
            return sql, list(value)
        if op in _SQL_OP:
            ordered = col if field in DATE_FIELDS else self.bytewise(col)
            if neg:
                return f"({col} IS NULL OR {ordered} {_FLIP[op]} {ph})", [value]
            return f"{ordered} {_SQL_OP[op]} {ph}", [value]
        hay, needle = (col, ph) if op == "contains" else (f"lower({col})", f"lower({ph})")
        if neg:
            return f"({col} IS NULL OR {self.substr}({hay}, {needle}) = 0)", [value]
        return f"{self.substr}({hay}, {needle}) > 0", [value]

    def bytewise(self, expr: str) -> str:
        return expr

    # A memory's categories (and its source_ids) are a JSON array of strings; a condition
    # holds when one of them matches (``None``: the array is empty). Each dialect lists
    # the elements as ``c.value``.
    elements = "json_each({col}) AS c"
    length = "json_array_length({col})"

    def categories(self, col: str, op: str, value: object, neg: bool) -> Frag:
        ph, params = self.ph, [value]
        if op == "eq" and value is None:
            return f"{self.length.format(col=col)} {'<>' if neg else '='} 0", []
        if op == "eq":
            cond = f"c.value = {ph}"
        elif op == "in":
            assert isinstance(value, tuple)
            if not value:
                return (_TRUE if neg else _FALSE), []
            cond, params = f"c.value IN ({', '.join([ph] * len(value))})", list(value)
        elif op == "contains":
            cond = f"{self.substr}(c.value, {ph}) > 0"
        else:  # icontains (ranges were refused by the parser)
            cond = f"{self.substr}(lower(c.value), lower({ph})) > 0"
        sql = f"EXISTS (SELECT 1 FROM {self.elements.format(col=col)} WHERE {cond})"
        return (f"NOT {sql}" if neg else sql), params

    def meta(self, key: str, op: str, value: object, neg: bool) -> Frag:
        raise NotImplementedError


class _SqliteCompiler(_Compiler):
    """Each metadata leaf is an EXISTS over the object's (key, type, atom) rows."""

    def meta(self, key: str, op: str, value: object, neg: bool) -> Frag:
        params: list[object]
        if op == "eq" and value is None:  # absent or null = not (present and non-null)
            cond, params, neg = "ekv.type <> 'null'", [], not neg
        elif op in ("eq", "in"):
            values = value if isinstance(value, tuple) else (value,)
            if not values:
                return (_TRUE if neg else _FALSE), []
            cond, params = _sqlite_any_of(values)
        elif op in _SQL_OP:
            kind = _TEXT if isinstance(value, str) else _NUMBER
            cond, params = f"{kind} AND ekv.atom {_SQL_OP[op]} ?", [value]
        else:
            fold = (lambda s: s) if op == "contains" else (lambda s: f"lower({s})")
            cond = (f"(ekv.type = 'text' AND instr({fold('ekv.atom')}, {fold('?')}) > 0) OR "
                    "(ekv.type = 'array' AND EXISTS (SELECT 1 FROM json_each(ekv.value) AS "
                    f"eel WHERE eel.type = 'text' AND {fold('eel.atom')} = {fold('?')}))")
            params = [value, value]
        sql = (f"{'NOT ' if neg else ''}EXISTS (SELECT 1 FROM json_each({self.alias}.metadata)"
               f" AS ekv WHERE ekv.key = ? AND ({cond}))")
        return sql, [key, *params]


_TEXT, _NUMBER = "ekv.type = 'text'", "ekv.type IN ('integer', 'real')"


def _sqlite_any_of(values: tuple[object, ...]) -> Frag:
    """Condition on ``ekv`` matching any of ``values`` with the same JSON type."""
    texts = [v for v in values if isinstance(v, str)]
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    bools = sorted({"'true'" if v else "'false'" for v in values if isinstance(v, bool)})
    groups: list[Frag] = []
    for kind, group in ((_TEXT, texts), (_NUMBER, numbers)):
        if group:
            test = "= ?" if len(group) == 1 else f"IN ({', '.join('?' * len(group))})"
            groups.append((f"{kind} AND ekv.atom {test}", list(group)))
    if bools:
        groups.append((f"ekv.type IN ({', '.join(bools)})", []))
    if len(groups) == 1:
        return groups[0]
    return " OR ".join(f"({sql})" for sql, _ in groups), _concat(groups)


class _PostgresCompiler(_Compiler):
    """Metadata is JSONB; ``->`` with the key as a text parameter, values as jsonb."""

    ph = "%s"
    substr = "strpos"
    elements = "jsonb_array_elements_text({col}) AS c(value)"
    length = "jsonb_array_length({col})"

    def bytewise(self, expr: str) -> str:
        return f'{expr} COLLATE "C"'

    def meta(self, key: str, op: str, value: object, neg: bool) -> Frag:
        doc = f"{self.alias}.metadata"
        val, text = f"({doc} -> %s::text)", f"({doc} ->> %s::text)"
        params: list[object]
        if op == "eq" and value is None:  # two-valued already
            return f"COALESCE(jsonb_typeof{val}, 'null') {'<>' if neg else '='} 'null'", [key]
        if op == "eq":
            sql, params = f"{doc} @> %s::jsonb", [json.dumps({key: value})]
        elif op == "in":
            assert isinstance(value, tuple)
            if not value:
                return (_TRUE if neg else _FALSE), []
            marks = ", ".join(["%s::jsonb"] * len(value))
            sql, params = f"{val} IN ({marks})", [key, *map(json.dumps, value)]
        elif op in _SQL_OP and isinstance(value, str):
            sql = (f"(jsonb_typeof{val} = 'string' AND {text} COLLATE \"C\" {_SQL_OP[op]} "
                   "%s)")
            params = [key, key, value]
        elif op in _SQL_OP:  # numbers compare as jsonb numerics: no cast that could fail
            sql = f"(jsonb_typeof{val} = 'number' AND {val} {_SQL_OP[op]} %s::jsonb)"
            params = [key, key, json.dumps(value)]
        elif op == "contains":
            sql = (f"((jsonb_typeof{val} = 'string' AND strpos({text}, %s) > 0) OR "
                   f"{doc} @> %s::jsonb)")
            params = [key, key, value, json.dumps({key: [value]})]
        else:  # icontains; CASE keeps jsonb_array_elements away from non-arrays
            sql = (f"((jsonb_typeof{val} = 'string' AND strpos(lower({text}), lower(%s)) > 0)"
                   f" OR CASE WHEN jsonb_typeof{val} = 'array' THEN EXISTS (SELECT 1 FROM "
                   f"jsonb_array_elements{val} AS eel(v) WHERE jsonb_typeof(eel.v) = 'string'"
                   " AND lower(eel.v #>> '{}') = lower(%s)) ELSE FALSE END)")
            params = [key, key, value, key, key, value]
        return (f"({sql}) IS NOT TRUE" if neg else sql), params


def _concat(parts: list[Frag]) -> list[object]:
    return [p for _, params in parts for p in params]

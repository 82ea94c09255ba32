"""The filter language: parsed once into a small AST that every backend compiles.

The same language serves ``search``, ``get_all`` and ``delete_all`` and is compatible with
Mem0 2.x filters::

    {"user_id": "alice"}                                 exact match (several keys = AND)
    {"score": {"gte": 3, "lt": 9}}                       operators (several = AND)
    {"topic": {"in": ["food", "travel"]}}                eq ne in nin gt gte lt lte
    {"text": {"icontains": "pizza"}}                     contains icontains
    {"topic": "*"}                                       key present and not null
                                                         ({"eq": "*"} is a literal "*")
    {"topic": None}                                      key absent or null
    {"OR": [{"topic": "food"}, {"NOT": {"seen": True}}]} AND / OR / NOT, any depth
    {"metadata": {"user_id": "x"}}                       keys in here are metadata keys
    {"categories": {"in": ["food", "travel"]}}           any of the memory's categories
    {"source_ids": "ep1"}                                the facts citing that turn
    {"keywords": {"icontains": "pizza"}}                 the memory's text
    {"memory_ids": ["m1", "m2"]}                         these memories

Keys ``id user_id agent_id run_id actor_id role memory_type hash created_at updated_at
categories source_ids happened_at expiration_date`` are columns (``categories`` and
``source_ids``, a memory's provenance, are lists: a condition holds when one of its items
matches, ``None`` when it is empty), ``keywords`` (the text) and
``memory_ids`` Mem0's Platform names of two; any other key is a metadata key.
``{"NOT": [f1, f2]}`` matches rows that match none of ``f1, f2``. Only uppercase
``AND``/``OR``/``NOT`` are logical operators.

Dates (``created_at``, ``updated_at`` and ``happened_at``, the event time) are ISO-8601
strings, normalised to the stored UTC form ``YYYY-MM-DDTHH:MM:SS.ffffff+00:00``; a naive
time is taken as UTC. A date-only value names the whole UTC day: ``{"created_at":
"2024-05-01"}`` matches any time that day and ``{"created_at": {"lte": "2024-05-01"}}``
includes its evening. ``expiration_date`` holds a ``YYYY-MM-DD`` day, compared as text.

Negative conditions (``ne``, ``nin``, ``NOT``) match rows that lack the key or hold null.

>>> parse_filters({"user_id": "u1", "stars": {"gte": 4}})
And(items=(Cmp(field='user_id', op='eq', value='u1', is_meta=False), \
Cmp(field='stars', op='gte', value=4, is_meta=True)))
>>> parse_filters({"stars": {"between": [1, 2]}})
Traceback (most recent call last):
...
engram.errors.InvalidFilter: filters.stars.between: unknown operator 'between'; \
valid operators: eq, ne, in, nin, gt, gte, lt, lte, contains, icontains
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from engram._chars import brief, text_problem
from engram._types import EPISODE
from engram.errors import InvalidFilter
from engram.store._filter_dates import _Day, date_day, date_list, normalise_date
from engram.store._filter_nodes import TRUE, And, Cmp, Node, Not, Or, and_

__all__ = [
    "And", "Cmp", "Node", "Not", "Or", "TRUE", "COLUMN_FIELDS", "DATE_FIELDS", "LIST_FIELDS",
    "OPERATORS",
    "MAX_DEPTH", "MAX_NODES", "MAX_LIST", "ALIASES", "and_", "parse_filters", "scope_of",
    "split_kind", "confines_scope",
]

OPERATORS = ("eq", "ne", "in", "nin", "gt", "gte", "lt", "lte", "contains", "icontains")
COLUMN_FIELDS = frozenset({"id", "user_id", "agent_id", "run_id", "actor_id", "role",
                           "memory_type", "hash", "created_at", "updated_at",
                           "categories", "source_ids", "happened_at", "expiration_date"})
# Columns holding a list of strings: a condition holds when one item matches.
LIST_FIELDS = frozenset({"categories", "source_ids"})
# Mem0 Platform's filter names for two columns: the text and the id.
ALIASES = {"keywords": "memory", "memory_ids": "id"}
DATE_FIELDS = frozenset({"created_at", "updated_at", "happened_at"})
SCOPE_FIELDS = ("user_id", "agent_id", "run_id")
MAX_DEPTH = 32  # nesting of AND/OR/NOT
MAX_NODES = 1000  # conditions plus logical nodes
MAX_LIST = 10_000  # items in all in/nin lists together (each is one SQL parameter)
_INT64 = 2**63
_LOGICAL = ("AND", "OR", "NOT")
_RANGE = ("gt", "gte", "lt", "lte")




def scope_of(node: Node) -> dict[str, str]:
    """Scope ids pinned by equality conditions AND-ed at the top of the filter.

    A row can only match if it has these ids, so a search may be confined to that
    scope's index. Conditions under OR/NOT pin nothing.

    >>> scope_of(parse_filters({"AND": [{"user_id": "u"}, {"OR": [{"run_id": "r"}, {"x": 1}]}]}))
    {'user_id': 'u'}
    """
    out: dict[str, str] = {}
    todo = [node]
    while todo:
        n = todo.pop(0)
        if isinstance(n, And):
            todo[:0] = n.items
        elif (isinstance(n, Cmp) and not n.is_meta and n.op == "eq"
              and n.field in SCOPE_FIELDS and isinstance(n.value, str)):
            # Two different values for one id match nothing: keeping the first is safe.
            out.setdefault(n.field, n.value)
    return out


def is_scope_only(node: Node) -> bool:
    """True when the filter is nothing but equalities on scope ids (AND-ed).

    >>> is_scope_only(parse_filters({"user_id": "u", "run_id": "r"}))
    True
    """
    if isinstance(node, Cmp):
        return (not node.is_meta and node.field in SCOPE_FIELDS and node.op == "eq"
                and isinstance(node.value, str))
    if isinstance(node, And):
        return all(is_scope_only(n) for n in node.items)
    return node is TRUE


def split_kind(node: Node) -> tuple[Node, bool | None]:
    """The filter without its top-level ``memory_type`` condition on episodes, and what
    that condition asked: True for episodes only, False for everything else, None when
    there was none. A store that keeps each kind apart answers that part for free.

    >>> split_kind(parse_filters({"user_id": "u", "memory_type": {"ne": "episode"}}))
    (And(items=(Cmp(field='user_id', op='eq', value='u', is_meta=False),)), False)
    >>> split_kind(parse_filters({"memory_type": "episode"}))
    (TRUE, True)
    """
    items = node.items if isinstance(node, And) else (node,)
    for i, n in enumerate(items):
        if (isinstance(n, Cmp) and not n.is_meta and n.field == "memory_type"
                and n.op in ("eq", "ne") and n.value == EPISODE):
            rest = items[:i] + items[i + 1:]
            return (And(rest) if rest else TRUE), n.op == "eq"
    return node, None


def confines_scope(node: Node) -> bool:
    """True when every row the filter can match has a scope id it names: a value, an
    ``in`` list or ``"*"`` on user_id/agent_id/run_id, AND-ed in, or in every OR branch.
    Reads that must not sweep a whole namespace by accident require this.

    >>> confines_scope(parse_filters({"OR": [{"user_id": "a"}, {"agent_id": "*"}]}))
    True
    >>> confines_scope(parse_filters({"OR": [{"user_id": "a"}, {"topic": "x"}]}))
    False
    """
    if isinstance(node, Cmp):
        return (not node.is_meta and node.field in SCOPE_FIELDS and node.value != ()
                and (node.op == "exists" or (node.op in ("eq", "in") and node.value is not None)))
    if isinstance(node, And):
        return any(confines_scope(n) for n in node.items)
    if isinstance(node, Or):
        return all(confines_scope(n) for n in node.items)
    return False


def parse_filters(obj: Mapping[str, object] | None) -> Node:
    """Validate a filter mapping and return its AST (``TRUE`` for ``None`` or ``{}``).

    Raises InvalidFilter naming the path to the offending part, e.g.
    ``filters.OR[1].created_at.gte: expected ...``.
    """
    if obj is None:
        return TRUE
    return _Parser().mapping(obj, "filters", depth=0, top=True)


class _Parser:
    def __init__(self) -> None:
        self.nodes = 0
        self.listed = 0

    def count(self, path: str) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise InvalidFilter(path, f"filter too large: more than {MAX_NODES} conditions")

    def mapping(self, obj: object, path: str, depth: int, top: bool = False) -> Node:
        if not isinstance(obj, Mapping):
            raise InvalidFilter(path, f"expected a mapping of conditions, got {_tname(obj)}")
        if not obj and not top:
            raise InvalidFilter(path, "empty condition; give at least one key")
        parts: list[Node] = []
        for key, value in obj.items():
            if not isinstance(key, str) or not key:
                raise InvalidFilter(path, f"keys must be non-empty strings, got {brief(key)}")
            sub = _join(path, key)
            if key in _LOGICAL:
                parts.append(self.logical(key, value, sub, depth + 1))
            elif key.lower().lstrip("$") in ("and", "or", "not"):
                raise InvalidFilter(sub, f"logical operators are uppercase: use "
                                    f"{key.lstrip('$').upper()!r} (a metadata key named "
                                    f"{key!r} goes inside {{'metadata': {{...}}}})")
            elif key == "metadata":
                parts.append(self.metadata(value, sub))
            else:
                if key == "memory_ids" and isinstance(value, list | tuple):
                    value = {"in": value}  # Mem0 spells it as a bare list
                field = ALIASES.get(key, key)
                parts.append(self.condition(field, field not in COLUMN_FIELDS and key not in ALIASES,
                                            value, sub))
        return and_(*parts)

    def logical(self, op: str, value: object, path: str, depth: int) -> Node:
        if depth > MAX_DEPTH:
            raise InvalidFilter(path, f"filter nested deeper than {MAX_DEPTH} levels")
        self.count(path)
        if op == "NOT" and isinstance(value, Mapping):
            return Not(self.mapping(value, path, depth))
        if not isinstance(value, list | tuple):
            want = "a mapping or a list of mappings" if op == "NOT" else "a list of mappings"
            raise InvalidFilter(path, f"expected {want}, got {_tname(value)}")
        if not value:
            raise InvalidFilter(path, f"{op} needs at least one condition, got an empty list")
        items = [self.mapping(v, f"{path}[{i}]", depth) for i, v in enumerate(value)]
        if op == "AND":
            return and_(*items)
        either = items[0] if len(items) == 1 else Or(tuple(items))
        return either if op == "OR" else Not(either)

    def metadata(self, value: object, path: str) -> Node:
        if not isinstance(value, Mapping):
            raise InvalidFilter(path, "expected a mapping of metadata keys to conditions, "
                                f"got {_tname(value)}")
        parts = []
        for key, cond in value.items():
            if not isinstance(key, str) or not key:
                raise InvalidFilter(path, f"keys must be non-empty strings, got {brief(key)}")
            parts.append(self.condition(key, True, cond, _join(path, key)))
        return and_(*parts)

    def condition(self, field: str, is_meta: bool, value: object, path: str) -> Node:
        _check_text(field, path)
        if not isinstance(value, Mapping):
            self.count(path)
            if isinstance(value, str) and value == "*":
                return Cmp(field, "exists", None, is_meta)
            if isinstance(value, list | tuple):
                raise InvalidFilter(path, f"expected a string, number, boolean or null, got "
                                    f"{_tname(value)} (use {{'in': [...]}} for any of several "
                                    "values)")
            return self.leaf(field, is_meta, "eq", value, path)
        if not value:
            raise InvalidFilter(path, "empty condition; give a value or an operator among "
                                + ", ".join(OPERATORS))
        parts = []
        for op, operand in value.items():
            sub = _join(path, str(op))
            if op not in OPERATORS:
                raise InvalidFilter(sub, f"unknown operator {op!r}; valid operators: "
                                    + ", ".join(OPERATORS))
            self.count(sub)
            parts.append(self.leaf(field, is_meta, op, operand, sub))
        return and_(*parts)

    def leaf(self, field: str, is_meta: bool, op: str, value: object, path: str) -> Node:
        if field in LIST_FIELDS and not is_meta and op in _RANGE:
            raise InvalidFilter(path, f"{field} take eq, ne, in, nin, contains or icontains, "
                                f"not {op!r}")
        if op in ("in", "nin"):
            if not isinstance(value, list | tuple):
                raise InvalidFilter(path, f"expected a list, got {_tname(value)}")
            self.listed += len(value)
            if self.listed > MAX_LIST:
                raise InvalidFilter(path, f"too many values: the in/nin lists of one filter "
                                    f"hold at most {MAX_LIST} values together")
            items = tuple(_scalar(field, is_meta, "in", v, f"{path}[{i}]")
                          for i, v in enumerate(value))
            if field in DATE_FIELDS and not is_meta:
                return date_list(field, op, items)
            return Cmp(field, op, items, is_meta)
        scalar = _scalar(field, is_meta, op, value, path)
        if field in DATE_FIELDS and not is_meta and isinstance(scalar, _Day):
            return date_day(field, op, scalar)
        return Cmp(field, op, scalar, is_meta)



def _scalar(field: str, is_meta: bool, op: str, value: object, path: str) -> object:
    """Check one operand against what ``op`` on ``field`` accepts; return it normalised."""
    if op in ("contains", "icontains"):  # substring tests, on dates too
        if not isinstance(value, str):
            raise InvalidFilter(path, f"expected a string, got {_tname(value)}")
        _check_text(value, path)
        return value
    if not is_meta and field in DATE_FIELDS:
        if value is None and op in ("eq", "ne"):
            return None
        return normalise_date(value, path)
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidFilter(path, f"expected a finite number, got {value!r}")
    if isinstance(value, int) and not isinstance(value, bool) and not -_INT64 <= value < _INT64:
        raise InvalidFilter(path, "integer out of range (must fit in 64 bits)")
    if isinstance(value, str):
        _check_text(value, path)
    if not is_meta:  # every non-date column holds text
        if isinstance(value, str) or (value is None and op in ("eq", "ne")):
            return value
        want = "a string or null" if op in ("eq", "ne") else "a string"
        raise InvalidFilter(path, f"expected {want}, got {_tname(value)}")
    if op in _RANGE:
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            return value
        raise InvalidFilter(path, f"expected a string or number, got {_tname(value)}")
    if isinstance(value, str | int | float) or (value is None and op in ("eq", "ne")):
        return value
    want = ("a string, number, boolean or null" if op in ("eq", "ne")
            else "a string, number or boolean")
    raise InvalidFilter(path, f"expected {want}, got {_tname(value)}")



def _check_text(text: str, path: str) -> None:
    problem = text_problem(text)  # NUL or a lone surrogate: no store could compare it
    if problem is not None:
        raise InvalidFilter(path, problem)


_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if _IDENT.fullmatch(key) else f"{path}[{key!r}]"


def _tname(value: object) -> str:
    return "null" if value is None else type(value).__name__

"""The filter AST's nodes (built by :func:`engram.store.filters.parse_filters`)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Cmp", "And", "Or", "Not", "TRUE", "Node", "and_"]


@dataclass(frozen=True)
class Cmp:
    """One comparison. ``op`` is an operator from OPERATORS or ``"exists"``; ``value`` is a
    scalar, ``None`` (eq/ne only) or a tuple (in/nin)."""

    field: str
    op: str
    value: object
    is_meta: bool


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    item: Node


@dataclass(frozen=True)
class _True:
    """The empty filter: matches every row."""

    def __repr__(self) -> str:
        return "TRUE"


TRUE = _True()
Node = Cmp | And | Or | Not | _True


def and_(*nodes: Node) -> Node:
    """AND nodes together, flattening nested ANDs and dropping TRUE.

    >>> and_(TRUE, Cmp("user_id", "eq", "u", False))
    Cmp(field='user_id', op='eq', value='u', is_meta=False)
    >>> and_()
    TRUE
    """
    items: list[Node] = []
    for n in nodes:
        if isinstance(n, And):
            items.extend(n.items)
        elif n is not TRUE:
            items.append(n)
    if not items:
        return TRUE
    return items[0] if len(items) == 1 else And(tuple(items))

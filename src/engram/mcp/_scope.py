"""The scope an MCP server may touch: pinned by ``--user``/``--agent``/``--run``.

An agent's context can carry injected instructions, so a tool call is not trusted to
choose whose memories it reads or changes. A pinned server (the default) confines every
call to its scope: a call naming another id for a pinned key is refused, a call may only
narrow the scope (``run_id`` under a pinned user), and the id-based tools check that the
memory belongs to the pinned scope before reading or changing it (answering NotFound
otherwise, as for an id that does not exist). ``--allow-any-scope`` turns the
pins back into defaults for trusted single-user setups.

>>> g = ScopeGuard({"user_id": "alice"})
>>> g.call_scope(run_id="r1")
{'user_id': 'alice', 'run_id': 'r1'}
>>> g.call_scope(user_id="bob")
Traceback (most recent call last):
...
engram.errors.InvalidInput: user_id: this MCP server is pinned to user_id='alice'; \
it cannot use 'bob' (start it with --allow-any-scope to allow any scope)
>>> ScopeGuard({"user_id": "alice"}, pinned=False).call_scope(user_id="bob")
{'user_id': 'bob'}
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

from engram._chars import brief
from engram.errors import InvalidInput, NotFound

__all__ = ["SCOPE_KEYS", "ScopeGuard"]

SCOPE_KEYS = ("user_id", "agent_id", "run_id")
_REMEMBERED = 10_000  # ids seen in the pinned scope, for the history of deleted ones


class ScopeGuard:
    """``scope`` holds the configured ids; ``pinned`` says whether they bind every call."""

    def __init__(self, scope: Mapping[str, str | None], *, pinned: bool = True) -> None:
        self.scope = {k: v for k in SCOPE_KEYS if (v := scope.get(k)) is not None}
        self.pinned = pinned
        self._seen: OrderedDict[str, None] = OrderedDict()

    def describe(self) -> str:
        ids = ", ".join(f"{k}={v!r}" for k, v in self.scope.items())
        if not self.pinned:
            return f"any scope (default {ids})" if ids else "any scope"
        return f"pinned to {ids}"

    def call_scope(self, **given: Any) -> dict[str, str]:
        """The ids a call runs with. Unpinned: the call's own ids if it names any, else
        the defaults. Pinned: the pins plus any narrower ids the call adds."""
        own = {k: v for k, v in given.items() if k in SCOPE_KEYS and v is not None}
        if not self.pinned:
            return own or dict(self.scope)
        for key, value in own.items():
            self._refuse_other(key, value)
        return {**self.scope, **own}

    def check_filters(self, filters: Any) -> None:
        """Scope ids at the top of ``filters`` must be the pinned ones too (the pins are
        AND-ed in anyway; this makes the refusal explicit instead of an empty answer)."""
        if self.pinned and isinstance(filters, Mapping):
            for key in SCOPE_KEYS:
                if key in filters and isinstance(filters[key], str):
                    self._refuse_other(key, filters[key], f"filters.{key}")

    def check_record(self, record: Mapping[str, Any], memory_id: str) -> None:
        """Refuse (as NotFound) a memory outside the pinned scope; remember its id."""
        if self.pinned and any(record.get(k) != v for k, v in self.scope.items()):
            raise self.not_found(memory_id)
        self.remember([memory_id])

    def remember(self, ids: Any) -> None:
        """Ids known to be in the pinned scope (added, listed or checked by this server),
        so their history stays readable after they are deleted."""
        if not self.pinned:
            return
        for mid in ids:
            self._seen[mid] = None
            self._seen.move_to_end(mid)
        while len(self._seen) > _REMEMBERED:
            self._seen.popitem(last=False)

    def seen(self, memory_id: str) -> bool:
        return not self.pinned or memory_id in self._seen

    @staticmethod
    def not_found(memory_id: str) -> NotFound:
        # The same answer as for an id that does not exist: no confirmation either way.
        return NotFound("memory", memory_id)

    def _refuse_other(self, key: str, value: Any, field: str | None = None) -> None:
        pinned = self.scope.get(key)
        if pinned is not None and value != pinned:
            raise InvalidInput(field or key, f"this MCP server is pinned to {key}={pinned!r}; "
                                             f"it cannot use {brief(value)} (start it with "
                                             "--allow-any-scope to allow any scope)")

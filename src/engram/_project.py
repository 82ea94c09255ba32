"""A memory's project settings, as Mem0's ``client.project.get/update``: instructions,
categories and per-call defaults kept in the store beside the memories (one set per
namespace, so per tenant on the server). ``Memory.add`` reads them on every call; a
value given on the call wins.

>>> sorted(SETTINGS)
['agent_custom_instructions', 'custom_categories', 'custom_instructions', 'enable_graph', \
'excludes', 'includes']
"""

from __future__ import annotations

from typing import Any

from engram._categories import catalog_from
from engram._chars import brief
from engram._validate import check_text
from engram.errors import InvalidInput, NotSupported
from engram.store.base import BoundStore

__all__ = ["Project", "SETTINGS"]

SETTINGS = ("custom_instructions", "agent_custom_instructions", "custom_categories",
            "includes", "excludes", "enable_graph")
# Mem0 project options with no Engram equivalent (refused by name, never ignored).
NOT_HERE = {"memory_depth": "extraction depth is not configurable",
            "usecase_setting": "there are no use-case presets",
            "multilingual": "memories are stored in the language they were said in",
            "decay": "search ranking does not decay with age"}


class Project:
    """``memory.project``: ``get(fields)`` and ``update(**settings)``."""

    def __init__(self, store: BoundStore) -> None:
        self._store = store

    def settings(self) -> dict[str, Any]:
        """Everything stored (custom categories with their descriptions)."""
        return self._store.get_settings()

    def get(self, fields: list[str] | None = None) -> dict[str, Any]:
        """The settings named in ``fields`` (all by default); unset ones are None, and
        ``custom_categories`` lists names as Mem0 does."""
        if fields is not None and (not isinstance(fields, list)
                                   or not all(isinstance(f, str) for f in fields)):
            raise InvalidInput("fields", f"must be a list of setting names, got {brief(fields)}")
        wanted = fields or list(SETTINGS)
        unknown = [f for f in wanted if f not in SETTINGS]
        if unknown:
            raise InvalidInput("fields", f"unknown setting {unknown[0]!r}; settings: "
                                         + ", ".join(SETTINGS))
        held = self.settings()
        out = {f: held.get(f) for f in wanted}
        cats = out.get("custom_categories")
        if cats:
            out["custom_categories"] = list(cats)
        return out

    def update(self, **changes: Any) -> dict[str, Any]:
        """Set (or, with None, clear) settings; unknown names are refused, nothing is
        half-saved."""
        if not changes:
            raise InvalidInput("settings", "give at least one of " + ", ".join(SETTINGS))
        held = self.settings()
        for name, value in changes.items():
            if name in NOT_HERE:
                raise NotSupported(f"{name}: {NOT_HERE[name]} in Engram")
            if name not in SETTINGS:
                raise InvalidInput(name, "not a project setting; settings: " + ", ".join(SETTINGS))
            if value is None:
                held.pop(name, None)
            elif name == "custom_categories":
                held[name] = catalog_from(value, name)
            elif name == "enable_graph":
                if not isinstance(value, bool):
                    raise InvalidInput(name, f"must be true or false, got {brief(value)}")
                held[name] = value
            else:
                held[name] = check_text(value, name)
        self._store.put_settings(held)
        return {"message": "Updated project settings", **self.get()}

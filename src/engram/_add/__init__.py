"""The add flow (internal): ``add(ctx, messages, scope, options)`` for raw, inferred and
procedural adds. The pure reconciliation checks live in ``engram.pipeline._plan``."""

from engram._add._flow import AddContext, AddOptions, add, preset_add_id, preset_memory_ids
from engram._add._graph import GraphStep

__all__ = ["AddContext", "AddOptions", "GraphStep", "add", "preset_add_id",
           "preset_memory_ids"]

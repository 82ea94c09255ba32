"""Every surface of the Memory API against its one declaration (``engram._api.MemoryAPI``):
``Memory``, ``AsyncMemory``, ``MemoryClient``, ``AsyncMemoryClient``, the REST request
models and the MCP tools. Each allowed difference is listed here, with its reason; any
other difference (a parameter added to one surface only, a changed default or type)
fails."""

from __future__ import annotations

import inspect
import typing
from typing import Any

import pytest

from engram import AsyncMemory, AsyncMemoryClient, Memory, MemoryClient
from engram._api import METHODS, TOOLS, MemoryAPI
from engram.client import Calls
from engram.server import _models as M

pytest.importorskip("mcp")
from engram.mcp import EngramTools  # noqa: E402


def params(fn: Any) -> dict[str, inspect.Parameter]:
    """A plain function's parameters without ``self``, annotations resolved to types."""
    hints = typing.get_type_hints(fn, include_extras=True)
    return {n: p.replace(annotation=hints.get(n, p.annotation))
            for n, p in inspect.signature(fn).parameters.items() if n != "self"}


def test_memory_api_lists_the_public_methods() -> None:
    public = {n for n in dir(Memory) if not n.startswith("_") and callable(getattr(Memory, n))}
    # Lifecycle, not memory operations: each surface has its own (close, from_config).
    assert public - {"close", "from_config"} == set(METHODS)


@pytest.mark.parametrize("name", METHODS)
def test_memory_implements_the_declaration_exactly(name: str) -> None:
    declared = inspect.signature(getattr(MemoryAPI, name))
    assert inspect.signature(getattr(Memory, name)) == declared
    assert typing.get_type_hints(getattr(Memory, name)) == \
        typing.get_type_hints(getattr(MemoryAPI, name))


@pytest.mark.parametrize("surface", [AsyncMemory, MemoryClient, AsyncMemoryClient])
@pytest.mark.parametrize("name", METHODS)
def test_bound_surfaces_have_the_declared_signature(surface: type, name: str) -> None:
    method = getattr(surface, name)
    assert inspect.signature(method) == inspect.signature(getattr(MemoryAPI, name))
    assert inspect.iscoroutinefunction(method) == (surface is not MemoryClient)
    assert method.__doc__ == getattr(MemoryAPI, name).__doc__


@pytest.mark.parametrize("name", METHODS)
def test_request_builders_take_the_declared_parameters(name: str) -> None:
    declared = list(inspect.signature(getattr(MemoryAPI, name)).parameters.values())[1:]
    assert list(inspect.signature(getattr(Calls, name)).parameters.values()) == declared
    with pytest.raises(TypeError):
        getattr(Calls, name)(not_a_parameter=1)


def test_a_bound_client_method_shows_its_parameters() -> None:
    c = MemoryClient(api_key="k", host="http://127.0.0.1:9")
    assert list(inspect.signature(c.search).parameters)[:2] == ["query", "filters"]
    c.close()


# -- the REST request models ------------------------------------------------------------

# Accepted by every body: Platform fields that are ignored, or answered 501 when set.
PLATFORM_ONLY = {"org_id", "project_id", "output_format", "version", "app_id"}

# (method, body model, parameters the body does not carry, fields only the body has)
REST = [
    ("add", M.AddBody, {"llm"},  # an object: the server's own LLM is used
     {
        "custom_instructions", "agent_custom_instructions",  # Platform spellings of prompt
        "async_mode",  # queues the add (engram.server._events)
        "structured_data_schema"}),  # 501
    ("search", M.SearchBody, set(), set()),
    ("search_by_vector", M.VectorSearchBody, set(), set()),
    ("get_all", M.ListBody, set(), set()),
    ("update", M.UpdateBody, {"memory_id"}, set()),  # in the path
    ("batch_update", M.BatchUpdateBody, set(), set()),
    # The body is Mem0's [{"memory_id": ...}] list; Memory takes ids or those items.
    ("batch_delete", M.BatchDeleteBody, {"memory_ids"}, {"memories"}),
]

# Defaults JSON cannot spell: a field left out of the body is the declared default.
REST_DEFAULTS = {("update", "expiration_date")}  # KEEP: left out keeps, null clears

# Types the HTTP edge receives more loosely and translates before calling Memory.
REST_TYPES = {
    ("add", "messages"),  # Any in Python; str | dict | list in JSON
    ("add", "timestamp"),  # a unix time is accepted too (-> ISO text)
    ("update", "timestamp"),  # the same
    ("search", "as_of"), ("get_all", "as_of"),  # ISO text in JSON
    ("search", "reference_date"),  # ISO text or unix seconds in JSON
    ("add", "expiration_date"),  # JSON has no date type: the day as text
    ("update", "expiration_date"),  # the same; null clears, left out keeps (fields_set)
    ("search", "search_mode"),  # str: Memory names the bad mode
    ("batch_update", "memories"),  # typed items
}


@pytest.mark.parametrize(("name", "model", "not_in_body", "body_only"), REST,
                         ids=[r[0] for r in REST])
def test_rest_models_carry_the_declared_parameters(
        name: str, model: Any, not_in_body: set[str], body_only: set[str]) -> None:
    declared = params(getattr(MemoryAPI, name))
    fields = model.model_fields
    assert set(declared) - set(fields) == not_in_body
    assert set(fields) - set(declared) - PLATFORM_ONLY == body_only
    for field in set(declared) & set(fields):
        p, f = declared[field], fields[field]
        if p.default is not inspect.Parameter.empty and (name, field) not in REST_DEFAULTS:
            assert f.default == p.default, field
        if (name, field) not in REST_TYPES:
            assert f.annotation == p.annotation, field


def test_rest_refuses_no_declared_parameter() -> None:
    """A declared parameter is honoured, never answered 501."""
    every = {n for name in METHODS for n in params(getattr(MemoryAPI, name))}
    assert not every & set(M.UNSUPPORTED)


# -- the MCP tools ----------------------------------------------------------------------

# Tool defaults chosen for an agent's context window (the server's caps still apply).
MCP_DEFAULTS = {("search_memories", "top_k"): 10, ("list_memories", "page"): 1,
                ("list_memories", "page_size"): 50}
MCP_TYPES = {
    ("add_memory", "messages"),  # a JSON-schema-friendly subset of what Memory accepts
    ("search_memories", "top_k"), ("list_memories", "page"),  # int with a default, not None
    ("list_memories", "page_size"),
    ("add_memory", "timestamp"), ("add_memory", "expiration_date"),  # ISO text in JSON
    ("search_memories", "reference_date"),
}


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_mcp_tools_take_a_subset_of_their_method(tool: str) -> None:
    declared = params(getattr(MemoryAPI, TOOLS[tool]))
    taken = {n: p for n, p in params(getattr(EngramTools, tool)).items()}
    assert set(taken) <= set(declared), set(taken) - set(declared)
    for n, p in taken.items():
        base = typing.get_args(p.annotation)[0] if typing.get_origin(p.annotation) is \
            typing.Annotated else p.annotation
        if (tool, n) not in MCP_TYPES:
            assert base == declared[n].annotation, n
        want = MCP_DEFAULTS.get((tool, n), declared[n].default)
        assert p.default == want, n

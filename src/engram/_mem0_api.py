"""Mem0's methods and parameters (mem0ai 2.2.1) and what Engram does with each: the table
docs/compat.md shows and ``tests/compat/test_mem0_api.py`` checks against the installed
mem0ai's signatures, and the source of the errors a Mem0 call gets instead of a bare
``TypeError`` (:func:`mem0_hints`).

A row is ``"Class.method(param)"`` (or ``"Class.method()"`` for the method itself):
*works* (same meaning; the parameter is in our signature), *differs* (in our signature,
with the difference stated) or *refused* (not in our signature: calling with it raises
:class:`~engram.errors.NotSupported` quoting the row's note).

>>> API["Memory.search(explain)"].status
'works'
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from engram._mem0_keys import Key, differs, refused
from engram.errors import NotSupported

__all__ = ["API", "mem0_hints", "api_rows", "api_markdown_table", "PROFILES", "ORGS", "APPS",
           "SCHEMA"]

P = ParamSpec("P")
R = TypeVar("R")


def works(note: str = "") -> Key:
    return Key("works", note)


_EXPIRY = ("a day (`YYYY-MM-DD`, date or datetime): reads hide the memory after it; "
           "never deleted by expiry")
_SHOW_EXPIRED = "`True` lists memories past their `expiration_date` too"

_OSS: dict[str, Key] = {
    "add(messages)": works(), "add(user_id)": works(), "add(agent_id)": works(),
    "add(run_id)": works(), "add(metadata)": works(), "add(infer)": works(),
    "add(memory_type)": works(), "add(prompt)": works(),
    "add(timestamp)": differs(
        "Unix seconds, ISO-8601 text or a datetime (Mem0's OSS refuses it, its Platform takes "
        "it): the memories' `happened_at` (a message's own `timestamp` key wins) and the date "
        "relative phrases are read against; `created_at` stays the time of writing"),
    "add(expiration_date)": works(_EXPIRY),
    "search(query)": works(), "search(top_k)": works(), "search(filters)": works(),
    "search(threshold)": differs("applies to the cosine similarity (`score`); default none, "
                                 "Mem0's is 0.1"),
    "search(rerank)": differs("accepted; no reranker model ships offline, results are "
                              "already fused from keyword and vector scores"),
    "search(explain)": works("each result gains `score_details`: `semantic_score`, "
                             "`bm25_score`, `entity_boost`, `final_score`, `vector_rank`, "
                             "`keyword_rank`, `fusion`"),
    "search(show_expired)": works(_SHOW_EXPIRED),
    "search(reference_date)": differs(
        "an ISO date or date-time, `date`/`datetime` or Unix seconds: the day the query's "
        "relative phrases (\"last week\", \"two months ago\") are read on; memories whose "
        "`happened_at` falls in the period it names are preferred (`search.date_boost`)"),
    "get_all(filters)": works(), "get_all(top_k)": works(),
    "get_all(show_expired)": works(_SHOW_EXPIRED),
    "get(memory_id)": differs("an unknown id raises `engram.NotFound` (a `KeyError`) where "
                              "Mem0 returns None: write `try: m.get(i) except KeyError:`"),
    "update(memory_id)": works(), "update(text)": works(), "update(metadata)": works(),
    "update(data)": works(),
    "update(expiration_date)": works(_EXPIRY + "; `None` clears it, left out keeps it"),
    "delete(memory_id)": works(),
    "delete_all(user_id)": works("also positional: `delete_all(\"alice\")`"),
    "delete_all(agent_id)": works(), "delete_all(run_id)": works(),
    "history(memory_id)": works("each item has Mem0's `is_deleted`"),
    "reset()": works(), "close()": works(),
    "from_config(config_dict)": works(),
    "chat(query)": refused("Mem0's OSS `chat` is not implemented either; search, then ask "
                           "your own LLM"),
}

SCHEMA = ("Engram's extractors write facts as text, not as records shaped by a schema: "
          "keep structured fields in `metadata` (filterable), or shape an export with "
          "`create_memory_export(schema)`")
_LATEST = ("a memory has one current version (an update replaces it, `history` keeps the "
           "old ones), so `True` is what every read does; `False` is refused (501)")
# The server's 501 answers quote these (engram.server._routes_project).
PROFILES = ("Mem0's user profiles (a document an LLM writes about each user, rebuilt by "
            "background jobs) are not built by Engram: `get_summary(filters={\"user_id\": "
            "...})` summarises a user's memories instead")
ORGS = ("organisations, projects and their members are not managed over the API: "
        "`engram keys create --org ... --project ...` makes a project's key, and there are "
        "no members or roles")
APPS = "apps are not scopes in Engram: scope memories by `user_id`, `agent_id` or `run_id`"
_CLIENT: dict[str, Key] = {
    "add(messages)": works(), "add(metadata)": works(), "add(infer)": works(),
    "add(timestamp)": differs("Unix seconds or ISO-8601 text; see `Memory.add(timestamp)`"),
    "add(filters)": works("plain scope ids only (`user_id`/`agent_id`/`run_id`), as "
                          "mem0ai's client and agent-framework-mem0 send them"),
    "add(custom_categories)": works("`[{name: description}]` or names; each memory gets the "
                                    "closest of them (offline: by embedding similarity; "
                                    "by the LLM with pipeline.categorize=llm)"),
    "add(custom_instructions)": refused("use `prompt`"),
    "add(agent_custom_instructions)": refused("use `prompt`"),
    "add(expiration_date)": works(_EXPIRY),
    "add(structured_data_schema)": refused(SCHEMA),
    "search(query)": works(), "search(filters)": works(), "search(top_k)": works(),
    "search(rerank)": differs("see `Memory.search(rerank)`"), "search(threshold)": works(),
    "search(metadata)": works("conditions on metadata keys, AND-ed with `filters`"),
    "search(fields)": works("each result keeps only the named fields; an unknown name is "
                            "an error naming it"),
    "search(keyword_search)": differs("`True` fuses keyword relevance with similarity "
                                      "(hybrid, Engram's default), `False` ranks by "
                                      "similarity alone"),
    "search(latest_only)": differs(_LATEST),
    "search(categories)": works("memories in any of them (a `categories` `in` filter)"),
    "search(show_expired)": works(_SHOW_EXPIRED),
    "search(reference_date)": differs("see `Memory.search(reference_date)`"),
    "get_all(filters)": works(), "get_all(page)": works(), "get_all(page_size)": works(),
    "get_all(start_date)": works("`created_at` on or after it"),
    "get_all(end_date)": works("`created_at` on or before it (a bare day: that whole day)"),
    "get_all(latest_only)": differs(_LATEST),
    "get_all(categories)": works("memories in any of them (a `categories` `in` filter)"),
    "get_all(show_expired)": works(_SHOW_EXPIRED),
    "get(memory_id)": differs("see `Memory.get(memory_id)`"),
    "update(memory_id)": works(), "update(text)": works(), "update(metadata)": works(),
    "update(timestamp)": differs("Unix seconds or ISO-8601 text: the memory's new "
                                 "`happened_at`"),
    "update(expiration_date)": works(_EXPIRY + "; `None` clears it, left out keeps it"),
    "delete(memory_id)": works(),
    "delete(delete_linked)": refused("memories are not linked to each other"),
    "delete_all(filters)": works(),
    "batch_update(memories)": works(),
    "batch_delete(memories)": refused("named `memory_ids`: pass the list positionally; ids or "
                                      "Mem0's `[{\"memory_id\": ...}]` items both work"),
    "history(memory_id)": works(), "reset()": works(), "users()": works(),
    "delete_users(user_id)": refused("use `delete_all(user_id=...)`"),
    "delete_users(agent_id)": refused("use `delete_all(agent_id=...)`"),
    "delete_users(run_id)": refused("use `delete_all(run_id=...)`"),
    "delete_users(app_id)": refused(APPS),
    "chat()": refused("not a Platform feature either (mem0ai raises)"),
    "create_memory_export(schema)": differs(
        "with an LLM configured on the server the schema is filled in from the memories the "
        "filters select, as Mem0 does (`data`, `method: \"llm\"`); without one, `data` is "
        "null and the schema only picks the memory fields each listed memory keeps "
        "(`method: \"projection\"`)"),
    "get_memory_export()": differs(
        "by `memory_export_id` or the filters it was made with; answers `{id, status, "
        "schema, filters, data, method, memories, count}`"),
    "create_webhook(url)": works(), "create_webhook(name)": works(),
    "create_webhook(project_id)": works("the key's own project"),
    "create_webhook(event_types)": works("`memory_add`, `memory_update`, `memory_delete`; "
                                         "the answer holds the signing `secret`"),
    "get_webhooks(project_id)": works("the key's own project"),
    "update_webhook(webhook_id)": differs("ids are text (`wh_...`), as Mem0's docs show"),
    "update_webhook(name)": works(), "update_webhook(url)": works(),
    "update_webhook(event_types)": works(),
    "delete_webhook(webhook_id)": differs("ids are text (`wh_...`)"),
    "feedback(memory_id)": works(), "feedback(feedback)": works(),
    "feedback(feedback_reason)": works(),
    "get_summary(filters)": works("by the server's LLM when configured, else by rules"),
    "get_project(fields)": works("also `client.project.get(fields)`"),
    **{f"update_project({p})": works("also `client.project.update(...)`; the others: "
                                     "`includes`, `excludes`, `enable_graph`") for p in (
        "custom_instructions", "agent_custom_instructions", "custom_categories")},
    **{f"update_project({p})": refused(
        "Mem0's memory-depth, use-case and language tuning has no equivalent: set "
        "`custom_instructions`, `includes` or `excludes`") for p in (
        "memory_depth", "usecase_setting", "multilingual")},
    **{f"{m}()": refused(PROFILES) for m in (
        "generate_profile", "get_profile", "get_profile_job", "get_profile_settings",
        "update_profile_settings", "sample_profiles")},
    # mem0ai's client.project (an attribute, so not in the signature check above).
    "project.get(fields)": works(), "project.update()": works(
        "`custom_instructions`, `agent_custom_instructions`, `custom_categories`, `includes`, "
        "`excludes`, `enable_graph`; `memory_depth`, `usecase_setting`, `multilingual` and "
        "`decay` answer 501 naming the key"),
    **{f"project.{m}()": refused(ORGS) for m in (
        "create", "delete", "get_members", "add_member", "update_member", "remove_member")},
}

API: dict[str, Key] = {
    **{f"Memory.{k}": v for k, v in _OSS.items()},
    **{f"AsyncMemory.{k}": v for k, v in _OSS.items()},
    "AsyncMemory.add(llm)": works("an Engram LLM (with `complete_json`) for the procedural "
                                  "summary, which is where Mem0 uses it"),
    **{f"MemoryClient.{k}": v for k, v in _CLIENT.items()},
}


def mem0_hints(cls: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Turn the ``TypeError`` of a Mem0 parameter Engram refuses into ``NotSupported``
    quoting the table; the signature (and the happy path's speed) are unchanged."""

    def wrap(method: Callable[P, R]) -> Callable[P, R]:
        name = method.__name__

        @functools.wraps(method)
        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return method(*args, **kwargs)
            except TypeError:
                for param in kwargs:
                    row = API.get(f"{cls}.{name}({param})")
                    if row is not None and row.status == "refused" and \
                            param not in inspect.signature(method).parameters:
                        raise NotSupported(
                            f"{cls}.{name}({param}=...) is Mem0's; Engram has no equivalent: "
                            f"{row.note}") from None
                raise

        return call

    return wrap


def api_rows() -> list[tuple[str, str, str]]:
    return [(k, v.status, v.note) for k, v in API.items()]


def api_markdown_table() -> str:
    """The API table of docs/compat.md (a test keeps the two equal)."""
    lines = ["| Mem0 call | Engram | what Engram does |", "|---|---|---|"]
    lines += [f"| `{k}` | {s} | {n.replace('|', '/') or 'same meaning'} |"
              for k, s, n in api_rows()]
    return "\n".join(lines) + "\n"

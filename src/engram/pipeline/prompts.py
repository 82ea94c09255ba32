"""Engram's prompts, their JSON schemas, and pure builders of the messages sent to an LLM.

Builders take everything they need as arguments (including today's date) so they are
deterministic and testable; the LLM steps call them.

>>> from engram._types import Message
>>> msgs = build_extraction_messages([Message("user", "I love tea")], today="2026-01-05")
>>> msgs[0]["role"], "2026-01-05" in msgs[0]["content"], msgs[1]["content"]
('system', True, 'user: I love tea')
"""

from __future__ import annotations

import json
from typing import Any

from engram._types import Message
from engram.pipeline.base import Existing, ExtractContext, Fact

__all__ = [
    "FACT_EXTRACTION_PROMPT", "AGENT_FACT_EXTRACTION_PROMPT", "UPDATE_MEMORY_PROMPT",
    "PROCEDURAL_MEMORY_PROMPT", "IMAGE_DESCRIPTION_PROMPT",
    "FACTS_SCHEMA", "UPDATE_SCHEMA", "PROCEDURAL_SCHEMA", "IMAGE_SCHEMA",
    "build_extraction_messages", "build_update_messages", "build_procedural_messages",
    "build_image_messages", "transcript", "MESSAGE_TIME_PROMPT",
]

FACT_EXTRACTION_PROMPT = """\
You keep a long-term memory about a person (the user) for an AI assistant.
Read the conversation and write down what is worth remembering about the USER, taken
only from the user's own messages; the assistant's and system messages are context.

Each fact is one short, self-contained statement in the third person with the subject
left out, in the style "Loves sci-fi movies", "Is allergic to peanuts", "Name is Priya",
"Sister Anna is a nurse in Chicago", "Moved to Berlin last week".
- One fact per idea: split "I'm vegetarian and allergic to peanuts" into two facts, but
  keep fixed phrases together ("Likes salt and pepper").
- Keep negations and changes exactly ("Is no longer vegetarian", "Does not like horror").
- Keep names, numbers, places and times; turn relative times ("yesterday", "next
  month") into dates using the date the conversation took place when that is safe.
- Remember lasting preferences behind requests ("please keep meals low in sugar" ->
  "Wants low-sugar meal suggestions"), not one-off requests.
- Skip greetings, thanks, small talk, questions, general knowledge and anything the
  assistant said.
- Write each fact in the language the user writes in.
If nothing is worth remembering, return an empty list."""

AGENT_FACT_EXTRACTION_PROMPT = """\
You keep a long-term memory about an AI assistant (the agent) itself.
Read the conversation and write down what the ASSISTANT states about itself: its name,
role, abilities, rules it follows, preferences and commitments, taken only from the
assistant's messages; user and system messages are context.

Each fact is one short third-person statement with the subject left out, such as
"Is a travel planning assistant" or "Always answers in French".
- One fact per idea; keep negations; keep names, numbers and dates.
- Skip pleasantries, acknowledgements and promises about the current reply only.
- Write each fact in the language of the conversation.
If nothing is worth remembering, return an empty list."""

UPDATE_MEMORY_PROMPT = """\
You maintain a memory store. You get the memories already stored (each with a small
integer id) and new facts (each with a number). For every new fact decide one event:
- ADD: the fact is new information. Give its text; id is null.
- UPDATE: the fact changes or enriches a stored memory about the same thing (a new city,
  a new job, a new favourite, more detail). Give that memory's id and the merged text.
- DELETE: the fact says a stored memory is no longer true (stopped, sold, left, died, no
  longer ...). Give that memory's id. Add the fact itself too when it is worth keeping.
- NONE: the fact is already stored (same meaning). Give the id of the memory saying it.
Use only the ids shown. Never delete a memory the new facts do not contradict. Keep the
language of the facts. Set "fact" to the number of the fact behind each event."""

PROCEDURAL_MEMORY_PROMPT = """\
You summarise an AI agent's run so that it can continue or repeat the work later.
Write the task, then the numbered steps the agent took in order: for each, the action,
the tool or input used, and the key result (exact values, ids, file names, errors).
End with the current state and what remains to be done. Be complete but concise; do not
invent steps."""

IMAGE_DESCRIPTION_PROMPT = """\
Describe each image in one or two factual sentences: who or what is shown, visible text,
and anything the person sharing it would likely want remembered. No speculation."""

FACTS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"facts": {"type": "array", "items": {"type": "string"}}},
    "required": ["facts"],
    "additionalProperties": False,
}
UPDATE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"memory": {"type": "array", "items": {
        "type": "object",
        "properties": {
            "id": {"type": ["integer", "null"]},
            "event": {"type": "string", "enum": ["ADD", "UPDATE", "DELETE", "NONE"]},
            "text": {"type": "string"},
            "fact": {"type": ["integer", "null"]},
        },
        "required": ["id", "event", "text", "fact"],
        "additionalProperties": False,
    }}},
    "required": ["memory"],
    "additionalProperties": False,
}
PROCEDURAL_SCHEMA: dict[str, Any] = {
    "type": "object", "properties": {"summary": {"type": "string"}},
    "required": ["summary"], "additionalProperties": False,
}
IMAGE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"descriptions": {"type": "array", "items": {"type": "string"}}},
    "required": ["descriptions"], "additionalProperties": False,
}

_FACTS_FORMAT = 'Answer with JSON only: {"facts": ["...", "..."]}.'
_UPDATE_FORMAT = ('Answer with JSON only: {"memory": [{"id": <id or null>, "event": '
                  '"ADD|UPDATE|DELETE|NONE", "text": "...", "fact": <number or null>}]}.')


def transcript(messages: list[Message]) -> str:
    """One "role: text" line per message (the speaker's name when given), led by the
    message's own ``[time]`` when it has one."""
    lines = []
    for m in messages:
        who = f"{m.role} ({m.name})" if m.name else m.role
        when = f"[{m.timestamp[:16].replace('T', ' ')}] " if m.timestamp else ""
        lines.append(f"{when}{who}: {m.content.strip()}")
    return "\n".join(lines)


# When the conversation took place: the day its relative times are read against (the
# add's timestamp, else today), never the day the model happens to be called.
MESSAGE_TIME_PROMPT = """\
The conversation took place on {when}; a line may start with [its own time]. Write
relative times as absolute ones read against the time of their message ("next month" ->
"in June 2025", "last Friday" -> "on 6 June 2025", "this spring" -> "in spring 2025");
keep a phrase as said when its date is unclear ("soon", "next Friday")."""


def _hints(ctx: ExtractContext) -> str:
    parts = []
    if ctx.includes:
        parts.append(f"Pay particular attention to: {ctx.includes}")
    if ctx.excludes:
        parts.append(f"Never record: {ctx.excludes}")
    return "\n".join(parts)


def build_extraction_messages(messages: list[Message], ctx: ExtractContext | None = None,
                              *, today: str) -> list[dict[str, Any]]:
    """System prompt (custom one if ``ctx.prompt``) + the conversation as one user turn."""
    ctx = ctx or ExtractContext()
    default = AGENT_FACT_EXTRACTION_PROMPT if ctx.target == "agent" else FACT_EXTRACTION_PROMPT
    when = ctx.timestamp or today
    system = "\n\n".join(p for p in (
        ctx.prompt or default,
        MESSAGE_TIME_PROMPT.format(when=when),
        _hints(ctx),
        "Answer in the language of the conversation.",
        _FACTS_FORMAT,
    ) if p)
    return [{"role": "system", "content": system},
            {"role": "user", "content": transcript(messages)}]


def build_update_messages(facts: list[Fact], existing: list[Existing],
                          ctx: ExtractContext | None = None) -> list[dict[str, Any]]:
    """Stored memories (small integer ids) and numbered new facts, as JSON."""
    ctx = ctx or ExtractContext()
    system = "\n\n".join((ctx.update_prompt or UPDATE_MEMORY_PROMPT, _UPDATE_FORMAT))
    payload = {
        "stored_memories": [{"id": e.ref, "text": e.text} for e in existing],
        "new_facts": [{"fact": i, "text": f.text} for i, f in enumerate(facts)],
    }
    return [{"role": "system", "content": system},
            {"role": "user", "content": json.dumps(payload, ensure_ascii=False, indent=1)}]


def build_procedural_messages(messages: list[Message],
                              prompt: str | None = None) -> list[dict[str, Any]]:
    """The agent's run as a transcript, to be summarised."""
    system = "\n\n".join((prompt or PROCEDURAL_MEMORY_PROMPT,
                          'Answer with JSON only: {"summary": "..."}.'))
    return [{"role": "system", "content": system},
            {"role": "user", "content": transcript(messages)}]


def build_image_messages(urls: list[str]) -> list[dict[str, Any]]:
    """One user turn with the instruction and every image as an ``image_url`` part."""
    parts: list[dict[str, Any]] = [{"type": "text", "text": IMAGE_DESCRIPTION_PROMPT
                                    + ' Answer with JSON only: {"descriptions": ["..."]}, '
                                    "one per image, in order."}]
    parts.extend({"type": "image_url", "image_url": {"url": u}} for u in urls)
    return [{"role": "user", "content": parts}]

"""Categories picked by the configured LLM (``pipeline.categorize = "llm"``), as Mem0's
Platform tags memories: one call per batch of memories, the catalog's names and
descriptions in the prompt, and only names of the catalog kept from the answer.

The offline classifier (:class:`engram._categories.Classifier`) stays the fallback: an
LLM that fails or answers out of shape never fails the add or the vector write that
asked for the categories; that batch is tagged from its vectors instead.

>>> from engram.testing import ScriptedLLM
>>> llm = ScriptedLLM([{"categories": [["food", "nonsense"], []]}])
>>> llm_categories(llm, ["Loves ramen", "Hi"], {"food": "what they eat", "misc": "other"})
[['food'], []]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from engram.errors import LLMError

if TYPE_CHECKING:
    from engram.llm import LLM

__all__ = ["CATEGORY_PROMPT", "CATEGORY_SCHEMA", "llm_categories"]

CATEGORY_PROMPT = """You sort memories about a user into categories.

Categories (name: what belongs in it):
{catalog}

For each numbered memory, in order, give the names of the categories it belongs to, \
best first, at most {most}; an empty list when none fits. Use only the names above, \
exactly as written. Answer with JSON: {{"categories": [[...], [...], ...]}}, one list \
per memory."""

CATEGORY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"categories": {"type": "array",
                                  "items": {"type": "array", "items": {"type": "string"}}}},
    "required": ["categories"],
}


def llm_categories(llm: LLM, texts: Sequence[str], catalog: Mapping[str, str],
                   most: int = 3) -> list[list[str]]:
    """Each text's categories by the LLM; raises :class:`LLMError` when the answer does
    not give one list per text."""
    listing = "\n".join(f"- {name}: {desc}" for name, desc in catalog.items())
    numbered = "\n".join(f"{i}. {t}" for i, t in enumerate(texts, 1))
    out = llm.complete_json(
        [{"role": "system", "content": CATEGORY_PROMPT.format(catalog=listing, most=most)},
         {"role": "user", "content": f"Memories:\n{numbered}"}],
        CATEGORY_SCHEMA, schema_name="categories")
    picked = out.get("categories")
    if not isinstance(picked, list) or len(picked) != len(texts):
        raise LLMError(f"the LLM gave categories for {len(picked) if isinstance(picked, list) else 0}"
                       f" of {len(texts)} memories", retryable=True)
    names = {n.casefold(): n for n in catalog}
    result: list[list[str]] = []
    for row in picked:
        row = row if isinstance(row, list) else []
        kept = [names[c.strip().casefold()] for c in row
                if isinstance(c, str) and c.strip().casefold() in names]
        result.append(list(dict.fromkeys(kept))[:most])
    return result

"""Who said a stored turn, beside what was said: how an episode is embedded and indexed.

A turn kept as an episode (``memory_type="episode"``) is who said it as well as what
was said, and questions name the speaker ("what did Anna say about ...") while a turn
rarely names its own speaker. So an episode with a speaker (its ``actor_id``):

- is embedded as ``"Anna: <text>"`` (:func:`embedded_text`), and its row's ``hash`` is
  the hash of that text (:func:`embedded_hash`): the embedding cache reuses a stored
  row's vector by hash, and the vector queue writes a vector only where the hash still
  matches, so neither may mistake the named vector for the bare text's;
- holds the speaker's name in its keyword document (:func:`speaker_terms`, written into
  the row's keyword ``context`` by the store, never into the memory text shown).

Every path that embeds or indexes a memory asks here, so a turn's vector is the same
whichever path wrote it: the add, the background vector writer, ``update`` and
``batch_update``, ``undo``, and the stores' keyword contexts. Other memories (facts,
``infer=False`` messages) are embedded and indexed as their text.

>>> embedded_text("episode", "Anna", "I adopted a cat."), embedded_text(None, "Anna", "Hi")
('Anna: I adopted a cat.', 'Hi')
>>> speaker_terms("episode", "Anna"), speaker_terms("episode", None), speaker_terms(None, "Anna")
('Anna', '', '')
>>> with_terms("Anna", "the turns around it"), with_terms("", "ctx")
('Anna\\nthe turns around it', 'ctx')
"""

from __future__ import annotations

from engram._types import EPISODE
from engram.embed.base import text_hash

__all__ = ["embedded_text", "embedded_hash", "speaker_terms", "with_terms"]


def _speaker(memory_type: str | None, actor_id: str | None) -> str:
    return actor_id if memory_type == EPISODE and actor_id else ""


def embedded_text(memory_type: str | None, actor_id: str | None, text: str) -> str:
    """The text a memory's vector encodes: an episode's speaker and text, else the text."""
    speaker = _speaker(memory_type, actor_id)
    return f"{speaker}: {text}" if speaker else text


def embedded_hash(memory_type: str | None, actor_id: str | None, text: str) -> str:
    """The row's ``hash``: of what was embedded (see the module docstring)."""
    return text_hash(embedded_text(memory_type, actor_id, text))


def speaker_terms(memory_type: str | None, actor_id: str | None) -> str:
    """What a memory's keyword document holds beside its text and context: an
    episode's speaker, else nothing."""
    return _speaker(memory_type, actor_id)


def with_terms(terms: str, context: str) -> str:
    """A keyword context led by ``terms`` (a line of its own), or unchanged."""
    return f"{terms}\n{context}" if terms else context

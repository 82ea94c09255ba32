"""LangChain: a chat message history and a retriever over Engram.

``EngramChatMessageHistory`` keeps a conversation's messages as raw Engram memories in the
scope ``(user_id, agent_id, run_id=session_id)``, each with the LangChain message itself in
its metadata, so the history reads back exactly and its turns are searchable memories of
that user. ``EngramRetriever`` returns the memories most relevant to a query as
``Document``s, with the score, scope ids and metadata.

>>> import tempfile, os, engram
>>> from langchain_core.messages import HumanMessage
>>> from engram.integrations.langchain import EngramChatMessageHistory, EngramRetriever
>>> m = engram.Memory({"store": {"path": os.path.join(tempfile.mkdtemp(), "lc.db")}})
>>> history = EngramChatMessageHistory(m, session_id="s1", user_id="maya")
>>> history.add_messages([HumanMessage("My cat is called Miso.")])
>>> EngramRetriever(memory=m, filters={"user_id": "maya"}).invoke("cat's name")[0].page_content
'My cat is called Miso.'
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from engram.integrations._bridge import acall, missing, sync_face

try:
    from langchain_core.callbacks import (
        AsyncCallbackManagerForRetrieverRun,
        CallbackManagerForRetrieverRun,
    )
    from langchain_core.chat_history import BaseChatMessageHistory
    from langchain_core.documents import Document
    from langchain_core.messages import BaseMessage, message_to_dict, messages_from_dict
    from langchain_core.retrievers import BaseRetriever
except ImportError as e:  # pragma: no cover - the extra is missing
    raise ImportError(missing("langchain-core", "langchain")) from e

__all__ = ["EngramChatMessageHistory", "EngramRetriever"]

MESSAGE = "lc_message"  # the metadata key holding the serialised LangChain message
PAGE = 1_000
# LangChain message types as Engram roles; a system message is kept as a "user" row (Engram
# does not store system turns as memories) and restored from its metadata.
ROLES = {"human": "user", "ai": "assistant", "tool": "tool", "system": "user"}


class EngramChatMessageHistory(BaseChatMessageHistory):
    """A ``BaseChatMessageHistory`` whose messages are Engram memories of one session."""

    def __init__(self, memory: Any, session_id: str, *, user_id: str | None = None,
                 agent_id: str | None = None) -> None:
        self.memory = memory
        self.session_id = session_id
        self.scope = {k: v for k, v in (("user_id", user_id), ("agent_id", agent_id),
                                        ("run_id", session_id)) if v is not None}

    @property
    def messages(self) -> list[BaseMessage]:  # type: ignore[override]
        rows: list[dict[str, Any]] = []
        cursor = None
        while True:
            page = self.memory.get_all(filters=self.scope, page_size=PAGE, cursor=cursor)
            rows += page["results"]
            cursor = page.get("next_cursor")
            if not cursor:
                break
        kept = [r["metadata"][MESSAGE] for r in reversed(rows) if MESSAGE in r.get("metadata", {})]
        return messages_from_dict(kept)

    def add_messages(self, messages: Sequence[BaseMessage]) -> None:
        for msg in messages:
            text = str(msg.text)
            if not text.strip():  # e.g. an AI turn that only calls tools
                text = json.dumps(message_to_dict(msg)["data"], default=str)
            self.memory.add([{"role": ROLES.get(msg.type, "user"), "content": text}],
                            infer=False, metadata={MESSAGE: message_to_dict(msg)}, **self.scope)

    def clear(self) -> None:
        self.memory.delete_all(filters=self.scope)


class EngramRetriever(BaseRetriever):
    """Memories relevant to the query, best first, as ``Document``s.

    ``filters`` confines the search (Engram's filter language; it must name a scope);
    ``memory`` may be a ``Memory``, ``AsyncMemory`` or either client.
    """

    memory: Any
    filters: dict[str, Any]
    top_k: int = 5
    threshold: float | None = None

    def _get_relevant_documents(self, query: str, *,
                                run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        found = sync_face(self.memory).search(query, filters=self.filters, top_k=self.top_k,
                                          threshold=self.threshold)
        return [_document(r) for r in found["results"]]

    async def _aget_relevant_documents(self, query: str, *,
                                       run_manager: AsyncCallbackManagerForRetrieverRun) -> list[Document]:
        found = await acall(self.memory.search, query, filters=self.filters, top_k=self.top_k,
                            threshold=self.threshold)
        return [_document(r) for r in found["results"]]


def _document(rec: dict[str, Any]) -> Document:
    meta = {k: rec[k] for k in ("id", "score", "user_id", "agent_id", "run_id", "created_at",
                                "updated_at") if rec.get(k) is not None}
    meta.update({k: v for k, v in (rec.get("metadata") or {}).items() if k != MESSAGE})
    return Document(page_content=rec["memory"], metadata=meta, id=rec["id"])

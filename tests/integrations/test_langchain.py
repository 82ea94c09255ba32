"""The LangChain history and retriever inside a runnable chain, with LangChain's fake chat
model standing in for the LLM."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

pytest.importorskip("langchain_core")
from langchain_core.documents import Document  # noqa: E402
from langchain_core.language_models.fake_chat_models import FakeListChatModel  # noqa: E402
from langchain_core.messages import (  # noqa: E402
    AIMessage,
    BaseMessage,
    HumanMessage,
    SystemMessage,
    ToolMessage,
)
from langchain_core.prompts import ChatPromptTemplate, MessagesPlaceholder  # noqa: E402
from langchain_core.runnables import RunnableLambda, RunnablePassthrough  # noqa: E402

from engram import AsyncMemory, Memory  # noqa: E402
from engram.integrations.langchain import EngramChatMessageHistory, EngramRetriever  # noqa: E402


def test_history_round_trips_every_message_kind(memory: Memory) -> None:
    h = EngramChatMessageHistory(memory, session_id="s1", user_id="maya")
    sent: list[BaseMessage] = [
        SystemMessage("You are a travel agent."),
        HumanMessage("Book me a window seat to Oslo."),
        AIMessage("", tool_calls=[{"name": "book", "args": {"to": "OSL"}, "id": "c1"}]),
        ToolMessage("booked 12A", tool_call_id="c1"),
        AIMessage("Done: seat 12A."),
    ]
    h.add_messages(sent)
    back = h.messages
    assert [(type(m), m.content) for m in back] == [(type(m), m.content) for m in sent]
    assert back[2].tool_calls[0]["args"] == {"to": "OSL"}  # type: ignore[attr-defined]
    # Another session of the same user is a different history.
    other = EngramChatMessageHistory(memory, session_id="s2", user_id="maya")
    assert other.messages == []
    h.clear()
    assert h.messages == [] and memory.get_all(user_id="maya")["results"] == []


def test_retriever_documents_carry_score_scope_and_metadata(memory: Memory) -> None:
    memory.add("Maya is allergic to shellfish", user_id="maya", infer=False, metadata={"src": "intake"})
    memory.add("Maya prefers aisle seats", user_id="maya", infer=False)
    memory.add("Tom is allergic to cats", user_id="tom", infer=False)
    docs = EngramRetriever(memory=memory, filters={"user_id": "maya"}, top_k=1).invoke("food allergy")
    assert len(docs) == 1 and isinstance(docs[0], Document)
    d = docs[0]
    assert d.page_content == "Maya is allergic to shellfish"
    assert d.metadata["user_id"] == "maya" and d.metadata["src"] == "intake"
    assert 0 < d.metadata["score"] <= 1 and d.id == d.metadata["id"]


def test_async_retriever_on_async_memory(amemory: AsyncMemory) -> None:
    async def run() -> list[Document]:
        await amemory.add("Likes bouldering on Tuesdays", user_id="kai", infer=False)
        return await EngramRetriever(memory=amemory, filters={"user_id": "kai"}).ainvoke("climbing")

    assert [d.page_content for d in asyncio.run(run())] == ["Likes bouldering on Tuesdays"]


def test_history_and_retriever_in_a_chain(memory: Memory) -> None:
    seen: list[list[BaseMessage]] = []

    def spy(prompt: Any) -> Any:
        seen.append(prompt.to_messages())
        return prompt

    model = FakeListChatModel(responses=["Noted, no shellfish.", "Try the mushroom risotto."])
    retriever = EngramRetriever(memory=memory, filters={"user_id": "maya"}, top_k=3)
    prompt = ChatPromptTemplate.from_messages([
        ("system", "What you know about the user:\n{facts}"),
        MessagesPlaceholder("history"),
        ("human", "{question}"),
    ])
    answer = (RunnablePassthrough.assign(
        facts=(lambda x: x["question"]) | retriever | (lambda docs: "\n".join(d.page_content for d in docs)))
        | prompt | RunnableLambda(spy) | model)

    def chat(session: str, question: str) -> str:
        history = EngramChatMessageHistory(memory, session_id=session, user_id="maya")
        reply = answer.invoke({"question": question, "history": history.messages})
        history.add_messages([HumanMessage(question), reply])
        return str(reply.content)

    assert chat("monday", "I'm allergic to shellfish.") == "Noted, no shellfish."
    assert chat("tuesday", "What should I order for dinner with my allergy?") == "Try the mushroom risotto."
    # Tuesday's prompt: a new session (no history), but the retriever recalled Monday's turn.
    system, *rest = seen[1]
    assert "I'm allergic to shellfish." in str(system.content)
    assert [m.content for m in rest] == ["What should I order for dinner with my allergy?"]
    monday = EngramChatMessageHistory(memory, session_id="monday", user_id="maya").messages
    assert [m.content for m in monday] == ["I'm allergic to shellfish.", "Noted, no shellfish."]

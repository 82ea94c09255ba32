"""A real CrewAI crew whose memory is Engram: the first task's result is saved through
EngramStorage (CrewAI extracts and analyses it, Engram stores it), and the second task's
prompt carries it back, recalled through the adapter's vector search. The model is a
scripted LLM (the one fake, at the boundary); embeddings are Engram's offline MiniLM."""

from __future__ import annotations

import json
from typing import Any

import pytest
from crewai import Agent, Crew, Process, Task
from crewai import Memory as CrewMemory
from crewai.llms.base_llm import BaseLLM
from pydantic import PrivateAttr

from engram import Memory
from engram.integrations.crewai import EngramStorage, crewai_embedder

# CrewAI reads its own deprecated fields while building an Agent (the warnings are raised
# through crewai's own warn wrapper, so attributed to the crewai module); not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:crewai")

FACTS = ["Acme Corp is on the Enterprise plan", "Acme Corp wants its invoices in euros"]


class ScriptedLLM(BaseLLM):
    """Answers CrewAI's prompts by their role: the agents' tasks get scripted final answers,
    memory extraction gets FACTS, save analysis a fixed scope and categories. Every prompt
    is kept so the test can read what the agent was shown."""

    _answers: list[str] = PrivateAttr(default_factory=list)
    prompts: list[str] = []

    def __init__(self, answers: list[str]) -> None:
        super().__init__(model="scripted")
        self._answers = list(answers)
        self.prompts = []

    def call(self, messages: Any, tools: Any = None, callbacks: Any = None,
             available_functions: Any = None, from_task: Any = None, from_agent: Any = None,
             response_model: Any = None) -> str:
        text = messages if isinstance(messages, str) else "\n".join(
            str(m.get("content", "")) for m in messages)
        self.prompts.append(text)
        if "You extract discrete, reusable memory statements" in text:
            return json.dumps({"memories": FACTS if "Enterprise" in text else []})
        if "You analyze content to be stored in a hierarchical memory system" in text:
            return json.dumps({"suggested_scope": "/customers/acme", "categories": ["billing"],
                               "importance": 0.8})
        if "comparing new content against existing memories" in text:
            return json.dumps({"actions": [], "insert_new": True})
        if "You analyze a query for searching memory" in text:
            return json.dumps({"recall_queries": ["Acme invoice currency"],
                               "suggested_scopes": ["/"], "complexity": "simple"})
        return f"Thought: I now know the final answer\nFinal Answer: {self._answers.pop(0)}"

    def supports_function_calling(self) -> bool:
        return False


def test_a_crew_saves_and_recalls_through_engram(emem: Memory, shared_minilm: Any) -> None:
    llm = ScriptedLLM(["Acme Corp is on the Enterprise plan and wants invoices in euros.",
                       "Bill Acme in euros."])
    storage = EngramStorage(emem, agent_id="support-crew")
    memory = CrewMemory(llm=llm, storage=storage, embedder=crewai_embedder(shared_minilm))
    agent = Agent(role="Support agent", goal="Help customers", backstory="Knows the accounts.",
                  llm=llm)
    notes = Task(description="Summarise the onboarding call with Acme Corp.",
                 expected_output="The account facts.", agent=agent)
    invoice = Task(description="Which currency should the next Acme invoice use?",
                   expected_output="A currency.", agent=agent)
    crew = Crew(agents=[agent], tasks=[notes, invoice], process=Process.sequential,
                memory=memory)
    out = crew.kickoff()
    memory.drain_writes()

    assert out.raw == "Bill Acme in euros."
    # Saved: one raw Engram memory per extracted fact, in the crew's scope, with the scope
    # and categories CrewAI's analysis chose.
    rows = emem.get_all(agent_id="support-crew")["results"]
    assert sorted(r["memory"] for r in rows) == sorted(FACTS)
    assert {r["metadata"]["crewai_scope"] for r in rows} == {"/customers/acme"}
    assert {tuple(r["metadata"]["crewai_categories"]) for r in rows} == {("billing",)}
    # Recalled: the second task's prompt shows the agent the facts, found by vector search.
    shown = [p for p in llm.prompts if "Which currency" in p and "Relevant memories" in p]
    assert shown, "the second task's prompt carried no memories"
    assert "Acme Corp wants its invoices in euros" in shown[0]
    # CrewAI's own recall and forget go through the same backend.
    hits = memory.recall("invoice currency", depth="shallow", limit=1)
    assert hits[0].record.content == "Acme Corp wants its invoices in euros"
    assert memory.info("/customers").child_scopes == ["/customers/acme"]
    assert memory.forget(scope="/customers/acme") == 2
    assert emem.get_all(agent_id="support-crew")["results"] == []
    memory.close()

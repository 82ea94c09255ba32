"""Engram as the memory of agent frameworks: one thin adapter module per framework.

Each module imports its framework, so each sits behind its own extra and is imported by
name, never from here (``import engram`` pulls in no framework):

==========================================  ==================================  ====================
module                                      plugs into                          extra
==========================================  ==================================  ====================
``engram.integrations.langgraph``           ``langgraph.store.base.BaseStore``  ``engram[langgraph]``
``engram.integrations.langchain``           chat history and retriever          ``engram[langchain]``
``engram.integrations.llama_index``         ``BaseMemoryBlock``                 ``engram[llama-index]``
``engram.integrations.openai_agents``       ``agents.memory.SessionABC``        ``engram[openai-agents]``
``engram.integrations.autogen``             ``autogen_core.memory.Memory``      ``engram[autogen]``
``engram.integrations.crewai``              CrewAI's ``StorageBackend``         ``engram[crewai]``
==========================================  ==================================  ====================

Every adapter takes an ``engram.Memory`` (or ``AsyncMemory``; or ``MemoryClient`` /
``AsyncMemoryClient`` for a remote ``engram serve``) and uses only its public methods.
"""

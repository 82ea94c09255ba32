"""Graph memory: entities and relations beside the facts, in the same store and the same
transaction as the memories (see docs/graph.md).

Extraction (offline rules or an LLM) -> :func:`plan_graph` (resolve names, invalidate
what is contradicted, link each relation to the memories that say it) -> the add's
ChangeSet. Search: :func:`graph_search` (named entities, 1-2 hops) and :func:`boost`.

>>> from engram._types import Message
>>> out = RulesGraphExtractor().extract([Message("user", "I live in Lisbon")])
>>> [(t.source, t.relationship, t.target) for t in out.triples]
[('user', 'lives_in', 'Lisbon')]
"""

from engram.graph._facade import extractor_for, search_with_graph
from engram.graph._llm import LLMGraphExtractor
from engram.graph._model import GraphExtraction, Triple, normalise
from engram.graph._plan import GraphPlan, plan_graph
from engram.graph._query import GraphHits, boost, graph_search
from engram.graph._rules import RulesGraphExtractor

__all__ = ["RulesGraphExtractor", "LLMGraphExtractor", "GraphExtraction", "Triple",
           "normalise", "plan_graph", "GraphPlan", "graph_search", "GraphHits", "boost",
           "extractor_for", "search_with_graph"]

"""The offline pipeline steps: a grammar-driven extractor and a slot-aware reconciler.

Used when no LLM is configured. Deterministic and fast (well under 2 ms per typical add).

>>> from engram._types import Message
>>> from engram.pipeline.base import ExtractContext, Existing
>>> ctx = ExtractContext()
>>> facts, _ = RulesExtractor().extract([Message("user", "I just moved to Berlin.")], ctx)
>>> [f.text for f in facts]
['Moved to Berlin', 'Lives in Berlin']
>>> decisions, _ = RulesReconciler().reconcile(facts, [Existing(0, "Lives in Paris")], ctx)
>>> [d.event for d in decisions]
['ADD', 'UPDATE']
"""

from engram.pipeline.rules._extract import RulesExtractor
from engram.pipeline.rules._procedural import summarise_procedural_rules
from engram.pipeline.rules._reconcile import RulesReconciler, Similarity

__all__ = ["RulesExtractor", "RulesReconciler", "Similarity", "summarise_procedural_rules"]

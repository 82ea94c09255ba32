"""The add pipeline's steps: messages -> facts -> ADD/UPDATE/DELETE/NONE decisions.

- ``base``: the contract (``ExtractContext``, ``Fact``, ``Existing``, ``Decision`` and the
  ``Extractor`` / ``Reconciler`` protocols).
- ``rules``: the offline pair (``RulesExtractor``, ``RulesReconciler``) and the rules
  procedural summary, used when no LLM is configured.
- ``llm_steps``: ``LLMExtractor``, ``LLMReconciler``, ``summarise_procedural``,
  ``describe_images``; ``prompts``: the prompts, schemas and message builders.

Steps return ``(items, warnings)`` (dropped LLM output, refused deletes, skipped images);
``plan_changes`` (from ``_plan``) turns decisions into the changes of one add, with every check on
decisions made once there (see ``_plan``).
"""

from engram.pipeline._no_fact import no_fact_warning, unread
from engram.pipeline._plan import DEFAULT_MAX_DESTRUCTIVE, Plan, plan_changes

__all__ = ["DEFAULT_MAX_DESTRUCTIVE", "Plan", "no_fact_warning", "plan_changes", "unread"]

"""The add pipeline's steps: messages -> facts -> ADD/UPDATE/DELETE/NONE decisions.

- ``base``: the contract (``ExtractContext``, ``Fact``, ``Existing``, ``Decision`` and the
  ``Extractor`` / ``Reconciler`` protocols).
- ``rules``: the offline pair (``RulesExtractor``, ``RulesReconciler``) and the rules
  procedural summary, used when no LLM is configured.
- ``llm_steps``: ``LLMExtractor``, ``LLMReconciler``, ``summarise_procedural``,
  ``describe_images``; ``prompts``: the prompts, schemas and message builders.

Steps return ``(items, warnings)`` (dropped LLM output, refused deletes, skipped images);
``_plan.plan_changes`` turns decisions into the changes of one add, with every check on
decisions made once there (see ``_plan``).
"""

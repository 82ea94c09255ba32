"""The add pipeline's steps: messages -> facts -> ADD/UPDATE/DELETE/NONE decisions.

- ``base``: the contract (``ExtractContext``, ``Fact``, ``Existing``, ``Decision`` and the
  ``Extractor`` / ``Reconciler`` protocols).
- ``rules``: the offline pair (``RulesExtractor``, ``RulesReconciler``) and the rules
  procedural summary, used when no LLM is configured.
- ``llm_steps``: ``LLMExtractor``, ``LLMReconciler``, ``summarise_procedural``,
  ``describe_images``; ``prompts``: the prompts, schemas and message builders.

Steps return plain lists; ``Facts`` / ``Decisions`` (``_results``) add a ``warnings``
list (dropped LLM output, refused deletes, skipped images) for the facade to report.
"""

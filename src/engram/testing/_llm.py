"""A scripted LLM for tests: plays back answers through the real parse-and-retry path.

Each attempt takes the next scripted item: a dict is the model's parsed answer, a str is
raw model text (run through the same tolerant parser as real providers), an exception
is raised as if the provider had failed. Retries follow the real
:class:`~engram.llm.RetryPolicy`; the waits are recorded in ``.sleeps`` instead of slept.

>>> llm = ScriptedLLM(["not json", '```json\\n{"facts": []}\\n```'])
>>> llm.complete_json([{"role": "user", "content": "hi"}], {"required": ["facts"]})
{'facts': []}
>>> len(llm.calls), len(llm.sleeps)
(2, 1)
"""

from __future__ import annotations

import copy
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from engram.llm._json import check_required, finish
from engram.llm._retry import RetryPolicy, call_with_retries

__all__ = ["ScriptedLLM", "ScriptedCall"]


@dataclass(frozen=True)
class ScriptedCall:
    """One attempt as the scripted model saw it."""

    messages: list[dict[str, Any]]
    schema: dict[str, Any]
    schema_name: str


class ScriptedLLM:
    """An :class:`~engram.llm.LLM` whose answers are written in advance.

    ``calls`` holds one entry per attempt, so a call that was retried twice appears
    three times. Running out of script is a test bug and raises ``AssertionError``.
    """

    name = "scripted"

    def __init__(
        self,
        responses: Iterable[dict[str, Any] | str | BaseException],
        *,
        model: str = "scripted",
        supports_vision: bool = False,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.model = model
        self.supports_vision = supports_vision
        self.retry = retry if retry is not None else RetryPolicy()
        self.calls: list[ScriptedCall] = []
        self.sleeps: list[float] = []
        self._script: deque[dict[str, Any] | str | BaseException] = deque(responses)

    @property
    def remaining(self) -> int:
        """Scripted items not yet used."""
        return len(self._script)

    def complete_json(
        self,
        messages: list[dict[str, Any]],
        schema: dict[str, Any],
        *,
        schema_name: str = "result",
    ) -> dict[str, Any]:
        def attempt() -> dict[str, Any]:
            self.calls.append(ScriptedCall(copy.deepcopy(messages), schema, schema_name))
            if not self._script:
                raise AssertionError(
                    f"ScriptedLLM ran out of responses after {len(self.calls) - 1} call(s)"
                )
            item = self._script.popleft()
            if isinstance(item, BaseException):
                raise item
            if isinstance(item, str):
                return finish(item, schema)
            return check_required(copy.deepcopy(item), schema)

        return call_with_retries(
            attempt, self.retry, sleep=self.sleeps.append, label="scripted LLM"
        )

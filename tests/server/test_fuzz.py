"""Schemathesis against the server's own /openapi.json: generated requests (valid and
invalid) must never get a 5xx, and every answer must match the documented schema.

Driven through Hypothesis directly (schemathesis' pytest plugin does not run on pytest
9 here). CI runs a few hundred cases; ``ENGRAM_FUZZ_EXAMPLES=200`` (``make fuzz``) more.
"""

from __future__ import annotations

import os

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis.generation import GenerationMode  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    negative_data_rejection,
    positive_data_acceptance,
)

EXAMPLES = int(os.environ.get("ENGRAM_FUZZ_EXAMPLES", "8"))


def operations(url: str):
    schema = schemathesis.openapi.from_url(url + "/openapi.json")
    return [result.ok() for result in schema.get_all_operations()]


def fuzzer(op, mode, headers, excluded, cases):
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=op.as_strategy(generation_mode=mode))
    def run(case):
        cases[0] += 1
        case.call_and_validate(headers=headers, excluded_checks=excluded)

    return run


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_conforms_to_its_schema(server, mode):
    headers = {"Authorization": f"Token {server.new_key('fuzz')}"}
    failures = []
    cases = [0]
    ops = operations(server.url)
    assert len(ops) >= 20
    for op in ops:
        # Schema-valid is not always meaningful (an add without a scope id, an empty
        # message): those get a documented 400, so "accept valid data" is off. Routes whose
        # only inputs are query parameters ignore unknown ones, as HTTP servers do, so
        # "reject invalid data" is off for them; bodies are always checked strictly.
        excluded = [positive_data_acceptance]
        if not any(True for _ in op.body) and mode is GenerationMode.NEGATIVE:
            excluded.append(negative_data_rejection)

        run = fuzzer(op, mode, headers, excluded, cases)
        try:
            run()
        except Unsatisfiable:  # negative mode on a route without inputs: nothing to break
            continue
        except (AssertionError, BaseExceptionGroup) as e:  # report all operations' failures
            failures.append(f"{op.method.upper()} {op.path}: {str(e)[:1500]}")
    assert not failures, "\n\n".join(failures)
    print(f"{mode}: {cases[0]} generated cases over {len(ops)} operations")
    assert cases[0] >= 100

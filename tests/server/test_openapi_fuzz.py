"""Generated requests against the server's own OpenAPI schema (schemathesis): no 5xx, ever.

Every operation of ``/openapi.json`` is fed valid-looking requests (schema-conforming) and broken
ones (schemathesis's negative mode), over the real socket of a live server, on SQLite and on
PostgreSQL. Most requests carry a demo officer's real token and the protocol header, so they
pass the door and reach the route's own validation and rules; the rest exercise the door itself
(no token, a stranger's device id, whatever header schemathesis makes up). A request that
reaches a route with a client mistake must get a 4xx problem+json with a stable code and a
message in both languages; the schema's own promise of problem+json for errors is checked too.

The number of requests sent is printed (run pytest with ``-s`` to see it) and must be at least
``MIN_CASES``, so a schema change that silently hides an endpoint from generation shows up.
"""

from __future__ import annotations

import collections
import json
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, Problem
from tests.server.conftest import Client, Server

MIN_CASES = 500
# Per operation and generation mode; operations with few inputs (health) exhaust early.
EXAMPLES_PER_OPERATION = 100


def _problem_checked(response: schemathesis.Response, label: str) -> None:
    """A 4xx must be problem+json that a client can show (both languages, a stable code)."""
    # schemathesis keeps every header as a list of values.
    media_type = response.headers.get("content-type", [""])[0].split(";")[0].strip()
    assert media_type == "application/problem+json", (label, response.status_code, media_type)
    problem = Problem.model_validate(response.json())
    assert problem.status == response.status_code, (label, problem)
    assert problem.code and problem.detail_zh and problem.detail_en, (label, problem)


def _with_own_device(case: schemathesis.Case, client: Client) -> None:
    """Point a generated push at the signed-in device half the time, so it reaches the rules."""
    body = case.body
    if isinstance(body, dict) and "device_id" in body and hash(json.dumps(body, default=str)) % 2:
        body["device_id"] = client.device_id


def _run_operation(
    operation: Any,
    mode: GenerationMode,
    server: Server,
    client: Client,
    statuses: collections.Counter[str],
    by_operation: collections.Counter[str],
) -> None:
    signed_headers = client.headers()

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def send(case: schemathesis.Case) -> None:
        _with_own_device(case, client)
        # Three in four requests pass the door with real credentials; the rest go as generated.
        door_as_generated = (statuses.total() % 4) == 3
        headers = None if door_as_generated else dict(signed_headers)
        response = case.call(base_url=server.base_url, headers=headers, timeout=30)

        label = f"{case.method} {case.formatted_path} ({mode.value})"
        statuses[f"{response.status_code // 100}xx"] += 1
        by_operation[f"{operation.label} {response.status_code}"] += 1
        assert response.status_code < 500, (label, response.status_code, response.text[:500])
        if 400 <= response.status_code < 500:
            _problem_checked(response, label)

    try:
        send()
    except Unsatisfiable:
        # An operation without inputs (health) has nothing to break in negative mode.
        assert mode is GenerationMode.NEGATIVE, operation.label


@pytest.mark.slow
def test_generated_requests_never_get_a_5xx(server: Server) -> None:
    client = server.sign_in("demo-officer")
    schema = schemathesis.openapi.from_url(f"{server.base_url}/openapi.json")
    statuses: collections.Counter[str] = collections.Counter()
    by_operation: collections.Counter[str] = collections.Counter()
    labels = []

    for result in schema.get_all_operations():
        operation = result.ok()
        labels.append(operation.label)
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _run_operation(operation, mode, server, client, statuses, by_operation)

    total = statuses.total()
    print(f"\nschemathesis: {total} generated requests over {len(labels)} operations")
    print(f"  operations: {', '.join(labels)}")
    print(f"  answers: {dict(sorted(statuses.items()))}")
    for key, count in sorted(by_operation.items()):
        print(f"    {key}: {count}")
    assert total >= MIN_CASES, statuses
    # The generated requests really reached the routes, not only the door.
    assert statuses["2xx"] > 0 and statuses["4xx"] > 0, statuses

    # After all that, the server still serves its real clients.
    assert client.pull()["changes"], "the demo unit's records are still there"


def test_the_schema_declares_the_protocol_header_and_problem_answers(server: Server) -> None:
    schema = requests.get(f"{server.base_url}/openapi.json", timeout=10).json()
    push = schema["paths"]["/api/v1/sync/push"]["post"]

    names = [parameter["name"] for parameter in push["parameters"]]
    assert PROTOCOL_HEADER in names
    assert "426" in push["responses"]
    assert str(PROTOCOL_VERSION) in json.dumps(push["parameters"])

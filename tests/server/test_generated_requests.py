"""Requests generated from the server's own OpenAPI schema (schemathesis): never a 5xx.

Every operation of ``/openapi.json`` gets requests that fit the schema (positive) and requests
that break it (negative). Each case is sent twice: as generated (whatever the generator made of
the Authorization and version headers, mostly nothing valid), and with a valid Bearer token of
a signed-in officer, the right protocol version and, in a push, the officer's own device id.
The app runs in-process (schemathesis's ASGI transport): socket fidelity does not matter for
what a body or a parameter does to a route, and it keeps several hundred cases within seconds.
"""

from __future__ import annotations

from collections import Counter

import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from sync.demo import DEMO_PASSWORD
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from sync.server.app import create_app
from sync.server.demo import seed_demo
from tests.server.counts import report

EXAMPLES_PER_OPERATION_AND_MODE = 40
MIN_CASES = 500


def _officer_sign_in(app) -> tuple[str, str]:
    """(token, device id) of demo-officer."""
    with TestClient(app) as client:
        answer = client.post(
            "/api/v1/auth/token",
            json={"username": "demo-officer", "password": DEMO_PASSWORD},
            headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)},
        )
    assert answer.status_code == 200, answer.text
    return answer.json()["access_token"], answer.json()["device_id"]


def test_generated_requests_never_get_a_server_error(settings, database, request) -> None:
    app = create_app(settings, database=database)
    seed_demo(database, app.state.password_hasher)
    token, device_id = _officer_sign_in(app)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]

    signed_in = {"Authorization": f"Bearer {token}", PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
    cases: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    failures: list[str] = []

    def check(label: str, mode: GenerationMode, case, response) -> None:
        statuses[str(response.status_code)] += 1
        if response.status_code >= 500:
            failures.append(
                f"{label} ({mode.value}) -> {response.status_code}: "
                f"{case.as_curl_command()}\n{response.text[:500]}"
            )

    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @hypothesis_settings(
                max_examples=EXAMPLES_PER_OPERATION_AND_MODE,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(generation_mode=mode))
            def send(case) -> None:
                cases[operation.label] += 1
                # As generated: whatever it made of the token and the version header.
                check(operation.label, mode, case, case.call())
                # Past the door (token, protocol version, own device), so the generated body
                # reaches the route and its rules.
                if isinstance(case.body, dict) and "device_id" in case.body:
                    case.body["device_id"] = device_id
                check(operation.label, mode, case, case.call(headers=signed_in))

            try:
                send()
            except Unsatisfiable:
                # Nothing to break (no parameters, no body): the positive cases cover it.
                assert mode == GenerationMode.NEGATIVE, operation.label

    total = sum(cases.values())
    answers = ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items()))
    report(
        request,
        f"[generated requests] {total} cases over {len(cases)} operations, each sent with "
        f"and without a token ({sum(statuses.values())} requests; {answers}); "
        f"{len(failures)} answered 5xx",
    )
    assert not failures, "\n\n".join(failures[:10])
    assert total >= MIN_CASES
    assert len(cases) == len(operations)
    assert statuses["200"] > 0, "no generated request got past the door"

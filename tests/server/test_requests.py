"""Client mistakes get a 4xx problem with a clear message, store nothing, and never a 500."""

from __future__ import annotations

import gzip
import json

import pytest
from sqlalchemy import func, select

from sync.protocol import MAX_MUTATIONS_PER_PUSH
from sync.server.db import Device, Record
from tests.server.helpers import hazard, new_id, upsert


def _state(server, device_id: str) -> tuple[int, int]:
    with server.database.reading() as session:
        records = session.scalar(select(func.count()).select_from(Record))
        counter = session.get(Device, device_id).last_mutation_id
    return records, counter


def _post_push(officer, body: bytes, **headers: str):
    return officer.http.post(
        "/api/v1/sync/push",
        content=body,
        headers={**officer.headers(), "Content-Type": "application/json", **headers},
    )


def _mutation(**overrides):
    return {"mutation_id": 1, **upsert("hazard", new_id(), hazard()), **overrides}


BAD_BODIES = {
    "malformed JSON": (b'{"device_id": "x", "mutations": [', 400, "malformed_json"),
    "not an object": (b"[1, 2, 3]", 422, "invalid_request"),
    "mutations not a list": (None, 422, "invalid_request"),
    "record id not a UUID": (None, 422, "invalid_request"),
    "unknown record type": (None, 422, "invalid_request"),
    "unknown operation": (None, 422, "invalid_request"),
    "mutation id zero": (None, 422, "invalid_request"),
    "mutation id too large": (None, 422, "invalid_request"),
    "mutation id as text": (None, 422, "invalid_request"),
    "ids not increasing": (None, 422, "invalid_request"),
    "too many mutations": (None, 422, "invalid_request"),
    "unknown top-level key": (None, 422, "invalid_request"),
    "fields not an object": (None, 422, "invalid_request"),
    "NUL in a field": (None, 422, "invalid_request"),
    "lone surrogate in a field": (None, 422, "invalid_request"),
    "NaN in a field": (None, 422, "invalid_request"),
}


def _body_for(case: str, device_id: str) -> bytes:
    raw, _, _ = BAD_BODIES[case]
    if raw is not None:
        return raw
    mutations = [_mutation()]
    body: dict = {"device_id": device_id, "mutations": mutations}
    if case == "mutations not a list":
        body["mutations"] = {"a": 1}
    elif case == "record id not a UUID":
        mutations[0]["record_id"] = "not-a-uuid"
    elif case == "unknown record type":
        mutations[0]["record_type"] = "spaceship"
    elif case == "unknown operation":
        mutations[0]["operation"] = "explode"
    elif case == "mutation id zero":
        mutations[0]["mutation_id"] = 0
    elif case == "mutation id too large":
        mutations[0]["mutation_id"] = 2**70
    elif case == "mutation id as text":
        mutations[0]["mutation_id"] = "1"
    elif case == "ids not increasing":
        body["mutations"] = [_mutation(mutation_id=2), _mutation(mutation_id=2)]
    elif case == "too many mutations":
        body["mutations"] = [
            _mutation(mutation_id=number) for number in range(1, MAX_MUTATIONS_PER_PUSH + 2)
        ]
    elif case == "unknown top-level key":
        body["extra"] = True
    elif case == "fields not an object":
        mutations[0]["fields"] = "everything"
    elif case in ("NUL in a field", "lone surrogate in a field", "NaN in a field"):
        mutations[0]["fields"]["description"] = "MARKER"
        escaped = {"NUL in a field": '"\\u0000"', "NaN in a field": "NaN"}
        text = json.dumps(body).replace('"MARKER"', escaped.get(case, '"\\ud800"'))
        return text.encode()
    return json.dumps(body).encode()


@pytest.mark.parametrize("case", sorted(BAD_BODIES))
def test_a_bad_push_body_is_refused_and_stores_nothing(server, case: str) -> None:
    officer = server.sign_in("demo-officer")
    before = _state(server, officer.device_id)
    _, status, code = BAD_BODIES[case]

    response = _post_push(officer, _body_for(case, officer.device_id))

    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["code"] == code
    assert problem["detail_en"] and problem["detail_zh"]
    assert _state(server, officer.device_id) == before


def test_validation_message_names_the_offending_place(server) -> None:
    officer = server.sign_in("demo-officer")

    response = _post_push(officer, _body_for("record id not a UUID", officer.device_id))

    assert "mutations.0.record_id" in response.json()["detail_en"]


def test_a_gzip_encoded_push_is_accepted(server) -> None:
    officer = server.sign_in("demo-officer")
    body = {"device_id": officer.device_id, "mutations": [_mutation()]}

    response = _post_push(
        officer, gzip.compress(json.dumps(body).encode()), **{"Content-Encoding": "gzip"}
    )

    assert response.status_code == 200, response.text
    assert response.json()["results"][0]["outcome"] == "applied"


def test_responses_are_gzipped_for_clients_that_accept_it(server) -> None:
    officer = server.sign_in("demo-officer")

    response = officer.http.get(
        "/api/v1/sync/pull", headers={**officer.headers(), "Accept-Encoding": "gzip"}
    )

    assert response.headers["content-encoding"] == "gzip"
    assert response.json()["changes"]


@pytest.mark.parametrize(
    ("case", "status", "code"),
    [
        ("not gzip at all", 400, "bad_encoding"),
        ("truncated gzip", 400, "bad_encoding"),
        ("gzip bomb", 413, "payload_too_large"),
        ("too large plain", 413, "payload_too_large"),
        ("brotli", 415, "unsupported_encoding"),
    ],
)
def test_bad_or_oversized_bodies_are_refused_before_any_route(server, case, status, code):
    officer = server.sign_in("demo-officer")
    before = _state(server, officer.device_id)
    valid = json.dumps({"device_id": officer.device_id, "mutations": [_mutation()]}).encode()
    limit = server.app.state.settings.max_body_bytes
    bodies = {
        "not gzip at all": (valid, {"Content-Encoding": "gzip"}),
        "truncated gzip": (gzip.compress(valid)[:-12], {"Content-Encoding": "gzip"}),
        "gzip bomb": (gzip.compress(b" " * (limit + 1)), {"Content-Encoding": "gzip"}),
        "too large plain": (b" " * (limit + 1), {}),
        "brotli": (valid, {"Content-Encoding": "br"}),
    }
    body, headers = bodies[case]

    response = _post_push(officer, body, **headers)

    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == code
    assert _state(server, officer.device_id) == before


@pytest.mark.parametrize(
    "query",
    ["cursor=-1", "cursor=abc", "limit=0", "limit=100000", "cursor=99999999999999999999"],
)
def test_bad_pull_parameters_are_a_problem_not_a_crash(server, query: str) -> None:
    officer = server.sign_in("demo-officer")

    response = officer.http.get(f"/api/v1/sync/pull?{query}", headers=officer.headers())

    assert response.status_code == 422
    assert response.json()["code"] == "invalid_request"


def test_unknown_paths_and_methods_are_problems(server) -> None:
    officer = server.sign_in("demo-officer")

    missing = officer.http.get("/api/v1/nothing", headers=officer.headers())
    method = officer.http.delete("/api/v1/sync/pull", headers=officer.headers())
    # JSON escapes for a NUL and a lone surrogate: PostgreSQL text can hold neither.
    nul_name = officer.http.post(
        "/api/v1/auth/token",
        content=b'{"username": "demo\\u0000officer", "password": "x"}',
        headers={**officer.headers(), "Content-Type": "application/json"},
    )
    surrogate = officer.http.post(
        "/api/v1/auth/token",
        content=b'{"username": "demo-officer", "password": "\\ud800"}',
        headers={**officer.headers(), "Content-Type": "application/json"},
    )

    assert (missing.status_code, missing.json()["code"]) == (404, "not_found")
    assert (method.status_code, method.json()["code"]) == (405, "method_not_allowed")
    for response in (nul_name, surrogate):
        assert response.status_code == 422, response.text
        assert response.json()["code"] == "invalid_request"

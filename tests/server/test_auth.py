"""Sign-in, tokens, devices and the protocol-version door, over a real socket."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import select, update

from sync.demo import DEMO_PASSWORD
from sync.server.auth import token_digest
from sync.server.db import Device, Token
from tests.server.helpers import hazard, new_id, upsert

V1 = {"SafeDesk-Protocol": "1"}


def _assert_problem(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["detail_zh"] and body["detail_en"] and body["title"]
    return body


def test_sign_in_answers_a_short_token_and_registers_the_device(server) -> None:
    http = server.http()

    response = http.post(
        "/api/v1/auth/token",
        json={"username": "demo-officer", "password": DEMO_PASSWORD, "device_name": "站房笔记本"},
        headers=V1,
    )

    assert response.status_code == 200
    body = response.json()
    assert len(body["access_token"]) <= 64
    assert dt.datetime.fromisoformat(body["expires_at"]) > dt.datetime.now(dt.UTC)
    assert body["user"]["role"] == "officer"
    assert body["user"]["unit_id"]
    with server.database.reading() as session:
        device = session.get(Device, body["device_id"])
        tokens = session.scalars(select(Token.token_sha256)).all()
    assert device.name == "站房笔记本"
    assert body["access_token"] not in tokens
    assert token_digest(body["access_token"]) in tokens


def _token_answer(server, username: str, device_id: str | None = None) -> dict:
    body = {"username": username, "password": DEMO_PASSWORD}
    if device_id:
        body["device_id"] = device_id
    response = server.http().post("/api/v1/auth/token", json=body, headers=V1)
    assert response.status_code == 200, response.text
    return response.json()


def test_sign_in_answers_the_last_mutation_id_the_server_holds_from_the_device(server) -> None:
    officer = server.sign_in("demo-officer")
    results = officer.push(
        upsert("hazard", new_id(), hazard()),
        upsert("hazard", new_id(), hazard(stop_use="yes")),
        upsert("hazard", new_id(), hazard()),
    )
    assert [result["outcome"] for result in results] == ["applied", "rejected", "applied"]

    again = _token_answer(server, "demo-officer", officer.device_id)
    colleague = _token_answer(server, "demo-director", officer.device_id)
    new_device = _token_answer(server, "demo-officer")
    unknown_id = _token_answer(server, "demo-officer", new_id())

    # The rejected mutation counts: the counter is the highest id stored, whatever its outcome.
    assert again["device_id"] == officer.device_id and again["last_mutation_id"] == 3
    assert colleague["device_id"] == officer.device_id and colleague["last_mutation_id"] == 3
    assert new_device["device_id"] != officer.device_id and new_device["last_mutation_id"] == 0
    assert unknown_id["last_mutation_id"] == 0
    with server.database.reading() as session:
        assert session.get(Device, officer.device_id).last_mutation_id == 3


def test_wrong_password_and_unknown_user_are_refused_alike(server) -> None:
    http = server.http()

    wrong = http.post(
        "/api/v1/auth/token", json={"username": "demo-officer", "password": "x"}, headers=V1
    )
    unknown = http.post(
        "/api/v1/auth/token", json={"username": "nobody", "password": "x"}, headers=V1
    )

    assert _assert_problem(wrong, 401, "invalid_credentials") == _assert_problem(
        unknown, 401, "invalid_credentials"
    )


def test_requests_without_or_with_a_bad_token_are_refused(server) -> None:
    http = server.http()

    missing = http.get("/api/v1/sync/pull", headers=V1)
    garbage = http.get("/api/v1/sync/pull", headers={**V1, "Authorization": "Bearer nonsense"})
    basic = http.get("/api/v1/sync/pull", headers={**V1, "Authorization": "Basic eDp5"})
    push = http.post("/api/v1/sync/push", json={"device_id": new_id(), "mutations": []}, headers=V1)

    for response in (missing, garbage, basic, push):
        _assert_problem(response, 401, "unauthorized")
        assert response.headers["www-authenticate"] == "Bearer"


def test_an_expired_token_is_refused_and_a_new_sign_in_works(server) -> None:
    officer = server.sign_in("demo-officer")
    with server.database.writing() as session:
        session.execute(
            update(Token)
            .where(Token.token_sha256 == token_digest(officer.token))
            .values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1))
        )

    expired = officer.http.get("/api/v1/sync/pull", headers=officer.headers())
    again = server.sign_in("demo-officer", device_id=officer.device_id)

    _assert_problem(expired, 401, "token_expired")
    assert again.device_id == officer.device_id
    assert again.pull()["changes"]
    with server.database.reading() as session:
        kept = session.scalars(select(Token.token_sha256)).all()
    assert token_digest(officer.token) not in kept
    assert token_digest(again.token) in kept


def test_a_laptop_passes_between_colleagues_but_not_to_another_unit(server) -> None:
    officer = server.sign_in("demo-officer")
    officer.push(upsert("hazard", new_id(), hazard()))

    colleague = server.sign_in("demo-director", device_id=officer.device_id)
    colleague.next_mutation_id = 2
    pushed = colleague.push(upsert("hazard", new_id(), hazard()))
    other_unit = server.http().post(
        "/api/v1/auth/token",
        json={
            "username": "demo-officer-2",
            "password": DEMO_PASSWORD,
            "device_id": officer.device_id,
        },
        headers=V1,
    )

    assert colleague.device_id == officer.device_id
    assert pushed[0]["outcome"] == "applied"
    _assert_problem(other_unit, 409, "device_registered_elsewhere")


def test_a_push_naming_another_device_is_refused(server) -> None:
    officer = server.sign_in("demo-officer")
    other = server.sign_in("demo-director")

    response = officer.http.post(
        "/api/v1/sync/push",
        json={"device_id": other.device_id, "mutations": []},
        headers=officer.headers(),
    )

    _assert_problem(response, 403, "device_mismatch")


def test_missing_or_unsupported_protocol_version_gets_upgrade_required(server) -> None:
    officer = server.sign_in("demo-officer")
    auth = {"Authorization": f"Bearer {officer.token}"}
    http = server.http()

    missing = http.get("/api/v1/sync/pull", headers=auth)
    future = http.post(
        "/api/v1/sync/push",
        json={"device_id": officer.device_id, "mutations": [upsert("hazard", new_id(), hazard())]},
        headers={**auth, "SafeDesk-Protocol": "2"},
    )
    sign_in = http.post(
        "/api/v1/auth/token", json={"username": "demo-officer", "password": DEMO_PASSWORD}
    )
    health = http.get("/api/v1/health")

    for response in (missing, future, sign_in):
        body = _assert_problem(response, 426, "upgrade_required")
        assert "reset" not in body["detail_en"].lower()
        assert response.headers["safedesk-protocol"] == "1"
    assert health.status_code == 200
    assert health.headers["safedesk-protocol"] == "1"
    with server.database.reading() as session:
        assert session.get(Device, officer.device_id).last_mutation_id == 0


def test_logs_name_who_did_what_but_never_a_password_or_token(server, caplog) -> None:
    caplog.set_level(logging.DEBUG)

    officer = server.sign_in("demo-officer")
    officer.push(upsert("hazard", new_id(), hazard()))
    officer.pull()
    server.http().post(
        "/api/v1/auth/token",
        json={"username": "demo-officer", "password": "wrong-secret-pw"},
        headers=V1,
    )

    text = caplog.text
    assert "push by demo-officer" in text and "applied=1" in text
    assert "pull by demo-officer" in text
    assert "sign-in refused for demo-officer" in text
    for secret in (officer.token, DEMO_PASSWORD, "wrong-secret-pw", token_digest(officer.token)):
        assert secret not in text

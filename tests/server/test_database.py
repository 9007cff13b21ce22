"""The server database: migrations, demo seeding, accounts; and the command line as run."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from sync.demo import DEMO_PASSWORD
from sync.errors import ValidationError
from sync.server.__main__ import build_parser
from sync.server.accounts import create_user, make_password_hasher
from sync.server.db import ChangeCounter, Record, ServerDatabase, User, latest_revision
from sync.server.demo import seed_demo
from sync.server.settings import DB_ENV, ServerSettings
from tests.server.conftest import FAST_PASSWORDS
from tests.server.helpers import LESHAN, MIANYANG


def test_migration_reaches_the_head_and_running_it_again_changes_nothing(database) -> None:
    database.migrate()

    assert database.current_revision() == latest_revision()
    with database.reading() as session:
        assert session.get(ChangeCounter, 1).value == 0


def test_a_sqlite_writer_holds_the_write_lock_from_its_first_statement(database) -> None:
    if not database.is_sqlite:
        pytest.skip("PostgreSQL orders writers by row locks instead")
    other = sqlite3.connect(database.engine.url.database, timeout=0, isolation_level=None)

    with database.writing() as session:
        session.execute(select(ChangeCounter.value))
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    with database.reading() as session:
        session.execute(select(ChangeCounter.value))
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    other.close()


def test_demo_seeding_is_idempotent(database: ServerDatabase) -> None:
    hasher = make_password_hasher(FAST_PASSWORDS)

    first = seed_demo(database, hasher)
    second = seed_demo(database, hasher)

    assert first[0] > 0 and first[1] == 5
    assert second == (0, 0)
    with database.reading() as session:
        units = session.scalars(select(Record.id).where(Record.record_type == "unit")).all()
        seqs = session.scalars(select(Record.change_seq)).all()
        users = {u.username: u for u in session.scalars(select(User))}
        counter = session.get(ChangeCounter, 1).value
    assert sorted(units) == sorted([LESHAN, MIANYANG])
    assert sorted(seqs) == list(range(1, counter + 1))
    assert users["demo-supervisor"].jurisdiction_code == "511100"
    assert users["demo-supervisor"].unit_id is None
    assert users["demo-officer-2"].unit_id == MIANYANG
    assert users["demo-officer"].display_name == "张伟"
    assert DEMO_PASSWORD not in users["demo-officer"].password_hash


@pytest.mark.parametrize(
    "arguments",
    [
        {"role": "officer"},
        {"role": "supervisor", "unit_id": LESHAN, "jurisdiction_code": "511100"},
        {"role": "supervisor"},
        {"role": "king", "unit_id": LESHAN},
        {"role": "officer", "unit_id": LESHAN, "password": "short"},
    ],
)
def test_accounts_keep_staff_in_units_and_supervisors_in_jurisdictions(database, arguments):
    hasher = make_password_hasher(FAST_PASSWORDS)
    values = {"username": "someone", "password": "long-enough-pw", **arguments}

    with pytest.raises(ValidationError) as error:
        with database.writing() as session:
            create_user(session, hasher, **values)

    assert error.value.message and error.value.message_en


def test_settings_take_the_database_from_flag_then_environment_then_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DB_ENV, raising=False)
    default = ServerSettings.from_environment(data_dir=tmp_path)
    monkeypatch.setenv(DB_ENV, "sqlite:///from-env.sqlite3")
    from_env = ServerSettings.from_environment(data_dir=tmp_path)
    flagged = ServerSettings.from_environment(db_url="sqlite:///flag.sqlite3", data_dir=tmp_path)

    assert default.db_url == f"sqlite:///{tmp_path / 'safedesk-server.sqlite3'}"
    assert from_env.db_url == "sqlite:///from-env.sqlite3"
    assert flagged.db_url == "sqlite:///flag.sqlite3"


def test_command_line_defaults() -> None:
    args = build_parser().parse_args([])

    assert (args.host, args.port, args.db, args.demo, args.command) == (
        "127.0.0.1",
        8765,
        None,
        False,
        None,
    )
    assert build_parser().parse_args(["admin"]).command == "admin"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_safedesk_server_demo_serves_the_demo_as_a_new_user_would_use_it(
    tmp_path: Path, db_url: str
) -> None:
    port = _free_port()
    environment = {k: v for k, v in os.environ.items() if k != DB_ENV}
    command = [sys.executable, "-m", "sync.server", "--data-dir", str(tmp_path), "--demo"]
    command += ["--port", str(port), "--db", db_url, "--log-level", "WARNING"]
    server = subprocess.Popen(
        command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, server.stdout.read().decode()
            try:
                if httpx.get(f"{base}/api/v1/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "safedesk-server did not answer within 30 s"
            time.sleep(0.1)

        headers = {"SafeDesk-Protocol": "1"}
        token = httpx.post(
            f"{base}/api/v1/auth/token",
            json={"username": "demo-supervisor", "password": DEMO_PASSWORD},
            headers=headers,
        ).json()["access_token"]
        page = httpx.get(
            f"{base}/api/v1/sync/pull",
            headers={**headers, "Authorization": f"Bearer {token}"},
        ).json()
        schema = httpx.get(f"{base}/openapi.json").json()
    finally:
        server.terminate()
        server.wait(timeout=15)

    assert {change["unit_id"] for change in page["changes"]} == {LESHAN}
    assert page["digest"]["count"] == len(page["changes"])
    assert {"/api/v1/sync/push", "/api/v1/sync/pull", "/api/v1/auth/token"} <= set(schema["paths"])
    pull_parameters = schema["paths"]["/api/v1/sync/pull"]["get"]["parameters"]
    assert pull_parameters[0]["name"] == "SafeDesk-Protocol"
    check = ServerDatabase(db_url)
    try:
        with check.reading() as session:
            assert session.scalar(select(func.count()).select_from(User)) == 5
    finally:
        check.dispose()

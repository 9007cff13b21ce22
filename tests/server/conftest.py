"""Server test setup: each test gets a fresh database, on SQLite and (when
``SAFEDESK_TEST_PG_URL`` is set) on PostgreSQL, and a real uvicorn server on 127.0.0.1.

On PostgreSQL each test runs in a schema of its own (``search_path`` set through the URL's
``options``), dropped afterwards, so tests never see each other's rows.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from sync.demo import DEMO_PASSWORD
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from sync.server.app import create_app
from sync.server.db import ServerDatabase
from sync.server.demo import seed_demo
from sync.server.settings import PasswordCost, ServerSettings

PG_ENV = "SAFEDESK_TEST_PG_URL"
# argon2's smallest cost: the tests check behaviour, not hashing strength.
FAST_PASSWORDS = PasswordCost(time_cost=1, memory_kib=8, parallelism=1)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database of the parametrised kind, gone after the test."""
    with scratch_database(request.param, tmp_path) as url:
        yield url


@contextlib.contextmanager
def scratch_database(kind: str, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty ``sqlite`` or ``postgresql`` database, dropped on leaving.

    PostgreSQL skips the test when ``SAFEDESK_TEST_PG_URL`` is not set.
    """
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.sqlite3'}"
        return

    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set; PostgreSQL variant skipped")
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> ServerSettings:
    folder = tmp_path / "server-data"
    folder.mkdir()
    return ServerSettings(db_url=db_url, data_dir=folder, password_cost=FAST_PASSWORDS)


@pytest.fixture
def database(settings: ServerSettings) -> Iterator[ServerDatabase]:
    database = ServerDatabase(settings.db_url)
    database.migrate()
    yield database
    database.dispose()


class LiveServer:
    """A uvicorn server in a background thread, on a free port of 127.0.0.1."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_config=None, access_log=False, lifespan="on")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )

    def start(self) -> None:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the test server did not start within 10 s")
            time.sleep(0.01)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._socket.close()
        if self._thread.is_alive():
            raise RuntimeError("the test server did not stop within 10 s")


@dataclass
class Client:
    """One signed-in device speaking the protocol to the live server."""

    http: httpx.Client
    token: str
    device_id: str
    user: dict[str, Any]
    next_mutation_id: int = 1

    def headers(self) -> dict[str, str]:
        return {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Authorization": f"Bearer {self.token}"}

    def push_raw(self, mutations: list[dict[str, Any]]) -> httpx.Response:
        body = {"device_id": self.device_id, "mutations": mutations}
        return self.http.post("/api/v1/sync/push", json=body, headers=self.headers())

    def push(self, *mutations: dict[str, Any]) -> list[dict[str, Any]]:
        """Push ``mutations`` with this device's next mutation ids; the results."""
        numbered = []
        for mutation in mutations:
            numbered.append({"mutation_id": self.next_mutation_id, **mutation})
            self.next_mutation_id += 1
        response = self.push_raw(numbered)
        assert response.status_code == 200, response.text
        return response.json()["results"]

    def pull(self, cursor: int = 0, limit: int = 500) -> dict[str, Any]:
        response = self.http.get(
            "/api/v1/sync/pull", params={"cursor": cursor, "limit": limit}, headers=self.headers()
        )
        assert response.status_code == 200, response.text
        return response.json()

    def pull_all(self, cursor: int = 0) -> tuple[list[dict[str, Any]], int, dict[str, Any]]:
        """Every change after ``cursor``: (changes, next cursor, digest)."""
        changes: list[dict[str, Any]] = []
        while True:
            page = self.pull(cursor)
            changes.extend(page["changes"])
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return changes, cursor, page["digest"]

    def record(self, record_id: str) -> dict[str, Any] | None:
        """The latest state of one record as this device would pull it from the start."""
        changes, _, _ = self.pull_all()
        latest = None
        for change in changes:
            if change["record_id"] == record_id:
                latest = change
        return latest


class Server:
    """The running test server: its app, database and a way to sign devices in."""

    def __init__(self, live: LiveServer, database: ServerDatabase) -> None:
        self.live = live
        self.app = live.app
        self.database = database
        self.base_url = live.base_url
        self._clients: list[httpx.Client] = []

    def http(self) -> httpx.Client:
        client = httpx.Client(base_url=self.base_url, timeout=30)
        self._clients.append(client)
        return client

    def sign_in(
        self, username: str, password: str = DEMO_PASSWORD, device_id: str | None = None
    ) -> Client:
        http = self.http()
        body: dict[str, Any] = {"username": username, "password": password}
        if device_id:
            body["device_id"] = device_id
        response = http.post(
            "/api/v1/auth/token", json=body, headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
        )
        assert response.status_code == 200, response.text
        answer = response.json()
        return Client(http, answer["access_token"], answer["device_id"], answer["user"])

    def close(self) -> None:
        for client in self._clients:
            client.close()


@pytest.fixture
def server(settings: ServerSettings, database: ServerDatabase) -> Iterator[Server]:
    """The live server with the demo units and users seeded."""
    app = create_app(settings, database=database)
    seed_demo(database, app.state.password_hasher)
    live = LiveServer(app)
    live.start()
    running = Server(live, database)
    try:
        yield running
    finally:
        running.close()
        live.stop()

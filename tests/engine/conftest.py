"""End-to-end sync setup: the real reference server on 127.0.0.1, laptops with real stores.

The server runs uvicorn in a thread over a SQLite file, on a port that survives a stop and a
start (so "the server was down" is a real refused connection). Laptops are real data folders
with the real engine. The keyring is an in-memory backend of ours, never the user's.
"""

from __future__ import annotations

import shutil
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
import uvicorn
from keyring.backend import KeyringBackend

from sync.demo import DEMO_PASSWORD, LESHAN_UNIT_KEY, demo_id
from sync.engine import RetryPolicy, SyncEngine, SyncResult
from sync.engine.run import Progress
from sync.engine.tokens import TokenStore
from sync.protocol import ScopeDigest, scope_digest
from sync.server.app import create_app
from sync.server.db import Record, ServerDatabase
from sync.server.demo import seed_demo
from sync.server.settings import ServerSettings
from sync.store.database import Store, open_store
from tests.server.conftest import FAST_PASSWORDS

LESHAN = demo_id(LESHAN_UNIT_KEY)
BRAKE_HAZARD = demo_id("hazard/leshan-gondola-brake")
GONDOLA = demo_id("equipment/leshan-gondola")
FAST_POLICY = RetryPolicy(
    attempts=3, base_delay=0.05, max_delay=0.2, connect_timeout=2.0, read_timeout=10.0
)


class MemoryKeyring(KeyringBackend):
    """A keyring that forgets everything with the test: never the user's real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def test_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def issue_server_certificate(authority: Any, folder: Path) -> tuple[Path, Path]:
    """Files of a certificate for 127.0.0.1 and localhost from ``authority`` (a trustme CA):
    the chain PEM and the key PEM, as :class:`ReferenceServer` takes them."""
    issued = authority.issue_cert("127.0.0.1", "localhost")
    folder.mkdir(parents=True, exist_ok=True)
    chain = folder / "server-chain.pem"
    key = folder / "server-key.pem"
    for blob in issued.cert_chain_pems:
        blob.write_to_path(str(chain), append=True)
    issued.private_key_pem.write_to_path(str(key))
    return chain, key


class ReferenceServer:
    """The reference server with the demo seeded; stop() and start() keep port and data.

    With ``certificate`` (the PEM files of its certificate chain and of its key) it speaks
    HTTPS, as the provincial server does. ``db_url`` puts its database elsewhere than the
    SQLite file in ``folder`` (PostgreSQL, say).
    """

    def __init__(
        self,
        folder: Path,
        certificate: tuple[Path, Path] | None = None,
        db_url: str | None = None,
    ) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.settings = ServerSettings(
            db_url=db_url or f"sqlite:///{folder / 'server.sqlite3'}",
            data_dir=folder,
            password_cost=FAST_PASSWORDS,
        )
        self.database = ServerDatabase(self.settings.db_url)
        self.app = create_app(self.settings, database=self.database)
        seed_demo(self.database, self.app.state.password_hasher)
        self.port = free_port()
        self.certificate = certificate
        scheme = "https" if certificate else "http"
        self.base_url = f"{scheme}://127.0.0.1:{self.port}"
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        tls: dict[str, str] = {}
        if self.certificate:
            chain, key = self.certificate
            tls = {"ssl_certfile": str(chain), "ssl_keyfile": str(key)}
        config = uvicorn.Config(self.app, log_config=None, access_log=False, lifespan="on", **tls)
        self._server = uvicorn.Server(config)
        self._listener = listener
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [listener]}, daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the reference server did not start within 10 s")
            time.sleep(0.01)

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._listener.close()
        self._server = None

    def records(self, record_type: str) -> list[Record]:
        with self.database.reading() as session:
            return list(session.query(Record).filter(Record.record_type == record_type))

    def record(self, record_id: str) -> Record | None:
        with self.database.reading() as session:
            return session.get(Record, record_id)

    def unit_digest(self, unit_id: str) -> ScopeDigest:
        """The digest a device of ``unit_id`` must hold (live records, conflicts excluded)."""
        with self.database.reading() as session:
            rows = session.query(Record).filter(
                Record.unit_id == unit_id,
                Record.deleted.is_(False),
                Record.record_type != "conflict",
            )
            return scope_digest((row.record_type, row.id, row.version) for row in rows)

    def close(self) -> None:
        self.stop()
        self.database.dispose()


@pytest.fixture
def reference_server(tmp_path: Path) -> Iterator[ReferenceServer]:
    server = ReferenceServer(tmp_path / "server")
    server.start()
    try:
        yield server
    finally:
        server.close()


class Laptop:
    """One officer's laptop: a data folder, its store and the engine on it."""

    def __init__(self, folder: Path, server_url: str, username: str = "demo-officer") -> None:
        self.folder = folder
        self.server_url = server_url
        self.username = username
        self.store: Store = open_store(folder)
        # Each laptop has its own keyring, as two real laptops do.
        self.keyring = MemoryKeyring()

    def engine(self, **options: Any) -> SyncEngine:
        options.setdefault("policy", FAST_POLICY)
        options.setdefault("tokens", self.tokens())
        return SyncEngine(self.store, server_url=self.server_url, username=self.username, **options)

    def sign_in(self) -> None:
        self.engine().sign_in(self.username, DEMO_PASSWORD)

    def sync(self, progress: Progress | None = None, **options: Any) -> SyncResult:
        return self.engine(progress=progress, **options).run()

    def tokens(self) -> TokenStore:
        return TokenStore(self.server_url, backend=self.keyring)

    def back_up(self, target: Path) -> Path:
        """A consistent copy of the store file, as a backup program keeps it."""
        source = sqlite3.connect(self.store.db_file)
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
            source.close()
        return target

    def restore(self, backup: Path) -> None:
        """Put ``backup`` in place of the store file and open it again, as after a restart;
        the keyring (and the token in it) stays."""
        self.store.close()
        db_file = self.store.db_file
        for leftover in (db_file, Path(f"{db_file}-wal"), Path(f"{db_file}-shm")):
            leftover.unlink(missing_ok=True)
        shutil.copyfile(backup, db_file)
        self.store = open_store(self.folder)

    def close(self) -> None:
        self.store.close()


@pytest.fixture
def laptops(tmp_path: Path, reference_server: ReferenceServer) -> Iterator[list[Laptop]]:
    """Two signed-in laptops of the demo unit, each after its first sync."""
    made = []
    for name in ("laptop-a", "laptop-b"):
        laptop = Laptop(tmp_path / name, reference_server.base_url)
        laptop.sign_in()
        result = laptop.sync()
        assert result.completed, result.summary()
        made.append(laptop)
    yield made
    for laptop in made:
        laptop.close()

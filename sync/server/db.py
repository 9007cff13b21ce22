"""The reference server's database: typed tables, the engine, and units of work.

SQLite by default (one file in the server's data folder), PostgreSQL through psycopg 3 with a
``postgresql+psycopg://`` URL. The schema is created and upgraded by the Alembic scripts in
``sync/server/migrations`` (:meth:`ServerDatabase.migrate`), never by ``create_all``.

Records of every type live in one generic table: the server applies the protocol's rules to
their JSON fields and needs no per-type columns. Conflicts are records too (type
``conflict``), so devices pull them like any other change.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
from collections.abc import Iterator
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Engine,
    ForeignKey,
    Index,
    Integer,
    String,
    create_engine,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from sync import paths
from sync.clock import utc_now
from sync.store.models import UtcDateTime

logger = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 30_000
COUNTER_ROW_ID = 1


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON}


class User(Base):
    """A person who signs in: unit staff (unit_id) or a supervisor (jurisdiction_code)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(80), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    # officer / director / principal (unit staff) or supervisor (read-only, a jurisdiction).
    role: Mapped[str] = mapped_column(String(16))
    unit_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    jurisdiction_code: Mapped[str | None] = mapped_column(String(6), default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)


class Device(Base):
    """A laptop registered at sign-in; its mutation counter makes replayed pushes harmless."""

    __tablename__ = "devices"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    last_mutation_id: Mapped[int] = mapped_column(BigInteger, default=0)
    registered_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    last_seen_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)


class Token(Base):
    """An access token, kept only as its SHA-256: a copy of the table signs nobody in."""

    __tablename__ = "tokens"

    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"), index=True)
    issued_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    expires_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)


class Record(Base):
    """The server's copy of one synced record (any type), with its version and change seq."""

    __tablename__ = "records"
    __table_args__ = (Index("ix_records_unit_seq", "unit_id", "change_seq"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_type: Mapped[str] = mapped_column(String(24), index=True)
    # The unit the record belongs to; a unit record belongs to itself.
    unit_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer, default=1)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # For a conflict record: the record it is about (so a later edit can resolve it).
    subject_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    # Allocated as the last step of the writing transaction (see sync.server.push), so pullers
    # see seqs in commit order. NULL only inside that transaction, never once committed.
    change_seq: Mapped[int | None] = mapped_column(BigInteger, default=None, unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_by_device: Mapped[str | None] = mapped_column(String(36), default=None)


class MutationResult(Base):
    """What the server answered for one mutation, returned again when a push is replayed."""

    __tablename__ = "mutation_results"

    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"), primary_key=True)
    mutation_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36))
    outcome: Mapped[str] = mapped_column(String(16))
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)


class ChangeCounter(Base):
    """One row: the last change seq handed out. Its row lock orders committing writers."""

    __tablename__ = "change_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


# Engine and units of work -----------------------------------------------------------------


def _json_serializer(value: Any) -> str:
    # NaN and infinities are refused by the protocol's validation before they get here; should
    # one slip through, failing loudly beats storing JSON that PostgreSQL would refuse to read.
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _sqlite_connect(dbapi_connection: Any, _record: object) -> None:
    # Let SQLAlchemy's "begin" event, not the driver, open transactions (SQLAlchemy's recipe
    # for pysqlite), so a writer can take the write lock at BEGIN.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    # A writer starts with the write lock (BEGIN IMMEDIATE): a deferred transaction that read
    # first could not upgrade later while another writer commits, and would fail instead of
    # waiting. Readers stay deferred, so pulls never wait for pushes (WAL).
    writes = connection.get_execution_options().get("safedesk_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            json_serializer=_json_serializer,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(
        url, json_serializer=_json_serializer, pool_pre_ping=True, pool_size=5, max_overflow=10
    )


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(paths.server_migrations_dir()))
    return config


def latest_revision() -> str | None:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


class ServerDatabase:
    """The server's engine and its two kinds of unit of work. Thread-safe."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        write_engine = self.engine.execution_options(safedesk_write=True)
        # A pull reads the changes, the counter and the digest from one snapshot.
        read_engine = (
            self.engine
            if self.is_sqlite
            else self.engine.execution_options(isolation_level="REPEATABLE READ")
        )
        self._writer = sessionmaker(write_engine, expire_on_commit=False)
        self._reader = sessionmaker(read_engine, expire_on_commit=False)

    def migrate(self) -> None:
        """Bring the schema to the latest revision; each run is one transaction."""
        config = _alembic_config()
        with self.engine.begin() as connection:
            before = MigrationContext.configure(connection).get_current_revision()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        after = latest_revision()
        if before != after:
            logger.info("server database migrated from %s to %s", before, after)

    def current_revision(self) -> str | None:
        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    @contextlib.contextmanager
    def writing(self) -> Iterator[Session]:
        """A writing unit of work: committed when the block ends, rolled back if it raises.

        On SQLite it holds the database's write lock from its first statement, so writers
        queue (up to the busy timeout) instead of failing.
        """
        session = self._writer()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only unit of work over one consistent snapshot; never commits anything.

        Objects read stay usable (detached, fully loaded) after the block.
        """
        session = self._reader()
        try:
            yield session
        finally:
            # close() ends the transaction without expiring what was loaded, unlike rollback().
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()

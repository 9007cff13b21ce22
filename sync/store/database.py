"""Opening the local store: backup, migrate, WAL, and a session factory.

Opening is the only moment the schema changes. Before a migration the file is copied to a dated
backup, so a failed or interrupted upgrade can always be undone by hand; the migration itself runs
in one transaction, so a crash leaves the old schema intact.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import (
    DatabaseError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    ProgrammingError,
)
from sqlalchemy.orm import Session, sessionmaker

from sync import paths
from sync.errors import StoreError, StoreFullError

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    return config


def latest_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    if head is None:
        raise StoreError(
            "本地数据库迁移脚本缺失", "The local store's migration scripts are missing"
        )
    return head


def _set_sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()

    # WAL keeps the last committed transaction readable after a crash or power loss, and
    # synchronous=FULL makes a commit durable before the app says "saved".
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def make_engine(db_file: Path) -> Engine:
    engine = create_engine(f"sqlite:///{db_file}", future=True)
    event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def backup_file(db_file: Path, revision: str | None) -> Path:
    """Copy the store next to its backups before a migration, with the old revision in the name.

    SQLite's online backup copies a consistent snapshot even if a WAL file is still present.
    """
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = paths.backup_dir(db_file.parent) / f"{db_file.stem}-{stamp}-{revision}.sqlite3"
    source = sqlite3.connect(db_file)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    logger.info("backed up the store to %s before migrating", target)
    return target


class Store:
    """The opened store of one data folder. Thread-safe: each unit of work opens its session."""

    def __init__(self, data_folder: Path, engine: Engine) -> None:
        self.data_folder = data_folder
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def db_file(self) -> Path:
        return paths.store_path(self.data_folder)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back when it raises.

        A full disk or a locked file becomes a :class:`StoreError` in plain words; the failed
        transaction leaves nothing behind.
        """
        session = self._sessions()
        try:
            yield session
            session.commit()
        except OperationalError as error:
            session.rollback()
            raise translate_operational_error(error, self.db_file) from error
        except (IntegrityError, ProgrammingError, InterfaceError):
            # A broken constraint or a misuse is the caller's to handle (the sync lock relies
            # on a unique row); only the file itself failing means the store is damaged.
            session.rollback()
            raise
        except DatabaseError as error:
            session.rollback()
            raise damaged_store_error(self.db_file) from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def translate_operational_error(error: OperationalError, db_file: Path) -> StoreError:
    text = str(error.orig) if error.orig else str(error)
    if "full" in text or getattr(error.orig, "errno", None) == errno.ENOSPC:
        return StoreFullError(
            "磁盘已满，本次修改未保存。请清理磁盘空间后重试，已保存的数据不受影响。",
            "The disk is full, so this change was not saved. Free some space and try again; "
            "everything saved before is intact.",
        )
    if "readonly" in text or "unable to open" in text:
        # The folder or the file cannot be written: read-only drive, permissions, a folder where
        # the file should be. Nothing was written.
        return StoreError(
            f"无法写入本地数据库 {db_file}：数据文件夹是只读的或没有写入权限，本次修改未保存。"
            "请检查文件夹权限，或用 --data-dir 换一个可写的文件夹。",
            f"Cannot write the local database {db_file}: the data folder is read-only or not "
            "writable, so nothing was saved. Check the folder's permissions, or choose a "
            "writable folder with --data-dir.",
        )
    if "locked" in text:
        return StoreError(
            "本地数据库正被另一个程序占用，请稍后重试。",
            "The local database is busy in another program; try again in a moment.",
        )
    return StoreError(f"本地数据库错误：{text}", f"Local database error: {text}")


def damaged_store_error(db_file: Path) -> StoreError:
    return StoreError(
        f"本地数据库文件已损坏，无法读取：{db_file}。SafeDesk 没有改动它。请关闭程序，"
        f"把 {db_file.parent / 'backups'} 中最近的备份复制回来，或联系技术支持。",
        f"The local database file is damaged and cannot be read: {db_file}. SafeDesk has not "
        f"changed it. Close SafeDesk and copy the latest backup from "
        f"{db_file.parent / 'backups'} over it, or call support.",
    )


def open_store(data_folder: Path, *, backup: bool = True) -> Store:
    """Open (creating if needed) the store of ``data_folder`` and migrate it to the latest schema.

    An existing file that is behind the latest schema is first copied to ``backups/``.
    """
    paths.make_data_folder(data_folder)
    db_file = paths.store_path(data_folder)
    existed = db_file.exists() and db_file.stat().st_size > 0

    try:
        engine = make_engine(db_file)
        revision = current_revision(engine)
        head = latest_revision()
        if revision != head:
            if existed and backup:
                backup_file(db_file, revision)
            logger.info("migrating the store from %s to %s", revision, head)
            upgrade(engine)
    except OperationalError as error:
        raise translate_operational_error(error, db_file) from error
    except (DatabaseError, sqlite3.DatabaseError) as error:
        # Not a database, or a truncated / overwritten one: say so, and touch nothing.
        raise damaged_store_error(db_file) from error

    return Store(data_folder, engine)


def copy_store(source: Path, target: Path) -> None:
    shutil.copy2(source, target)

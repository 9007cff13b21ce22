"""One sync run per data folder at a time, across windows and processes.

The lock is the single row of ``sync_lock``. Taking it is an INSERT ... ON CONFLICT DO NOTHING
(the primary key lets only one of two racing inserts make the row, atomically, in SQLite);
a row left by a killed process is taken over with an UPDATE that names the old owner, so two
runs racing to take over a stale lock cannot both win. A row is stale when its heartbeat is
older than :data:`STALE_AFTER`, or when it names a process of this host that no longer exists
(checked on POSIX only: Windows' ``os.kill`` would end the process instead of probing it, so
there the heartbeat alone decides).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import uuid

from sqlalchemy import delete, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from sync.clock import utc_now
from sync.errors import SyncAlreadyRunning
from sync.store.database import Store
from sync.store.models import SyncLock

logger = logging.getLogger(__name__)

LOCK_ROW = 1
STALE_AFTER = dt.timedelta(seconds=90)


def _process_gone(pid: int, host: str) -> bool:
    if host != socket.gethostname() or os.name != "posix":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


class RunLock:
    """``with RunLock(store):`` holds the lock for the block; :meth:`beat` renews it."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.owner = str(uuid.uuid4())

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()

    def acquire(self) -> None:
        """Take the lock or raise :class:`SyncAlreadyRunning`. Commits at once."""
        values = {
            "id": LOCK_ROW,
            "owner": self.owner,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "heartbeat_at": utc_now(),
        }
        if self._insert(values):
            return

        with self.store.session() as session:
            held = session.get(SyncLock, LOCK_ROW)
            if held is None:
                stale_owner = None
            elif utc_now() - held.heartbeat_at > STALE_AFTER or _process_gone(held.pid, held.host):
                stale_owner = held.owner
                logger.warning(
                    "taking over a stale sync lock of pid %d (heartbeat %s)",
                    held.pid,
                    held.heartbeat_at.isoformat(),
                )
            else:
                raise SyncAlreadyRunning(
                    "另一个同步正在进行（可能在另一个窗口中），请稍候。",
                    "Another sync is running (perhaps in another window); please wait.",
                )
        if stale_owner is None:
            taken = 1 if self._insert(values) else 0
        else:
            with self.store.session() as session:
                taken = session.execute(
                    update(SyncLock)
                    .where(SyncLock.id == LOCK_ROW, SyncLock.owner == stale_owner)
                    .values({**values, "heartbeat_at": utc_now()})
                ).rowcount
        if taken != 1:
            raise SyncAlreadyRunning(
                "另一个同步刚刚开始，请稍候。", "Another sync has just started; please wait."
            )

    def _insert(self, values: dict) -> bool:
        """INSERT the lock row unless one exists; True if this call made it (atomic)."""
        with self.store.session() as session:
            made = session.execute(
                sqlite_insert(SyncLock).values(values).on_conflict_do_nothing()
            ).rowcount
        return made == 1

    def beat(self) -> None:
        with self.store.session() as session:
            session.execute(
                update(SyncLock)
                .where(SyncLock.id == LOCK_ROW, SyncLock.owner == self.owner)
                .values(heartbeat_at=utc_now())
            )

    def release(self) -> None:
        with self.store.session() as session:
            session.execute(
                delete(SyncLock).where(SyncLock.id == LOCK_ROW, SyncLock.owner == self.owner)
            )


def lock_held(store: Store) -> bool:
    """Whether a live run holds the lock (for a status line; not a way to take it)."""
    with store.session() as session:
        held = session.get(SyncLock, LOCK_ROW)
        if held is None:
            return False
        stale = utc_now() - held.heartbeat_at > STALE_AFTER
        return not (stale or _process_gone(held.pid, held.host))

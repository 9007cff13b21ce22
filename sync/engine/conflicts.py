"""Open conflicts and rejections, and a person's decision on one (#4).

Resolving sends ordinary changes: the chosen value as an edit of the record (made on the
server's current version, so the server takes it and closes its conflict), and the conflict's
own ``status=resolved``, so a decision for the server's value closes it too. The local row is
kept with the decision: the record's history shows what was decided.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from sync.clock import utc_now
from sync.engine.apply import refresh_sync_state
from sync.errors import RecordNotFound
from sync.record_names import record_name
from sync.records import RecordType
from sync.store.changes import record_change
from sync.store.database import Store
from sync.store.models import RECORD_CLASSES, OutboxEntry, SyncConflict

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ConflictView:
    """One open conflict or rejection as the conflicts view shows it."""

    id: str
    kind: str
    record_type: str
    record_id: str
    field_name: str | None
    base_value: Any
    local_value: Any
    server_value: Any
    reason: str
    record_name: str = ""
    """Which record, in words (:func:`sync.record_names.record_name`); "" if gone."""


def open_conflicts(store: Store, record_id: str | None = None) -> list[ConflictView]:
    with store.session() as session:
        query = select(SyncConflict).where(SyncConflict.resolved_at.is_(None))
        if record_id is not None:
            query = query.where(SyncConflict.record_id == record_id)
        rows = session.scalars(query.order_by(SyncConflict.created_at))
        return [
            ConflictView(
                row.id,
                row.kind,
                row.record_type,
                row.record_id,
                row.field_name,
                row.base_value,
                row.local_value,
                row.server_value,
                row.reason,
                record_name(session, row.record_type, row.record_id),
            )
            for row in rows
        ]


def resolve_conflict(store: Store, conflict_id: str, value: Any, actor: str) -> None:
    """Decide a field conflict with ``value`` (mine, the server's, or an edited one).

    Commits the record's change, the conflict's resolution and both outbox entries together.
    """
    with store.session() as session:
        conflict = session.get(SyncConflict, conflict_id)
        if conflict is None or conflict.kind != "conflict":
            raise RecordNotFound(f"没有这条冲突：{conflict_id}", f"No such conflict: {conflict_id}")
        record_class = RECORD_CLASSES[conflict.record_type]
        record = session.get(record_class, conflict.record_id)
        if record is not None and conflict.field_name in record.__table__.columns:
            record_change(
                session,
                conflict.record_type,
                conflict.record_id,
                {conflict.field_name: value},
                actor,
                allow_submitted=True,
            )
        session.add(
            OutboxEntry(
                record_type=RecordType.CONFLICT.value,
                record_id=conflict.id,
                operation="upsert",
                fields={"status": "resolved"},
            )
        )
        conflict.resolved_at = utc_now()
        conflict.resolution = {"value": value, "by": actor}
        if record is not None:
            session.flush()
            refresh_sync_state(session, record)
    logger.info("conflict %s resolved by %s", conflict_id, actor)


def dismiss_rejection(store: Store, conflict_id: str, actor: str) -> None:
    """Close a "needs attention" entry the person has dealt with (fixed and resent, or let go)."""
    with store.session() as session:
        conflict = session.get(SyncConflict, conflict_id)
        if conflict is None:
            raise RecordNotFound(f"没有这条记录：{conflict_id}", f"No such entry: {conflict_id}")
        conflict.resolved_at = utc_now()
        conflict.resolution = {"by": actor, "dismissed": True}
        record = session.get(RECORD_CLASSES[conflict.record_type], conflict.record_id)
        if record is not None:
            session.flush()
            refresh_sync_state(session, record)

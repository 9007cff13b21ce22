"""What a sync answer does to the local store: each function is one local transaction's work.

None of these functions commits; the engine calls each inside one ``with store.session()``
block, so a push's results and the removal of its outbox entries, or a pulled page and its
cursor, commit together or not at all. Nothing the person typed is dropped here: a field that
still waits in the outbox keeps its local value, a rejected record keeps all of its content,
and the value the server did not take is kept in a :class:`SyncConflict` row.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from pydantic import ValidationError as MutationShapeError
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from sync.clock import utc_now
from sync.engine import state
from sync.protocol import (
    Change,
    ConflictStatus,
    Mutation,
    MutationResult,
    Operation,
    Outcome,
    ScopeDigest,
    scope_digest,
)
from sync.records import RecordType
from sync.store.changes import (
    BOOKKEEPING_COLUMNS,
    record_change,
    record_fields,
    to_column_value,
)
from sync.store.models import (
    RECORD_CLASSES,
    Hazard,
    HazardEvent,
    OutboxEntry,
    SyncConflict,
    SyncedRecord,
)

logger = logging.getLogger(__name__)

SERVER_ACTOR = "server"
OPEN_KINDS = ("conflict", "rejected")
STALE_MUTATION_ID = "stale_mutation_id"
# Only for a server that does not say its counter (older than ``last_mutation_id``).
RENUMBER_STEP = 10_000


# Push: taking a batch -----------------------------------------------------------------------


def take_batch(session: Session, size: int) -> list[Mutation]:
    """The next batch to send, its mutation ids assigned and stored in ``session``.

    Entries a previous run took but never saw acknowledged go first, with their old ids, so
    the server's replay protection answers them; otherwise the oldest untaken entries get the
    next ids of this device (past the server's counter, see :func:`follow_server_counter`).
    The caller commits BEFORE sending.
    """
    entries = list(
        session.scalars(
            select(OutboxEntry)
            .where(OutboxEntry.mutation_id.is_not(None))
            .order_by(OutboxEntry.mutation_id)
            .limit(size)
        )
    )
    if not entries:
        entries = list(
            session.scalars(
                select(OutboxEntry)
                .where(OutboxEntry.mutation_id.is_(None))
                .order_by(OutboxEntry.seq)
                .limit(size)
            )
        )
        next_id = int(state.read(session, state.NEXT_MUTATION_ID, 1))
        for entry in entries:
            entry.mutation_id = next_id
            next_id += 1
        state.write(session, state.NEXT_MUTATION_ID, next_id)
        session.flush()

    mutations = []
    for entry in entries:
        try:
            mutations.append(_mutation(session, entry))
        except MutationShapeError as error:
            _reject_unsendable(session, entry, error)
    if entries and not mutations:
        # Every entry of this batch was unsendable and has left the queue: take the next ones.
        return take_batch(session, size)
    return mutations


def follow_server_counter(session: Session, last_mutation_id: int | None) -> bool:
    """Number this device's next changes after ``last_mutation_id``, the server's counter.

    The counter only ever moves forward: ``max(local next id, last_mutation_id + 1)``. It is
    behind the server's when the store was restored from a backup; new changes numbered from
    the old counter would reuse ids the server holds for other content. Entries already taken
    keep their ids (the server answers them from its stored results). ``None`` (a server
    older than the field) changes nothing. Returns whether the counter moved.
    """
    if last_mutation_id is None:
        return False
    next_id = int(state.read(session, state.NEXT_MUTATION_ID, 1))
    if last_mutation_id < next_id:
        return False
    logger.warning(
        "mutation counter at %d is behind the server's %d (a store restored from a backup?); "
        "numbering the next changes from %d",
        next_id,
        last_mutation_id,
        last_mutation_id + 1,
    )
    state.write(session, state.NEXT_MUTATION_ID, last_mutation_id + 1)
    session.flush()
    return True


def _reject_unsendable(session: Session, entry: OutboxEntry, error: MutationShapeError) -> None:
    """A change the protocol cannot carry (a NUL character, NaN, a number past 2^53) would be
    refused with the whole batch every time and block this laptop's queue. It leaves the queue
    as a local rejection in "needs attention", its content kept, and the rest goes on."""
    problem = "; ".join(str(detail.get("msg", "")) for detail in error.errors()[:3])
    logger.warning(
        "outbox entry for %s %s cannot be sent: %s", entry.record_type, entry.record_id, problem
    )
    _keep_conflict(
        session,
        str(uuid.uuid4()),
        entry.record_type,
        entry.record_id,
        kind="rejected",
        local_value=entry.fields,
        reason=f"这条记录含有无法发送的内容（{problem}），请修改后再同步。\n"
        f"This record holds content that cannot be sent ({problem}); edit it and sync again.",
    )
    record_class = RECORD_CLASSES.get(entry.record_type)
    record = session.get(record_class, entry.record_id) if record_class else None
    if record is not None:
        record.sync_state = "rejected"
    session.delete(entry)
    session.flush()


def _mutation(session: Session, entry: OutboxEntry) -> Mutation:
    fields = dict(entry.fields)
    base_fields = None
    record_class = RECORD_CLASSES.get(entry.record_type)
    record = session.get(record_class, entry.record_id) if record_class else None
    unknown_to_server = record is not None and record.server_fields is None
    if unknown_to_server and entry.base_version is None:
        # A creation sends the whole record, also after a rejection removed its first entry.
        fields = {**record_fields(record), **fields}
    elif entry.base_fields is not None:
        base_fields = {key: entry.base_fields.get(key) for key in fields}
    return Mutation(
        mutation_id=entry.mutation_id,
        record_type=RecordType(entry.record_type),
        record_id=entry.record_id,
        operation=Operation(entry.operation),
        base_version=entry.base_version,
        fields=fields,
        base_fields=base_fields,
    )


def waiting_count(session: Session) -> int:
    """Outbox entries waiting: what a push sends, and counts its progress in."""
    return len(session.scalars(select(OutboxEntry.seq)).all())


def waiting_records(session: Session) -> int:
    """Records with a change waiting, as a person counts them (#4).

    One edit of a hazard leaves two outbox entries, the hazard's and its history event's, and
    two edits of one record before a sync leave one or two; a person changed one record. A
    history event counts as its hazard, so it adds nothing while the hazard waits too.
    """
    rows = session.execute(
        select(OutboxEntry.record_type, OutboxEntry.record_id, HazardEvent.hazard_id).outerjoin(
            HazardEvent,
            (OutboxEntry.record_type == RecordType.HAZARD_EVENT.value)
            & (HazardEvent.id == OutboxEntry.record_id),
        )
    ).all()
    waiting = set()
    for record_type, record_id, hazard_id in rows:
        if hazard_id is not None:
            waiting.add((RecordType.HAZARD.value, hazard_id))
        else:
            waiting.add((record_type, record_id))
    return len(waiting)


# Push: applying the answer ------------------------------------------------------------------


def apply_push_results(
    session: Session, results: list[MutationResult], server_counter: int | None = None
) -> dict[str, int]:
    """Apply one batch's results and delete their outbox entries; counts per outcome.

    ``server_counter`` is the device's last mutation id the push answer carried (None from
    an older server); the local counter follows it before any entry is renumbered.
    """
    follow_server_counter(session, server_counter)
    counts: dict[str, int] = {}
    for result in results:
        entry = session.scalars(
            select(OutboxEntry).where(OutboxEntry.mutation_id == result.mutation_id)
        ).first()
        if entry is None:
            continue
        reused = result.record_id != entry.record_id
        if reused or (result.outcome == Outcome.REJECTED and result.code == STALE_MUTATION_ID):
            _renumber_later(session, entry, server_counter)
            counts["renumbered"] = counts.get("renumbered", 0) + 1
            continue
        counts[result.outcome.value] = counts.get(result.outcome.value, 0) + 1
        sent_fields = dict(entry.fields)
        record_type = entry.record_type
        session.delete(entry)
        session.flush()

        if record_type == RecordType.CONFLICT:
            _conflict_resolution_answered(session, result)
            continue
        record_class = RECORD_CLASSES[record_type]
        record = session.get(record_class, result.record_id)
        if record is None:
            continue
        _apply_result(session, record_type, record, result, sent_fields)
        refresh_sync_state(session, record)
    return counts


def _renumber_later(session: Session, entry: OutboxEntry, server_counter: int | None) -> None:
    """The server already used this id of the device (a store restored from a backup keeps
    an older counter): the change was NOT applied, whether the server says so
    (``stale_mutation_id``) or answers with the stored result of another record's mutation.
    The entry goes back in the queue and gets a new id in the next batch: just past the
    server's counter, which :func:`follow_server_counter` has already taken over. A server
    that does not say its counter gets a jump of :data:`RENUMBER_STEP` instead."""
    logger.warning(
        "mutation id %d was already used by this device on the server; renumbering",
        entry.mutation_id,
    )
    entry.mutation_id = None
    if server_counter is None:
        next_id = int(state.read(session, state.NEXT_MUTATION_ID, 1))
        state.write(session, state.NEXT_MUTATION_ID, next_id + RENUMBER_STEP)


def _apply_result(
    session: Session,
    record_type: str,
    record: SyncedRecord,
    result: MutationResult,
    sent_fields: dict[str, Any],
) -> None:
    if result.outcome in (Outcome.APPLIED, Outcome.MERGED, Outcome.DUPLICATE):
        if result.record is not None and result.version is not None:
            _rebase_waiting_entries(session, record.id, result.version, result.record)
            apply_server_state(session, record, result.version, result.record)
        _close_rejections(session, record.id)
        return

    reason = _reason(result)
    if result.outcome == Outcome.CONFLICT:
        for conflict in result.conflicts:
            _keep_conflict(
                session,
                conflict.conflict_id or str(uuid.uuid4()),
                record_type,
                record.id,
                field_name=conflict.field,
                base_value=conflict.base_value,
                local_value=conflict.client_value,
                server_value=conflict.server_value,
                reason=reason,
            )
        if result.record is not None and result.version is not None:
            apply_server_state(session, record, result.version, result.record)
        return

    # Rejected: the record and all it holds stay as typed, waiting for a person.
    logger.warning("server rejected %s %s: %s", record_type, record.id, result.code)
    _keep_conflict(
        session,
        str(uuid.uuid4()),
        record_type,
        record.id,
        kind="rejected",
        local_value=sent_fields,
        server_value=result.record,
        reason=reason,
    )
    record.sync_state = "rejected"


def _reason(result: MutationResult) -> str:
    words = [text for text in (result.reason_zh, result.reason_en) if text]
    return "\n".join(words) or (result.code or "")


def _rebase_waiting_entries(
    session: Session, record_id: str, version: int, server_fields: dict[str, Any]
) -> None:
    """Edits made while this push was in flight were made on top of it, not on the old base.

    Without this, the next push would conflict with this device's own acknowledged change.
    """
    for entry in session.scalars(select(OutboxEntry).where(OutboxEntry.record_id == record_id)):
        entry.base_version = version
        entry.base_fields = {key: server_fields.get(key) for key in entry.fields}


def _close_rejections(session: Session, record_id: str) -> None:
    for conflict in _open_conflicts(session, record_id):
        if conflict.kind == "rejected":
            conflict.resolved_at = utc_now()
            conflict.resolution = {"by": "accepted_later"}


def _conflict_resolution_answered(session: Session, result: MutationResult) -> None:
    conflict = session.get(SyncConflict, result.record_id)
    if conflict is not None and result.outcome != Outcome.REJECTED:
        conflict.resolved_at = conflict.resolved_at or utc_now()


def _keep_conflict(
    session: Session,
    conflict_id: str,
    record_type: str,
    record_id: str,
    *,
    kind: str = "conflict",
    field_name: str | None = None,
    base_value: Any = None,
    local_value: Any = None,
    server_value: Any = None,
    reason: str = "",
) -> SyncConflict:
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None:
        conflict = SyncConflict(id=conflict_id, record_type=record_type, record_id=record_id)
        session.add(conflict)
    conflict.kind = kind
    conflict.field_name = field_name
    conflict.base_value = base_value
    conflict.local_value = local_value
    conflict.server_value = server_value
    conflict.reason = reason
    session.flush()
    return conflict


def _open_conflicts(session: Session, record_id: str) -> list[SyncConflict]:
    return list(
        session.scalars(
            select(SyncConflict).where(
                SyncConflict.record_id == record_id, SyncConflict.resolved_at.is_(None)
            )
        )
    )


# Both: the server's state of one record -----------------------------------------------------


def pending_field_names(session: Session, record_id: str) -> set[str]:
    names: set[str] = set()
    for fields in session.scalars(
        select(OutboxEntry.fields).where(OutboxEntry.record_id == record_id)
    ):
        names.update(fields)
    return names


def apply_server_state(
    session: Session, record: SyncedRecord, version: int, fields: dict[str, Any]
) -> None:
    """Take the server's ``fields`` at ``version`` as the record's base and, where nothing
    local waits, as its content. A field still in the outbox keeps the local value (its
    entry carries the base it was made on, so the server merges it three-way); a rejected
    record keeps everything."""
    keep = pending_field_names(session, record.id)
    if record.sync_state == "rejected":
        keep = set(fields)
    columns = record.__table__.columns
    changed = False
    for key, value in fields.items():
        if key in BOOKKEEPING_COLUMNS or key not in columns or key in keep:
            continue
        column_value = to_column_value(record, key, value)
        if getattr(record, key) != column_value:
            setattr(record, key, column_value)
            changed = True
    if changed:
        record.updated_at = utc_now()
    record.server_version = version
    record.server_fields = dict(fields)


def refresh_sync_state(session: Session, record: SyncedRecord) -> None:
    """pending > rejected > conflict > synced: what the lists show for the record."""
    if (
        pending_field_names(session, record.id)
        or session.scalars(
            select(OutboxEntry.seq).where(OutboxEntry.record_id == record.id)
        ).first()
    ):
        record.sync_state = "pending"
        return
    kinds = {conflict.kind for conflict in _open_conflicts(session, record.id)}
    if "rejected" in kinds:
        record.sync_state = "rejected"
    elif "conflict" in kinds:
        record.sync_state = "conflict"
    else:
        record.sync_state = "synced"


# Pull ---------------------------------------------------------------------------------------


def apply_pulled_page(
    session: Session, changes: list[Change], next_cursor: int, *, repair: bool = False
) -> int:
    """Apply one page and store ``next_cursor`` in the same transaction; changes applied.

    ``repair`` applies any version that differs from the local one (a restored server may
    have gone back); otherwise versions at or below the local one are already here.
    """
    # Within the page, a record may arrive before one it refers to: its foreign keys are
    # checked at commit. The pragma lasts one transaction, and Python's sqlite3 opens that only
    # at the first write, so the cursor is written first (it commits with the page anyway).
    state.write(session, state.PULL_CURSOR, next_cursor)
    session.flush()
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    applied = 0
    touched: dict[str, SyncedRecord] = {}
    for change in changes:
        if change.record_type == RecordType.CONFLICT:
            subject = _pulled_conflict(session, change)
            if subject is not None:
                touched[subject.id] = subject
            applied += 1
            continue

        record_class = RECORD_CLASSES[change.record_type]
        record = session.get(record_class, change.record_id)
        if change.deleted:
            if record is not None:
                _pulled_deletion(session, record)
            applied += 1
            continue
        if record is not None and record.server_version is not None:
            if change.version == record.server_version or (
                not repair and change.version < record.server_version
            ):
                continue
        if record is None:
            record = record_change(
                session,
                change.record_type,
                change.record_id,
                change.fields,
                SERVER_ACTOR,
                from_server=True,
            )
            record.server_version = change.version
            record.server_fields = dict(change.fields)
        else:
            apply_server_state(session, record, change.version, change.fields)
        touched[record.id] = record
        applied += 1

    session.flush()
    for record in touched.values():
        refresh_sync_state(session, record)
    return applied


def _pulled_conflict(session: Session, change: Change) -> SyncedRecord | None:
    fields = change.fields
    conflict = session.get(SyncConflict, change.record_id)
    if conflict is None:
        reason = "\n".join(t for t in (fields.get("reason_zh"), fields.get("reason_en")) if t)
        conflict = _keep_conflict(
            session,
            change.record_id,
            str(fields.get("record_type", "")),
            str(fields.get("record_id", "")),
            field_name=fields.get("field"),
            base_value=fields.get("base_value"),
            local_value=fields.get("client_value"),
            server_value=fields.get("server_value"),
            reason=reason,
        )
    resolved = fields.get("status") == ConflictStatus.RESOLVED
    if resolved and conflict.resolved_at is None:
        conflict.resolved_at = utc_now()
        conflict.resolution = conflict.resolution or {"by": "server"}
    record_class = RECORD_CLASSES.get(conflict.record_type)
    return session.get(record_class, conflict.record_id) if record_class else None


def _pulled_deletion(session: Session, record: SyncedRecord) -> None:
    if pending_field_names(session, record.id):
        # The local edit goes to the server, which answers it with a conflict.
        record.server_version = None
        return
    referred = (
        isinstance(record, Hazard)
        and session.scalars(
            select(HazardEvent.id).where(HazardEvent.hazard_id == record.id)
        ).first()
    )
    if referred:
        # Its history still refers to it: keep the row, out of the digest, rather than break
        # the history (foreign keys are checked at commit).
        logger.warning("kept hazard %s deleted on the server: its history refers to it", record.id)
        record.server_version = None
        return
    session.delete(record)


def local_digest(session: Session) -> ScopeDigest:
    """The digest of what this laptop holds as the server's: records with a server version."""
    entries = []
    for record_type, record_class in RECORD_CLASSES.items():
        rows = session.execute(
            select(record_class.id, record_class.server_version).where(
                record_class.server_version.is_not(None)
            )
        )
        entries.extend((record_type, record_id, version) for record_id, version in rows)
    return scope_digest(entries)


def open_conflict_count(session: Session) -> tuple[int, int]:
    """(open conflicts, open rejections)."""
    rows = session.scalars(
        select(SyncConflict.kind).where(SyncConflict.resolved_at.is_(None))
    ).all()
    return rows.count("conflict"), rows.count("rejected")

"""The one way a synced record changes: :func:`record_change`.

It writes the record and, in the same transaction, the outbox entry the sync engine pushes.
Because both rows commit together, a crash can never leave a saved change that the server will
not hear about, nor an outbox entry for a change that was not saved.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.clock import utc_now
from sync.errors import ReadOnlyRecordError, RecordNotFound
from sync.records import IMMUTABLE_WHEN_SUBMITTED, RecordStatus, RecordType
from sync.store.models import RECORD_CLASSES, OutboxEntry, SyncedRecord, UtcDateTime

logger = logging.getLogger(__name__)

# Columns the store manages itself; a change never sets them and the protocol never sends them.
BOOKKEEPING_COLUMNS = frozenset(
    {
        "id",
        "created_at",
        "updated_at",
        "updated_by",
        "server_version",
        "sync_state",
        "server_fields",
    }
)


# Invisible control characters arrive with text pasted from PDFs and office documents. The
# protocol refuses NUL (PostgreSQL cannot store it), so a record holding one could never be
# sent; none of them means anything to a reader. Tab, line feed and carriage return stay.
_INVISIBLE_CONTROLS = dict.fromkeys(
    [code for code in range(0x20) if chr(code) not in "\t\n\r"] + [0x7F]
)


def clean_text(value: Any) -> Any:
    """``value`` with control characters dropped from every string in it (keys included) and
    lone surrogates, which cannot be encoded, replaced by U+FFFD."""
    if isinstance(value, str):
        return "".join(
            "\ufffd" if 0xD800 <= ord(char) <= 0xDFFF else char
            for char in value.translate(_INVISIBLE_CONTROLS)
        )
    if isinstance(value, dict):
        return {clean_text(key): clean_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [clean_text(item) for item in value]
    return value


def new_record_id() -> str:
    return str(uuid.uuid4())


def record_fields(record: SyncedRecord) -> dict[str, Any]:
    """The record's own fields in their protocol form (JSON values, times as ISO strings)."""
    fields: dict[str, Any] = {}
    for column in record.__table__.columns:
        if column.key in BOOKKEEPING_COLUMNS:
            continue
        value = getattr(record, column.key)
        if isinstance(value, dt.datetime):
            value = value.astimezone(dt.UTC).isoformat(timespec="milliseconds")
        fields[column.key] = value
    return fields


def _is_tracked(record_type: str, record: SyncedRecord) -> bool:
    """Whether a change to this record is one the server must hear about.

    Drafts of the three regulatory records are the officer's working copy on this laptop; they
    enter the outbox when submitted (or voided), in full.
    """
    if record_type in IMMUTABLE_WHEN_SUBMITTED:
        return getattr(record, "status", None) != RecordStatus.DRAFT
    return True


def to_column_value(record: SyncedRecord, key: str, value: Any) -> Any:
    """``value`` of field ``key`` in protocol form, as the record's column holds it."""
    column = record.__table__.columns[key]
    if isinstance(column.type, UtcDateTime) and isinstance(value, str):
        return dt.datetime.fromisoformat(value)
    return value


def record_change(
    session: Session,
    record_type: str | RecordType,
    record_id: str | None,
    fields: dict[str, Any],
    actor: str,
    *,
    now: dt.datetime | None = None,
    allow_submitted: bool = False,
    from_server: bool = False,
) -> SyncedRecord:
    """Create or update one synced record and append its outbox entry, in ``session``.

    ``fields`` holds only what changes. A submitted daily, weekly or monthly record refuses any
    change (``ReadOnlyRecordError``) unless ``allow_submitted`` is set.

    ``from_server`` marks a change the server already holds (a pulled change, or demo data the
    server seeds too): it is written without an outbox entry and the record counts as synced.

    The caller's ``with store.session()`` block commits the record and its outbox entry
    together; nothing is written if the block raises.
    """
    record_type = RecordType(record_type)
    record_class = RECORD_CLASSES[record_type]
    moment = now or utc_now()

    record = session.get(record_class, record_id) if record_id else None
    created = record is None
    if created:
        record = record_class(id=record_id or new_record_id(), created_at=moment)
        session.add(record)
    elif record_type in IMMUTABLE_WHEN_SUBMITTED and not (allow_submitted or from_server):
        if record.status != RecordStatus.DRAFT:
            raise ReadOnlyRecordError(
                "已提交的记录不能修改，请提交更正记录并说明原因。",
                "A submitted record cannot be changed; file an amendment with a reason.",
            )

    unknown = set(fields) - set(record_class.__table__.columns.keys())
    if unknown:
        raise KeyError(f"{record_type} has no field(s) {sorted(unknown)}")

    changed: dict[str, Any] = {}
    for key, value in fields.items():
        if key in BOOKKEEPING_COLUMNS:
            continue
        if not from_server:
            value = clean_text(value)
        column_value = to_column_value(record, key, value)
        if created or getattr(record, key) != column_value:
            setattr(record, key, column_value)
            changed[key] = value
    if not changed and not created:
        return record

    record.updated_at = moment
    record.updated_by = actor
    session.flush()

    if from_server:
        record.sync_state = "synced"
        record.server_fields = record_fields(record)
    elif _is_tracked(record_type, record):
        _append_outbox(session, record_type, record, changed, created)
    return record


def _append_outbox(
    session: Session,
    record_type: RecordType,
    record: SyncedRecord,
    changed: dict[str, Any],
    created: bool,
) -> None:
    # A record entering the outbox for the first time (new, or a draft just submitted) sends
    # all its fields; after that only what changed.
    first_time = created or record.sync_state == "local"
    payload = record_fields(record) if first_time else dict(record_fields_subset(record, changed))

    # Coalesce with the entry still waiting for this record, unless a push has taken it: then the
    # server may already hold that entry, and this change must follow it as a new mutation.
    waiting = session.scalars(
        select(OutboxEntry)
        .where(OutboxEntry.record_id == record.id, OutboxEntry.mutation_id.is_(None))
        .order_by(OutboxEntry.seq.desc())
    ).first()
    # The base of a field is the server's value when the field first entered the entry: a
    # later pull moves record.server_fields on, but the server must merge against what this
    # edit was made on, or a concurrent change on the server would be silently overwritten.
    known = record.server_fields
    if waiting is not None:
        if known is not None:
            base = dict(waiting.base_fields or {})
            base.update({key: known.get(key) for key in payload if key not in base})
            waiting.base_fields = base
        waiting.fields = {**waiting.fields, **payload}
    else:
        base = None if known is None else {key: known.get(key) for key in payload}
        session.add(
            OutboxEntry(
                record_type=str(record_type),
                record_id=record.id,
                operation="upsert",
                fields=payload,
                base_version=record.server_version,
                base_fields=base,
            )
        )
    if record.sync_state in ("local", "synced"):
        record.sync_state = "pending"
    logger.debug("outbox: %s %s (%d fields)", record_type, record.id, len(payload))


def record_fields_subset(record: SyncedRecord, keys: dict[str, Any]) -> dict[str, Any]:
    everything = record_fields(record)
    return {key: everything[key] for key in keys if key in everything}


def load_record(session: Session, record_type: str | RecordType, record_id: str) -> SyncedRecord:
    record_class = RECORD_CLASSES[RecordType(record_type)]
    record = session.get(record_class, record_id)
    if record is None:
        raise RecordNotFound(
            f"记录不存在：{record_type} {record_id}", f"No such record: {record_id}"
        )
    return record


def sync_states_of(session: Session, record_type: str | RecordType, record_ids) -> dict[str, str]:
    """The current sync state of each of ``record_ids`` that exists (one query)."""
    wanted = {record_id for record_id in record_ids if record_id}
    if not wanted:
        return {}
    record_class = RECORD_CLASSES[RecordType(record_type)]
    query = select(record_class.id, record_class.sync_state).where(record_class.id.in_(wanted))
    return {record_id: state for record_id, state in session.execute(query)}
